"""Print reveal.js decks to PDF handouts with headless Chromium.

reveal.js lays a deck out for printing when its URL carries ``?print-pdf``:
one page per slide, at the slide's size. Chromium (Debian's, driven by
playwright) prints that view. Every PDF is checked to have one page per slide
(reveal.js lays the print view out asynchronously, and a print taken too
early has fewer pages): a wrong one is printed again, and never kept. Each
PDF is written to a temporary file and renamed into place.
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


def _print_once(browser, deck: Path, tmp: Path) -> int:
    """Print ``deck`` to ``tmp``; return how many slides the deck has."""
    page = browser.new_page()
    try:
        page.goto(deck.resolve().as_uri() + "?print-pdf", wait_until="load")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("() => MathJax.startup.promise.then(() => document.fonts.ready)"
                      ".then(() => true)")
        page.wait_for_function("document.querySelectorAll('.reveal .pdf-page').length"
                               " === Reveal.getTotalSlides()")
        slides = page.evaluate("Reveal.getTotalSlides()")
        page.pdf(path=str(tmp), prefer_css_page_size=True, print_background=True)
        return slides
    finally:
        page.close()


def print_decks(folder: Path, decks: list[Path]) -> None:
    """Write ``deck.pdf`` next to each ``deck.html`` in ``decks``."""
    if not decks:
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for deck in decks:
            pdf = deck.with_suffix(".pdf")
            tmp = pdf.with_suffix(".pdf.part")
            for _ in range(TRIES):
                slides = _print_once(browser, deck, tmp)
                pages = len(PdfReader(tmp).pages)
                if pages == slides:
                    tmp.replace(pdf)
                    print(f"printed {pdf.relative_to(folder)} ({pages} pages)")
                    break
            else:
                tmp.unlink(missing_ok=True)
                sys.exit(f"{pdf}: {pages} pages for {slides} slides, {TRIES} times")
        browser.close()
