"""The Chinese site speaks Chinese: no English interface text on its pages.

Opens every Chinese page and the Chinese search page (with results) in the
browser and collects every Latin word a reader can meet there: in text
(shown or not yet shown, like menus and dialogs), in the attributes that
tooltips and screen readers read (title, aria-label, placeholder, the
togglebutton's hint...) and in CSS-generated text. Code, math, keys (Ctrl),
elements marked as another language (the switch's "English") and the
print-only table of contents are left out. A word is deliberate English when
the page's own Chinese source has it (Polyak, PyTorch, epoch in 轮次（epoch）)
or it is a file type or symbol the interface shows as is (search results'
snippets are the pages' text, checked by test_search.py); any other is an
interface string left in English ("Click to show", "Toggle primary
sidebar", "Color mode", ...), which _ext/locale, tools/build_site.py's
LANGUAGES, _ext/templates or _ext/interface.py should translate.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import Visit
from tests.conftest import SITE

CHAPTERS = Path(__file__).resolve().parents[1] / "chapters" / "zh"
# Shown as they are on a Chinese page: file types in the download menu, the
# names of what it offers there (d2lmini's wheel, for Jupyter), and the
# explorers' Var (variance), nan and inf.
AS_IS = {"ipynb", "md", "pdf", "PDF", "whl", "Jupyter", "d2lmini", "Var", "nan", "inf"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

LATIN_ON_PAGE = """() => {
  const ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'aria-roledescription',
    'placeholder', 'alt', 'data-tooltip', 'data-bs-title', 'data-bs-original-title',
    'data-toggle-hint'];
  const latin = (text) => /[A-Za-z]{2}/.test(text);
  // never shown on screen; or the pages' own text (search results' snippets)
  const leftOut = 'script, style, noscript, .onlyprint, #search-results .context';
  const notInterface = 'pre, code, kbd, .math, mjx-container, math, [lang]:not([lang^="zh"])';
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const el = node.parentElement;
    if (latin(node.textContent) && !el.closest(leftOut) && !el.closest(notInterface))
      found.push(['text', el.tagName.toLowerCase(), node.textContent.trim()]);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest(leftOut)) continue;
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value && latin(value) && !el.closest('[lang]:not([lang^="zh"])'))
        found.push([name, el.tagName.toLowerCase(), value]);
    }
    for (const pseudo of ['::before', '::after']) {  // only quoted text, not attr(...)
      const quoted = (getComputedStyle(el, pseudo).content.match(/"[^"]*"/g) || []).join(' ');
      if (latin(quoted)) found.push([pseudo, el.tagName.toLowerCase(), quoted]);
    }
  }
  return found;
}"""


def source_words(*names: str) -> set[str]:
    """The Latin words the Chinese pages' sources themselves contain."""
    return {word for name in names
            for word in WORD.findall((CHAPTERS / f"{name}.md").read_text(encoding="utf-8"))}


def english_left(visit: Visit, allowed: set[str]) -> list[tuple[str, str, str]]:
    """(where, element, text) for each text with a Latin word that is not allowed."""
    return [(kind, tag, text) for kind, tag, text in visit.page.evaluate(LATIN_ON_PAGE)
            if set(WORD.findall(text)) - allowed - AS_IS]


PAGES = sorted(p.stem for p in CHAPTERS.glob("*.md"))


@pytest.fixture(scope="module")
def tab(browser, site_server):
    """One tab for the module's pages: the theme's scripts come from its cache."""
    visit = Visit(browser, site_server, "index.html")
    yield visit
    assert visit.outside == [] and visit.errors == [], (visit.outside, visit.errors)
    visit.close()


@pytest.mark.parametrize("name", PAGES)
def test_chinese_page_has_no_english_interface_text(tab, site_server, name):
    # "load": the scripts have made the solutions' buttons and the explorers
    tab.page.goto(f"{site_server}zh/chapters/zh/{name}.html", wait_until="load")
    left = english_left(tab, source_words(name))
    assert not left, f"zh/{name}: English interface text: {left}"


def test_chinese_search_page_has_no_english_interface_text(tab, site_server):
    tab.page.goto(f"{site_server}zh/search.html?q=动量", wait_until="load")
    tab.page.wait_for_function(
        "() => document.querySelectorAll('#search-results p.context').length >= 4")
    left = english_left(tab, source_words(*PAGES))
    assert not left, f"zh/search.html: English interface text: {left}"


def test_the_scan_finds_english_interface_text(tab, site_server):
    """The check itself: an English tooltip, label and hint are each found."""
    tab.page.goto(f"{site_server}zh/chapters/zh/index.html", wait_until="load")
    tab.page.evaluate("""() => document.querySelector('.bd-article p').insertAdjacentHTML('beforeend',
        '<button title="Toggle primary sidebar"></button><nav aria-label="Main"></nav>'
        + '<button data-toggle-hint="Click to show"></button><span>Search this book</span>')""")
    left = {text for _, _, text in english_left(tab, source_words("index"))}
    assert {"Toggle primary sidebar", "Main", "Click to show", "Search this book"} <= left


def test_explorer_words_are_chinese_with_full_width_punctuation():
    """Every explorer's Chinese words: a translation for each English one, no
    "epoch", and no ASCII comma or colon against a Chinese character."""
    from d2lmini.explore import unit

    kinds = [p.stem for p in (Path(__file__).resolve().parents[1] / "d2lmini" / "explore")
             .glob("*.js") if p.stem not in {"base", "quadratic", "regimes"}]
    assert len(kinds) == 6, kinds
    han = "\u4e00-\u9fff"
    for kind in kinds:
        words = unit(kind).WORDS
        assert set(words["zh"]) == set(words["en"]), kind
        for key, text in words["zh"].items():
            assert "epoch" not in text.lower(), (kind, key, text)
            assert not re.search(rf"[{han}]\s*[,:;?!]|[,:;?!]\s*[{han}]", text), (kind, key, text)
