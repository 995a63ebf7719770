#!/bin/sh
# The clean Debian root release-check unpacks: `debootstrap --variant=minbase`
# of bookworm plus man-db, made once and cached as a tarball
# (ATTUNE_ROOT_CACHE, else /var/cache/attune, else .build/release-check).
# Prints the tarball's path. Safe to run twice at once: the second waits
# for the first (flock) and then finds the tarball, which is how CI makes
# the root in the background while `make test` runs (it is network-bound,
# about a minute) and release-check picks it up afterwards.
set -eu
cd "$(dirname "$0")/../.."
say() { echo "release-check: $*" >&2; }
[ "$(id -u)" = 0 ] || { say "making the clean root needs root (debootstrap)"; exit 1; }
command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
suite=bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [ -n "${ATTUNE_ROOT_CACHE:-}" ]; then cache=$ATTUNE_ROOT_CACHE
elif mkdir -p /var/cache/attune 2>/dev/null && [ -w /var/cache/attune ]; then cache=/var/cache/attune
else cache=$(pwd)/.build/release-check; fi
mkdir -p "$cache"
rootball=$cache/debian-$suite-minbase-man-db.tar
exec 9>"$cache/.lock"
flock 9
if [ ! -f "$rootball" ]; then
    say "making the clean root (debootstrap --variant=minbase $suite, once; cached in $cache)"
    fresh=$(mktemp -d)
    debootstrap --variant=minbase --include=man-db "$suite" "$fresh/root" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log" >&2; rm -rf "$fresh"; say "debootstrap failed"; exit 1; }
    rm -rf "$fresh/root/var/cache/apt/archives/"*.deb
    tar -C "$fresh/root" -cf "$rootball.tmp" . && mv "$rootball.tmp" "$rootball"
    rm -rf "$fresh"
fi
echo "$rootball"
