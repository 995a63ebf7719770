"""Hostile input through every field into every output of every command.

Usage: python3 xss_check.py path/to/attune

The vectors in vectors.py (mutation XSS, SVG and MathML namespace
confusion, entity-encoded and disguised schemes, autolink and reference-
definition tricks, comment and CDATA forms, CSS url()/@import/</style>,
meta refresh, <base>, form actions, srcset, ...) are typed into every field
a person or an overlay controls: journal answers, the text before the
prompts, rupture-log notes and client aliases, the therapist's name, roster
names, notes, cohort and supervisor, and a content overlay's section, card,
week and prompt fields. Then `attune build`, `check`, `new`, `handouts`,
`trends`, `site` and `form` run on them, and:

- every HTML file is parsed with html5lib (the HTML5 parsing algorithm, as a
  browser reads it) and walked: no script but the page's own (allowed by
  hash in its Content-Security-Policy), no event-handler attribute, no
  element that loads or navigates (iframe, object, embed, base, meta
  refresh, audio/video/source, picture, srcset, formaction, ping), no
  MathML, no SVG outside Attune's own charts, links only to http, https,
  mailto or relative addresses, pictures only embedded, and the strict
  policy first in every head;
- every Markdown file is re-parsed with Debian's `cmark-gfm` and every
  GitHub extension (table, strikethrough, autolink, tagfilter, tasklist):
  no raw HTML node, no link or picture the policy refuses;
- a stylesheet overlay carrying each CSS vector is refused by every command,
  which writes nothing;
- a sample of the HTML pages, and of the Markdown files rendered by
  cmark-gfm with raw HTML allowed (a viewer that trusts the file), is
  opened in Debian's headless Chromium (through Playwright, which never
  downloads a browser) with a hook that records any alert/confirm/prompt/
  print/open call, any Content-Security-Policy violation, any request other
  than the page and its own stylesheets, and any navigation away.

Any finding fails the run (exit 1), listed by file.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib

sys.path.insert(0, str(Path(__file__).parent))
import vectors  # noqa: E402

ATTUNE = ""
FINDINGS: list[str] = []
EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
ALLOWED_SCHEMES = {"http", "https", "mailto"}
EMBEDDED = ("data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp")


def finding(where: str, what: str) -> None:
    FINDINGS.append(f"{where}: {what}")


def run(*arguments: str, cwd: Path, expect=(0,)) -> subprocess.CompletedProcess:
    result = subprocess.run([ATTUNE, *arguments], cwd=cwd, capture_output=True, text=True, timeout=300)
    if result.returncode not in expect:
        sys.exit(f"xss-check: attune {' '.join(arguments)} exited {result.returncode}:\n{result.stdout}{result.stderr}"[:4000])
    return result


# MARK: - The link rule, as a browser reads an address

def scheme(url: str) -> str | None:
    url = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                               "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
    return match.group(1).lower() if match else None


def link_allowed(url: str) -> bool:
    found = scheme(url)
    return found is None or found in ALLOWED_SCHEMES


def image_allowed(url: str) -> bool:
    return url.strip().lower().startswith(EMBEDDED)


# MARK: - Inputs

def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes are YAML's."""
    return json.dumps(text, ensure_ascii=False)


def pick(values: list[str], index: int) -> str:
    return values[index % len(values)]


def write_inputs(root: Path) -> dict:
    every = vectors.ALL
    one_line = vectors.ONE_LINE
    content = root / "content"
    content.mkdir()
    cards_per_week = 8
    card_ids = [f"hostile-card-{i}" for i in range(len(every))]
    week_count = (len(card_ids) + cards_per_week - 1) // cards_per_week
    prompt_ids = [f"hostile-prompt-{i}" for i in range(2 * week_count)]

    lines = ["section: practices", f"title: {yaml_string('What works ' + one_line[0])}",
             f"intro: {yaml_string(every[1])}", "cards:"]
    for i, card in enumerate(card_ids):
        lines += [
            f"  - id: {card}",
            f"    title: {yaml_string(pick(one_line, i))}",
            f"    summary: {yaml_string(pick(one_line, i + 1))}",
            f"    body: {yaml_string(every[i])}",
            f"    points: [{yaml_string(pick(one_line, i + 2))}, {yaml_string(pick(one_line, i + 3))}]",
            "    sources: [safran-muran-2000]",
        ]
    (content / "hostile-cards.yaml").write_text("\n".join(lines) + "\n")

    # The site's own name and description (site.yaml): one line, within its limits.
    title = next(v for v in one_line if len(v) <= 80 and "<" in v)
    description = next(v for v in one_line if len(v) <= 300 and '"' in v)
    (content / "site.yaml").write_text(f"title: {yaml_string(title)}\ndescription: {yaml_string(description)}\nversion: 2027-07-26\n")

    lines = ["weeks:"]
    for w in range(week_count):
        lines += [
            f"  - id: hostile-week-{w}",
            f"    title: {yaml_string(pick(one_line, w * 3))}",
            f"    summary: {yaml_string(pick(one_line, w * 3 + 1))}",
            f"    cards: [{', '.join(card_ids[w * cards_per_week:(w + 1) * cards_per_week])}]",
            f"    prompts: [hostile-prompt-{2 * w}, hostile-prompt-{2 * w + 1}, wish-ruptures-teach]",
        ]
    (content / "hostile-weeks.yaml").write_text("\n".join(lines) + "\n")

    lines = ["prompts:"]
    for i, prompt in enumerate(prompt_ids):
        lines += [
            f"  - id: {prompt}",
            "    kind: reflection",
            f"    text: {yaml_string(pick(one_line, i * 5))}",
            f"    hint: {yaml_string(pick(one_line, i * 5 + 2))}",
        ]
    (content / "hostile-prompts.yaml").write_text("\n".join(lines) + "\n")

    # Journals: every vector in the text before the prompts, in answers, in
    # rupture notes; every one-line vector in a therapist's name and an alias.
    journals = root / "journals"
    journals.mkdir()
    count = max(len(every) // 2, len(one_line) // 2) + 1
    weeks = [f"{2024 + n // 50}-W{n % 50 + 1:02d}" for n in range(count)]
    for j, week in enumerate(weeks):
        w = j % week_count
        name = pick(one_line, 2 * j) + " " + pick(one_line, 2 * j + 1)
        note = pick(every, 2 * j + 3)
        text = "\n".join([
            "---", f"therapist: {yaml_string(name)}", f"week: {week}", f"focus: hostile-week-{w}", "---", "",
            pick(every, 2 * j), "", pick(every, 2 * j + 1), "",
            f"<!-- prompt: hostile-prompt-{2 * w} -->", "## First", "", pick(every, 2 * j + 1), "", pick(every, 2 * j + 2), "",
            f"<!-- prompt: hostile-prompt-{2 * w + 1} -->", "## Second", "", pick(every, 2 * j + 5), "",
            "<!-- prompt: rupture-log -->", "## Rupture log", "", "```rupture",
            f"client: {yaml_string(pick(one_line, 2 * j + 7))}",
            "type: withdrawal", "markers: [marker-minimal-response]", "tension: 3", "resolution: 2",
            f"notes: {yaml_string(note)}", "```", "", pick(every, 2 * j + 4), "",
            "<!-- prompt: wish-ruptures-teach -->", "## Wish", "", pick(every, 2 * j + 6), "",
        ])
        (journals / f"{week}.md").write_text(text)

    lines = [f"cohort: {yaml_string(one_line[3])}", f"supervisor: {yaml_string(one_line[4])}",
             f"notes: {yaml_string(every[5] + chr(10) + chr(10) + every[6])}", "trainees:"]
    for t in range(len(one_line)):
        lines += [f"  - name: {yaml_string(one_line[t] + ' ' + str(t))}",
                  f"    note: {yaml_string(pick(every, t + 7))}",
                  f"    focus: hostile-week-{t % week_count}"]
    (root / "roster.yaml").write_text("\n".join(lines) + "\n")
    return {"weeks": weeks, "week_count": week_count}


# MARK: - HTML, as a browser parses it

HEAD_META = {"viewport", "generator", "description", "referrer"}
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "audio", "video", "source", "track",
             "picture", "portal", "math", "foreignobject", "noscript", "xmp", "listing", "plaintext", "noembed",
             "noframes", "template", "param", "select", "isindex", "keygen", "marquee", "img-src", "use", "animate",
             "set", "animatemotion", "animatetransform", "image", "feimage", "handler", "listener"}
CHART_SVG = {"svg", "g", "rect", "line", "path", "circle", "text", "title", "desc", "polyline", "polygon", "tspan"}
LOADING_ATTRIBUTES = {"srcset", "formaction", "ping", "background", "lowsrc", "dynsrc", "poster", "data", "codebase",
                      "archive", "longdesc", "xlink:href", "{http://www.w3.org/1999/xlink}href", "manifest", "itemtype"}


def local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, name = tag[1:].split("}", 1)
        return namespace, name.lower()
    return "http://www.w3.org/1999/xhtml", tag.lower()


def csp_of(tree) -> str | None:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        _, name = local(element.tag)
        if name == "meta" and (element.get("http-equiv") or "").lower() == "content-security-policy":
            return element.get("content") or ""
    return None


FORM_SELECTS = {f"entry-X-{field}" for field in ("salience", "tension", "resolution", "trigger", "component", "week")}


def form_own(where: str, name: str, attributes: dict, seen_templates: list) -> bool:
    """The browser form's own controls: its one entry <template> and the
    selects the page writes into it, by their fixed IDs. Anything typed
    that became either would be a second template, or a select without
    one of these IDs."""
    if not where.startswith("form/"):
        return False
    if name == "template" and attributes.get("id") == "rupture-template":
        seen_templates.append(1)
        return len(seen_templates) == 1
    return name == "select" and attributes.get("id") in FORM_SELECTS and len(seen_templates) == 1


def check_html(path: Path, where: str) -> None:
    seen_templates: list = []
    text = path.read_text()
    tree = html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)
    policy = csp_of(tree)
    if policy is None:
        finding(where, "no Content-Security-Policy")
        policy = ""
    directives = {part.strip().split(" ")[0]: part.strip() for part in policy.split(";") if part.strip()}
    if directives.get("default-src") != "default-src 'none'":
        finding(where, f"the policy does not start from default-src 'none': {policy}")
    for name, directive in directives.items():
        if "'unsafe-inline'" in directive and name != "style-src":
            finding(where, f"the policy allows inline {name}")
        if "*" in directive or "http:" in directive or "https:" in directive or "data:" in directive and name != "img-src":
            finding(where, f"the policy allows loading from elsewhere: {directive}")
    hashes = set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", directives.get("script-src", "")))
    head_seen = False
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, name = local(element.tag)
        attributes = {key.lower() if isinstance(key, str) else key: value for key, value in element.attrib.items()}
        if name == "head":
            head_seen = True
            for child in element:
                if not isinstance(child.tag, str):
                    continue
                child_name = local(child.tag)[1]
                if child_name == "meta" and (child.get("http-equiv") or "").lower() == "content-security-policy":
                    break
                if child_name != "meta" or child.get("http-equiv") is not None:
                    finding(where, f"<{child_name}> comes before the Content-Security-Policy")
        if "svg" in namespace:
            if name not in CHART_SVG or "trends" not in where:
                finding(where, f"SVG <{name}> outside Attune's charts")
        elif "MathML" in namespace:
            finding(where, f"MathML <{name}>")
        if name in FORBIDDEN and not form_own(where, name, attributes, seen_templates):
            finding(where, f"<{name}>")
        for key, value in attributes.items():
            plain = key.split("}")[-1] if isinstance(key, str) else str(key)
            if plain.startswith("on"):
                finding(where, f"handler {plain}= on <{name}>")
            if key in LOADING_ATTRIBUTES or plain in LOADING_ATTRIBUTES:
                finding(where, f"{plain}= on <{name}>")
            if plain == "style" and re.search(r"url\(|expression|@import|behavior|binding", value, re.I):
                finding(where, f"style= loading on <{name}>: {value[:80]}")
        if name == "script":
            kind = (attributes.get("type") or "").lower()
            body = element.text or ""
            digest = "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            if "src" in attributes:
                finding(where, f"<script src={attributes['src'][:60]}>")
            elif kind != "application/json" and digest not in hashes:
                finding(where, f"a script the policy does not name: {body[:80]!r}")
        if name == "meta":
            equiv = (attributes.get("http-equiv") or "").lower()
            if equiv and equiv != "content-security-policy":
                finding(where, f"<meta http-equiv={equiv}>")
            if not equiv and "charset" not in attributes and (attributes.get("name") or "").lower() not in HEAD_META:
                finding(where, f"<meta {attributes}>")
        if name == "link":
            rel = (attributes.get("rel") or "").lower()
            href = attributes.get("href") or ""
            if rel not in ("stylesheet", "canonical") or (rel == "stylesheet" and scheme(href) is not None):
                finding(where, f"<link rel={rel} href={href[:60]}>")
        if name in ("a", "area") and "href" in attributes and not link_allowed(attributes["href"]):
            finding(where, f"link to {attributes['href'][:80]!r}")
        if name == "img" and not image_allowed(attributes.get("src", "")):
            finding(where, f"<img src={attributes.get('src', '')[:80]!r}>")
        if name not in ("img", "script") and "src" in attributes:
            finding(where, f"src= on <{name}>")
        if name == "form":
            action = attributes.get("action", "")
            if scheme(action) is not None or action.startswith("//"):
                finding(where, f"<form action={action[:60]}>")
        if name == "style":
            css = element.text or ""
            if re.search(r"@import|url\(\s*['\"]?(?!data:)|expression\(|behavior|-moz-binding", css, re.I):
                finding(where, "a <style> that loads or runs something")
    if not head_seen:
        finding(where, "no <head>")


# MARK: - Markdown, as a GFM viewer re-parses it

def plain_comment(literal: str) -> bool:
    """A comment CommonMark and HTML5 both end at its `-->`: no `--` inside,
    not opening with `>` or `->` (HTML5 would end `<!-->` at once)."""
    literal = literal.strip()
    inner = literal[4:-3]
    return literal.startswith("<!--") and literal.endswith("-->") and len(literal) >= 7 \
        and "--" not in inner and not inner.startswith(">") and not inner.startswith("-") and not inner.endswith("-")


def check_markdown(path: Path, where: str, journal: bool = False) -> None:
    """`journal`: a journal scaffold, whose structure is comments
    (`<!-- prompt: ID -->`, the guide); only plain comments are allowed."""
    result = subprocess.run(["cmark-gfm", "--unsafe", *EXTENSIONS, "-t", "xml", str(path)], capture_output=True, timeout=60)
    tree = ET.fromstring(result.stdout)
    namespace = "{http://commonmark.org/xml/1.0}"
    for element in tree.iter():
        name = element.tag.replace(namespace, "")
        if name in ("html_block", "html_inline"):
            if journal and name == "html_block" and plain_comment(element.text or ""):
                continue
            finding(where, f"raw HTML {name}: {(element.text or '')[:80]!r}")
        elif name == "link" and not link_allowed(element.get("destination", "")):
            finding(where, f"link to {element.get('destination', '')[:80]!r}")
        elif name == "image" and not image_allowed(element.get("destination", "")):
            finding(where, f"picture from {element.get('destination', '')[:80]!r}")


# MARK: - Chromium

HOOK = """
(() => {
  window.__findings = [];
  const note = (what) => { try { window.__findings.push(String(what)); } catch (e) {} };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    const original = window[name];
    window[name] = function (...args) { note(name + '(' + args.join(',') + ')'); };
  }
  document.addEventListener('securitypolicyviolation',
    (e) => note('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI), true);
})();
"""


def browse(pages: list[tuple[Path, str, Path]]) -> None:
    """Each (file, name, folder whose files it may load)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        for path, where, folder in pages:
            context = browser.new_context(java_script_enabled=True)
            page = context.new_page()
            page.add_init_script(HOOK)
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            navigations: list[str] = []
            page.on("framenavigated", lambda frame: navigations.append(frame.url))
            url = path.resolve().as_uri()
            page.goto(url, wait_until="load")
            page.wait_for_timeout(400)
            try:
                page.mouse.move(200, 200)
                page.keyboard.press("Tab")
            except Exception:
                pass
            page.wait_for_timeout(200)
            for request in requests:
                if request == url or request.startswith("data:"):
                    continue
                if request.startswith("file://") and request.startswith(folder.resolve().as_uri() + "/assets/"):
                    continue
                finding(where, f"request in Chromium: {request[:100]}")
            for navigation in navigations:
                if navigation != url:
                    finding(where, f"navigated in Chromium to {navigation[:100]}")
            try:
                for item in page.evaluate("window.__findings || []"):
                    finding(where, f"in Chromium: {item[:100]}")
            except Exception as error:
                finding(where, f"the page could not be read after loading: {error}")
            context.close()
        browser.close()


# MARK: - The run

def allowed_run(arguments: list[str], root: Path, allow: str) -> None:
    """Runs a command whose privacy guard stops the vectors' addresses,
    again with every phrase it named on an allow-list."""
    (root / allow).write_text("")
    screened = run(*arguments, "--allow", allow, cwd=root, expect=(0, 1))
    if screened.returncode == 0:
        return
    allowed = sorted(set(re.findall(r': privacy: [a-z ]+: "(.*)"$', screened.stdout + screened.stderr, re.M)))
    if not allowed:
        sys.exit(f"xss-check: attune {' '.join(arguments)} failed:\n{screened.stderr[:3000]}")
    (root / allow).write_text("\n".join(allowed) + "\n")
    run(*arguments, "--allow", allow, cwd=root)


def main() -> None:
    global ATTUNE
    if len(sys.argv) != 2:
        sys.exit("usage: xss_check.py path/to/attune")
    ATTUNE = str(Path(sys.argv[1]).resolve())
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        plan = write_inputs(root)
        out = root / "out"
        material = ["--content", "content"]
        run("check", "journals", *material, cwd=root, expect=(0, 1))
        run("build", "journals", "--out", "out/build", *material, cwd=root)
        # The shared copy goes through the privacy guard, which rightly stops
        # the vectors' web and e-mail addresses; allowed, as a therapist would.
        allowed_run(["build", "journals", "--share", "--out", "out/shared", *material], root, "allow-share.txt")
        run("new", "--therapist", vectors.ONE_LINE[2], "--week", "2027-W30", "--focus", "hostile-week-1",
            "--journal", "out/new", *material, cwd=root)
        # The supervisor's notes are screened too: the vectors' addresses are allowed.
        allowed_run(["handouts", "roster.yaml", "--week", plan["weeks"][0], "--out", "out/handouts", *material], root,
                    "allow-handouts.txt")
        run("trends", "journals", "--out", "out/trends", *material, cwd=root)
        # The site's privacy screen rightly stops web addresses and e-mail
        # addresses in content; the supervisor allows them, as one would.
        allowed_run(["site", "--out", "out/site", *material], root, "allow.txt")
        (out / "form").mkdir()
        for w in range(plan["week_count"]):
            run("form", "--week", "2027-W30", "--focus", f"hostile-week-{w}", "--therapist", vectors.ONE_LINE[w],
                "--journal", "out/none", "--out", f"out/form/form-{w}.html", *material, cwd=root)

        html = sorted(out.rglob("*.html"))
        markdown = sorted(out.rglob("*.md"))
        for path in html:
            check_html(path, str(path.relative_to(out)))
        for path in markdown:
            check_markdown(path, str(path.relative_to(out)), journal=path.parent.name == "new")
            # Made safe in place, not flattened to text: the title is still a heading.
            first = path.read_text().split("\n", 1)[0]
            if path.parent.name != "new" and not first.startswith("# "):
                finding(str(path.relative_to(out)), f"lost its structure (first line {first[:60]!r})")
        print(f"xss-check: {len(vectors.ALL)} vectors; {len(html)} HTML and {len(markdown)} Markdown files checked "
              "with html5lib and cmark-gfm.")

        # Stylesheet overlays: refused by every command, nothing written.
        refusals = 0
        for index, css in enumerate(vectors.STYLESHEETS):
            look = root / f"look-{index}"
            (look / "site").mkdir(parents=True)
            for name in ["workbook.css", "handout.css", "trends.css", "form.css", "site/site.css", "site/print.css"]:
                (look / name).write_text(css)
            target = root / f"refused-{index}"
            overlay = ["--templates", str(look)]
            for command in [["build", "journals", "--out", str(target)], ["check", "journals"],
                            ["handouts", "roster.yaml", "--week", plan["weeks"][0], "--out", str(target), "--allow", "allow-handouts.txt"],
                            ["trends", "journals", "--out", str(target)], ["site", "--out", str(target), "--allow", "allow.txt"],
                            ["form", "--therapist", "Sam", "--journal", str(target / "j"), "--out", str(target / "f.html")]]:
                result = run(*command, *overlay, *material, cwd=root, expect=(0, 1))
                if result.returncode == 0 or "error" not in result.stderr:
                    finding(f"stylesheet overlay {index}", f"`attune {command[0]}` accepted {css[:60]!r}")
                elif target.exists():
                    finding(f"stylesheet overlay {index}", f"`attune {command[0]}` wrote {target}")
                else:
                    refusals += 1
        print(f"xss-check: {refusals} runs with a hostile stylesheet overlay refused, nothing written.")

        # HTML template overlays: each page template with a hostile element.
        bundled = Path(__file__).resolve().parents[2] / "Templates"
        pages = ["workbook.html.mustache", "handout.html.mustache", "handouts-all.html.mustache", "cohort-index.html.mustache",
                 "cohort-summary.html.mustache", "trends.html.mustache", "form.html.mustache", "site/layout.html.mustache"]
        refusals = 0
        for index, snippet in enumerate(vectors.TEMPLATES):
            look = root / f"page-look-{index}"
            (look / "site").mkdir(parents=True)
            for name in pages:
                (look / name).write_text((bundled / name).read_text().replace("<body>", "<body>\n" + snippet, 1))
            target = root / f"page-refused-{index}"
            overlay = ["--templates", str(look)]
            for command in [["build", "journals", "--out", str(target)], ["check", "journals"],
                            ["handouts", "roster.yaml", "--week", plan["weeks"][0], "--out", str(target), "--allow", "allow-handouts.txt"],
                            ["trends", "journals", "--out", str(target)], ["site", "--out", str(target), "--allow", "allow.txt"],
                            ["form", "--therapist", "Sam", "--journal", str(target / "j"), "--out", str(target / "f.html")]]:
                result = run(*command, *overlay, *material, cwd=root, expect=(0, 1))
                if result.returncode == 0 or "error" not in result.stderr:
                    finding(f"page template overlay {index}", f"`attune {command[0]}` accepted {snippet[:60]!r}")
                elif target.exists():
                    finding(f"page template overlay {index}", f"`attune {command[0]}` wrote {target}")
                else:
                    refusals += 1
        print(f"xss-check: {refusals} runs with a hostile page template overlay refused, nothing written.")

        # Chromium: a sample of every kind of page, and Markdown rendered by a
        # viewer that passes raw HTML through.
        def first(pattern: str) -> Path:
            found = sorted(out.glob(pattern))
            if not found:
                sys.exit(f"xss-check: nothing matches {pattern}")
            return found[0]

        sample = [first("build/*.html"), sorted(out.glob("build/*.html"))[-1], first("shared/*.shared.html"), first("handouts/*.html"),
                  out / "handouts/all.html", out / "handouts/index.html", out / "handouts/cohort-summary.html",
                  out / "trends/trends.html", out / "site/index.html", out / "site/search.html",
                  out / "site/sections/practices.html", first("site/weeks/hostile-week-*.html"),
                  first("site/downloads/hostile-week-*.html"), first("form/*.html")]
        sample = [path for path in sample if path.exists()]
        pages = [(path, str(path.relative_to(out)), out / "site" if "site/" in str(path) else path.parent) for path in sample]
        rendered = root / "rendered"
        rendered.mkdir()
        for path in [first("build/*.md"), sorted(out.glob("build/*.md"))[-1], first("shared/*.shared.md"), first("handouts/*.md"), out / "trends/trends.md",
                     first("site/downloads/hostile-week-*.md"), first("new/*.md")]:
            result = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink",
                                     "-e", "tasklist", str(path)], capture_output=True, timeout=60)
            page = rendered / (path.parent.name + "-" + path.name + ".html")
            page.write_bytes(b"<!DOCTYPE html><html><head><meta charset=utf-8><title>md</title></head><body>"
                             + result.stdout + b"</body></html>")
            pages.append((page, f"{path.relative_to(out)} rendered with raw HTML", rendered))
        browse(pages)
        print(f"xss-check: {len(pages)} pages opened in headless Chromium with the hook.")

    if FINDINGS:
        print(f"xss-check: FAILED: {len(FINDINGS)} findings")
        kinds: dict[str, list[str]] = {}
        for line in FINDINGS:
            where, what = line.split(": ", 1)
            kinds.setdefault(what, []).append(where)
        for what, places in list(kinds.items())[:80]:
            print(f"  {what}  [{len(places)}: {', '.join(places[:3])}]")
        sys.exit(1)
    print("xss-check: no findings.")


if __name__ == "__main__":
    main()
