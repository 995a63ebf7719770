#!/bin/sh
# Installs Attune from this folder under PREFIX (default /usr/local):
#   ./install.sh [PREFIX]              the binary, man pages and completions
#   ./install.sh --uninstall [PREFIX]  removes exactly those files again
# DESTDIR, if set, is put in front of PREFIX (for packagers). The files are
# the ones listed in FILES, so uninstalling never touches anything else.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
action=install
if [ "${1:-}" = --uninstall ]; then action=uninstall; shift; fi
prefix=${1:-${PREFIX:-/usr/local}}
case $prefix in /*) ;; *) echo "install.sh: PREFIX must be an absolute path, not '$prefix'" >&2; exit 64 ;; esac
target=${DESTDIR:-}$prefix
while IFS= read -r file; do
    [ -n "$file" ] || continue
    if [ $action = install ]; then
        mode=644; [ "$file" = bin/attune ] && mode=755
        install -D -m "$mode" "$here/$file" "$target/$file"
    else
        rm -f "$target/$file"
    fi
done < "$here/FILES"
if [ $action = install ]; then
    echo "Installed attune in $target/bin (man attune; completions for bash, zsh and fish)."
    case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to your PATH to run it as 'attune'." ;; esac
else
    echo "Removed attune from $target."
fi
