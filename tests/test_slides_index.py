"""The slides index lists decks in the table of contents' order, not the alphabet's."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from slides_index import book_order, index_html  # noqa: E402

TOC = """format: jb-book
root: chapters/en/index
chapters:
  - file: chapters/en/zeta
  - file: chapters/en/alpha
"""


def test_decks_are_listed_in_the_books_order_and_unlisted_pages_last(tmp_path):
    toc = tmp_path / "_toc.yml"
    toc.write_text(TOC, encoding="utf-8")
    assert book_order(toc) == ["index", "zeta", "alpha"]
    decks = [(lang, name, name.title()) for lang in ("en", "zh")
             for name in ("alpha", "extra", "index", "zeta")]
    page = index_html(decks, toc)
    for lang in ("en", "zh"):
        listed = re.findall(rf'class="deck" href="{lang}/(\w+)\.html"', page)
        assert listed == ["index", "zeta", "alpha", "extra"], (lang, listed)
        for name in listed:
            assert f'href="{lang}/{name}-notes.pdf"' in page
    assert "<h1>" in page and 'href="../index.html"' in page
