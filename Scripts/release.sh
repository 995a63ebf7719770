#!/bin/sh
# `make release`: a self-contained Linux x86_64 Attune, packed twice.
#
#   dist/attune-VERSION-linux-x86_64.tar.gz   bin/, share/ (man pages,
#       completions), NOTICES/, INSTALL, install.sh, FILES
#   dist/attune_VERSION_amd64.deb             the same files under /usr
#   dist/SHA256SUMS                           both, as `sha256sum -c` reads them
#
# The binary links the Swift runtime and Foundation statically
# (--static-swift-stdlib) and cmark-gfm statically from Debian's
# libcmark-gfm.a and libcmark-gfm-extensions.a: a pkg-config file naming a
# folder that holds only those two archives makes the linker find no .so.
# Content and templates are already compiled in (Sources/Bundled), so the
# binary needs no file beside it. What is left is the C library family.
#
# Same commit, same bytes: every path is mapped to the checkout's own name,
# timestamps come from the commit (SOURCE_DATE_EPOCH), files are packed in
# name order with numeric owners, and gzip leaves out names and times.
#
#   Scripts/release.sh build   compile and strip the binary (.build/static)
#   Scripts/release.sh stage   man pages, completions, notices (.build/release-stage)
#   Scripts/release.sh pack    the archive, the .deb and SHA256SUMS (dist/)
#   Scripts/release.sh         all three
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$root/.build/static
stage=$root/.build/release-stage
dist=${DIST:-$root/dist}
swift=${SWIFT:-swift}
export LC_ALL=C TZ=UTC
: "${SOURCE_DATE_EPOCH:=$(git log -1 --format=%ct 2>/dev/null || echo 0)}"
export SOURCE_DATE_EPOCH

build() {
    [ -f /usr/lib/x86_64-linux-gnu/libcmark-gfm.a ] && [ -f /usr/lib/x86_64-linux-gnu/libcmark-gfm-extensions.a ] || {
        echo "release: Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev are needed (make deps)" >&2; exit 1; }
    libs=$root/.build/static-cmark
    rm -rf "$libs" && mkdir -p "$libs/pkgconfig"
    cp /usr/lib/x86_64-linux-gnu/libcmark-gfm.a /usr/lib/x86_64-linux-gnu/libcmark-gfm-extensions.a "$libs/"
    sed "s|^libdir=.*|libdir=$libs|" /usr/lib/x86_64-linux-gnu/pkgconfig/libcmark-gfm.pc > "$libs/pkgconfig/libcmark-gfm.pc"
    # The prefix maps keep this folder's path out of the binary (C asserts
    # name their files), so a checkout anywhere else builds the same bytes.
    # Incremental LLVM codegen would leave a hash of each module's IR in a
    # .swift_modhash section, and that hash still sees the unmapped paths.
    # No build ID either: the linker hashes the unstripped output, whose
    # debug information still names the folder.
    PKG_CONFIG_PATH=$libs/pkgconfig "$swift" build -c release --product attune \
        --scratch-path "$scratch" --static-swift-stdlib \
        -Xswiftc -file-prefix-map -Xswiftc "$root=." \
        -Xcc -ffile-prefix-map="$root=." \
        -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen \
        -Xlinker --build-id=none
    mkdir -p "$stage"
    strip --strip-all -o "$stage/attune" "$scratch/release/attune"
    unexpected=$(ldd "$stage/attune" | awk '{print $1}' | grep -vE '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|lib(c|m|stdc\+\+|gcc_s)\.so\.[0-9]+)$' || true)
    [ -z "$unexpected" ] || { echo "release: the binary loads more than the C library family:" >&2; echo "$unexpected" >&2; exit 1; }
}

stage() {
    bin=$stage/attune
    [ -x "$bin" ] || { echo "release: no binary; run Scripts/release.sh build first" >&2; exit 1; }
    tree=$stage/tree
    rm -rf "$tree" && mkdir -p "$tree/bin" "$tree/share/man/man1" \
        "$tree/share/bash-completion/completions" "$tree/share/zsh/site-functions" \
        "$tree/share/fish/vendor_completions.d" "$tree/NOTICES"
    cp "$bin" "$tree/bin/attune"
    # One page per command, from the parser's own help (--experimental-dump-help)
    # through swift-argument-parser's generate-manual, built from the checkout
    # the package already resolved.
    "$swift" build --package-path "$scratch/checkouts/swift-argument-parser" \
        --scratch-path "$root/.build/generate-manual" --product generate-manual >/dev/null
    "$root/.build/generate-manual/debug/generate-manual" "$bin" --multi-page \
        --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" -o "$tree/share/man/man1"
    "$bin" --generate-completion-script bash > "$tree/share/bash-completion/completions/attune"
    "$bin" --generate-completion-script zsh > "$tree/share/zsh/site-functions/_attune"
    "$bin" --generate-completion-script fish > "$tree/share/fish/vendor_completions.d/attune.fish"
    # Licence notices of everything linked in: the toolchain's runtime and
    # Foundation (one licence), ICU inside Foundation, cmark-gfm, the five
    # Swift packages, and the word lists compiled into the privacy guard.
    swiftroot=$(dirname "$(dirname "$(readlink -f "$(command -v "$swift")")")")
    cp "$swiftroot/share/swift/LICENSE.txt" "$tree/NOTICES/swift-runtime-and-foundation.txt"
    cp Packaging/notices/*.txt "$tree/NOTICES/"
    for pkg in swift-argument-parser swift-mustache swift-system SwiftCSV Yams; do
        cp "$(ls "$scratch/checkouts/$pkg"/LICENSE* | head -n 1)" "$tree/NOTICES/$pkg.txt"
    done
    cp Packaging/INSTALL "$tree/INSTALL"
    cp Packaging/install.sh "$tree/install.sh"
    cp Packaging/FILES "$tree/FILES"
    # FILES is what install.sh installs and uninstall removes (and what
    # `make uninstall` removes without building): it must match the tree.
    (cd "$tree" && find bin share -type f | sort) > "$stage/files.actual"
    if ! diff -u Packaging/FILES "$stage/files.actual" >&2; then
        echo "release: Packaging/FILES does not list exactly what was built (diff above)" >&2; exit 1
    fi
    chmod -R u=rwX,go=rX "$tree"
    chmod 755 "$tree/bin/attune" "$tree/install.sh"
}

pack() {
    tree=$stage/tree
    version=$("$tree/bin/attune" --version | sed -n '1s/^attune //p')
    name=attune-$version-linux-x86_64
    mkdir -p "$dist"
    work=$stage/pack
    rm -rf "$work" && mkdir -p "$work"
    cp -a "$tree" "$work/$name"
    find "$work/$name" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    (cd "$work" && tar --sort=name --format=ustar --owner=0 --group=0 --numeric-owner \
        --mtime="@$SOURCE_DATE_EPOCH" -cf - "$name") | gzip -9n > "$dist/$name.tar.gz.tmp"
    mv "$dist/$name.tar.gz.tmp" "$dist/$name.tar.gz"

    # The .deb: the same files under /usr, man pages gzipped as Debian does,
    # and no dependency beyond the C library family.
    deb=$work/deb
    mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/share/man/man1" "$deb/usr/share/doc/attune"
    cp "$tree/bin/attune" "$deb/usr/bin/attune"
    for page in "$tree"/share/man/man1/*.1; do gzip -9n < "$page" > "$deb/usr/share/man/man1/$(basename "$page").gz"; done
    mkdir -p "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/fish/vendor_completions.d"
    cp "$tree/share/bash-completion/completions/attune" "$deb/usr/share/bash-completion/completions/attune"
    cp "$tree/share/zsh/site-functions/_attune" "$deb/usr/share/zsh/vendor-completions/_attune"
    cp "$tree/share/fish/vendor_completions.d/attune.fish" "$deb/usr/share/fish/vendor_completions.d/attune.fish"
    cp -R "$tree/NOTICES" "$deb/usr/share/doc/attune/NOTICES"
    {
        echo "Attune links the following software into /usr/bin/attune; each notice is in"
        echo "/usr/share/doc/attune/NOTICES:"
        (cd "$tree/NOTICES" && ls) | sed 's/^/  /'
    } > "$deb/usr/share/doc/attune/copyright"
    size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
    sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" Packaging/debian-control > "$deb/DEBIAN/control"
    chmod -R u=rwX,go=rX "$deb"
    chmod 755 "$deb/usr/bin/attune"
    find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/attune_${version}_amd64.deb" >/dev/null
    (cd "$dist" && sha256sum "$name.tar.gz" "attune_${version}_amd64.deb" > SHA256SUMS)
    echo "release: $(stat -c %s "$tree/bin/attune") bytes, the stripped binary (ldd: libc, libm, libstdc++, libgcc_s)"
    (cd "$dist" && ls -l "$name.tar.gz" "attune_${version}_amd64.deb" SHA256SUMS | awk '{print "release: " $5 " bytes  dist/" $9}')
}

case ${1:-all} in
    build) build ;;
    stage) stage ;;
    pack) pack ;;
    all) build; stage; pack ;;
    *) echo "usage: Scripts/release.sh [build|stage|pack]" >&2; exit 64 ;;
esac
