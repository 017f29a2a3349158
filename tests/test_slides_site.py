"""The lecture slides as part of the site: found from the landing page, listed in
the book's order, linked to and from the book, and in the reader's colour mode.

The landing page and the slides index used to stay bright white for a dark-mode
reader, list the decks alphabetically, and lead nowhere back; the decks did not
link to their pages.
"""

from __future__ import annotations

import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser import Visit
from tests.conftest import SITE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from slides_index import book_order  # noqa: E402

LANGS = {"en": "en", "zh": "zh-CN"}


@pytest.fixture(scope="module")
def server(site_server: str) -> str:
    return site_server


def hrefs(visit: Visit, selector: str = "a[href]") -> list[str]:
    return visit.page.evaluate("s => [...document.querySelectorAll(s)].map(a => a.href)", selector)


def assert_served(url: str) -> None:
    with urllib.request.urlopen(url) as response:  # raises on 404
        assert response.status == 200, url


def test_landing_page_links_to_the_slides(browser, server):
    visit = Visit(browser, server, "index.html")
    assert server + "slides/index.html" in hrefs(visit)
    visit.close()


def test_slides_index_lists_every_deck_in_the_books_order(browser, server):
    order = book_order(ROOT / "_toc.yml")
    visit = Visit(browser, server, "slides/index.html")
    for lang, html_lang in LANGS.items():
        decks = hrefs(visit, f"section[lang='{html_lang}'] a.deck")
        names = [re.sub(r".*/", "", d).removesuffix(".html") for d in decks]
        assert names == order, f"{lang}: {names}, not the book's order {order}"
    visit.close()


def test_slides_index_links_resolve_and_lead_back(browser, server):
    """Every deck, handout, notes handout and book page; the landing page; both books."""
    visit = Visit(browser, server, "slides/index.html")
    links = hrefs(visit)
    assert server + "index.html" in links, "no way back to the landing page"
    for lang in LANGS:
        assert f"{server}{lang}/index.html" in links, f"no link to the {lang} book"
        for name in book_order(ROOT / "_toc.yml"):
            for target in (f"slides/{lang}/{name}.html", f"slides/{lang}/{name}.pdf",
                           f"slides/{lang}/{name}-notes.pdf",
                           f"{lang}/chapters/{lang}/{name}.html"):
                assert server + target in links, f"the index does not link {target}"
    for link in links:
        assert_served(link)
    visit.close()


@pytest.mark.parametrize("lang", LANGS)
def test_each_deck_links_to_its_page_in_the_book(server, lang):
    """On its title slide (the first slide: the link leaves the others uncovered)."""
    for name in book_order(ROOT / "_toc.yml"):
        deck = (SITE / "slides" / lang / f"{name}.html").read_text(encoding="utf-8")
        first = deck[deck.index("<section"):deck.index("</section>")]
        href = re.search(r'class="deck-book-link"><a href="([^"]+)"', first)
        assert href, f"{lang}/{name}: no link to the book on the title slide"
        target = urljoin(f"{server}slides/{lang}/{name}.html", href.group(1))
        assert target == f"{server}{lang}/chapters/{lang}/{name}.html"
        assert_served(target)


def background_is_dark(visit: Visit) -> bool:
    colour = visit.page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(c) for c in re.findall(r"\d+", colour)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 80


@pytest.mark.parametrize("path", ["index.html", "slides/index.html"])
def test_landing_page_and_slides_index_follow_the_colour_mode(browser, server, path):
    """The system's scheme, unless the reader chose one with the book's button."""
    for system, chosen, dark in [("light", None, False), ("dark", None, True),
                                 ("light", "dark", True), ("dark", "light", False),
                                 ("dark", "auto", True)]:
        visit = Visit(browser, server, path, color_scheme=system)
        if chosen:  # what pydata-sphinx-theme stores when the reader picks a mode
            visit.page.evaluate(f"localStorage.setItem('mode', '{chosen}')")
            visit.page.reload()
        assert background_is_dark(visit) == dark, \
            f"{path}: system {system}, chosen {chosen}: expected {'dark' if dark else 'light'}"
        visit.close()
