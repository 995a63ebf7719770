"""Check that Package.swift declares exactly what each target imports.

Usage: python3 import_check.py [PACKAGE_DIR]      (default: the current folder)

SwiftPM lets a target import a module it reaches only through another
target's dependencies, and never complains about a dependency that is not
used, so Package.swift drifts from the real graph without anyone noticing:
a target then builds only as part of the whole package, not on its own
(`swift build --target X`). This check keeps the two equal.

For every target `swift package dump-package` lists (source, executable,
test and plugin targets; system libraries have no Swift files), it reads
the `import` lines of the target's Swift files (plain, `@testable`,
`@preconcurrency`, `@_exported`, `package`/`internal`/`public import`,
`import struct M.X` and the like) and compares the set of modules with the
target's declared dependencies (target dependencies and product
dependencies, by module name). The toolchain's own modules (SYSTEM_MODULES)
are not package dependencies and are ignored. A dependency on an executable
that is built to be run rather than imported is accepted only where
RUN_NOT_IMPORTED lists it.

The target list comes from SwiftPM itself (dump-package's JSON), never from
reading Package.swift by hand. Any difference fails, naming the target, the
declared-but-not-imported modules ("extra") and the imported-but-not-declared
ones ("missing").
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

# Modules that come with the toolchain or the system, never from a package.
SYSTEM_MODULES = frozenset({
    "Foundation", "FoundationEssentials", "FoundationInternationalization",
    "FoundationNetworking", "FoundationXML",
    "Testing", "XCTest",
    "Glibc", "Musl", "Darwin", "WinSDK", "Android", "Bionic",
    "Dispatch", "Swift", "_Concurrency", "Synchronization", "RegexBuilder",
    "Observation", "os", "PackagePlugin", "PackageDescription",
})

# Executables a target depends on so that they are built before it runs
# them, not to import them: target -> {executable target}.
RUN_NOT_IMPORTED = {
    # The build-tool plugin runs attune-embed to compile Content/ and Templates/ in.
    "EmbedFolders": {"attune-embed"},
    # BinaryTests runs the built `attune` binary itself.
    "AttuneCLITests": {"attune"},
}

# Products whose module has another name than the product (none today).
PRODUCT_MODULES: dict[str, str] = {}

_DEFAULT_ROOT = {"test": "Tests", "plugin": "Plugins"}

_IMPORT = re.compile(
    r"^[ \t]*(?:@\w+(?:\([^)]*\))?[ \t]+)*"
    r"(?:(?:public|package|internal|fileprivate|private)[ \t]+)?"
    r"import[ \t]+"
    r"(?:(?:class|struct|enum|protocol|typealias|func|var|let)[ \t]+)?"
    r"([A-Za-z_][A-Za-z0-9_]*)",
    re.MULTILINE,
)

_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# Multi-line strings (raw or not): a word list or a fixture inside one may
# well have a line that starts with "import".
_MULTILINE_STRING = re.compile(r'(#*)""".*?"""\1', re.DOTALL)


def imports_in(source: str) -> set[str]:
    """The modules a Swift file imports (comments and multi-line strings skipped)."""
    source = _BLOCK_COMMENT.sub("", source)
    source = _MULTILINE_STRING.sub('""', source)
    return set(_IMPORT.findall(source))


def declared_modules(target: dict) -> set[str]:
    """The module names of a target's declared dependencies (dump-package JSON)."""
    modules = set()
    for dependency in target.get("dependencies", []):
        for kind, value in dependency.items():
            name = value[0]
            if kind == "product":
                name = PRODUCT_MODULES.get(name, name)
            modules.add(name)
    return modules


def swift_files(package_dir: str, target: dict) -> list[str]:
    """The target's Swift files, honouring its `path` and `exclude`."""
    root = target.get("path") or os.path.join(
        _DEFAULT_ROOT.get(target["type"], "Sources"), target["name"])
    root = os.path.join(package_dir, root)
    excluded = [os.path.normpath(os.path.join(root, e)) for e in target.get("exclude", [])]
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(s for s in subfolders
                               if os.path.normpath(os.path.join(folder, s)) not in excluded)
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith(".swift") and os.path.normpath(path) not in excluded:
                found.append(path)
    return found


def compare(package: dict, package_dir: str,
            run_not_imported: dict[str, set[str]] | None = None) -> list[str]:
    """One message per target whose imports differ from its dependencies."""
    if run_not_imported is None:
        run_not_imported = RUN_NOT_IMPORTED
    executables = {t["name"] for t in package["targets"] if t["type"] == "executable"}
    problems = []
    for target in package["targets"]:
        if target["type"] == "system":
            continue
        imported = set()
        for path in swift_files(package_dir, target):
            with open(path, encoding="utf-8") as f:
                imported |= imports_in(f.read())
        imported -= SYSTEM_MODULES
        declared = declared_modules(target)
        allowed_unimported = run_not_imported.get(target["name"], set()) & executables
        extra = sorted(declared - imported - allowed_unimported)
        missing = sorted(imported - declared)
        if extra or missing:
            parts = []
            if extra:
                parts.append("declared but never imported: " + ", ".join(extra))
            if missing:
                parts.append("imported but not declared: " + ", ".join(missing))
            problems.append(f"{target['name']}: " + "; ".join(parts))
    return problems


def main(argv: list[str]) -> int:
    package_dir = argv[1] if len(argv) > 1 else "."
    swift = os.environ.get("SWIFT", "swift")
    dump = subprocess.run([swift, "package", "--package-path", package_dir, "dump-package"],
                          check=True, capture_output=True, text=True)
    package = json.loads(dump.stdout)
    problems = compare(package, package_dir)
    for problem in problems:
        print(f"Package.swift: error: {problem}", file=sys.stderr)
    if problems:
        print(f"import-check: {len(problems)} target(s) differ from their imports.", file=sys.stderr)
        return 1
    count = sum(1 for t in package["targets"] if t["type"] != "system")
    print(f"import-check: every target's dependencies equal its imports ({count} targets).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
