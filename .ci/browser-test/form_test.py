"""The browser form, end to end, in a real browser.

Usage: python3 form_test.py path/to/attune

A therapist who only uses a browser: `attune form` writes the page; headless
Chromium (Debian's `chromium`, driven by Debian's `chromium-driver` through
PyPI's Selenium, which is told where the driver is so it never looks for or
downloads one) opens it from file://, and the answers are typed with the
keyboard alone, reaching each box by Tab from the skip link. Then:

- every box has a label, axe-core (the copy inside PyPI's
  axe-playwright-python, as `make site-check` uses) finds no WCAG 2.x A/AA
  or best-practice violation, empty or filled in, the script and stylesheet
  ran under the page's Content-Security-Policy, and the browser logged no
  error;
- a reload brings every answer back, and the page says they are saved;
- in print, the answers show as text and the boxes and buttons do not;
- the rupture log, by keyboard: the carried-forward question from last
  week answered, two entries added (one for the client carried forward)
  with every kind of control, a third added and removed; markers of the
  other rupture type closed once one is chosen; the name check on an alias
  that looks like a name; on a phone-sized window the button bar takes
  less than a fifth of the screen;
- "Download answers" (pressed with Enter) saves a journal that is, byte for
  byte, the `attune new` scaffold with the same answers and entries typed
  into it (the entries in the documented block, written here a third time,
  by the rule in the README);
- "Forget answers in this browser", confirmed, leaves nothing in storage;
- `attune import` adds it to the journal folder unchanged, and importing
  it again finds nothing new; a copy with a third entry adds just that
  entry; a copy whose entry differs for the same client and week stops,
  showing both, and writes nothing;
- `attune trends` counts the entries, and the workbook's log table lists them;
- `attune build` makes a workbook which, opened in the same browser, shows
  exactly what was typed, HTML-looking text as text, with no script.

Exits 1 with a message on the first failure.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

WEEK = "2026-W47"
START = "2026-10-05"
THERAPIST = "Zoë Ångström-Łukasiewicz"

# What is typed in each box, in the page's order. Keys that send_keys can
# type (ChromeDriver types only the Basic Multilingual Plane); an emoji is
# pasted separately below. The third keeps blank lines around its text,
# which the journal leaves out, as the parser would.
TYPED = [
    "Ich war überrascht — 李小龍 said “no”, and I said «d’accord».",
    "<script>alert(1)</script> and <b>bold?</b> & &amp; &lt;tag&gt;",
    "\n\n- a list item\n- another, ünïcödé\n  \n\n",
]
PASTED = " 🙂"  # added to the third answer's last item, as a paste would

# Last week's journal logs Harbour's rupture unresolved, so this week's
# form asks what happened next.
LAST_WEEK = "2026-W46"
LAST_WEEK_ENTRY = """```rupture
client: Harbour
markers: [marker-complaints-about-progress]
tension: 4
resolution: 2
```"""
FOLLOW_UP = "We talked about it at the start; he said the \"point\" was clearer."

# The two entries, as the downloaded journal must hold them.
ENTRIES = [
    {"client": "Harbour", "markers": ["marker-rejecting-intervention", "marker-complaints-about-progress"],
     "salience": "3", "trigger": "trigger-questioning-therapy", "component": "task",
     "repairs": ["repair-recognise-name", "practice-pause-breathe"], "tension": "3", "resolution": "4",
     "week": "", "notes": "Named it early.\n\n```\nfenced\n```"},
    {"client": "Kestrel «K»", "markers": ["marker-minimal-response"], "salience": "", "trigger": "",
     "component": "bond", "repairs": [], "tension": "2", "resolution": "2", "week": LAST_WEEK, "notes": ""},
]


def fail(message: str) -> None:
    print(f"browser-test: FAILED: {message}")
    sys.exit(1)


def check(condition: bool, message: str) -> None:
    if not condition:
        fail(message)


def run(*arguments: str, expect: int = 0) -> str:
    result = subprocess.run(arguments, capture_output=True, text=True)
    if result.returncode != expect:
        fail(f"{' '.join(arguments)} exited {result.returncode}, not {expect}:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def answer_text(typed: str) -> str:
    """The journal's rule for a typed answer: no blank lines around it."""
    lines = typed.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and lines[0].strip(" \t") == "":
        lines.pop(0)
    while lines and lines[-1].strip(" \t") == "":
        lines.pop()
    return "\n".join(lines)


def yaml_quoted(text: str) -> str:
    out = []
    for character in text:
        code = ord(character)
        if character == '"':
            out.append('\\"')
        elif character == "\\":
            out.append("\\\\")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04X}")
        else:
            out.append(character)
    return '"' + "".join(out) + '"'


def entry_block(entry: dict) -> str:
    """The README's rupture block for an entry, with the cards' IDs."""
    notes = answer_text(entry["notes"])
    longest = max([len(run) for run in re.findall(r"`+", notes)] + [0])
    fence = "`" * max(3, longest + 1)
    lines = [fence + "rupture"]
    if entry["week"]:
        lines.append(f"week: {entry['week']}")
    lines.append(f"client: {yaml_quoted(entry['client'])}")
    lines.append(f"markers: [{', '.join(entry['markers'])}]")
    for name in ["salience", "trigger", "component"]:
        if entry[name]:
            lines.append(f"{name}: {entry[name]}")
    if entry["repairs"]:
        lines.append(f"repairs: [{', '.join(entry['repairs'])}]")
    for name in ["tension", "resolution"]:
        if entry[name]:
            lines.append(f"{name}: {entry[name]}")
    if notes:
        lines.append("notes: |")
        lines += ["  " + line if line else "" for line in notes.split("\n")]
    lines.append(fence)
    return "\n".join(lines)


def logged_into_scaffold(scaffold: str, entries: list[dict], follow_ups: dict[str, str]) -> str:
    """The scaffold with entries typed below the log's comment and each
    answer typed below its carried question's comment, a blank line apart."""
    lines = scaffold.split("\n")
    heading = lines.index("## Rupture log")
    end = lines.index("-->", heading)
    lines[end + 1:end + 1] = [line for entry in entries for line in ["", *entry_block(entry).split("\n")]]
    for client, answer in follow_ups.items():
        question = lines.index(f"### What happened next with {client}?")
        end = lines.index("-->", question)
        lines[end + 1:end + 1] = ["", *answer_text(answer).split("\n")]
    return "\n".join(lines)


def typed_into_scaffold(scaffold: str, answers: dict[str, str]) -> str:
    """What a therapist gets by typing each answer into `attune new`'s file:
    on the empty line two below the prompt's hint (or heading)."""
    lines = scaffold.split("\n")
    for prompt, answer in answers.items():
        marker = lines.index(f"<!-- prompt: {prompt} -->")
        line = marker + 2  # the line after the heading
        if lines[line] == "" and lines[line + 1].startswith("<!--"):
            line += 1
            while "-->" not in lines[line]:
                line += 1
            line += 1
        check(lines[line] == "" and lines[line + 1] == "", f"no empty line to type on under {prompt}")
        lines[line + 1] = answer_text(answer)
    return "\n".join(lines)


def browser(downloads: Path, profile: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--user-data-dir={profile}", "--window-size=1200,900"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def browser_errors(driver: webdriver.Chrome) -> list[str]:
    """Console errors, CSP violations among them."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(driver: webdriver.Chrome) -> list:
    """axe-core's violations on the page as it is now (WebDriver runs the
    script itself, outside the page's own Content-Security-Policy)."""
    driver.execute_script(AXE)
    driver.set_script_timeout(60)
    return driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
           axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
             .then(r => done(r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)));""",
        AXE_TAGS)


def active(driver: webdriver.Chrome) -> str:
    return driver.execute_script(
        "const a = document.activeElement; return a.id || a.getAttribute('href') || a.tagName;")


def fill_with_keyboard(driver: webdriver.Chrome, prompts: list[str]) -> None:
    keys = webdriver.ActionChains(driver)
    keys.send_keys(Keys.TAB).perform()
    check(active(driver) == "#answers", f"the first Tab lands on {active(driver)}, not the skip link")
    keys = webdriver.ActionChains(driver)
    keys.send_keys(Keys.ENTER).perform()
    for index, text in enumerate(TYPED):
        webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
        check(active(driver) == f"answer-{index + 1}", f"Tab {index + 1} after the skip link lands on {active(driver)}")
        # One key at a time, as typed: Enter makes the line breaks.
        webdriver.ActionChains(driver).send_keys(text).perform()
    # Paste something send_keys cannot type: outside the BMP.
    driver.execute_script(
        """const field = document.getElementById('answer-3');
           const end = field.value.indexOf('ünïcödé') + 'ünïcödé'.length;
           field.setRangeText(arguments[0], end, end, 'end');
           field.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', bubbles: true}));""",
        PASTED)


def press(driver: webdriver.Chrome, *keys: str) -> None:
    webdriver.ActionChains(driver).send_keys(*keys).perform()


def tab_to(driver: webdriver.Chrome, element_id: str, limit: int = 120) -> None:
    """Tab forward, as a keyboard user would, until `element_id` has focus."""
    for _ in range(limit):
        if active(driver) == element_id:
            return
        press(driver, Keys.TAB)
    fail(f"{limit} Tabs never reached #{element_id}; focus is on {active(driver)}")


def choose(driver: webdriver.Chrome, element_id: str, value: str) -> None:
    """A value in a select, by Tab and the arrow keys."""
    tab_to(driver, element_id)
    for _ in range(30):
        if driver.execute_script("return document.getElementById(arguments[0]).value", element_id) == value:
            return
        press(driver, Keys.ARROW_DOWN)
    fail(f"the arrow keys never chose {value!r} in #{element_id}")


def box_id(driver: webdriver.Chrome, number: int, field: str, value: str) -> str:
    return driver.execute_script(
        "return document.querySelector(`#rupture-entries > fieldset:nth-child(${arguments[0]}) [data-field=${arguments[1]}][value='${arguments[2]}']`).id",
        number, field, value)


def fill_entry(driver: webdriver.Chrome, number: int, key: int, entry: dict, client_typed: bool = False) -> None:
    """One entry, by keyboard, control by control in the page's order."""
    prefix = f"entry-{key}-"
    if not client_typed:
        check(active(driver) == prefix + "client", f"a new entry puts focus on {active(driver)}, not its client box")
        press(driver, entry["client"])
    for marker in entry["markers"]:
        tab_to(driver, box_id(driver, number, "markers", marker))
        label = driver.execute_script("return document.activeElement.labels[0].textContent")
        check(re.fullmatch(r"Card [0-9]+ · .+", label) is not None,
              f"entry {number}: the choice {marker} is labelled {label!r}, not 'Card N · title'")
        press(driver, Keys.SPACE)
    closed = driver.execute_script(
        """const box = document.querySelector(`#rupture-entries > fieldset:nth-child(${arguments[0]})`);
           const chosen = [...box.querySelectorAll('[data-field=markers]:checked')].map(e => e.dataset.type);
           return [...box.querySelectorAll('[data-field=markers]')].filter(e => !chosen.includes(e.dataset.type)).every(e => e.disabled);""",
        number)
    check(closed, f"entry {number}: markers of the other rupture type can still be chosen")
    for field in ["salience", "tension", "resolution", "trigger", "component"]:
        if entry[field]:
            choose(driver, prefix + field, entry[field])
    summary = driver.execute_script("return document.getElementById(arguments[0]).textContent", prefix + "component-summary")
    check(summary != "", f"entry {number}: the chosen component shows no summary")
    for repair in entry["repairs"]:
        tab_to(driver, box_id(driver, number, "repairs", repair))
        press(driver, Keys.SPACE)
    if entry["week"]:
        choose(driver, prefix + "week", entry["week"])
    if entry["notes"]:
        tab_to(driver, prefix + "notes")
        press(driver, entry["notes"])


def fill_log(driver: webdriver.Chrome) -> None:
    """The rupture log by keyboard from the top of the page: the second skip
    link, the carried question, two entries, a third added and removed."""
    press(driver, Keys.TAB, Keys.TAB)
    check(active(driver) == "#rupture-log", f"the second Tab lands on {active(driver)}, not the log's skip link")
    press(driver, Keys.ENTER, Keys.TAB)
    check(active(driver) == "follow-up-1", f"Tab after the log's heading lands on {active(driver)}, not the carried question")
    press(driver, FOLLOW_UP)
    press(driver, Keys.TAB)
    check(active(driver) == "add-rupture", f"Tab after the carried question lands on {active(driver)}")
    press(driver, Keys.ENTER)
    fill_entry(driver, 1, 1, ENTRIES[0])

    tab_to(driver, "add-rupture")
    press(driver, Keys.ENTER)
    check(active(driver) == "entry-2-client", f"the second entry puts focus on {active(driver)}")
    press(driver, "Mr Smith")
    warning = driver.find_element(By.ID, "entry-2-client-warning").text
    check("looks like a title and a name" in warning, f"an alias 'Mr Smith' warns {warning!r}")
    press(driver, *[Keys.BACKSPACE] * len("Mr Smith"), ENTRIES[1]["client"])
    warning = driver.find_element(By.ID, "entry-2-client-warning").text
    check(warning == "", f"the alias {ENTRIES[1]['client']!r} warns {warning!r}")
    fill_entry(driver, 2, 2, ENTRIES[1], client_typed=True)

    tab_to(driver, "add-rupture")
    press(driver, Keys.ENTER)
    press(driver, "to remove")
    tab_to(driver, "entry-3-remove")
    label = driver.find_element(By.ID, "entry-3-remove").text
    check(label == "Remove rupture 3", f"the third entry's remove button says {label!r}")
    press(driver, Keys.ENTER)
    check(active(driver) == "add-rupture", f"after removing, focus is on {active(driver)}")
    count = driver.execute_script("return document.querySelectorAll('#rupture-entries > fieldset').length")
    check(count == 2, f"after removing one of three, {count} entries show")
    status = driver.find_element(By.ID, "save-status").text
    check(status == "Rupture 3 removed. Saved in this browser.", f"after removing, the status says {status!r}")


def log_values(driver: webdriver.Chrome) -> list[dict]:
    """What the log's controls hold, entry by entry."""
    return driver.execute_script(
        """return [...document.querySelectorAll('#rupture-entries > fieldset')].map(box => {
             const one = name => box.querySelector(`[data-field=${name}]`).value;
             const all = name => [...box.querySelectorAll(`[data-field=${name}]:checked`)].map(e => e.value);
             return {client: one('client'), markers: all('markers'), salience: one('salience'), trigger: one('trigger'),
                     component: one('component'), repairs: all('repairs'), tension: one('tension'),
                     resolution: one('resolution'), week: one('week'), notes: one('notes')};
           });""")


def last_week_journal(attune: str, folder: Path) -> None:
    """Last week's journal, logging Harbour's rupture as still open."""
    run(attune, "new", "--week", LAST_WEEK, "--start", START, "--therapist", THERAPIST, "--journal", str(folder))
    path = folder / f"{LAST_WEEK}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## Rupture log\n", "## Rupture log\n\n" + LAST_WEEK_ENTRY + "\n", 1), encoding="utf-8")


def main() -> int:
    attune = str(Path(sys.argv[1]).resolve())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="attune-browser-") as scratch:
        root = Path(scratch)
        journal, downloads = root / "journal", root / "downloads"
        downloads.mkdir()
        page = root / "form" / f"{WEEK}-form.html"
        last_week_journal(attune, journal)
        last_week_journal(attune, root / "scaffold")
        # A course that began 2026-10-05: 2026-W47 is its seventh week, with four prompts.
        run(attune, "form", "--week", WEEK, "--start", START, "--therapist", THERAPIST, "--journal", str(journal), "--out", str(page))
        run(attune, "new", "--week", WEEK, "--start", START, "--therapist", THERAPIST, "--journal", str(root / "scaffold"))
        scaffold = (root / "scaffold" / f"{WEEK}.md").read_text(encoding="utf-8")

        driver = browser(downloads, root / "profile")
        try:
            driver.get(page.as_uri())
            prompts = driver.execute_script(
                "return [...document.querySelectorAll('textarea[data-prompt]')].map(t => t.dataset.prompt);")
            check(len(prompts) >= len(TYPED) + 1, f"the form has {len(prompts)} boxes; the test needs at least {len(TYPED) + 1}")
            unlabelled = driver.execute_script(
                "return [...document.querySelectorAll('textarea, input, select')].filter(t => t.labels.length !== 1 || !t.labels[0].textContent.trim()).map(t => t.id);")
            check(unlabelled == [], f"boxes without a label: {unlabelled}")
            state = driver.find_element(By.ID, "save-status").get_attribute("data-state")
            check(state == "idle", f"the script did not run (save state {state!r}): is the CSP hash wrong?")
            check(driver.find_element(By.ID, "download-answers").is_enabled(), "the download button stays disabled")
            display = driver.execute_script("return getComputedStyle(document.querySelector('.printed-answer')).display;")
            check(display == "none", f"the stylesheet did not apply (printed answers show as {display!r}): is the CSP hash wrong?")
            violations = axe_violations(driver)
            check(violations == [], "axe-core, on the empty form:\n" + "\n".join(violations))

            fill_log(driver)
            check(log_values(driver) == ENTRIES, f"the log holds {log_values(driver)!r}, not {ENTRIES!r}")
            violations = axe_violations(driver)
            check(violations == [], "axe-core, on the form with two entries open:\n" + "\n".join(violations))
            unlabelled = driver.execute_script(
                "return [...document.querySelectorAll('textarea, input, select')].filter(t => t.labels.length !== 1 || !t.labels[0].textContent.trim()).map(t => t.id);")
            check(unlabelled == [], f"controls without a label: {unlabelled}")

            # A phone: the bar must not take a fifth of the screen.
            driver.set_window_size(390, 844)
            bar = driver.execute_script(
                "const b = document.querySelector('.form-bar'); return [getComputedStyle(b).position, b.getBoundingClientRect().height, innerHeight];")
            check(bar[0] == "static" or bar[1] < bar[2] / 5, f"on a phone the bar is {bar[0]}, {bar[1]:.0f} of {bar[2]} px high")
            driver.set_window_size(1200, 900)

            driver.refresh()
            fill_with_keyboard(driver, prompts)
            status = driver.find_element(By.ID, "save-status")
            check(status.text == "Saved in this browser." and status.get_attribute("data-state") == "saved",
                  f"after typing, the status says {status.text!r}")
            expected_values = TYPED[:2] + [TYPED[2].replace("ünïcödé", "ünïcödé" + PASTED)]

            driver.refresh()
            values = driver.execute_script("return [...document.querySelectorAll('textarea[data-prompt]')].map(t => t.value);")
            check(values[:3] == expected_values, f"after a reload the boxes hold {values[:3]!r}, not {expected_values!r}")
            check(log_values(driver) == ENTRIES, f"after a reload the log holds {log_values(driver)!r}")
            follow_up = driver.find_element(By.ID, "follow-up-1").get_attribute("value")
            check(follow_up == FOLLOW_UP, f"after a reload the carried question's answer is {follow_up!r}")
            check(all(value == "" for value in values[3:]), f"untouched boxes hold {values[3:]!r}")
            status = driver.find_element(By.ID, "save-status")
            check(status.text == "Your saved answers are back. Saved in this browser.", f"after a reload the status says {status.text!r}")
            check(driver.execute_script("return document.querySelectorAll('main script:not([type]), main b, .printed-answer *').length") == 0,
                  "typed text became markup in the page")
            violations = axe_violations(driver)
            check(violations == [], "axe-core, on the filled-in form:\n" + "\n".join(violations))

            # Print: the answers as text, no boxes, buttons or help.
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            printed = driver.execute_script(
                """const shown = e => getComputedStyle(e).display !== 'none';
                   return {
                     answers: [...document.querySelectorAll('.prompt .printed-answer')].map(e => shown(e) ? e.textContent : null),
                     space: [...document.querySelectorAll('.prompt .writing-space')].map(shown),
                     boxes: [...document.querySelectorAll('.prompt textarea')].some(shown),
                     bar: shown(document.querySelector('.form-bar')),
                   };""")
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            check(printed["answers"][:3] == expected_values and all(a is None for a in printed["answers"][3:]),
                  f"printed answers: {printed['answers']!r}")
            check(printed["space"] == [False] * 3 + [True] * (len(prompts) - 3), f"writing space in print: {printed['space']!r}")
            check(not printed["boxes"] and not printed["bar"], "boxes or the download bar show in print")

            # Download with the keyboard: Tab from the last box to the button.
            driver.find_element(By.ID, f"answer-{len(prompts)}").click()
            webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
            check(active(driver) == "download-answers", f"Tab after the last box lands on {active(driver)}")
            webdriver.ActionChains(driver).send_keys(Keys.ENTER).perform()
            download = downloads / f"{WEEK}.md"
            deadline = time.monotonic() + 60
            while not download.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            check(download.exists(), f"no {download.name} in the download folder: {sorted(p.name for p in downloads.iterdir())}")

            # Forget the answers (the next button), confirming the question.
            webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
            check(active(driver) == "forget-answers", f"Tab after the download button lands on {active(driver)}")
            webdriver.ActionChains(driver).send_keys(Keys.ENTER).perform()
            driver.switch_to.alert.accept()
            status = driver.find_element(By.ID, "save-status").text
            check(status == "Your answers are no longer kept in this browser.", f"after forgetting, the status says {status!r}")
            driver.refresh()
            values = driver.execute_script("return [...document.querySelectorAll('textarea')].map(t => t.value);")
            check(all(value == "" for value in values), f"after forgetting and a reload the boxes hold {values!r}")
            check(log_values(driver) == [], f"after forgetting and a reload the log holds {log_values(driver)!r}")
            check(driver.execute_script("return window.localStorage.length") == 0, "the answers are still in local storage")
            errors = browser_errors(driver)
            check(errors == [], f"the browser logged: {errors}")
        finally:
            driver.quit()

        downloaded = download.read_bytes()
        answers = dict(zip(prompts, expected_values))
        expected = typed_into_scaffold(logged_into_scaffold(scaffold, ENTRIES, {"Harbour": FOLLOW_UP}), answers).encode("utf-8")
        if downloaded != expected:
            import difflib
            diff = "\n".join(difflib.unified_diff(expected.decode().split("\n"), downloaded.decode().split("\n"),
                                                  "typed into the scaffold", "downloaded", lineterm=""))
            fail(f"the downloaded journal is not the scaffold with the answers typed in:\n{diff}")

        output = run(attune, "import", str(download), "--journal", str(journal))
        imported = journal / f"{WEEK}.md"
        check(imported.read_bytes() == downloaded, f"import did not copy the file as is: {output}")
        again = run(attune, "import", str(download), "--journal", str(journal))
        check("nothing to import" in again, f"importing again says: {again}")

        # The same week from the form again, with a third entry: only it is added.
        third = {"client": "Wren", "markers": ["marker-denial"], "salience": "", "trigger": "", "component": "",
                 "repairs": [], "tension": "1", "resolution": "5", "week": "", "notes": ""}
        second_block = entry_block(ENTRIES[1])
        text = downloaded.decode("utf-8")
        check(second_block in text, "the download lacks the second entry's block")
        more = root / "more" / f"{WEEK}.md"
        more.parent.mkdir()
        more.write_text(text.replace(second_block, second_block + "\n\n" + entry_block(third)), encoding="utf-8")
        before = imported.read_bytes()
        output = run(attune, "import", str(more), "--journal", str(journal))
        check("Added to the rupture log" in output and "Wren" in output, f"importing a third entry says: {output}")
        after = imported.read_text(encoding="utf-8")
        check(after == before.decode("utf-8").replace(second_block, second_block + "\n\n" + entry_block(third)),
              f"the third entry was not added after the second, leaving every other line:\n{after}")
        again = run(attune, "import", str(more), "--journal", str(journal))
        check("nothing to import" in again, f"importing the third entry again says: {again}")
        again = run(attune, "import", str(download), "--journal", str(journal))
        check("nothing to import" in again, f"importing the first download after the third entry says: {again}")

        # A copy whose entry for the same client and week differs: stopped, both shown, nothing written.
        changed = root / "changed" / f"{WEEK}.md"
        changed.parent.mkdir()
        changed.write_text(text.replace(second_block, second_block.replace("tension: 2", "tension: 5")), encoding="utf-8")
        before = imported.read_bytes()
        output = run(attune, "import", str(changed), "--journal", str(journal), expect=1)
        check(f"the rupture log already has an entry for {ENTRIES[1]['client']} in {LAST_WEEK}" in output
              and "    | tension: 2" in output and "    | tension: 5" in output and "nothing was written" in output,
              f"a conflicting entry says: {output}")
        check(imported.read_bytes() == before, "a conflicting import changed the journal")

        out = root / "out"
        run(attune, "build", str(journal), "--out", str(out))
        markdown = (out / f"{WEEK}.md").read_text(encoding="utf-8")
        check(answer_text(expected_values[0]) in markdown, "the Markdown workbook lacks the first answer verbatim")
        check(answer_text(expected_values[2]) in markdown, "the Markdown workbook lacks the list verbatim")
        for row in ["| 1 | Harbour | Confrontation | Card 19 · Rejecting the therapist's intervention; ",
                    f"| 2 | {ENTRIES[1]['client']} ({LAST_WEEK}) | Withdrawal | Card 12 · Minimal response |",
                    "| 3 | Wren | Withdrawal | Card 11 · Denial |"]:
            check(row in markdown, f"the workbook's log table lacks {row!r}:\n{markdown}")

        run(attune, "trends", str(journal), "--out", str(out))
        trends = (out / "trends.md").read_text(encoding="utf-8")
        for line in ["- **Read:** 2 journals, 4 ruptures logged",
                     f"| {LAST_WEEK} | 1 | 1 | 2 | yes |",
                     f"| {WEEK} | 1 | 1 | 2 | yes |",
                     "| Card 12 · Minimal response | withdrawal | 1 | 0 | 1 |"]:
            check(line in trends, f"the trends report lacks {line!r}:\n{trends}")

        driver = browser(downloads, root / "profile-workbook")
        try:
            driver.get((out / f"{WEEK}.html").as_uri())
            shown = driver.execute_script(
                """const result = {};
                   for (const heading of document.querySelectorAll('main h2')) {
                     const parts = [];
                     for (let e = heading.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) {
                       const hint = e.tagName === 'P' && e.children.length === 1
                         && e.firstElementChild.tagName === 'EM' && e.textContent === e.firstElementChild.textContent;
                       if (!hint && !e.classList.contains('writing-space')) { parts.push(e.innerText); }
                     }
                     result[heading.textContent] = parts.join('\\n');
                   }
                   return {sections: result, scripts: document.scripts.length};""")
            errors = browser_errors(driver)
        finally:
            driver.quit()
        check(shown["scripts"] == 0, f"the workbook has {shown['scripts']} script elements")
        check(errors == [], f"the browser logged, opening the workbook: {errors}")
        sections = list(shown["sections"].values())
        want = [
            expected_values[0],
            expected_values[1],
            "a list item\nanother, ünïcödé" + PASTED,
        ]
        for text in want:
            check(text in sections, f"the workbook does not show {text!r}; its sections show:\n{sections!r}")

    print(f"browser-test: the form works in Chromium, offline, by keyboard; the downloaded journal imports and builds "
          f"into a workbook showing exactly what was typed ({time.monotonic() - started:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
