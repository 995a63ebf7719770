"""Print the examples to PDF with `attune ... --format pdf` and check the
paper with poppler's own tools (pdfinfo, pdftotext, pdffonts, pdftohtml).

Usage: python3 pdf_check.py path/to/attune

Printed: the example workbook (Examples/journal), a workbook with a rupture
log (Examples/journal-year/2026-W47.md), the example cohort's handouts
(Examples/cohort/roster.yaml, week 2026-W47), the example year's trends
(Examples/journal-year) and the site's blank workbooks (`site --pdf`, each
linked from its week's page). Checked, for every PDF:

- tagged, its tags read back with qpdf's JSON: each element, marked content
  and link on a page of the file, the parent tree naming each (each
  trainee's PDF is cut from all.pdf by Attune's own writer, tags too); with
  a title, English as its language, a document outline (bookmarks), every
  font embedded, text that can be extracted; a structure qpdf --check
  (Debian's qpdf) finds no error in;
- no word outside its page (a clipped table's last column would be);
- page counts within the budget below;

and in particular: every answer the example journal holds is in its PDF as
text; every trainee's name is in their own PDF (and its title), with their
note and the supervisor's notes, and in all.pdf; every handout in all.pdf
starts on an odd page; each trainee's PDF is exactly their pages of all.pdf
(the same text, page for page) with their name at the top of every page and
"Page i of n" (counted within the handout) at its foot; the cover and the
blank pages all.pdf adds carry no number; every table's last column header is there; the same input
printed twice gives the same bytes. A second cohort, whose middle handout
a long note takes to 5 pages, checks the numbers where lengths differ:
"Page 1 of 4" ... "Page 5 of 5", and the blank page after the 5 unnumbered;
printed twice, its all.pdf and each trainee's PDF are the same bytes.

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

import base64
import json
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


def check_pdf(pdf, budget, kind):
    name = os.path.basename(pdf)
    fields = info(pdf)
    pages = int(fields["Pages"])
    check(fields.get("Tagged") == "yes", f"{name}: not tagged")
    objects = pdf_objects(pdf)
    for problem in structure_problems(objects)[:10]:
        problems.append(f"{name}: tags: {problem}")
    catalog = objects["obj:" + objects["trailer"]["value"]["/Root"]]["value"]
    check(catalog.get("/Lang") == "u:en", f"{name}: the language is {catalog.get('/Lang')!r}, not English")
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


def pdf_objects(pdf):
    """Every object of pdf as qpdf's JSON (version 2) gives it, streams decoded."""
    out = run("qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", pdf)
    return json.loads(out)["qpdf"][1]


def structure_problems(objects):
    """Problems with a PDF's structure tree (tags): every element, marked-content
    and object reference on a page the file has, each element's /P its parent;
    every page's marked content claimed by exactly the element the parent tree
    names for it, every tagged link's entry its element. A cut that kept
    another page's tags, or lost some of its own, fails here."""
    def obj(ref):
        entry = objects.get("obj:" + ref) if isinstance(ref, str) else None
        return entry.get("value", entry.get("stream", {}).get("dict")) if entry else ref
    def stream(ref):
        entry = objects.get("obj:" + ref, {}).get("stream", {})
        return base64.b64decode(entry.get("data", "")).decode("latin1")
    problems = []
    trailer = objects["trailer"]["value"]
    catalog = obj(trailer["/Root"])
    pages = []
    def walk(ref):
        node = obj(ref)
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid)
        else:
            pages.append(ref)
    walk(catalog["/Pages"])
    page_set = set(pages)
    if "/StructTreeRoot" not in catalog:
        return ["no structure tree"]
    if obj(catalog.get("/MarkInfo", {})).get("/Marked") is not True:
        problems.append("MarkInfo /Marked is not true")
    root_ref = catalog["/StructTreeRoot"]
    root = obj(root_ref)
    claimed = {}  # (page, mcid) -> element
    annots = {}   # annotation -> element
    seen = set()
    def element(ref, parent, inherited):
        if ref in seen:
            problems.append(f"element {ref} reached twice")
            return
        seen.add(ref)
        node = obj(ref)
        if node is None:
            problems.append(f"element {ref} is missing")
            return
        if node.get("/P") != parent:
            problems.append(f"element {ref}: /P is {node.get('/P')}, not {parent}")
        page = node.get("/Pg", inherited)
        if "/Pg" in node and node["/Pg"] not in page_set:
            problems.append(f"element {ref}: /Pg {node['/Pg']} is not a page of the file")
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):
                if page not in page_set:
                    problems.append(f"element {ref}: MCID {kid} on no page of the file")
                claimed[(page, kid)] = ref
            elif isinstance(kid, str) and (obj(kid) or {}).get("/Type") not in ("/MCR", "/OBJR"):
                element(kid, ref, page)
            else:
                k = obj(kid)
                at = k.get("/Pg", page)
                if at not in page_set:
                    problems.append(f"element {ref}: a {k.get('/Type')} on {at}, no page of the file")
                if k.get("/Type") == "/MCR":
                    claimed[(at, k["/MCID"])] = ref
                elif k.get("/Type") == "/OBJR":
                    if k["/Obj"] not in objects and "obj:" + k["/Obj"] not in objects:
                        problems.append(f"element {ref}: annotation {k['/Obj']} is missing")
                    annots[k["/Obj"]] = ref
    kids = root.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        element(kid, root_ref, None)
    # The parent tree, flat or not.
    parent_tree = {}
    def nums(node):
        node = obj(node)
        items = obj(node.get("/Nums", [])) or []
        for i in range(0, len(items), 2):
            value = obj(items[i + 1])
            parent_tree[items[i]] = value if isinstance(value, list) else items[i + 1]
        for kid in node.get("/Kids", []):
            nums(kid)
    nums(root.get("/ParentTree", {}))
    for page in pages:
        p = obj(page)
        contents = p.get("/Contents")
        text = "".join(stream(c) for c in (contents if isinstance(contents, list) else [contents] if contents else []))
        mcids = [int(m) for m in re.findall(r"/MCID\s+(\d+)", text)]
        if mcids and "/StructParents" not in p:
            problems.append(f"page {pages.index(page) + 1}: marked content but no /StructParents")
            continue
        array = parent_tree.get(p.get("/StructParents"), []) if "/StructParents" in p else []
        for mcid in mcids:
            owner = claimed.get((page, mcid))
            if owner is None:
                problems.append(f"page {pages.index(page) + 1}: MCID {mcid} belongs to no element")
            elif mcid >= len(array) or array[mcid] != owner:
                problems.append(f"page {pages.index(page) + 1}: the parent tree does not name MCID {mcid}'s element")
        for (at, mcid), owner in claimed.items():
            if at == page and mcid not in mcids:
                problems.append(f"page {pages.index(page) + 1}: an element claims MCID {mcid}, not on the page")
        for a in p.get("/Annots", []) if isinstance(p.get("/Annots"), list) else []:
            ann = obj(a)
            if "/StructParent" in ann and parent_tree.get(ann["/StructParent"]) != annots.get(a):
                problems.append(f"page {pages.index(page) + 1}: annotation {a}'s parent-tree entry is not its element")
    for a in annots:
        if not any(a in (obj(p).get("/Annots") or []) for p in pages):
            problems.append(f"annotation {a} is tagged but on no page")
    return problems


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
        # Each trainee's note from the roster, a line at a time (one-line notes only: enough to check each PDF is theirs).
        notes = {}
        current = None
        for line in open(os.path.join(ROOT, "Examples/cohort/roster.yaml"), encoding="utf-8"):
            found = re.match(r"\s*- name: (.+)", line)
            if found:
                current = found.group(1).strip().strip('"')
            found = re.match(r"\s+note: (.+)", line)
            if found and current and found.group(1).strip() != "|":
                notes[current] = [found.group(1).strip().strip("'")]
        pages["all"] = check_pdf(all_pdf, BUDGET["all"], "all.pdf")
        handout_pages = []
        own = {}
        for pdf in sorted(f for f in os.listdir(f"{tmp}/ho") if f.endswith(".pdf") and f != "all.pdf"):
            handout_pages.append(check_pdf(f"{tmp}/ho/{pdf}", BUDGET["handout"], "handout"))
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
            if name in own:
                mine = squash(text(own[name]))
                for piece in [name, "pick one moment from this week to bring"] + notes.get(name, []):
                    check(piece in mine, f"{os.path.basename(own[name])}: {piece!r} is missing")
                check(name in info(own[name]).get("Title", ""), f"{os.path.basename(own[name])}: the title does not name {name}")
            if name in starts and name in own:
                count = int(info(own[name])["Pages"])
                for page in range(1, count + 1):
                    mine = squash(text(own[name], page))
                    check(mine == squash(text(all_pdf, starts[name] + page - 1)),
                          f"{os.path.basename(own[name])}: page {page} is not page {starts[name] + page - 1} of all.pdf")
                    check(mine.startswith(f"2026-W47 · {name}"), f"{os.path.basename(own[name])}: page {page} does not start with the week and the name")
                    check(mine.endswith(f"Page {page} of {count}") and len(re.findall(r"Page \d+ of \d+", mine)) == 1,
                          f"{os.path.basename(own[name])}: page {page} does not end with its one number, 'Page {page} of {count}': {mine[-40:]!r}")
                after = starts[name] + count
                check(after > pages["all"] or "Reflection handout for" in text(all_pdf, after) or not squash(text(all_pdf, after)),
                      f"all.pdf: page {after} after {name}'s handout is neither blank nor the next handout")
        # The cover and the blank pages: no number.
        check(not re.search(r"Page \d+ of \d+", text(all_pdf, 1)), "all.pdf: the cover has a page number")
        for page in range(1, pages["all"] + 1):
            if page not in starts.values() and not squash(text(all_pdf, page)):
                check(page - 1 in [s + int(info(own[n])["Pages"]) - 1 for n, s in starts.items() if n in own] or page == 2,
                      f"all.pdf: page {page} is blank but follows no handout's last page nor the cover")
        whole = squash(text(all_pdf))
        for name in names:
            check(name in whole, f"all.pdf: {name} is missing")

        # Handouts of two lengths: a trainee whose long note takes their handout to 5 pages, between two of 4.
        os.makedirs(f"{tmp}/lengths")
        note = " ".join(["This note is long on purpose, so that this handout runs on to a fifth page."] * 4)
        with open(f"{tmp}/lengths/roster.yaml", "w", encoding="utf-8") as roster:
            roster.write('cohort: "Two lengths"\nsupervisor: "Dr Morgan Ellery"\nstart: 2026-10-05\nweek: 2026-W47\ntrainees:\n'
                         "  - name: Ana López\n  - name: Ben Okafor\n    note: |\n" + "".join(f"      {note}\n\n" for _ in range(12))
                         + "  - name: Chiara Bianchi\n")
        attune_run("handouts", f"{tmp}/lengths/roster.yaml", "--out", f"{tmp}/lengths/out", "--format", "pdf")
        # Printed twice: the same bytes, all.pdf and every trainee's (tags and page numbers included).
        attune_run("handouts", f"{tmp}/lengths/roster.yaml", "--out", f"{tmp}/lengths/again", "--format", "pdf")
        for pdf in sorted(f for f in os.listdir(f"{tmp}/lengths/out") if f.endswith(".pdf")):
            check(open(f"{tmp}/lengths/out/{pdf}", "rb").read() == open(f"{tmp}/lengths/again/{pdf}", "rb").read(),
                  f"{pdf} (two lengths): the same handouts printed twice gave different bytes")
        lengths_all = f"{tmp}/lengths/out/all.pdf"
        total = check_pdf(lengths_all, BUDGET["all"], "all.pdf")
        shown = [squash(text(lengths_all, page)) for page in range(1, total + 1)]
        expected = []
        for stem in ["ana-lópez", "ben-okafor", "chiara-bianchi"]:
            count = check_pdf(f"{tmp}/lengths/out/{stem}.pdf", BUDGET["handout"], "handout")
            numbers = [re.findall(r"Page \d+ of \d+", squash(text(f"{tmp}/lengths/out/{stem}.pdf", page))) for page in range(1, count + 1)]
            check(numbers == [[f"Page {page} of {count}"] for page in range(1, count + 1)], f"{stem}.pdf (two lengths): numbered {numbers}")
            expected += [f"Page {page} of {count}" for page in range(1, count + 1)] + ([""] if count % 2 else [])
        numbers = [(re.findall(r"Page \d+ of \d+", page) or [""])[0] for page in shown]
        # The cover, its blank back, then each handout numbered from 1, a blank (and unnumbered) page after one of odd length.
        check(numbers == ["", ""] + expected, f"all.pdf (two lengths): page numbers {numbers}, expected {['', ''] + expected}")
        check(any(n.endswith("of 5") for n in numbers) and any(n.endswith("of 4") for n in numbers), f"all.pdf (two lengths): not 4 and 5 pages: {numbers}")
        check(all(not shown[i] for i, n in enumerate(numbers) if n == "" and i > 0), "all.pdf (two lengths): an unnumbered page after the cover has text")

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
    print(f"pdf-check: every PDF tagged (its tags on its own pages), outlined, in English, fonts embedded, nothing off the page, qpdf --check clean; {summary} "
          f"(handouts {min(handout_pages)}-{max(handout_pages)} pages, each starting on an odd page of all.pdf, the same as its own PDF and numbered 'Page 1 of n' on).")


main()
