"""Accessibility of everything the site serves, checked by axe-core in Chromium.

axe-core (from npm, installed by `make setup`) is injected into each page and
run with the WCAG 2.0-2.2 A and AA rules and axe's best practices. A critical or
serious violation fails the test, naming its rule, the page, the colour scheme
and the elements; so does a return of the two moderate ones we fixed (content
outside any landmark, a page without a level-one heading). Covered:

- the landing page and the slides index, light and dark;
- every book page of both languages at 1366x900, light and dark, with its
  solutions opened (their code boxes scroll), and at phone size (390x844);
- both search pages, with results (the highlighted terms are coloured);
- every deck at 1280x720: its title slide with reveal.js's controls, light and
  dark, and all its slides at once in reveal.js's print layout (every slide is
  shown there, explorers included, where the live view hides all but one).

Between light and dark the theme changes colours only, not markup, so a page's
dark run checks the colour rules alone: that halves its cost. An axe run takes
0.3-2 s (the book pages' thousands of formula elements are the slow part).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import Visit
from tests.conftest import SITE

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
FAILING_IMPACTS = {"critical", "serious"}
FIXED_MODERATE = {"region", "page-has-heading-one"}  # fixed once: they stay fixed
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
         "device_scale_factor": 2, "has_touch": True}
SLIDES = {"viewport": {"width": 1280, "height": 720}}

BOOK = sorted(str(p.relative_to(SITE)) for lang in ("en", "zh")
              for p in (SITE / lang / "chapters" / lang).glob("*.html"))
DECKS = sorted(str(p.relative_to(SITE)) for p in (SITE / "slides").glob("*/*.html"))


def run_axe(page, rules: list[str] | None = None) -> list[dict]:
    """axe's violations on ``page``: all rules of TAGS, or only ``rules``."""
    assert AXE.exists(), f"{AXE} is missing: run `make setup` (npm ci installs axe-core)"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""([tags, rules]) => axe.run(document, {
        runOnly: rules ? {type: 'rule', values: rules} : {type: 'tag', values: tags},
        resultTypes: ['violations']}).then(r => r.violations.map(v => ({
            rule: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' '))})))""", [TAGS, rules])


def assert_accessible(violations: list[dict], where: str) -> None:
    bad = [v for v in violations if v["impact"] in FAILING_IMPACTS or v["rule"] in FIXED_MODERATE]
    assert not bad, f"{where}:\n" + "\n".join(
        f"- {v['rule']} ({v['impact']}: {v['help']}) on {len(v['nodes'])} element(s): "
        f"{'; '.join(v['nodes'][:5])}" for v in bad)


def ready_book_page(visit: Visit, scheme: str | None) -> None:
    """Formulas typeset, every solution open, and the theme in the reader's scheme."""
    page = visit.page
    page.evaluate("() => window.MathJax?.startup?.promise?.then(() => true)")
    for button in page.locator("button.toggle-button").all():
        button.click()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    if scheme:  # the theme follows the system's scheme unless the reader chose one
        assert page.evaluate("document.documentElement.dataset.theme") == scheme


@pytest.fixture(scope="module")
def server(site_server: str) -> str:
    return site_server


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", "slides/index.html"])
def test_landing_page_and_slides_index(browser, server, path, scheme):
    visit = Visit(browser, server, path, color_scheme=scheme, **DESKTOP)
    assert_accessible(run_axe(visit.page), f"{path} ({scheme})")
    visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", BOOK)
def test_book_pages(browser, server, path, scheme):
    visit = Visit(browser, server, path, color_scheme=scheme, **DESKTOP)
    ready_book_page(visit, scheme)
    rules = COLOUR_RULES if scheme == "dark" else None
    assert_accessible(run_axe(visit.page, rules), f"{path} ({scheme})")
    visit.close()


@pytest.mark.parametrize("path", BOOK)
def test_book_pages_on_a_phone(browser, server, path):
    visit = Visit(browser, server, path, color_scheme="light", **PHONE)
    ready_book_page(visit, "light")
    assert_accessible(run_axe(visit.page), f"{path} (phone, light)")
    visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["en/search.html?q=momentum", "zh/search.html?q=动量"])
def test_search_pages_with_results(browser, server, path, scheme):
    visit = Visit(browser, server, path, color_scheme=scheme, **DESKTOP)
    visit.page.wait_for_selector("#search-results li span.highlighted", timeout=15000)
    rules = COLOUR_RULES if scheme == "dark" else None
    assert_accessible(run_axe(visit.page, rules), f"{path} ({scheme})")
    visit.close()


def open_deck(browser, server: str, path: str, scheme: str, query: str = "") -> Visit:
    visit = Visit(browser, server, path + query, color_scheme=scheme, **SLIDES)
    visit.page.wait_for_function("window.Reveal && Reveal.isReady()")
    visit.page.evaluate("() => window.MathJax?.startup?.promise?.then(() => true)")
    return visit


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", DECKS)
def test_deck_title_slides(browser, server, path, scheme):
    visit = open_deck(browser, server, path, scheme)
    rules = COLOUR_RULES if scheme == "dark" else None
    assert_accessible(run_axe(visit.page, rules), f"{path}, title slide ({scheme})")
    visit.close()


@pytest.mark.parametrize("path", DECKS)
def test_every_slide_of_every_deck(browser, server, path):
    visit = open_deck(browser, server, path, "light", "?print-pdf")
    visit.page.wait_for_function("document.querySelectorAll('.reveal .pdf-page').length"
                                 " === Reveal.getTotalSlides()")
    assert_accessible(run_axe(visit.page), f"{path}, every slide (print layout)")
    visit.close()
