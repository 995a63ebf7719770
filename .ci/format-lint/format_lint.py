"""Run the toolchain's `swift format lint` over every Swift file, with the
committed configuration (`.swift-format` at the repository's root).

Usage: python3 format_lint.py [--self-test]

Fails on every finding of swift-format's rules (import order, naming,
`forEach`, access levels, ...). Two kinds of findings are passed over:

- Layout: swift-format also compares each file with what its own pretty
  printer would write (LAYOUT below: indentation, line breaks, spacing,
  line length, trailing commas), and that comparison cannot be turned off
  in a configuration (swiftlang/swift-format issue 764). The tree was
  written by hand, not by that printer (arguments hug their call, multi-line
  strings sit at the statement's indent), so passing it would mean
  reformatting every file. The count of layout findings is printed, so it
  can be seen to fall if the tree is ever formatted.
- Generated files (GENERATED): the privacy word lists, which
  Scripts/privacy-lexicon.sh writes.

The rules that fight the established style are turned off in
`.swift-format` itself (see README, "How it is built").
`--self-test` lints a file with one rule finding and one layout finding and
checks that the first fails the run and the second does not.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

LAYOUT = frozenset({
    "Indentation", "AddLines", "RemoveLine", "Spacing", "LineLength",
    "TrailingWhitespace", "TrailingComma", "EndOfLineComment",
})

GENERATED = ("Sources/Privacy/Lexicon/",)

ROOTS = ("Package.swift", "Sources", "Tests", "Plugins", "Benchmarks")

_FINDING = re.compile(r"^(?P<where>.+?:\d+:\d+): (?P<level>warning|error): \[(?P<rule>\w+)\] ")


def swift_files(root: str) -> list[str]:
    """Every Swift file git tracks under ROOTS, generated ones left out."""
    listed = subprocess.run(["git", "-C", root, "ls-files", "-z", "--", *ROOTS],
                            check=True, capture_output=True, text=True).stdout
    return sorted(path for path in listed.split("\0")
                  if path.endswith(".swift") and not path.startswith(GENERATED))


def lint(root: str, files: list[str], configuration: str) -> tuple[list[str], int]:
    """The findings that fail the run (with their notes), and how many layout ones were passed over."""
    swift = os.environ.get("SWIFT", "swift")
    run = subprocess.run([swift, "format", "lint", "--parallel", "--configuration", configuration, *files],
                         cwd=root, capture_output=True, text=True)
    failing: list[str] = []
    layout = 0
    keep_notes = False
    for line in run.stderr.splitlines():
        finding = _FINDING.match(line)
        if finding:
            keep_notes = finding["rule"] not in LAYOUT
            if keep_notes:
                failing.append(line)
            else:
                layout += 1
        elif ": note: " in line:
            if keep_notes:
                failing.append(line)
        elif line.strip():
            # Anything else (a file swift-format cannot parse, a bad
            # configuration) is a failure too.
            failing.append(line)
            keep_notes = False
    if run.returncode != 0 and not failing and layout == 0:
        failing.append(f"swift format lint exited {run.returncode}: {run.stderr.strip()}")
    return failing, layout


def self_test(root: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        rule = os.path.join(folder, "Rule.swift")
        with open(rule, "w", encoding="utf-8") as f:
            f.write("import Foundation\nimport Dispatch\n\nlet x = 1\n")
        layout = os.path.join(folder, "Layout.swift")
        with open(layout, "w", encoding="utf-8") as f:
            f.write("let y = [\n  1,\n      2,\n]\n")
        configuration = os.path.join(root, ".swift-format")
        failing, _ = lint(folder, ["Rule.swift"], configuration)
        ok = any("[OrderedImports]" in line for line in failing)
        failing_layout, layout_count = lint(folder, ["Layout.swift"], configuration)
        ok = ok and not failing_layout and layout_count > 0
    print("format-lint self-test: " + ("a rule finding fails, a layout finding does not." if ok else "FAILED"))
    return 0 if ok else 1


def main(argv: list[str]) -> int:
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    if "--self-test" in argv[1:]:
        return self_test(root)
    files = swift_files(root)
    failing, layout = lint(root, files, os.path.join(root, ".swift-format"))
    for line in failing:
        print(line, file=sys.stderr)
    findings = sum(1 for line in failing if _FINDING.match(line))
    summary = (f"format-lint: {len(files)} files; {findings} rule finding(s); "
               f"{layout} layout finding(s) not checked (see .ci/format-lint/format_lint.py).")
    if failing:
        print(summary, file=sys.stderr)
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
