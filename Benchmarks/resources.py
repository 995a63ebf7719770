"""Time and peak memory of Attune on hostile Markdown, just under each limit.

Usage: python3 Benchmarks/resources.py path/to/attune [--quick]

Every shape of cmark's own pathological tests (and a few more of ours) is
built to just under the size limit of each place Markdown is accepted:

- an answer in a journal (`attune build`),
- the text before a journal's first prompt (`attune build`),
- the notes of a rupture-log entry (`attune build`),
- a roster's notes (`attune handouts`),
- a card's body in a `--content` overlay (`attune site`),

and, for a few shapes, a whole journal just under its limit (four answers).
Each run goes under `/usr/bin/time -v` (GNU time, Debian's `time` package)
for its wall time and peak resident memory. The criterion: every run takes
at most 10 s and 1 GiB, or is refused (exit 1, with an error naming the
place), and a refusal must come within the same bounds. The table goes into `Benchmarks/results.md`, between the markers
`<!-- bench-resources -->` and `<!-- /bench-resources -->` (kept there by
`make bench`). Exit 1 when any run fails the criterion.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "Benchmarks" / "results.md"
START, END = "<!-- bench-resources -->", "<!-- /bench-resources -->"
MAX_SECONDS = 10.0
MAX_BYTES = 1024 ** 3

KIB = 1024
ANSWER_LIMIT = 64 * KIB  # InputLimits.answerBytes, noteBytes, cardBodyBytes
JOURNAL_LIMIT = 256 * KIB
MARGIN = 64  # "just under": the limit less a little for the wrapping


def repeat(unit: str, prefix: str = "", suffix: str = ""):
    return lambda n: prefix + unit * n + suffix


def nested(opening: str, middle: str, closing: str):
    return lambda n: opening * n + middle + closing * n


# Name -> a function of n giving the text, growing with n. From cmark's
# test/pathological_tests.py, cmark-gfm's extensions, and our own.
SHAPES = {
    "nested strong emphasis": nested("*a **a ", "b", " a** a*"),
    "many emphasis closers, no openers": repeat("a_ "),
    "many emphasis openers, no closers": repeat("_a "),
    "openers and closers, multiple of 3": repeat("c* ", prefix="a**b"),
    "link openers and emphasis closers": repeat("[ a_"),
    "pattern '[ (](' repeated": repeat("[ (]("),
    "hard link/emphasis case": repeat("**x [a*b**c*](d)"),
    "nested brackets": nested("[", "a", "]"),
    "nested block quotes": lambda n: "> " * n + "a",
    "deeply nested lists": lambda n: "".join("  " * i + "* a\n" for i in range(n)),
    "backtick runs of growing length": lambda n: "".join("e" + "`" * i for i in range(1, n + 1)),
    "one long backtick run": repeat("`", prefix="a", suffix="a"),
    "unclosed links '[a](<b'": repeat("[a](<b"),
    "unclosed links '[a](b'": repeat("[a](b"),
    "many '[' then '](' ": lambda n: "[" * n + "](" * n,
    "many ']('": repeat("]("),
    "many '[](' ": repeat("[]("),
    "many '![' ": repeat("!["),
    "nested links": nested("[a](", "b", ")"),
    "many link reference definitions": lambda n: "".join(f"[l{i}]: /u{i}\n" for i in range(n)) + "".join(f"[l{i}] " for i in range(n)),
    "reference definitions, one label, used often": lambda n: "[a]: /u\n" * (n // 2) + "[a] " * (n // 2),
    "long reference label": lambda n: "[" + "a" * n + "]: /u\n\n[" + "a" * n + "]",
    "'<' runs": repeat("<"),
    "'<a ' unclosed inline HTML": repeat("<a "),
    "'<!--' unclosed comments (1,000 allowed)": lambda n: "<!--" * min(n, 1000) + "a" * max(0, n - 1000),
    "'<?' openers (1,000 allowed)": lambda n: "<?" * min(n, 1000) + "a" * max(0, n - 1000),
    "'<![CDATA[' openers (1,000 allowed)": lambda n: "<![CDATA[" * min(n, 1000) + "a" * max(0, n - 1000),
    "'<!A' declarations (1,000 allowed)": lambda n: "<!A " * min(n, 1000) + "a" * max(0, n - 1000),
    "'<?' openers, over the limit": repeat("<?"),
    "entity runs '&#'": repeat("&#"),
    "long entities '&aaaa;'": repeat("&" + "a" * 30 + "; "),
    "numeric entities": repeat("&#123456789; "),
    "backslash runs": repeat("\\"),
    "escaped punctuation": repeat("\\*\\_\\[\\]"),
    "strikethrough runs": repeat("~~a "),
    "single tilde runs": repeat("~a "),
    "autolinks 'www.'": repeat("www.a.b "),
    "autolink with many underscores": repeat("_", prefix="www.a"),
    "email autolinks": repeat("a@b.c "),
    "autolink-like, never closed": repeat("http://a"),
    "task list items": repeat("- [ ] a\n"),
    "table, 200 cells, many short rows": lambda n: "|a" * 199 + "|\n" + "|-" * 199 + "|\n" + "a\n" * n,
    "table, 200 cells, many full rows": lambda n: "|a" * 199 + "|\n" + "|-" * 199 + "|\n" + ("|a" * 199 + "|\n") * n,
    "table, wide header over the limit": lambda n: "|a" * n + "|\n" + "|-" * n + "|\n",
    "many two-column tables": repeat("| a | b |\n| - | - |\n| c | d |\n\n"),
    "emphasis inside table cells": lambda n: "|" + "*a|" * 199 + "\n" + "|-" * 199 + "|\n" + ("|" + "**a|" * 199 + "\n") * n,
    "many headings": repeat("# a\n"),
    "setext heading underline runs": repeat("a\n=\n"),
    "long line of '*'": repeat("*"),
    "long line of '_'": repeat("_"),
    "thematic breaks": repeat("***\n"),
    "many fenced code blocks": repeat("```\na\n```\n"),
    "unclosed fence then text": lambda n: "```\n" + "a\n" * n,
    "many HTML blocks": repeat("<div>\n\n"),
    "hard line breaks": repeat("a  \n"),
    "CRLF lines": repeat("a\r\n"),
    "combining marks": repeat("a\u0301\u0302\u0303"),
    "one very long word": repeat("a"),
}

# Shapes worth running also as a whole journal just under its limit.
JOURNAL_SHAPES = ["nested strong emphasis", "nested brackets", "table, 200 cells, many short rows", "many link reference definitions", "'<' runs"]


def fit(make, budget: int, measure=lambda text: text) -> str:
    """The largest text `make(n)` can give with `measure(text)` (the part
    the limit applies to) within `budget` bytes."""
    def size(n: int) -> int:
        return len(measure(make(n)).encode())
    low, high = 0, 1
    while size(high) <= budget:
        low, high = high, high * 2
        if high > 10_000_000:
            break
    while high - low > 1:
        middle = (low + high) // 2
        if size(middle) <= budget:
            low = middle
        else:
            high = middle
    return make(low)


def journal(body: str, week: str = "2026-W47", focus: str = "when-therapy-is-questioned") -> str:
    return f"---\ntherapist: Sam Rivera\nweek: {week}\nfocus: {focus}\n---\n\n{body}"


PROMPT = "<!-- prompt: reflect-questioned-process -->\n## When a client questions the point\n\n"


def place_answer(root: Path, shape: str) -> list[str]:
    (root / "journal").mkdir()
    (root / "journal" / "2026-W47.md").write_text(journal(PROMPT + shape + "\n"), newline="")
    return ["build", "journal", "--out", "out"]


def place_preamble(root: Path, shape: str) -> list[str]:
    (root / "journal").mkdir()
    (root / "journal" / "2026-W47.md").write_text(journal(shape + "\n\n" + PROMPT + "An answer.\n"), newline="")
    return ["build", "journal", "--out", "out"]


def rupture_entry(shape: str) -> str:
    """The rupture log's answer: one entry whose notes are `shape` (the
    notes share the answer's limit)."""
    notes = "".join("  " + line + "\n" for line in shape.split("\n"))
    return (
        "```rupture\nclient: Kestrel\nmarkers: [marker-minimal-response]\ntension: 4\nresolution: 2\n"
        "notes: |2\n" + notes + "```"
    )


def place_rupture_notes(root: Path, shape: str) -> list[str]:
    body = "<!-- prompt: rupture-log -->\n## Rupture log\n\n" + rupture_entry(shape) + "\n"
    (root / "journal").mkdir()
    (root / "journal" / "2026-W02.md").write_text(journal(body, week="2026-W02", focus="noticing-confrontation"), newline="")
    return ["build", "journal", "--out", "out"]


def place_roster_note(root: Path, shape: str) -> list[str]:
    roster = {"cohort": "Bench", "supervisor": "Dr Bench", "week": "2026-W47", "notes": shape, "trainees": ["Ana", "Ben"]}
    (root / "roster.yaml").write_text(yaml.safe_dump(roster, allow_unicode=True, width=1 << 30), newline="")
    return ["handouts", "roster.yaml", "--out", "out"]


def place_card_body(root: Path, shape: str) -> list[str]:
    # The bundled rupture types replaced by a small file of the same name
    # whose first card's body is the shape (a block scalar with its
    # indentation given, so any first line works). Small, because the
    # site's privacy screen reads an overlay as untrusted text.
    body = "".join("      " + line + "\n" for line in shape.split("\n"))
    text = (
        "section: rupture-types\ntitle: Two kinds of rupture\ncards:\n"
        "  - id: confrontation\n    title: Confrontation ruptures\n"
        "    summary: The client moves against you or the therapy.\n"
        "    body: |2\n" + body +
        "    sources: [safran-muran-2000]\n"
        "  - id: withdrawal\n    title: Withdrawal ruptures\n"
        "    summary: The client moves away from you or the work.\n"
        "    body: The client moves away.\n"
        "    sources: [safran-muran-2000]\n"
    )
    (root / "content").mkdir()
    (root / "content" / "rupture-types.yaml").write_text(text, newline="")
    return ["site", "--content", "content", "--out", "out"]


def place_whole_journal(root: Path, make) -> list[str]:
    ids = ["reflect-questioned-process", "reflect-what-i-did", "reflect-what-i-wish", "wish-uncomfortable-moments"]
    part = fit(make, ANSWER_LIMIT - MARGIN)
    body = "".join(f"<!-- prompt: {pid} -->\n## Prompt\n\n{part}\n\n" for pid in ids)
    text = journal(body)
    (root / "journal").mkdir()
    (root / "journal" / "2026-W47.md").write_text(text[:JOURNAL_LIMIT - 1] if len(text.encode()) >= JOURNAL_LIMIT else text, newline="")
    return ["build", "journal", "--out", "out"]


# Each place: how to set it up, and the part of the text its limit counts.
PLACES = {
    "answer": (place_answer, lambda shape: shape),
    "text before the prompts": (place_preamble, lambda shape: shape),
    "rupture notes": (place_rupture_notes, rupture_entry),
    "roster notes": (place_roster_note, lambda shape: shape),
    "card body": (place_card_body, lambda shape: shape),
}


def measure(attune: str, args: list[str], cwd: Path) -> tuple[float, int, int, str]:
    done = subprocess.run(["/usr/bin/time", "-v", attune, *args], cwd=cwd, capture_output=True, text=True, errors="replace")
    err = done.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else float("nan")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    status = re.search(r"Exit status: (\d+)", err)
    code = int(status.group(1)) if status else done.returncode
    first_error = next((line for line in err.splitlines() if ": error: " in line), "")
    return seconds, int(rss.group(1)) * 1024 if rss else 0, code, first_error, err


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("attune")
    parser.add_argument("--quick", action="store_true", help="the first ten shapes only")
    parser.add_argument("--no-write", action="store_true")
    options = parser.parse_args()
    attune = str(Path(options.attune).resolve())
    if not Path("/usr/bin/time").exists():
        sys.exit("bench-resources: /usr/bin/time is missing (Debian's 'time' package)")
    shapes = dict(list(SHAPES.items())[:10]) if options.quick else SHAPES
    rows, failures = [], []
    with tempfile.TemporaryDirectory(prefix="attune-resources-") as scratch:
        runs = [(name, place, PLACES[place], make) for name, make in shapes.items() for place in PLACES]
        runs += [(name, "whole journal", None, SHAPES[name]) for name in JOURNAL_SHAPES if name in shapes]
        for index, (name, place, put, make) in enumerate(runs):
            root = Path(scratch) / f"run{index}"
            root.mkdir()
            if put is None:
                args = place_whole_journal(root, make)
                size = (root / "journal" / "2026-W47.md").stat().st_size
            else:
                put, limited = put
                shape = fit(make, ANSWER_LIMIT - MARGIN, limited)
                size = len(limited(shape).encode())
                args = put(root, shape)
            seconds, peak, code, error, stderr_tail = measure(attune, args, root)
            refused = code == 1 and bool(error)
            if code == 1 and not error and "possible client identifier" in stderr_tail:
                refused, error = True, "x: error: the privacy guard found possible client identifiers (site screens what it publishes)"
            # Refused or built, every run must end within the bounds: a
            # refusal that comes after a minute is no protection.
            ok = (refused or code == 0) and seconds <= MAX_SECONDS and peak <= MAX_BYTES
            outcome = "refused" if refused else ("built" if code == 0 else f"exit {code}")
            reason = error.split(": error: ", 1)[1] if refused else ""
            rows.append((name, place, size, seconds, peak, outcome, reason, ok))
            if not ok:
                failures.append(f"{name} in {place}: {outcome}, {seconds:.2f} s, {peak / 2**20:.0f} MiB")
            print(f"{'ok  ' if ok else 'FAIL'} {seconds:6.2f} s {peak / 2**20:7.1f} MiB  {outcome:8} {size:7} B  {place}: {name}", flush=True)
            shutil.rmtree(root)
    worst_time = max(rows, key=lambda row: row[3])
    worst_memory = max(rows, key=lambda row: row[4])
    lines = [
        START,
        "## Hostile Markdown at the limits (`make bench-resources`)",
        "",
        "Written by `Benchmarks/resources.py` (release build, each run under",
        "`/usr/bin/time -v`; one run each, so wall times carry the machine's noise).",
        "Every shape of cmark's pathological tests, and more, at just under the",
        "limit of each place Markdown is accepted (64 KiB, less a few bytes for the",
        "wrapping; a whole journal just under 256 KiB for some). Criterion: at most",
        f"{MAX_SECONDS:.0f} s and 1 GiB, whether built or refused with an error.",
        "",
        f"- Runs: {len(rows)}; refused: {sum(row[5] == 'refused' for row in rows)}; "
        f"failing the criterion: {len(failures)}.",
        f"- Slowest: {worst_time[0]} in {worst_time[1]}, {worst_time[3]:.2f} s.",
        f"- Most memory: {worst_memory[0]} in {worst_memory[1]}, {worst_memory[4] / 2**20:.0f} MiB.",
        "",
        "| shape | place | bytes | wall s | peak MiB | outcome |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for name, place, size, seconds, peak, outcome, reason, ok in rows:
        shown = name.replace("|", "\\|")
        lines.append(f"| {shown} | {place} | {size} | {seconds:.2f} | {peak / 2**20:.1f} | {outcome}{'' if ok else ' **FAILS**'} |")
    refusals = sorted({(row[1], row[6]) for row in rows if row[5] == "refused"})
    if refusals:
        lines += ["", "Why each refused run was refused (the first error):", ""]
        lines += [f"- {place}: {reason}" for place, reason in refusals]
    lines += ["", END, ""]
    section = "\n".join(lines)
    if not options.no_write:
        text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
        if START in text:
            text = text[: text.index(START)] + section + text[text.index(END) + len(END) + 1:]
        else:
            text = text.rstrip("\n") + "\n\n" + section
        RESULTS.write_text(text)
        print(f"bench-resources: wrote {RESULTS}")
    for failure in failures:
        print("FAIL " + failure)
    print(f"bench-resources: {len(rows)} runs, {len(failures)} failing the criterion "
          f"(slowest {worst_time[3]:.2f} s, most memory {worst_memory[4] / 2**20:.0f} MiB)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
