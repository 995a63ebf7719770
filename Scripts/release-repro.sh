#!/bin/sh
# `make release-repro`: same commit, same bytes. Clones this commit into a
# fresh folder elsewhere, builds the release there from nothing, and compares
# its archive, .deb and SHA256SUMS with this checkout's dist/ (built by
# `make release` first). Refuses a checkout with uncommitted changes, whose
# dist/ would not be this commit's.
set -eu
cd "$(dirname "$0")/.."
[ -z "$(git status --porcelain)" ] || { echo "release-repro: commit or stash your changes first" >&2; exit 1; }
other=$(mktemp -d /tmp/attune-repro.XXXXXX)
keep=no
trap '[ $keep = yes ] || rm -rf "$other"' EXIT
git clone -q --no-hardlinks . "$other/attune"
git -C "$other/attune" checkout -q "$(git rev-parse HEAD)"
started=$(date +%s)
(cd "$other/attune" && Scripts/release.sh) > "$other/build.log" 2>&1 || { tail -20 "$other/build.log" >&2; exit 1; }
echo "release-repro: built from a fresh clone in $other/attune in $(( $(date +%s) - started ))s"
if diff -u dist/SHA256SUMS "$other/attune/dist/SHA256SUMS"; then
    cmp dist/*.tar.gz "$other/attune/dist/"*.tar.gz && cmp dist/*.deb "$other/attune/dist/"*.deb
    echo "release-repro: byte-identical:"; sed 's/^/  /' dist/SHA256SUMS
else
    keep=yes
    echo "release-repro: the two builds differ (above); files that differ:" >&2
    diff -rq .build/release-stage/tree "$other/attune/.build/release-stage/tree" >&2 || true
    echo "release-repro: the other build is kept in $other/attune" >&2; exit 1
fi
