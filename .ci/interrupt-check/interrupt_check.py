"""Interrupt `attune` at random moments and check that nothing is lost.

Usage: python3 interrupt_check.py path/to/attune [--seed N] [--trials N]

For each command that writes (build, handouts with a long roster, site and
import --keep both) a scene is set once in a scratch folder: the inputs, a
previous run's outputs (made from slightly different inputs, so this run
changes them), and a file of the user's own inside the output folder. Its
every file is hashed (content and mode): the "before" state. The same scene
run to completion gives the "after" state.

Each trial copies the scene, starts the command, sends SIGINT, SIGTERM or
SIGKILL after a random delay (a seeded fraction of the time a full run
takes; the seed is printed, and `--seed` replays the same fractions), and
checks:

- SIGINT and SIGTERM: the run either finished first (exit 0, the "after"
  state), or says "attune: interrupted: nothing was changed" and exits
  128 + the signal, leaving exactly the "before" state, no staging folder
  included; or says the output was already complete and leaves exactly the
  "after" state; or was stopped before it installed its handlers (the
  signal's default action) and left the "before" state.
- SIGKILL (which no program can catch): every input and every file of the
  user's own is byte-identical; every file Attune wrote in the previous run
  is either its old or its new complete version (never partial); anything
  new is either a file of the "after" state or lies under a staging name
  (`.attune-staging-*`, `.attune-staged`).

Then the command runs again to completion and must leave exactly the
"after" state: no stray staging folder, temporary or lock file anywhere.

When Chromium is installed, a handouts run with `--format html,pdf` is a
scene too, also stopped with SIGPIPE (what a closed standard output
raises). Every run gets a TMPDIR of its own: after SIGINT, SIGTERM or
SIGPIPE no browser process may be left running and no `attune-chromium-*`
profile folder left in it; after SIGKILL the browser must have ended
within ten seconds (it sees its pipe close), and only its profile folder
may stay behind.

Any failure is printed with the seed, the command, the signal and the
delay, and the run exits 1. About a minute with the debug build.
"""

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ATTUNE = ""
FAILURES: list[str] = []
STAGING_MARKS = (".attune-staging-", ".attune-staged")
# A folder's record of what Attune wrote there: while a run puts its files in
# place it lists old and new files together (see FolderRecord, OutputRun), so
# that a run stopped half-way still knows every file that is Attune's.
RECORDS = (".attune-handouts", ".attune-site")


def transitional_records(scene: Path, reference: Path, after: dict) -> dict[str, set]:
    """For each record: the versions a killed run may leave (old, new, both listed)."""
    versions = {}
    for old in scene.rglob(".attune-*"):
        rel = str(old.relative_to(scene))
        new = reference / rel
        if old.name not in RECORDS or not new.is_file():
            continue
        header, *old_lines = old.read_text().splitlines()
        _, *new_lines = new.read_text().splitlines()
        both = header + "\n" + "".join(line + "\n" for line in sorted(set(old_lines) | set(new_lines)))
        versions[rel] = {(hashlib.sha256(both.encode()).hexdigest(), after[rel][1])}
    return versions


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under root: relative path -> (sha256 or 'dir', mode)."""
    state = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            rel = str(path.relative_to(root))
            info = path.lstat()
            if path.is_symlink():
                state[rel] = ("symlink:" + os.readlink(path), 0)
            elif path.is_dir():
                state[rel] = ("dir", info.st_mode & 0o7777)
            else:
                state[rel] = (hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mode & 0o7777)
    return state


# Where each run's browser profile goes (TMPDIR), set by main.
TMP = Path()


def environment() -> dict:
    return dict(os.environ, TMPDIR=str(TMP))


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ATTUNE, *args], cwd=cwd, capture_output=True, text=True, env=environment())


def browsers() -> list[str]:
    """Live processes (not zombies) whose command line names TMP: a browser of ours or its crash handler."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if state not in ("Z", "X") and str(TMP) in line:
            found.append(f"{entry.name}: {line[:120]}")
    return found


def profiles() -> list[str]:
    return sorted(p.name for p in TMP.glob("attune-chromium-*"))


def must(args: list[str], cwd: Path) -> None:
    done = run(args, cwd)
    if done.returncode != 0:
        sys.exit(f"interrupt-check: setting up, attune {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


# Scenes: each makes inputs, a previous run's output and a user's file in
# `root`, then changes the inputs; returns (the command's arguments, the set
# of relative paths that are inputs or the user's own: never to change).


def build_scene(root: Path) -> tuple[list[str], set[str]]:
    # A dozen weeks of the example year, so a run lasts long enough to stop.
    (root / "journal").mkdir()
    for source in sorted((REPO / "Examples" / "journal-year").glob("*.md"))[:12]:
        shutil.copy(source, root / "journal" / source.name)
    shutil.copy(REPO / "Examples" / "journal" / "2026-W47.md", root / "journal" / "2026-W47.md")
    must(["build", "journal", "--out", "out"], root)
    (root / "out" / "my-notes.txt").write_text("My own notes, next to the workbooks.\n")
    (root / "out" / "my-notes.txt").chmod(0o640)
    for name in ("2026-W47.md", "2025-W48.md"):
        with open(root / "journal" / name, "a") as journal:
            journal.write("\nA line added after the last build.\n")
    keep = {rel for rel in snapshot(root) if rel.startswith("journal")} | {"out/my-notes.txt"}
    return ["build", "journal", "--out", "out"], keep


def roster(names: list[str]) -> str:
    rows = "".join(f"  - name: {name}\n    note: A note for {name}, with **Markdown**.\n" for name in names)
    return (
        "cohort: Interruption cohort\nsupervisor: Dr Example Supervisor\nweek: 2026-W47\nstart: 2026-10-05\n"
        "notes: |\n  Read the cards before Thursday.\ntrainees:\n" + rows
    )


def handouts_scene(root: Path) -> tuple[list[str], set[str]]:
    names = [f"Trainee {number:03d} Example" for number in range(120)]
    (root / "cohort").mkdir()
    (root / "cohort" / "roster.yaml").write_text(roster(names))
    must(["handouts", "cohort/roster.yaml", "--out", "handouts", "--jobs", "2"], root)
    (root / "handouts" / "supervisor-notes.md").write_text("Mine: who needs a call this week.\n")
    # This run drops two trainees (their files are removed), adds one and
    # changes the notes (every handout changes).
    changed = [name for name in names if name not in ("Trainee 005 Example", "Trainee 110 Example")] + ["Trainee 999 Newcomer"]
    (root / "cohort" / "roster.yaml").write_text(roster(changed).replace("before Thursday", "before Friday"))
    keep = {"cohort", "cohort/roster.yaml", "handouts/supervisor-notes.md"}
    return ["handouts", "cohort/roster.yaml", "--out", "handouts", "--jobs", "2"], keep


def site_scene(root: Path) -> tuple[list[str], set[str]]:
    # The previous site had a web address (and so a sitemap and canonical
    # links): this run changes every page and removes the sitemap.
    must(["site", "--out", "site", "--base-url", "https://old.example.org/training"], root)
    (root / "site" / "CNAME").write_text("training.example.org\n")
    keep = {"site/CNAME"}
    return ["site", "--out", "site"], keep


def import_scene(root: Path) -> tuple[list[str], set[str]]:
    (root / "journal").mkdir()
    original = (REPO / "Examples" / "journal" / "2026-W47.md").read_text()
    (root / "journal" / "2026-W47.md").write_text(original)
    (root / "journal" / "2026-W47.md").chmod(0o600)
    (root / "journal" / "my-draft.txt").write_text("Not a journal: a draft of my own.\n")
    (root / "Downloads").mkdir()
    typed = original.replace("the rest of the session stayed on\nthe surface.", "the rest of the session stayed on\nthe surface, typed in the browser.")
    assert typed != original
    (root / "Downloads" / "2026-W47.md").write_text(typed)
    keep = {"Downloads", "Downloads/2026-W47.md", "journal/my-draft.txt"}
    return ["import", "Downloads/2026-W47.md", "--journal", "journal", "--keep", "both"], keep


def pdf_scene(root: Path) -> tuple[list[str], set[str]]:
    # Printed by one browser: long enough to be stopped while it prints.
    names = [f"Trainee {number:02d} Example" for number in range(16)]
    (root / "cohort").mkdir()
    (root / "cohort" / "roster.yaml").write_text(roster(names))
    args = ["handouts", "cohort/roster.yaml", "--out", "handouts", "--format", "html,pdf"]
    must(args, root)
    (root / "handouts" / "supervisor-notes.md").write_text("Mine: who needs a call this week.\n")
    (root / "cohort" / "roster.yaml").write_text(roster(names[1:]).replace("before Thursday", "before Friday"))
    keep = {"cohort", "cohort/roster.yaml", "handouts/supervisor-notes.md"}
    return args, keep


SCENES = {"build": build_scene, "handouts": handouts_scene, "site": site_scene, "import --keep both": import_scene}
if shutil.which("chromium") or os.environ.get("ATTUNE_CHROMIUM"):
    SCENES["handouts --format html,pdf"] = pdf_scene


def is_staging(rel: str) -> bool:
    return any(mark in part for part in rel.split("/") for mark in STAGING_MARKS)


def differences(state: dict, expected: dict) -> list[str]:
    lines = []
    for rel in sorted(set(state) | set(expected)):
        if rel not in expected:
            lines.append(f"unexpected {rel}")
        elif rel not in state:
            lines.append(f"missing {rel}")
        elif state[rel] != expected[rel]:
            lines.append(f"changed {rel}")
    return lines[:8]


def trial(name: str, scene: Path, args: list[str], keep: set[str], before: dict, after: dict,
          between: dict, sig: signal.Signals, delay: float, work: Path, label: str) -> None:
    root = work / "trial"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(scene, root, symlinks=True)

    def fail(why: str, detail: list[str] = ()) -> None:
        FAILURES.append(f"{label} {name}, {sig.name} after {delay * 1000:.0f} ms: {why}"
                        + "".join(f"\n    {line}" for line in detail))

    process = subprocess.Popen([ATTUNE, *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=environment())
    time.sleep(delay)
    try:
        process.send_signal(sig)
    except ProcessLookupError:
        pass
    out, err = process.communicate()
    state = snapshot(root)
    code = process.returncode

    # The browser (PDF scenes): gone with the run, and its profile with it.
    if sig == signal.SIGKILL:
        deadline = time.monotonic() + 10
        while browsers() and time.monotonic() < deadline:
            time.sleep(0.05)
        if browsers():
            fail("the browser outlived a killed run by ten seconds", browsers())
        for folder in profiles():
            shutil.rmtree(TMP / folder, ignore_errors=True)
    else:
        if browsers():
            fail("a browser process outlived the run", browsers())
        if profiles():
            fail("a browser profile folder was left behind", profiles())
            for folder in profiles():
                shutil.rmtree(TMP / folder, ignore_errors=True)

    if sig == signal.SIGKILL:
        for rel, old in before.items():
            now = state.get(rel)
            if rel in keep and now != old:
                fail(f"{rel} (an input or the user's own file) was {'removed' if now is None else 'changed'}")
            elif now is not None and now != old and now != after.get(rel) and now not in between.get(rel, ()):
                fail(f"{rel} is neither its old nor its new version")
            elif now is None and rel in after:
                fail(f"{rel} was removed, and the run would have kept it")
        for rel, now in state.items():
            if rel not in before and not is_staging(rel) and now != after.get(rel):
                fail(f"{rel} is new and is not a complete file of this run")
    else:
        says_nothing = "attune: interrupted: nothing was changed" in err
        says_complete = "attune: interrupted: the output was already complete" in err
        if code == 0:
            if state != after:
                fail("finished, but did not leave its output", differences(state, after))
        elif code == 128 + sig.value and says_nothing:
            if state != before:
                fail("said nothing was changed, but something was", differences(state, before))
        elif code == 128 + sig.value and says_complete:
            if state != after:
                fail("said its output was complete, but it was not", differences(state, after))
        elif code == -sig.value:
            # Stopped before its handlers were installed, at its very start.
            if state != before:
                fail("stopped by the signal's default action after changing something", differences(state, before))
        else:
            fail(f"exited {code} with: {err.strip()[-300:]!r}")

    again = run(args, root)
    if again.returncode != 0:
        fail(f"the next run failed (exit {again.returncode}): {again.stderr.strip()[-300:]!r}")
    final = snapshot(root)
    if browsers() or profiles():
        fail("the next run left a browser or its profile behind", browsers() + profiles())
    if final != after:
        fail("the next run did not leave exactly the run's output", differences(final, after))
    shutil.rmtree(root)
    return code


def main() -> int:
    global ATTUNE
    parser = argparse.ArgumentParser()
    parser.add_argument("attune")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--trials", type=int, default=7, help="per command and signal")
    options = parser.parse_args()
    ATTUNE = str(Path(options.attune).resolve())
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1 << 32)
    print(f"interrupt-check: seed {seed} (replay with --seed {seed})", flush=True)
    rng = random.Random(seed)
    started = time.monotonic()
    outcomes: dict[str, int] = {}
    total = 0
    with tempfile.TemporaryDirectory(prefix="attune-interrupt-") as scratch:
        work = Path(scratch)
        global TMP
        TMP = work / "tmp"
        TMP.mkdir()
        for name, make in SCENES.items():
            scene = work / ("scene-" + name.split()[0])
            scene.mkdir()
            args, keep = make(scene)
            before = snapshot(scene)
            reference = work / "reference"
            shutil.copytree(scene, reference, symlinks=True)
            clock = time.monotonic()
            done = run(args, reference)
            duration = time.monotonic() - clock
            if done.returncode != 0:
                sys.exit(f"interrupt-check: attune {' '.join(args)} failed:\n{done.stderr}")
            after = snapshot(reference)
            between = transitional_records(scene, reference, after)
            shutil.rmtree(reference)
            if after == before:
                sys.exit(f"interrupt-check: attune {' '.join(args)} changed nothing; the scene tests nothing")
            signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL] + ([signal.SIGPIPE] if "pdf" in name else [])
            for sig in signals:
                for number in range(options.trials):
                    # Most delays fall inside the run; a few just after it.
                    delay = rng.uniform(0, duration * 1.1)
                    label = f"[seed {seed}, trial {number + 1}]"
                    code = trial(name, scene, args, keep, before, after, between, sig, delay, work, label)
                    key = "finished first" if code == 0 else f"exit {code}"
                    outcomes[key] = outcomes.get(key, 0) + 1
            print(f"interrupt-check: {name}: {len(signals) * options.trials} trials, a full run takes {duration * 1000:.0f} ms", flush=True)
            total += len(signals) * options.trials
            shutil.rmtree(scene)
    trials = total
    summary = ", ".join(f"{count} {key}" for key, count in sorted(outcomes.items()))
    print(f"interrupt-check: {trials} trials in {time.monotonic() - started:.0f} s ({summary})")
    for failure in FAILURES:
        print("FAIL " + failure)
    if FAILURES:
        print(f"interrupt-check: {len(FAILURES)} failures (seed {seed})")
        return 1
    print("interrupt-check: every file kept or replaced whole, nothing stray after the next run.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
