"""Five one-line bugs the tests must catch (issue 16), checked by mutation.

Usage: python3 .ci/mutants/mutants.py [--scratch DIR] [--only NAME ...] [--list]

Each mutant is a one-line change to a source file that a named test suite
is meant to notice: the privacy guard's boundary between ages 89 and 90,
`build --share --redact` and the text before the first prompt, the HTML
escaper's fast path and `"`, a `date:` field in a rupture entry, and the
16/17-week boundary where the trends report starts grouping by month.

The package is copied to a scratch folder (by default `.build/mutants`,
kept between runs so a second run builds incrementally; the working tree
is never edited). For each mutant the script puts the bug in the copy, runs
`swift test --filter` with its suite there, and puts the file back. A
mutant must be killed: the build succeeds and at least one test fails. A
mutant whose tests pass survived, and one that does not build (or whose
test run crashes before its summary) proves nothing; either fails the
script. Several minutes: every mutant rebuilds
what depends on the file it changes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Mutant:
    name: str
    why: str
    path: str
    original: str
    mutated: str
    # `swift test --filter`: a regular expression over `Target.Suite/test`.
    suite: str


MUTANTS = [
    Mutant(
        "age-90",
        "an age of 90 in figures or words is no longer flagged (the first age Safe Harbor counts)",
        "Sources/Privacy/Detector.swift",
        "if let value, value >= 90, value <= 125 {",
        "if let value, value >= 91, value <= 125 {",
        "PrivacyTests.PrivacyScannerTests",
    ),
    Mutant(
        "redact-preamble",
        "`build --share --redact` leaves the text before the first prompt as written",
        "Sources/Sharing/PrivacyGuard.swift",
        "shared.preamble = text",
        "shared.preamble = preamble",
        "WorkbookTests.PrivacyGuardTests",
    ),
    Mutant(
        "escape-quote-fast-path",
        "the HTML escaper's fast path forgets `\"`, so text whose only special character is `\"` comes back unescaped",
        "Sources/Templating/HTMLEscaping.swift",
        '|| byte == UInt8(ascii: "\\"") || byte == UInt8(ascii: "\'")',
        '|| byte == UInt8(ascii: "\'")',
        "TemplatingTests.HTMLEscapingTests",
    ),
    Mutant(
        "rupture-date-field",
        "a `date:` field is accepted in a rupture entry",
        "Sources/Journal/RuptureLogReader.swift",
        'for key in ["session", "date"] {',
        'for key in ["session"] {',
        "JournalTests.RuptureLogTests",
    ),
    Mutant(
        "trends-16-weeks",
        "a 16-week trends report is grouped by month instead of one column a week",
        "Sources/Trends/TrendsFigures.swift",
        "if weeks.count <= 16 {",
        "if weeks.count < 16 {",
        "TrendsTests.TrendsFiguresTests",
    ),
]

# Swift Testing's summary when a test failed, and XCTest's.
_FAILED = re.compile(r"Test run with \d+ tests?.* failed|Executed \d+ tests?, with [1-9]\d* failures?")


def package_files(root: str) -> list[str]:
    """The package's files as git sees them: tracked and new, ignored ones left out."""
    listing = subprocess.run(
        ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True, capture_output=True,
    ).stdout.decode()
    return sorted(path for path in listing.split("\0") if path and os.path.isfile(os.path.join(root, path)))


def same(a: str, b: str) -> bool:
    if not os.path.isfile(b) or os.path.getsize(a) != os.path.getsize(b):
        return False
    with open(a, "rb") as left, open(b, "rb") as right:
        return left.read() == right.read()


def sync(root: str, scratch: str) -> None:
    """Copies the package into `scratch`, touching only files that differ,
    so SwiftPM rebuilds only what changed since the last run."""
    files = package_files(root)
    for path in files:
        source, target = os.path.join(root, path), os.path.join(scratch, path)
        if not same(source, target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(source, target)
    wanted = set(files)
    for folder, subfolders, names in os.walk(scratch):
        relative = os.path.relpath(folder, scratch)
        if relative == ".":
            subfolders[:] = [name for name in subfolders if name not in (".build", ".swiftpm")]
        for name in names:
            path = os.path.normpath(os.path.join(relative, name))
            if path not in wanted:
                os.remove(os.path.join(folder, name))
    # The resolved packages, so the copy does not fetch them again.
    build = os.path.join(root, ".build")
    for name in ("checkouts", "repositories"):
        if os.path.isdir(os.path.join(build, name)) and not os.path.exists(os.path.join(scratch, ".build", name)):
            shutil.copytree(os.path.join(build, name), os.path.join(scratch, ".build", name), symlinks=True)
    state = os.path.join(build, "workspace-state.json")
    if os.path.isfile(state) and not os.path.exists(os.path.join(scratch, ".build", "workspace-state.json")):
        shutil.copy2(state, os.path.join(scratch, ".build", "workspace-state.json"))


def run_mutant(mutant: Mutant, scratch: str, swift: str) -> tuple[str, str]:
    """Returns (verdict, detail): 'killed', 'survived' or 'no-build'."""
    path = os.path.join(scratch, mutant.path)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    count = text.count(mutant.original)
    if count != 1:
        raise SystemExit(f"{mutant.path}: the line to mutate for '{mutant.name}' occurs {count} times, not once: {mutant.original!r}")
    try:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text.replace(mutant.original, mutant.mutated))
        result = subprocess.run(
            [swift, "test", "--filter", mutant.suite], cwd=scratch, capture_output=True, text=True,
        )
    finally:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    output = result.stdout + result.stderr
    if result.returncode != 0 and _FAILED.search(output):
        failures = [line.strip() for line in output.splitlines() if "✘ Test" in line]
        return "killed", "\n".join(failures[:8])
    if result.returncode != 0:
        # No test summary: the mutant did not build, or the test run crashed.
        return "no-build", output[-3000:]
    return "survived", output[-1500:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--scratch", default=os.path.join(root, ".build", "mutants"))
    parser.add_argument("--only", nargs="*", default=None, help="mutant names to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    arguments = parser.parse_args()
    mutants = [m for m in MUTANTS if arguments.only is None or m.name in arguments.only]
    if arguments.list:
        for mutant in MUTANTS:
            print(f"{mutant.name}: {mutant.path}: {mutant.original!r} -> {mutant.mutated!r}; {mutant.suite}\n    {mutant.why}")
        return 0
    if not mutants:
        raise SystemExit(f"no mutant named {arguments.only}; --list shows them")
    swift = os.environ.get("SWIFT", "swift")
    scratch = os.path.abspath(arguments.scratch)
    os.makedirs(scratch, exist_ok=True)
    sync(root, scratch)
    bad = 0
    for mutant in mutants:
        verdict, detail = run_mutant(mutant, scratch, swift)
        print(f"{verdict:8}  {mutant.name}: {mutant.why}\n          {mutant.path}: {mutant.mutated!r}; {mutant.suite}", flush=True)
        if verdict != "killed":
            bad += 1
            print(detail, file=sys.stderr)
        elif detail:
            print("\n".join("          " + line for line in detail.splitlines()))
    print(f"{len(mutants) - bad} of {len(mutants)} mutants killed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
