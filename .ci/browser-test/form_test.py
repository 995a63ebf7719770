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
- "Download answers" (pressed with Enter) saves a journal that is, byte for
  byte, the `attune new` scaffold with the same answers typed into it;
- "Forget answers in this browser", confirmed, leaves nothing in storage;
- `attune import` adds it to an empty journal folder unchanged, and
  importing it again finds nothing new;
- `attune build` makes a workbook which, opened in the same browser, shows
  exactly what was typed, HTML-looking text as text, with no script.

Exits 1 with a message on the first failure.
"""

import os
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


def main() -> int:
    attune = str(Path(sys.argv[1]).resolve())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="attune-browser-") as scratch:
        root = Path(scratch)
        journal, downloads = root / "journal", root / "downloads"
        downloads.mkdir()
        page = root / "form" / f"{WEEK}-form.html"
        # A course that began 2026-10-05: 2026-W47 is its seventh week, with four prompts.
        run(attune, "form", "--week", WEEK, "--start", START, "--therapist", THERAPIST, "--journal", str(journal), "--out", str(page))
        run(attune, "new", "--week", WEEK, "--start", START, "--therapist", THERAPIST, "--journal", str(root / "scaffold"))
        scaffold = (root / "scaffold" / f"{WEEK}.md").read_text(encoding="utf-8")

        driver = browser(downloads, root / "profile")
        try:
            driver.get(page.as_uri())
            prompts = driver.execute_script(
                "return [...document.querySelectorAll('textarea')].map(t => t.dataset.prompt);")
            check(len(prompts) >= len(TYPED) + 1, f"the form has {len(prompts)} boxes; the test needs at least {len(TYPED) + 1}")
            unlabelled = driver.execute_script(
                "return [...document.querySelectorAll('textarea')].filter(t => t.labels.length !== 1 || !t.labels[0].textContent.trim()).map(t => t.id);")
            check(unlabelled == [], f"boxes without a label: {unlabelled}")
            state = driver.find_element(By.ID, "save-status").get_attribute("data-state")
            check(state == "idle", f"the script did not run (save state {state!r}): is the CSP hash wrong?")
            check(driver.find_element(By.ID, "download-answers").is_enabled(), "the download button stays disabled")
            display = driver.execute_script("return getComputedStyle(document.querySelector('.printed-answer')).display;")
            check(display == "none", f"the stylesheet did not apply (printed answers show as {display!r}): is the CSP hash wrong?")
            violations = axe_violations(driver)
            check(violations == [], "axe-core, on the empty form:\n" + "\n".join(violations))

            fill_with_keyboard(driver, prompts)
            status = driver.find_element(By.ID, "save-status")
            check(status.text == "Saved in this browser." and status.get_attribute("data-state") == "saved",
                  f"after typing, the status says {status.text!r}")
            expected_values = TYPED[:2] + [TYPED[2].replace("ünïcödé", "ünïcödé" + PASTED)]

            driver.refresh()
            values = driver.execute_script("return [...document.querySelectorAll('textarea')].map(t => t.value);")
            check(values[:3] == expected_values, f"after a reload the boxes hold {values[:3]!r}, not {expected_values!r}")
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
                     answers: [...document.querySelectorAll('.printed-answer')].map(e => shown(e) ? e.textContent : null),
                     space: [...document.querySelectorAll('.prompt .writing-space')].map(shown),
                     boxes: [...document.querySelectorAll('textarea')].some(shown),
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
            check(driver.execute_script("return window.localStorage.length") == 0, "the answers are still in local storage")
            errors = browser_errors(driver)
            check(errors == [], f"the browser logged: {errors}")
        finally:
            driver.quit()

        downloaded = download.read_bytes()
        answers = dict(zip(prompts, expected_values))
        expected = typed_into_scaffold(scaffold, answers).encode("utf-8")
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

        out = root / "out"
        run(attune, "build", str(journal), "--out", str(out))
        markdown = (out / f"{WEEK}.md").read_text(encoding="utf-8")
        check(answer_text(expected_values[0]) in markdown, "the Markdown workbook lacks the first answer verbatim")
        check(answer_text(expected_values[2]) in markdown, "the Markdown workbook lacks the list verbatim")

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
