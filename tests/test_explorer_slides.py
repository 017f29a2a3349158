"""Explorers on a slide are legible from the back of a classroom.

On a page an explorer's text is 12 to 13 px; a slide (tools/deck.css) shows
the figure at --d2l-scale 1.75 and the controls and readout at 1.4 times
their page size. Before, the figure's ticks came out at 11 to 15 px and the
readout at 15 px against 30 px body text (reader-experience review, 5).
tests/test_slides.py checks that every slide still fits 1280x720.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import serve_folder

SLIDES = Path(__file__).resolve().parents[1] / "_build" / "slides"

MEASURE = """e => {
    const texts = [...e.querySelectorAll('svg text')].map(t => {
        const m = t.getScreenCTM();
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    });
    const zoom = e.closest('.slides').getBoundingClientRect().width / 1280;  // reveal's fit
    const px = s => parseFloat(getComputedStyle(e.querySelector(s)).fontSize);
    return {kind: JSON.parse(e.dataset.config).kind, figure: Math.min(...texts) / zoom,
            layout: Number(e.querySelector('svg').getAttribute('viewBox').split(' ')[2]),
            readout: px('.d2l-readout'), label: px('label')};
}"""


@pytest.mark.parametrize("deck", ["en/basics", "zh/beyond"])
def test_explorer_text_on_slides_is_half_as_large_again_as_on_a_page(browser, deck):
    assert (SLIDES / "index.html").exists(), "no slides in _build/slides: run `make slides`"
    with serve_folder(SLIDES) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"{url}{deck}.html", wait_until="networkidle")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        explorers = page.locator(".d2l-explorer")
        assert explorers.count() == 2, deck
        for k in range(explorers.count()):
            explorer = explorers.nth(k)
            at = page.evaluate("e => Reveal.getIndices(e.closest('section'))",
                               explorer.element_handle())
            page.evaluate(f"Reveal.slide({at['h']}, {at.get('v') or 0})")
            page.wait_for_function(  # laid out again once its slide is shown
                "e => e.querySelector('svg').getAttribute('viewBox').split(' ')[2] !== '640'",
                arg=explorer.element_handle(), timeout=3000)
            seen = explorer.evaluate(MEASURE)
            assert seen["layout"] >= 500, f"{deck}: {seen['kind']} laid out narrow on a slide"
            assert seen["figure"] >= 20, f"{deck}: {seen}"  # 12 px on a page
            assert seen["readout"] >= 20 and seen["label"] >= 22, f"{deck}: {seen}"
        page.close()
