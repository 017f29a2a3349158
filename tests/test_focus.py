"""The keyboard: formulas are no tab stops, and whatever takes focus shows it.

A reader who moves with Tab met every formula of a page as a tab stop (176
presses to the first slider of Basics, 299 on Theory), and the language switch
and "Slides" links showed no focus ring (WCAG 2.4.7). Here the book pages of
both languages, the landing page, the slides index and the first slides of every
deck are walked with the Tab key, as a reader does; for each element that takes
focus, its outline or box shadow must change, visibly (not transparent), from
how it looked unfocused.
"""

from __future__ import annotations

import pytest

from tests.browser import Visit
from tests.conftest import decks, pages

BOOK = pages()
DECKS = decks()
# Without transitions (Bootstrap's buttons fade their ring in): what is measured is
# the ring a reader sees once it is drawn.
DESKTOP = {"viewport": {"width": 1366, "height": 900}, "reduced_motion": "reduce"}
MAX_TABS = 600  # more stops than any page has: beyond it, focus is trapped
# Tab presses from the top of Basics or Theory to the first explorer slider: 51 and
# 47, past the header, the sidebar, links and the code cells' copy buttons (176 and
# 299 when every formula was a stop).
SLIDER_WITHIN = 60

# Every focusable element's look before anything has focus, kept in the page.
BASELINE = """() => {
    const look = (e) => { const s = getComputedStyle(e);
        return {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
                shadow: s.boxShadow}; };
    window.unfocusedLook = new Map();
    window.tabbedTo = new WeakSet();
    for (const e of document.querySelectorAll('*'))
        if (e.tabIndex >= 0) window.unfocusedLook.set(e, look(e));
}"""

# What the focused element is, and whether its focus shows.
FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    if (window.tabbedTo.has(e)) return {again: true};  // focus went round the page
    window.tabbedTo.add(e);
    const s = getComputedStyle(e);
    const opaque = (colour) => !/rgba\\([^)]*,\\s*0\\)|transparent/.test(colour);
    const now = {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
                 shadow: s.boxShadow};
    const before = window.unfocusedLook.get(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
        && opaque(s.outlineColor) && (!before || now.outline !== before.outline);
    const shadow = s.boxShadow !== 'none' && opaque(s.boxShadow)
        && (!before || now.shadow !== before.shadow);
    const text = (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40);
    return {shows: (outline || shadow) && !!before,
            control: e.matches('a[href], button, input, select, textarea, summary')
                     || e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight,
            slider: e.matches('.d2l-explorer input[type=range]'),
            name: `<${e.tagName.toLowerCase()} class="${e.className.baseVal ?? e.className}">` +
                  (text ? ` "${text}"` : '') + (before ? '' : ' (not focusable at load)')};
}"""


def settle(page) -> None:
    """Wait for the formulas, their fonts, and the layout that follows."""
    page.evaluate("""() => Promise.resolve(window.MathJax?.startup?.promise)
        .then(() => document.fonts.ready)
        .then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))""")


def tab_through(page) -> list[dict]:
    """Press Tab from the top of ``page`` until focus leaves it or comes round again;
    return what took focus, in order (name, shows, control, slider)."""
    page.evaluate(BASELINE)
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info is None or info.get("again"):
            return stops
        stops.append(info)
    pytest.fail(f"{MAX_TABS} Tab presses and focus never left the page")


# Formula elements that take focus, other than a wide equation that scrolls sideways
# (it must, to be scrolled) and an equation's permalink (#), which is a link.
FORMULA_STOPS = """() => [...document.querySelectorAll(
        '.math, .math *, mjx-container, mjx-container *')]
    .filter(e => e.tabIndex >= 0 && !e.matches('a.headerlink') && e.scrollWidth <= e.clientWidth)
    .map(e => e.outerHTML.slice(0, 100))"""


@pytest.fixture(scope="module")
def server(site_server: str) -> str:
    return site_server


@pytest.fixture(scope="module")
def walks(browser, server) -> dict[str, dict]:
    """Each book page, opened once: its formulas that take focus, and every Tab stop."""
    seen = {}
    for path in BOOK:
        visit = Visit(browser, server, path, **DESKTOP)
        settle(visit.page)
        seen[path] = {"formulas": visit.page.evaluate(FORMULA_STOPS),
                      "stops": tab_through(visit.page)}
        visit.close()
    return seen


def test_formulas_are_no_tab_stops(walks):
    for path, walk in walks.items():
        assert not walk["formulas"], \
            f"{path}: {len(walk['formulas'])} formula elements take focus: {walk['formulas'][:3]}"
        formulas = [s["name"] for s in walk["stops"]
                    if s["name"].startswith("<mjx") and not s["control"]]
        assert not formulas, f"{path}: Tab stops on formulas that do not scroll: {formulas[:3]}"


def test_first_explorer_slider_is_a_few_tab_presses_away(walks):
    """On Basics and Theory, through links, buttons and scrolling boxes only."""
    pages = [p for p in walks if p.endswith(("/basics.html", "/theory.html"))]
    assert len(pages) == 4
    for path in pages:
        stops = walks[path]["stops"]
        first = next((k for k, s in enumerate(stops) if s["slider"]), None)
        assert first is not None, f"{path}: Tab never reached an explorer's slider"
        assert first + 1 <= SLIDER_WITHIN, f"{path}: {first + 1} Tab presses to the first slider"
        idle = [s["name"] for s in stops[:first] if not s["control"]]
        assert not idle, f"{path}: Tab stops that are no control: {idle[:5]}"


def unseen(stops: list[dict]) -> list[str]:
    return sorted({s["name"] for s in stops if not s["shows"]})


def test_every_focused_element_on_the_book_pages_shows_its_focus(walks):
    for path, walk in walks.items():
        assert len(walk["stops"]) > 10, f"{path}: only {len(walk['stops'])} Tab stops"
        assert not unseen(walk["stops"]), \
            f"{path}: no visible focus on\n" + "\n".join(unseen(walk["stops"]))


@pytest.mark.parametrize("path", ["index.html", "slides/index.html"])
def test_landing_page_and_slides_index_show_focus(browser, server, path):
    visit = Visit(browser, server, path, **DESKTOP)
    stops = tab_through(visit.page)
    assert stops, f"{path}: Tab reached nothing"
    assert not unseen(stops), f"{path}: no visible focus on\n" + "\n".join(unseen(stops))
    visit.close()


@pytest.mark.parametrize("path", DECKS)
def test_deck_controls_and_explorers_show_their_focus(browser, server, path):
    """The title slide (reveal.js's controls, the link to the book) and each slide
    with an explorer (its sliders). Formulas are left out: whether they are tab
    stops in a deck is the decks' MathJax configuration, checked with it."""
    visit = Visit(browser, server, path, viewport={"width": 1280, "height": 720},
                  reduced_motion="reduce")
    page = visit.page
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    settle(page)
    stops = tab_through(page)
    slides = page.evaluate("""() => [...document.querySelectorAll('.reveal .d2l-explorer')]
        .map(e => Reveal.getIndices(e.closest('section')))""")
    for at in slides:
        page.evaluate(f"Reveal.slide({at['h']}, {at.get('v') or 0}); document.activeElement.blur()")
        stops += tab_through(page)
    stops = [s for s in stops if not s["name"].startswith("<mjx-container")]
    assert stops, f"{path}: Tab reached nothing"
    assert any(s["slider"] for s in stops) == bool(slides), f"{path}: explorer sliders missed"
    assert not unseen(stops), f"{path}: no visible focus on\n" + "\n".join(unseen(stops))
    visit.close()
