#!/bin/sh
# `make release-check`: the release as a therapist's laptop gets it.
#
# A clean Debian 12 root made by `debootstrap --variant=minbase` (plus man-db,
# so `man` can be asked; no Swift, no cmark-gfm, no compiler: checked) is
# cached as a tarball (/var/cache/attune, else .build/release-check) and
# unpacked afresh for every run. In it:
#   1. the archive, unpacked in a home folder, runs new, build, handouts,
#      site and trends with the bundled content only (no Content/ or
#      Templates/ anywhere in the root), and its install.sh installs and
#      uninstalls exactly the files it lists;
#   2. the .deb installs with dpkg -i: `attune --version` and `man attune`
#      (and every command's page) work, and dpkg -r leaves nothing behind.
# On the host: the binary loads only the C library family, SHA256SUMS
# matches, the archive and .deb packed again from the same tree are the same
# bytes, and `make install`/`make uninstall` into a DESTDIR leave nothing.
# Needs root (chroot, mount). About a minute once the root is cached.
set -eu
cd "$(dirname "$0")/../.."
repo=$(pwd)
started=$(date +%s)
say() { echo "release-check: $*"; }
fail() { echo "release-check: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (chroot); run it as make release-check"
version=$(.build/release-stage/tree/bin/attune --version | sed -n '1s/^attune //p')
name=attune-$version-linux-x86_64
tarball=dist/$name.tar.gz
deb=dist/attune_${version}_amd64.deb
[ -f "$tarball" ] && [ -f "$deb" ] || fail "no release in dist/ (make release)"

# --- On the host --------------------------------------------------------
bin=.build/release-stage/tree/bin/attune
say "binary: $(stat -c %s "$bin") bytes stripped; archive $(stat -c %s "$tarball") bytes; .deb $(stat -c %s "$deb") bytes"
libs=$(ldd "$bin" | awk '{print $1}' | sort | tr '\n' ' ')
say "ldd: $libs"
echo "$libs" | tr ' ' '\n' | grep -vE '^$|^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|lib(c|m|stdc\+\+|gcc_s)\.so\.[0-9]+)$' \
    && fail "the binary loads more than libc, libm, libstdc++ and libgcc_s"
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match dist/"
before=$(cd dist && sha256sum "$name.tar.gz" "attune_${version}_amd64.deb")
Scripts/release.sh pack >/dev/null
after=$(cd dist && sha256sum "$name.tar.gz" "attune_${version}_amd64.deb")
[ "$before" = "$after" ] || fail "packing the same tree twice gave different bytes"
say "packed twice from the same tree: byte-identical"

destdir=$(mktemp -d)
make --no-print-directory install DESTDIR="$destdir" PREFIX=/opt/attune > "$destdir.log" 2>&1 \
    || { cat "$destdir.log" >&2; fail "make install"; }
rm -f "$destdir.log"
(cd "$destdir/opt/attune" && find . -type f | sed 's|^\./||' | sort) | diff -u Packaging/FILES - \
    || fail "make install did not install exactly Packaging/FILES"
make --no-print-directory -s uninstall DESTDIR="$destdir" PREFIX=/opt/attune >/dev/null
[ -z "$(find "$destdir" -type f)" ] || fail "make uninstall left files: $(find "$destdir" -type f)"
rm -rf "$destdir"
say "make install and make uninstall (DESTDIR): exactly Packaging/FILES, nothing left"

# --- The clean root -----------------------------------------------------
rootball=$(.ci/release-check/clean_root.sh) || fail "making the clean root"
work=$repo/.build/release-check
root=$work/root
mkdir -p "$work"
cleanup() {
    umount "$root/proc" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
umount "$root/proc" 2>/dev/null || true
rm -rf "$root" && mkdir -p "$root"
tar -C "$root" -xf "$rootball"
mount -t proc proc "$root/proc"
run() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin "$@"; }

# Nothing Attune could lean on by accident.
for tool in swift swiftc cc gcc clang c++ g++ cmark-gfm; do
    run sh -c "command -v $tool" >/dev/null && fail "the clean root has $tool"
done
[ -z "$(find "$root/usr" -name 'libcmark*' -o -name 'libswift*' -o -name 'libFoundation*')" ] || fail "the clean root has cmark-gfm or Swift libraries"
say "clean root: Debian $(cat "$root/etc/debian_version") minbase, no Swift, cmark-gfm or compiler"

# 1. The archive, in a home folder, with the bundled content only.
mkdir -p "$root/home/sam"
tar -C "$root/home/sam" -xzf "$tarball"
cp -R Examples/cohort "$root/home/sam/cohort"
cp -R Examples/journal-year "$root/home/sam/journal-year"
a="/home/sam/$name/bin/attune"
run sh -c "cd /home/sam && $a --version" | grep -q "^attune $version\$" || fail "attune --version in the clean root"
run sh -c "cd /home/sam && $a new --therapist 'Sam Rivera' --week 2026-W47" >/dev/null || fail "attune new"
[ -f "$root/home/sam/journal/2026-W47.md" ] || fail "attune new wrote no journal"
run sh -c "cd /home/sam && $a build" >/dev/null || fail "attune build"
[ -s "$root/home/sam/out/2026-W47.html" ] && [ -s "$root/home/sam/out/2026-W47.md" ] || fail "attune build wrote no workbook"
run sh -c "cd /home/sam && $a handouts cohort/roster.yaml --week 2026-W47 --out handouts" >/dev/null || fail "attune handouts"
[ -s "$root/home/sam/handouts/index.html" ] || fail "attune handouts wrote no index"
run sh -c "cd /home/sam && $a site --out site" >/dev/null || fail "attune site"
[ -s "$root/home/sam/site/index.html" ] || fail "attune site wrote no index"
run sh -c "cd /home/sam && $a trends journal-year --out trends" >/dev/null || fail "attune trends"
[ -s "$root/home/sam/trends/trends.html" ] || fail "attune trends wrote no report"
say "archive in the clean root: new, build, handouts, site, trends"

run sh -c "cd /home/sam/$name && ./install.sh" >/dev/null || fail "install.sh"
run sh -c "attune --version && man -P cat attune.build" | grep -q "attune build" || fail "after install.sh: attune or man attune.build"
run sh -c "cd /home/sam/$name && ./install.sh --uninstall" >/dev/null || fail "install.sh --uninstall"
[ -z "$(find "$root/usr/local" -type f)" ] || fail "install.sh --uninstall left: $(find "$root/usr/local" -type f)"
say "install.sh and install.sh --uninstall (/usr/local): nothing left"

# 2. The .deb.
cp "$deb" "$root/tmp/attune.deb"
run dpkg -i /tmp/attune.deb >/dev/null || fail "dpkg -i"
run attune --version | grep -q "^attune $version\$" || fail "attune --version after dpkg -i"
run attune --version | sed 's/^/release-check:   /'
page=$(run man -P cat attune 2>&1) || fail "man attune: $page"
echo "$page" | grep -q "Reflective-practice workbooks" || fail "man attune does not describe attune"
for command in new form import build check site handouts trends; do
    run man -P cat "attune.$command" 2>/dev/null | grep -q "attune $command" || fail "man attune.$command"
done
for completion in /usr/share/bash-completion/completions/attune /usr/share/zsh/vendor-completions/_attune /usr/share/fish/vendor_completions.d/attune.fish; do
    [ -s "$root$completion" ] || fail "the .deb installed no $completion"
done
run dpkg -r attune >/dev/null || fail "dpkg -r"
[ ! -e "$root/usr/bin/attune" ] && [ ! -e "$root/usr/share/man/man1/attune.1.gz" ] || fail "dpkg -r left files"
say ".deb in the clean root: dpkg -i, attune --version, man attune (and each command), dpkg -r"

say "passed in $(( $(date +%s) - started ))s"
