"""Accessibility of everything the site serves, checked by axe-core in Chromium.

axe-core (from npm, installed by `make setup`) is injected into each page and
run with the WCAG 2.0-2.2 A and AA rules and axe's best practices. A critical or
serious violation fails the test, naming its rule, the page, the colour scheme
and the elements; so does a return of the two moderate ones we fixed (content
outside any landmark, a page without a level-one heading). Covered:

- the landing page and the slides index, light and dark;
- every book page of both languages at 1366x900, light and dark, with its
  solutions opened (their code boxes scroll), and at phone width (390 px);
- both search pages, with results (the highlighted terms are coloured);
- the decks at 1280x720: reveal.js's controls, progress bar and slide number on
  a title slide (one deck per language: the template is the same), light and
  dark, and every deck's slides all at once in reveal.js's print layout (every
  slide is shown there, explorers included, where the live view hides all but
  one).

Between light and dark the theme changes colours only, not markup, so a page's
dark run checks the colour rules alone; a book page is loaded once for its three
runs (the theme follows the emulated scheme; the phone run resizes the window to
390 px, where the theme's layout is the phone's). An axe run takes 0.3 s on a
small page to 3 s on Theory, whose 10,000 formula elements are the slow part.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import Visit
from tests.conftest import PHONE, decks, pages

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
FAILING_IMPACTS = {"critical", "serious"}
FIXED_MODERATE = {"region", "page-has-heading-one"}  # fixed once: they stay fixed
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
SLIDES = {"viewport": {"width": 1280, "height": 720}}

BOOK = pages()
DECKS = decks()


def run_axe(page, rules: list[str] | None = None) -> list[dict]:
    """axe's violations on ``page``: all rules of TAGS, or only ``rules``."""
    assert AXE.exists(), f"{AXE} is missing: run `make setup` (npm ci installs axe-core)"
    if not page.evaluate("'axe' in window"):
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


def next_frames(page) -> None:
    """Let the page lay itself out again (and its ResizeObservers answer)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def back_to_top(page) -> None:
    """Scroll down, then up a little, as a phone reader does: the theme then shows
    its "Back to top" button, which axe must see too."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    next_frames(page)
    page.mouse.wheel(0, -300)
    page.wait_for_selector("#pst-back-to-top", state="visible")
    page.wait_for_function("document.getAnimations()"
                           ".every(a => !(a instanceof CSSTransition) || a.playState !== 'running')")


def ready_book_page(page) -> None:
    """Every solution open (the formulas come typeset from the build), and the theme
    light as the system."""
    for button in page.locator("button.toggle-button").all():
        button.click()
    next_frames(page)
    assert page.evaluate("document.documentElement.dataset.theme") == "light"


@pytest.fixture(scope="module")
def server(site_server: str) -> str:
    return site_server


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", "slides/index.html"])
def test_landing_page_and_slides_index(browser, server, path, scheme):
    visit = Visit(browser, server, path, color_scheme=scheme, **DESKTOP)
    assert_accessible(run_axe(visit.page), f"{path} ({scheme})")
    visit.close()


def dark(page) -> None:
    """Switch ``page`` to dark as a reader's system would; the theme follows it, and
    its colours have finished fading (a colour mid-transition is no colour to test)."""
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
    page.wait_for_function("document.getAnimations()"
                           ".every(a => !(a instanceof CSSTransition) || a.playState !== 'running')")


@pytest.mark.parametrize("path", BOOK)
def test_book_pages(browser, server, path):
    """Light at 1366x900, dark (colour rules), then light at phone width (390 px):
    one page load for the three, as a reader who turns the phone or the lights."""
    visit = Visit(browser, server, path, color_scheme="light", **DESKTOP)
    page = visit.page
    ready_book_page(page)
    found = [(v, "light") for v in run_axe(page)]
    dark(page)
    found += [(v, "dark") for v in run_axe(page, COLOUR_RULES)]
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(PHONE["viewport"])
    page.wait_for_function("document.documentElement.dataset.theme === 'light'")
    back_to_top(page)
    found += [(v, "phone width, light") for v in run_axe(page)]
    visit.close()
    for scheme in ("light", "dark", "phone width, light"):
        assert_accessible([v for v, s in found if s == scheme], f"{path} ({scheme})")


@pytest.mark.parametrize("path", ["en/search.html?q=momentum", "zh/search.html?q=动量"])
def test_search_pages_with_results(browser, server, path):
    visit = Visit(browser, server, path, color_scheme="light", **DESKTOP)
    visit.page.wait_for_selector("#search-results li span.highlighted", timeout=15000)
    assert_accessible(run_axe(visit.page), f"{path} (light)")
    dark(visit.page)
    assert_accessible(run_axe(visit.page, COLOUR_RULES), f"{path} (dark)")
    visit.close()


def open_deck(browser, server: str, path: str, scheme: str, query: str = "") -> Visit:
    visit = Visit(browser, server, path + query, color_scheme=scheme, **SLIDES)
    visit.page.wait_for_function("window.Reveal && Reveal.isReady()")
    visit.page.evaluate("() => window.MathJax?.startup?.promise?.then(() => true)")
    return visit


@pytest.mark.parametrize("path", ["slides/en/basics.html", "slides/zh/theory.html"])
def test_deck_title_slides(browser, server, path):
    """reveal.js's controls, progress bar and slide number, as a deck shows them: the
    same in every deck (one template), so one deck per language; the slides' own
    content is checked in every deck below."""
    visit = open_deck(browser, server, path, "light")
    assert_accessible(run_axe(visit.page), f"{path}, title slide (light)")
    visit.page.emulate_media(color_scheme="dark")
    assert_accessible(run_axe(visit.page, COLOUR_RULES), f"{path}, title slide (dark)")
    visit.close()


@pytest.mark.parametrize("path", DECKS)
def test_every_slide_of_every_deck(browser, server, path):
    visit = open_deck(browser, server, path, "light", "?print-pdf")
    visit.page.wait_for_function("document.querySelectorAll('.reveal .pdf-page').length"
                                 " === Reveal.getTotalSlides()")
    assert_accessible(run_axe(visit.page), f"{path}, every slide (print layout)")
    visit.close()
