"""Runs axe-core on one page of each site template, offline.

Usage: python3 axe_check.py SITE_DIR

Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through
Playwright; Playwright's own browser download is never used. axe-core is
the copy shipped inside PyPI's axe-playwright-python. Pages load from
file://, as a reader with the folder on a USB stick would see them.

Besides axe's rules (WCAG 2.x A and AA, and best practices: lang,
landmarks, one h1, heading order, contrast, labelled controls), it checks
what axe cannot: that the first Tab lands on a skip link that becomes
visible with a focus outline, and that search works in a real browser:
it narrows the list, finds word stems ("withdraw" finds the withdrawal
markers), its stemmer agrees with the index's (Sources/Site/SearchTerms.swift)
on every word, it offers the nearest word when nothing matches, and all of
it works by keyboard alone.
Exits 1 on any violation.
"""

import os
import sys
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def pages(site: Path) -> list[Path]:
    """One page per template, chosen from what the bundled content builds."""
    def first(pattern: str) -> Path:
        found = sorted(site.glob(pattern))
        if not found:
            sys.exit(f"axe-check: no page matches {pattern} in {site}")
        return found[0]

    return [
        site / "index.html",                          # site/home.html
        site / "sections/markers.html",               # site/section.html
        site / "sections/reflection-questions.html",  # site/prompts.html
        site / "sections/sources.html",               # site/sources.html
        first("weeks/*.html"),                        # site/week.html
        site / "search.html",                         # site/search.html
        site / "404.html",                            # site/not-found.html
        first("downloads/*.html"),                    # workbook.html (attune build's)
    ]


def skip_link_problem(page) -> str | None:
    page.keyboard.press("Tab")
    return page.evaluate(
        """() => {
            const a = document.activeElement;
            if (!a || !a.classList.contains('skip-link')) return 'the first Tab does not reach the skip link';
            const box = a.getBoundingClientRect();
            if (box.bottom <= 0 || box.top >= innerHeight) return 'the focused skip link is off screen';
            if (getComputedStyle(a).outlineStyle === 'none') return 'the focused skip link has no outline';
            return null;
        }"""
    )


def visible(page) -> list[str]:
    return page.eval_on_selector_all(
        "#search-results > li", "items => items.filter(i => !i.hidden).map(i => i.querySelector('a').getAttribute('href'))")


def search_problem(page) -> str | None:
    page.fill("#search-query", "denial")
    shown = len(visible(page))
    total = page.eval_on_selector_all("#search-results > li", "items => items.length")
    status = page.text_content("#search-status") or ""
    if not (0 < shown < total) or "denial" not in status:
        return f"searching 'denial' shows {shown} of {total} entries, status {status!r}"

    # The page's stemmer, run on every word the index suggests, must give
    # the stem the index was made with.
    disagreements = page.evaluate(
        """() => {
            const index = JSON.parse(document.getElementById('search-index').textContent);
            const search = window.attuneSearch;
            return index.words.filter((w, i) => search.stem(search.words(w)[0]) !== index.terms[i]);
        }"""
    )
    if disagreements:
        return f"search.js stems {len(disagreements)} words differently from the index, such as {disagreements[:5]}"

    # Stems: the seven withdrawal markers are found by their type's name.
    page.fill("#search-query", "withdraw")
    withdraw = visible(page)
    markers = [href for href in withdraw if href.startswith("sections/markers.html#")]
    if len(markers) < 7 or "sections/rupture-types.html#withdrawal" not in withdraw:
        return f"searching 'withdraw' finds {len(markers)} markers: {withdraw}"
    for form in ["withdrawal", "Withdrawing"]:
        page.fill("#search-query", form)
        if visible(page) != withdraw:
            return f"searching {form!r} finds {visible(page)}, not what 'withdraw' finds"

    # A typo: nothing matches, and the nearest word is offered as a link,
    # reached by Tab after the field and the button, followed with Enter.
    page.fill("#search-query", "")
    page.focus("#search-query")
    page.keyboard.type("withdrawl")
    status = page.text_content("#search-status") or ""
    if visible(page) or status != "No entry matches \u201cwithdrawl\u201d. Did you mean withdrawal?":
        return f"searching 'withdrawl' shows {visible(page)}, status {status!r}"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.textContent, document.activeElement.closest('#search-status') !== null]")
    if focused != ["withdrawal", True]:
        return f"two Tabs from the field reach {focused}, not the suggestion"
    page.keyboard.press("Enter")
    value = page.input_value("#search-query")
    active = page.evaluate("() => document.activeElement.id")
    if value != "withdrawal" or visible(page) != withdraw or active != "search-query":
        return f"following the suggestion leaves {value!r} in the field, focus on {active!r}, {len(visible(page))} entries"

    # Enter searches in place; the first result is the next Tab stop after the button.
    page.fill("#search-query", "")
    page.focus("#search-query")
    page.keyboard.type("repair")
    page.keyboard.press("Enter")
    if not page.url.endswith("search.html") or not visible(page):
        return f"Enter in the field went to {page.url} with {len(visible(page))} entries"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    if href != visible(page)[0]:
        return f"two Tabs from the field reach {href!r}, not the first result {visible(page)[0]!r}"
    if page.get_attribute("#search-status", "role") != "status":
        return "the search status is not announced (no role=status)"
    return None


def main() -> int:
    site = Path(sys.argv[1]).resolve()
    axe = Axe()
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu"],
        )
        for path in pages(site):
            page = browser.new_page()
            page.goto(path.as_uri())
            results = axe.run(page, options=AXE_OPTIONS)
            problems = [results.generate_report()] if results.violations_count else []
            problem = skip_link_problem(page)
            if problem:
                problems.append(problem)
            if path.name == "search.html":
                problem = search_problem(page)
                if problem:
                    problems.append(problem)
            name = path.relative_to(site)
            if problems:
                failures += 1
                print(f"{name}: FAILED\n" + "\n".join(problems))
            else:
                print(f"{name}: no axe violations")
            page.close()
        browser.close()
    if failures:
        print(f"axe-check: {failures} page(s) with accessibility problems")
        return 1
    print("axe-check: no accessibility violations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
