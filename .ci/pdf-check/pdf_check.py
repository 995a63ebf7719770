"""Print the examples to PDF with `attune ... --format pdf` and check the
paper with poppler's own tools (pdfinfo, pdftotext, pdffonts, pdftohtml).

Usage: python3 pdf_check.py path/to/attune

Printed: the example workbook (Examples/journal), a workbook with a rupture
log (Examples/journal-year/2026-W47.md), the example cohort's handouts
(Examples/cohort/roster.yaml, week 2026-W47), the example year's trends
(Examples/journal-year) and the site's blank workbooks (`site --pdf`, each
linked from its week's page). Checked, for every PDF:

- tagged (each trainee's own PDF, cut from all.pdf, excepted: see
  PrintedHandouts), with a title, a document outline (bookmarks), every
  font embedded, text that can be extracted; a structure qpdf --check
  (Debian's qpdf) finds no error in;
- no word outside its page (a clipped table's last column would be);
- page counts within the budget below;

and in particular: every answer the example journal holds is in its PDF as
text; every trainee's name is in their own PDF and in all.pdf; every handout
in all.pdf starts on an odd page; each trainee's PDF is exactly their pages
of all.pdf (the same text, page for page) with their name at the top of
every page; every table's last column header is there; the same input
printed twice gives the same bytes.

Budgets (A4, Chromium's defaults, 12 ruled lines per open prompt): before
issue #17 the example cohort's all.html printed to 110 pages (a title page, a
page for the supervisor's notes and a page per prompt for each trainee), the
workbook to 10 and the trends report to 19. The budgets ask at least 40% off
all.pdf without less writing space: each handout now takes 4 pages (cards,
then four prompts of 12 lines), all.pdf at most 4 per handout plus 2 for the
cover (its blank back included) and padding for odd handouts, at most 60. A
handout with one more prompt or card may take 5 and be padded to 6, which
the per-handout budget of 5 allows. The site's blank workbooks are a week's
cards, then its prompts with 12 lines each: 4 pages for every bundled week
but "Reflecting safely on real clients", whose nine cards take it to 6, the
budget for a blank workbook.
"""

import os
import re
import subprocess
import sys
import tempfile

BUDGET = {"workbook": 5, "handout": 5, "all": 60, "trends": 9, "blank workbook": 6}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
problems = []


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def info(pdf):
    fields = {}
    for line in run("pdfinfo", pdf).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def text(pdf, first=None, last=None):
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return run(*args, pdf, "-")


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def check(condition, message):
    if not condition:
        problems.append(message)


def check_pdf(pdf, budget, kind, tagged=True):
    name = os.path.basename(pdf)
    fields = info(pdf)
    pages = int(fields["Pages"])
    if tagged:
        check(fields.get("Tagged") == "yes", f"{name}: not tagged")
    qpdf = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    check(qpdf.returncode == 0, f"qpdf --check {name}: {qpdf.stdout.strip()[-300:]} {qpdf.stderr.strip()[-300:]}")
    check(fields.get("Title"), f"{name}: no title")
    check(1 <= pages <= budget, f"{name}: {pages} pages, over the {kind} budget of {budget}")
    fonts = run("pdffonts", pdf).splitlines()[2:]
    check(fonts, f"{name}: no fonts (no text?)")
    for line in fonts:
        cols = line.split()
        # name type [type] encoding emb sub uni id gen: emb is the 5th column from the end.
        check(cols[-5] == "yes", f"{name}: font not embedded: {line}")
    xml = run("pdftohtml", "-xml", "-i", "-stdout", "-q", pdf)
    check("<outline>" in xml and "<item" in xml, f"{name}: no document outline (bookmarks)")
    # No word outside its page: a table cut off at the right edge would have some.
    bbox = run("pdftotext", "-bbox", pdf, "-")
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S):
        width = float(page.group(1))
        for word in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page.group(3)):
            check(float(word.group(2)) <= width + 0.5, f"{name}: '{word.group(3)}' runs off the page")
    return pages


def answers(journal):
    """The text of every answer in a journal, a line (or a table cell) at a time, without Markdown marks."""
    body = open(journal, encoding="utf-8").read().split("---", 2)[2]
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    pieces = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or set(line) <= set("|- "):
            continue
        line = re.sub(r"^(\d+\.|[-*])\s+(\[[ xX]\]\s+)?", "", line)
        for cell in line.split("|"):
            cell = re.sub(r"[*_`~]", "", cell).replace("\\", "").strip()
            if len(cell) >= 3:
                pieces.append(squash(cell))
    return pieces


def main():
    attune = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        def attune_run(*args):
            subprocess.run([attune, *args], check=True, capture_output=True, cwd=ROOT)

        # The example workbook, twice: the same bytes.
        attune_run("build", "Examples/journal", "--out", f"{tmp}/wb", "--format", "html,pdf")
        attune_run("build", "Examples/journal", "--out", f"{tmp}/wb2", "--format", "pdf")
        workbook = f"{tmp}/wb/2026-W47.pdf"
        pages = {"workbook": check_pdf(workbook, BUDGET["workbook"], "workbook")}
        check(open(workbook, "rb").read() == open(f"{tmp}/wb2/2026-W47.pdf", "rb").read(),
              "the same workbook printed twice gave different bytes")
        printed = squash(text(workbook)).replace("\u2019", "'")
        for piece in answers(os.path.join(ROOT, "Examples/journal/2026-W47.md")):
            check(piece.replace("\u2019", "'") in printed, f"2026-W47.pdf: answer text missing: {piece!r}")
        check("Sam Rivera" in printed, "2026-W47.pdf: the therapist's name is missing")

        # A workbook with a rupture log: its widest table, whole.
        attune_run("build", "Examples/journal-year/2026-W47.md", "--out", f"{tmp}/log", "--format", "pdf")
        log = f"{tmp}/log/2026-W47.pdf"
        check_pdf(log, BUDGET["workbook"] + 1, "workbook with a rupture log")
        check("Tension → resolution" in squash(text(log)), "rupture log: its last column's header is not on the page")

        # The cohort's handouts.
        attune_run("handouts", "Examples/cohort/roster.yaml", "--week", "2026-W47", "--out", f"{tmp}/ho", "--format", "pdf")
        all_pdf = f"{tmp}/ho/all.pdf"
        names = [line.split(":", 1)[1].strip().strip('"') for line in open(os.path.join(ROOT, "Examples/cohort/roster.yaml"), encoding="utf-8")
                 if re.match(r"\s*- name:", line)]
        check(len(names) == 12, f"expected the example roster's 12 trainees, read {len(names)}")
        pages["all"] = check_pdf(all_pdf, BUDGET["all"], "all.pdf")
        handout_pages = []
        own = {}
        for pdf in sorted(f for f in os.listdir(f"{tmp}/ho") if f.endswith(".pdf") and f != "all.pdf"):
            handout_pages.append(check_pdf(f"{tmp}/ho/{pdf}", BUDGET["handout"], "handout", tagged=False))
            first = squash(text(f"{tmp}/ho/{pdf}", 1))
            found = re.search(r"Reflection handout for (.+?) Focus", first)
            if found:
                own[squash(found.group(1))] = f"{tmp}/ho/{pdf}"
        check(len(handout_pages) == len(names), f"{len(handout_pages)} handout PDFs for {len(names)} trainees")
        starts = {}
        for page in range(1, pages["all"] + 1):
            found = re.search(r"Reflection handout for (.+)", text(all_pdf, page))
            if found:
                starts[squash(found.group(1))] = page
        for name in names:
            check(name in starts, f"all.pdf: no handout starts for {name}")
            if name in starts:
                check(starts[name] % 2 == 1, f"all.pdf: {name}'s handout starts on page {starts[name]}, an even page")
            check(name in own, f"no PDF of {name}'s own")
            if name in starts and name in own:
                count = int(info(own[name])["Pages"])
                for page in range(1, count + 1):
                    mine = squash(text(own[name], page))
                    check(mine == squash(text(all_pdf, starts[name] + page - 1)),
                          f"{os.path.basename(own[name])}: page {page} is not page {starts[name] + page - 1} of all.pdf")
                    check(mine.startswith(f"2026-W47 · {name}"), f"{os.path.basename(own[name])}: page {page} does not start with the week and the name")
                after = starts[name] + count
                check(after > pages["all"] or "Reflection handout for" in text(all_pdf, after) or not squash(text(all_pdf, after)),
                      f"all.pdf: page {after} after {name}'s handout is neither blank nor the next handout")
        whole = squash(text(all_pdf))
        for name in names:
            check(name in whole, f"all.pdf: {name} is missing")

        # The site's blank workbooks (`site --pdf`): one per week, each a workbook's budget.
        attune_run("site", "--out", f"{tmp}/site", "--pdf")
        blanks = sorted(f for f in os.listdir(f"{tmp}/site/downloads") if f.endswith(".pdf"))
        weeks = sorted(f for f in os.listdir(f"{tmp}/site/downloads") if f.endswith("-workbook.html"))
        check(len(blanks) == len(weeks) > 0, f"site --pdf: {len(blanks)} blank workbook PDFs for {len(weeks)} weeks")
        pages["site blank workbooks"] = max((check_pdf(f"{tmp}/site/downloads/{pdf}", BUDGET["blank workbook"], "blank workbook") for pdf in blanks), default=0)
        for pdf in blanks:
            page = open(f"{tmp}/site/weeks/{pdf[:-len('-workbook.pdf')]}.html", encoding="utf-8").read()
            check(f'href="../downloads/{pdf}"' in page, f"site --pdf: the week's page does not link {pdf}")

        # The year's trends.
        attune_run("trends", "Examples/journal-year", "--out", f"{tmp}/tr", "--format", "pdf")
        trends = f"{tmp}/tr/trends.pdf"
        pages["trends"] = check_pdf(trends, BUDGET["trends"], "trends")
        report = squash(text(trends))
        for header in ["Total", "Nov 2026", "Mean resolution"]:
            check(header in report, f"trends.pdf: '{header}' (a last column) is not on the page")

    for problem in problems:
        print("pdf-check: " + problem)
    summary = ", ".join(f"{k} {v} pages" for k, v in pages.items())
    if problems:
        print(f"pdf-check: {len(problems)} problem(s) ({summary}).")
        sys.exit(1)
    print(f"pdf-check: every PDF outlined, fonts embedded, nothing off the page, qpdf --check clean; all but the trainees' own tagged; {summary} "
          f"(handouts {min(handout_pages)}-{max(handout_pages)} pages, each starting on an odd page of all.pdf and the same as its own PDF).")


main()
