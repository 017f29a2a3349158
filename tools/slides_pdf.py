"""Print reveal.js decks to PDF handouts with headless Chromium.

reveal.js lays a deck out for printing when its URL carries ``?print-pdf``:
one page per slide, at the slide's size. Chromium (Debian's, driven by
playwright) prints that view. Each deck gets two handouts: ``<page>.pdf``, the
slides, and ``<page>-notes.pdf`` for instructors, each slide followed by a page
of its speaker notes (reveal.js's ``showNotes: 'separate-page'``). Every PDF is
checked to have one page per slide and per page of notes (reveal.js lays the
print view out asynchronously, and a print taken too early has fewer pages): a
wrong one is printed again, and never kept. Notes longer than a page are an
error that names the slide. Each PDF is written to a temporary file and renamed
into place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pypdf import PdfReader

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's, unless told
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
TRIES = 3
NOTES = "-notes"  # <page>-notes.pdf: the handout with the speaker notes

# The slides whose notes do not fit one page (1-based), in the print view.
LONG_NOTES = """() => {
    const page = document.querySelector('.reveal .pdf-page').offsetHeight;
    let slide = 0;
    const long = [];
    for (const e of document.querySelector('.reveal .slides').children) {
        if (e.classList.contains('pdf-page')) slide += 1;
        else if (e.classList.contains('speaker-notes-pdf') && e.offsetHeight > page) long.push(slide);
    }
    return long;
}"""


def handouts(deck: Path) -> dict[Path, str]:
    """A deck's PDFs, each with the URL query that prints it."""
    return {deck.with_suffix(".pdf"): "?print-pdf",
            deck.with_name(f"{deck.stem}{NOTES}.pdf"): "?print-pdf&showNotes=separate-page"}


def _print_once(browser, deck: Path, query: str, tmp: Path) -> int:
    """Print ``deck`` viewed with ``query`` to ``tmp``; return how many pages it must have."""
    page = browser.new_page()
    # reveal.js says when its print view is laid out (the event bubbles to document)
    page.add_init_script("document.addEventListener('pdf-ready', () => window.pdfReady = true)")
    try:
        page.goto(deck.resolve().as_uri() + query, wait_until="load")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("() => MathJax.startup.promise.then(() => document.fonts.ready)"
                      ".then(() => true)")
        page.wait_for_function("window.pdfReady && document.querySelectorAll('.reveal .pdf-page')"
                               ".length === Reveal.getTotalSlides()")
        long = page.evaluate(LONG_NOTES)
        if long:
            sys.exit(f"{deck}: the speaker notes of slide {', '.join(map(str, long))} are "
                     "longer than a page of the notes handout: shorten them")
        pages = page.evaluate("Reveal.getTotalSlides()"
                              " + document.querySelectorAll('.reveal .speaker-notes-pdf').length")
        page.pdf(path=str(tmp), prefer_css_page_size=True, print_background=True)
        return pages
    finally:
        page.close()


def print_decks(folder: Path, decks: list[Path]) -> None:
    """Write the handouts of each ``deck.html`` in ``decks`` next to it."""
    if not decks:
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for deck in decks:
            for pdf, query in handouts(deck).items():
                tmp = pdf.with_suffix(".pdf.part")
                for _ in range(TRIES):
                    expected = _print_once(browser, deck, query, tmp)
                    pages = len(PdfReader(tmp).pages)
                    if pages == expected:
                        tmp.replace(pdf)
                        print(f"printed {pdf.relative_to(folder)} ({pages} pages)")
                        break
                else:
                    tmp.unlink(missing_ok=True)
                    sys.exit(f"{pdf}: {pages} pages where {expected} were due, {TRIES} times")
        browser.close()
