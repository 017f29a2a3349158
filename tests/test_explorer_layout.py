"""Explorers laid out for the width they are shown at: a phone, a slide, a resize.

An explorer's figure used to be a fixed 620x350 picture whose text shrank to
4-7 px on a phone and stayed at 11-15 px on a 1280x720 slide (reader-experience
review, 5). base.js now lays it out for its width in CSS pixels over the
page's --d2l-scale, as d2lmini's Python draws it for the same width.
tests/test_slides.py checks that every slide still fits 1280x720.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Visit
from tests.conftest import PHONE, serve_folder

SLIDES = Path(__file__).resolve().parents[1] / "_build" / "slides"


@pytest.fixture(scope="module")
def phone(phone_pages) -> dict[str, Visit]:
    return phone_pages


EXPLORERS = """() => [...document.querySelectorAll('.d2l-explorer')].map(e => {
    const svg = e.querySelector('svg'), box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => {
        const r = t.getBoundingClientRect();
        const m = t.getScreenCTM();
        return {text: t.textContent, x: +t.getAttribute('x'), y: +t.getAttribute('y'),
                px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    });
    const css = s => parseFloat(getComputedStyle(e.querySelector(s)).fontSize);
    return {kind: JSON.parse(e.dataset.config).kind, viewBox: svg.getAttribute('viewBox'),
            svg: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
            texts, readout: css('.d2l-readout'), label: css('label'),
            values: Object.fromEntries([...e.querySelectorAll('input')].map(
                i => [i.name, i.type === 'checkbox' ? i.checked : Number(i.value)]))};
})"""


def _explorers(visits: dict[str, Visit]) -> Iterator[tuple[str, dict]]:
    for path, visit in visits.items():
        for explorer in visit.page.evaluate(EXPLORERS):
            yield path, explorer


def test_explorer_text_is_at_least_12_px_on_a_phone_and_nothing_overlaps(phone):
    seen = set()
    for path, e in _explorers(phone):
        seen.add(e["kind"])
        where = f"{path}, {e['kind']} explorer"
        assert e["readout"] >= 12 and e["label"] >= 12, where
        for t in e["texts"]:
            assert t["px"] >= 11.95, f"{where}: {t['text']!r} is {t['px']:.1f} px"
            assert (t["left"] >= e["svg"]["left"] - 1 and t["right"] <= e["svg"]["right"] + 1
                    and t["top"] >= e["svg"]["top"] - 1
                    and t["bottom"] <= e["svg"]["bottom"] + 1), f"{where}: {t['text']!r} cut off"
        for i, a in enumerate(e["texts"]):
            for b in e["texts"][i + 1:]:
                w = min(a["right"], b["right"]) - max(a["left"], b["left"])
                h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                assert w <= 1 or h <= 1, f"{where}: {a['text']!r} overlaps {b['text']!r}"
    assert seen == {"trajectory", "leaky", "region", "noise", "damping", "race"}


def _placed(texts: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    return sorted((t, round(x), round(y)) for t, x, y in texts)


def test_explorers_lay_out_for_the_phone_as_python_does(phone):
    """The browser's layout at the phone's width is d2lmini's: the same size,
    the same words in the same places (the Jupyter view is the same code)."""
    from d2lmini.explore import unit

    for path, e in _explorers(phone):
        width = int(e["viewBox"].split()[2])
        assert width < 400, f"{path}: {e['kind']} was laid out {width} wide on a phone"
        config = json.loads(phone[path].page.evaluate(
            "k => [...document.querySelectorAll('.d2l-explorer')].find("
            "e => JSON.parse(e.dataset.config).kind === k).dataset.config", e["kind"]))
        svg, _ = unit(e["kind"]).draw(e["values"], config["words"], config, width)
        assert re.search(r'viewBox="([^"]*)"', svg).group(1) == e["viewBox"], path
        python = [(html.unescape(t), float(x), float(y)) for x, y, t in re.findall(
            r'<text x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]*)</text>', svg)]
        browser = [(t["text"], t["x"], t["y"]) for t in e["texts"]]
        for a, b in zip(_placed(python), _placed(browser), strict=True):
            assert a[0] == b[0] and abs(a[1] - b[1]) <= 1 and abs(a[2] - b[2]) <= 1, \
                f"{path}, {e['kind']}: Python puts {a}, the browser {b}"


def test_a_tap_on_a_slider_moves_it_and_redraws(phone):
    for path in ("en/chapters/en/theory.html", "zh/chapters/zh/basics.html"):
        page = phone[path].page
        slider = page.locator(".d2l-explorer input[type=range]").first
        slider.scroll_into_view_if_needed()
        figure = page.locator(".d2l-explorer svg").first.inner_html()
        before = slider.input_value()
        box = slider.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] * 0.1, box["y"] + box["height"] / 2)
        assert slider.input_value() != before, f"{path}: a tap did not move the slider"
        assert page.locator(".d2l-explorer svg").first.inner_html() != figure, path


def test_explorers_lay_out_again_when_the_window_turns(phone):
    page = phone["en/chapters/en/beyond.html"].page
    view = "[...document.querySelectorAll('.d2l-explorer svg')].map(s => s.getAttribute('viewBox'))"
    narrow = page.evaluate(view)
    assert all(not v.startswith("0 0 640 ") for v in narrow), narrow
    page.set_viewport_size({"width": 1024, "height": 768})
    try:
        page.wait_for_function(f"{view}.every(v => v.startsWith('0 0 640 '))", timeout=3000)
    finally:
        page.set_viewport_size(PHONE["viewport"])
    page.wait_for_function(f"{view}.join() === {json.dumps(','.join(narrow))}", timeout=3000)


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
    """Before: ticks of 11 to 15 px, a readout of 15 px against 30 px body text."""
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
