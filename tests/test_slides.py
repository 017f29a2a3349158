"""The lecture slides of `make slides`, as an instructor's browser shows them.

Serves _build/slides on loopback, opens every deck in headless Chromium with
every other request blocked, and walks through every slide. Checks the handouts
(one page per slide; with notes, each slide followed by its notes), the index
(every deck in the book's order) and the speaker view.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import jupytext
import pytest

from pypdf import PdfReader

from tests.conftest import serve_folder

ROOT = Path(__file__).resolve().parents[1]
SLIDES = ROOT / "_build" / "slides"
PAGES = [(lang, p.stem) for lang in ("en", "zh")
         for p in sorted((ROOT / "chapters" / lang).glob("*.md"))]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    assert (SLIDES / "index.html").exists(), "no slides in _build/slides: run `make slides`"
    with serve_folder(SLIDES) as url:
        yield url


# reveal.js's arrows (its controls) that lie over the slide number, on screen.
NUMBER_COVERED = """() => { const n = document.querySelector('.reveal .slide-number')
        .getBoundingClientRect();
    return [...document.querySelectorAll('.reveal .controls button')].filter(b => {
        const r = b.getBoundingClientRect(), s = getComputedStyle(b);
        return s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity) > 0
            && r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom;
    }).map(b => b.className); }"""


@pytest.fixture(scope="module")
def decks(server, browser) -> Iterator[dict]:
    """Every deck, opened and walked through once: what each slide showed."""
    seen = {}
    for lang, name in PAGES:
        outside: list[str] = []
        errors: list[str] = []
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.route("**/*", lambda route, outside=outside: route.continue_()
                   if urlparse(route.request.url).hostname == "127.0.0.1"
                   else (outside.append(route.request.url), route.abort()))
        page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.goto(f"{server}{lang}/{name}.html", wait_until="networkidle")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("() => MathJax.startup.promise.then(() => true)")
        # visit each slide: reveal.js hides the others (display: none)
        slides = page.evaluate("""() => Reveal.getSlides().map(s => {
            const at = Reveal.getIndices(s); Reveal.slide(at.h, at.v);
            return {
            shown: Reveal.getCurrentSlide() === s && s.offsetHeight > 0,
            height: s.scrollHeight, width: s.scrollWidth,
            notes: (Reveal.getSlideNotes(s) || '').trim(),
            text: s.textContent,
            math: s.querySelectorAll('mjx-container').length,
            mathErrors: s.querySelectorAll('mjx-merror').length,
            images: [...s.querySelectorAll('img')].map(i => ({
                alt: i.alt.trim(), ok: i.complete && i.naturalWidth > 0}))};
        })""")
        explorers = []  # each explorer's figure before and after an arrow key
        for k in range(page.locator(".d2l-explorer").count()):
            explorer = page.locator(".d2l-explorer").nth(k)
            at = page.evaluate("e => Reveal.getIndices(e.closest('section'))",
                               explorer.element_handle())
            page.evaluate(f"Reveal.slide({at['h']}, {at.get('v') or 0})")
            before = explorer.locator("svg").inner_html()
            explorer.locator("input[type=range]").first.focus()
            page.keyboard.press("ArrowLeft")
            explorers.append((before, explorer.locator("svg").inner_html(),
                              page.evaluate("Reveal.getIndices().h") == at["h"]))
        page.evaluate("Reveal.slide(1, 0)")  # a slide with arrows both ways
        covered = page.evaluate(NUMBER_COVERED)
        seen[(lang, name)] = {"slides": slides, "outside": outside, "errors": errors,
                              "explorers": explorers, "number covered by": covered}
        page.close()
    return seen


def test_there_is_a_deck_for_every_page_in_both_languages_and_an_index():
    index = (SLIDES / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1>.+</h1>", index), "the index has no level-one heading"
    for lang, name in PAGES:
        assert (SLIDES / lang / f"{name}.html").exists(), f"no deck for {lang}/{name}"
        assert f'href="{lang}/{name}.html"' in index and f'href="{lang}/{name}.pdf"' in index
        assert f'href="{lang}/{name}-notes.pdf"' in index, f"{lang}/{name}: no notes handout"
        assert 'rel="icon" href="../assets/favicon.svg"' in (SLIDES / lang / f"{name}.html").read_text(
            encoding="utf-8"), "a deck without an icon makes browsers ask for /favicon.ico"
    assert (SLIDES / "assets" / "favicon.svg").exists() and 'rel="icon"' in index


def test_decks_load_offline_without_errors(decks):
    for page, deck in decks.items():
        assert deck["outside"] == [], f"{page} requested {deck['outside']}"
        assert deck["errors"] == [], f"{page} logged {deck['errors']}"


def test_every_slide_fits_the_screen_and_has_notes(decks):
    for page, deck in decks.items():
        assert len(deck["slides"]) >= 3, f"{page}: a deck of {len(deck['slides'])} slides"
        for i, slide in enumerate(deck["slides"]):
            assert slide["shown"], f"{page}, slide {i + 1} could not be shown"
            assert slide["height"] <= 720 and slide["width"] <= 1280, \
                f"{page}, slide {i + 1}: {slide['width']}x{slide['height']} exceeds 1280x720"
            assert slide["notes"], f"{page}, slide {i + 1} has no speaker notes"


def test_no_arrow_covers_the_slide_number(decks):
    """reveal.js draws both in the bottom right corner: its right arrow hid half
    of the number, which an audience reads to say where the talk is."""
    for page, deck in decks.items():
        assert deck["number covered by"] == [], f"{page}: {deck['number covered by']}"


def test_math_is_rendered_on_the_slides(decks):
    for page, deck in decks.items():
        assert sum(s["math"] for s in deck["slides"]) > 0, f"{page}: no math at all"
        for i, slide in enumerate(deck["slides"]):
            assert slide["mathErrors"] == 0, f"{page}, slide {i + 1}: a MathJax error"
            assert "\\(" not in slide["text"] and "\\[" not in slide["text"], \
                f"{page}, slide {i + 1}: math left as TeX"


def test_slide_images_load_and_have_alt_text(decks):
    for page, deck in decks.items():
        for i, slide in enumerate(deck["slides"]):
            for image in slide["images"]:
                assert image["ok"] and image["alt"], f"{page}, slide {i + 1}: {image}"


def test_explorers_on_slides_move_with_the_keyboard(decks):
    """Arrow keys move a focused slider (not the deck), and the figure changes."""
    kinds = [page for page, deck in decks.items() if deck["explorers"]]
    assert {name for _, name in kinds} == {"basics", "noise", "theory", "beyond"}, kinds
    for page, deck in decks.items():
        for before, after, stayed in deck["explorers"]:
            assert stayed, f"{page}: the arrow key turned the slide instead of moving the slider"
            assert after != before, f"{page}: the explorer's figure did not change"


def test_pdf_handout_has_one_page_per_slide(decks):
    for (lang, name), deck in decks.items():
        pdf = SLIDES / lang / f"{name}.pdf"
        assert pdf.exists(), f"no handout {pdf}"
        assert len(PdfReader(pdf).pages) == len(deck["slides"]), f"{lang}/{name}"


def _plain(text: str) -> str:
    """Text as pypdf and the deck's source both give it: no markup, ligatures or spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", html.unescape(text)))


def _notes_sample(notes_html: str) -> str:
    """A stretch of a slide's notes with no math in it, to look for in the PDF."""
    text = re.sub(r"<[^>]+>", " ", notes_html)
    pieces = re.split(r"\\\(.*?\\\)|\\\[.*?\\\]|\$[^$]*\$", text, flags=re.S)
    return _plain(max(pieces, key=lambda p: len(_plain(p))))[:24]


def test_notes_handout_follows_each_slide_with_its_notes(decks):
    """<page>-notes.pdf, for instructors: slide 1, its notes, slide 2, its notes..."""
    for (lang, name), deck in decks.items():
        pdf = SLIDES / lang / f"{name}-notes.pdf"
        assert pdf.exists(), f"no notes handout {pdf}"
        pages = PdfReader(pdf).pages
        assert len(pages) == 2 * len(deck["slides"]), f"{lang}/{name}: {len(pages)} pages"
        source = (SLIDES / lang / f"{name}.html").read_text(encoding="utf-8")
        notes = re.findall(r'<aside class="notes">(.*?)</aside>', source, re.S)
        assert len(notes) == len(deck["slides"])
        for i, note in enumerate(notes):
            sample = _notes_sample(note)
            assert len(sample) >= 12, f"{lang}/{name}, slide {i + 1}: notes too short to find"
            # the CJK font maps a few characters to look-alike radicals (长 as U+2EE4),
            # which Unicode does not normalise: any radical stands for any character
            pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" for c in sample)
            assert re.search(pattern, _plain(pages[2 * i + 1].extract_text())), \
                f"{lang}/{name}: the notes of slide {i + 1} ({sample!r}) are not on page {2 * i + 2}"


def _lines(text: str) -> list[str]:
    """Distinctive lines of prose: long enough to be unique, no markup."""
    return [line.strip() for line in text.splitlines()
            if len(line.strip()) > 40 and not re.match(r"[#:(`$|+-]", line.strip())
            and "{" not in line and "$" not in line and "`" not in line and "*" not in line]


@pytest.mark.parametrize("lang, name", PAGES)
def test_slide_only_cells_stay_out_of_the_book_and_book_prose_out_of_the_deck(lang, name):
    page = jupytext.read(ROOT / "chapters" / lang / f"{name}.md")
    book = (ROOT / "_build" / "html" / lang / "chapters" / lang / f"{name}.html").read_text(
        encoding="utf-8")
    deck = (SLIDES / lang / f"{name}.html").read_text(encoding="utf-8")
    book_text, deck_text = html.unescape(book), html.unescape(deck)
    for cell in page.cells:
        if cell.cell_type != "markdown":
            continue
        for line in _lines(cell.source):
            if "remove-cell" in cell.metadata.get("tags", []):
                assert line not in book_text, f"slide-only text in the book: {line!r}"
            elif "slideshow" not in cell.metadata:
                assert line not in deck_text, f"book prose in the deck: {line!r}"


# Where the speaker view's "Upcoming" label and the next slide's first line are, in
# the speaker window's coordinates, once they have stayed put for 10 frames (the
# preview is laid out again as its window and fonts settle).
UPCOMING = """() => {
    const frame = document.querySelector('#upcoming-slide iframe');
    if (!(frame && frame.contentWindow.Reveal && frame.contentWindow.Reveal.isReady())) return;
    const label = document.querySelector('#upcoming-slide .label').getBoundingClientRect();
    const first = frame.contentDocument.querySelector('.slides section.present > *')
        .getBoundingClientRect();
    const at = frame.getBoundingClientRect();
    const box = {label: [label.left, label.top, label.right, label.bottom],
                 first: [at.left + frame.clientLeft + first.left,
                         at.top + frame.clientTop + first.top,
                         at.left + frame.clientLeft + first.right,
                         at.top + frame.clientTop + first.bottom]};
    const seen = JSON.stringify(box);
    window.steadyFrames = seen === window.lastBox ? (window.steadyFrames || 0) + 1 : 0;
    window.lastBox = seen;
    return window.steadyFrames >= 10 && box;
}"""


@pytest.mark.parametrize("deck", ["en/basics", "zh/theory"])
def test_speaker_view_label_leaves_the_next_slide_title_readable(server, browser, deck):
    """reveal.js's "Upcoming" label sat on the next slide's title (slides are top-aligned)."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{server}{deck}.html", wait_until="networkidle")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.set_viewport_size({"width": 1100, "height": 700})  # the size reveal.js asks for
    box = speaker.wait_for_function(UPCOMING).json_value()
    label, first = box["label"], box["first"]
    overlap = (label[0] < first[2] and first[0] < label[2]
               and label[1] < first[3] and first[1] < label[3])
    assert not overlap, f"{deck}: the label {label} covers the next slide's title {first}"
    speaker.close()
    page.close()
