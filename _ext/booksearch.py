"""The book's search: Chinese found by any query, snippets without TeX.

Sphinx's Chinese search cuts the text into words with jieba when it builds
the index, but the browser looks a query up whole: 梯度下降 found nothing,
because jieba had indexed 梯度 and 下降. Whatever the segmenter, a query cut
differently from the text misses, and jieba cuts the same phrase differently
in different sentences. So the Chinese index holds what no segmentation can
miss: every pair of adjacent Han characters (a run of one, the character),
and the browser cuts the query the same way and asks for all of its pairs.
A page that contains the query contains each of its pairs, so it is found,
whatever the query; a page with all the pairs apart is a rare extra. A
single character is found through the pairs that contain it.

Pairs are many (about 7,000 in this book), and Sphinx writes each as its own
key with escaped characters: 179 KB, for an index that every page loads.
So after the build the Han terms are regrouped by the set of pages they are
on, one string of pairs per set, and the index is written as UTF-8; the
browser (``static/booksearch.js``) expands them back into Sphinx's term
table when the index loads. Before a build, an index written that way is
turned back into Sphinx's own format, so an incremental build can read it.

``booksearch.js`` also cuts queries into pairs, highlights the query rather
than its pairs, and takes result snippets from the article alone (not the
page header's download menu) with math as readable text instead of TeX.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese

# Han characters: the unified ideographs, their extension A and the
# compatibility block (the same ranges as booksearch.js).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
HAN_ONLY = re.compile(f"[{HAN}]+$")
PREFIX, SUFFIX = "Search.setIndex(", ")"
KEY = "hanterms"  # where the regrouped Han terms go in the index


def pairs(run: str) -> list[str]:
    """A run of Han characters as the search indexes it: its adjacent pairs."""
    return [run[i:i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]


class SearchChinesePairs(SearchChinese):
    """Sphinx's Chinese search, with pairs of Han characters for words."""

    def init(self, options: dict[str, str]) -> None:
        import snowballstemmer

        self.stemmer = snowballstemmer.stemmer("english")
        self.latin_words: set[str] = set()
        self.last = ""  # the Han character that ended the previous text, if any

    def split(self, input: str) -> list[str]:
        """The Han pairs and the Latin words of ``input``.

        Sphinx hands over one text node at a time, so a phrase broken by inline
        markup (``*动量*法``) would lose the pair across the break: the pair
        of the last character of the previous text and the first of this one
        is added too. (Between two paragraphs that adds a pair no one will
        search for, which costs a few bytes.)
        """
        words = []
        for match in HAN_RUN.finditer(input):
            if match.start() == 0 and self.last:
                words.append(self.last + match.group()[0])
            words.extend(pairs(match.group()))
        self.last = input[-1] if input and HAN_RUN.match(input[-1]) else ""
        latin = self.latin1_letters.findall(input)
        self.latin_words.update(latin)
        return words + latin

    def word_filter(self, stemmed_word: str) -> bool:
        return len(stemmed_word) > 1 or bool(HAN_RUN.match(stemmed_word))

    def stem(self, word: str) -> str:
        if HAN_RUN.match(word):
            return word
        # As Sphinx's Chinese search: a Latin word that stemming would cut
        # below three letters (an acronym) is kept whole.
        stemmed = self.stemmer.stemWord(word.lower())
        if word in self.latin_words and len(word) >= 3 and len(stemmed) < 3:
            return word.lower()
        return stemmed


def regroup(index: dict[str, Any]) -> dict[str, Any]:
    """Move the Han terms into ``index[KEY]``: {term table: {"0,2": "梯度 下降 ..."}}.

    Terms on no page are dropped: Sphinx keeps the words of an earlier build
    of a page (its environment persists), with an empty list of pages.
    """
    grouped: dict[str, dict[str, str]] = {}
    for table in ("terms", "titleterms"):
        for term in [t for t, pages in index[table].items() if pages == []]:
            del index[table][term]
        groups: dict[str, list[str]] = {}
        for term in [t for t in index[table] if HAN_ONLY.match(t)]:
            pages = index[table].pop(term)
            pages = pages if isinstance(pages, list) else [pages]
            groups.setdefault(",".join(map(str, pages)), []).append(term)
        grouped[table] = {key: " ".join(sorted(terms)) for key, terms in sorted(groups.items())}
    index[KEY] = grouped
    return index


def ungroup(index: dict[str, Any]) -> dict[str, Any]:
    """Undo :func:`regroup`: Sphinx's own format, one key per term."""
    for table, groups in index.pop(KEY, {}).items():
        for key, terms in groups.items():
            pages = [int(p) for p in key.split(",") if p]
            for term in terms.split():
                index[table][term] = pages[0] if len(pages) == 1 else pages
    return index


def read_index(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not (text.startswith(PREFIX) and text.endswith(SUFFIX)):
        raise ValueError(f"{path} is not a Sphinx search index ({PREFIX}...{SUFFIX})")
    return json.loads(text[len(PREFIX):-len(SUFFIX)])


def write_index(path: Path, index: dict[str, Any]) -> None:
    body = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(PREFIX + body + SUFFIX, encoding="utf-8")


def restore_index(app: Sphinx) -> None:
    """Give Sphinx its own format back before it reads the index (incremental builds)."""
    path = Path(app.outdir) / "searchindex.js"
    if path.exists() and f'"{KEY}"' in path.read_text(encoding="utf-8"):
        write_index(path, ungroup(read_index(path)))


def compact_index(app: Sphinx, exception: Exception | None) -> None:
    """Regroup the Han terms of the finished index and write it as UTF-8."""
    path = Path(app.outdir) / "searchindex.js"
    if exception is None and app.builder.format == "html" and path.exists():
        write_index(path, regroup(read_index(path)))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_search_language(SearchChinesePairs)  # replaces Sphinx's 'zh'
    app.connect("builder-inited", restore_index)
    app.connect("build-finished", compact_index)
    app.add_js_file("booksearch.js")
    app.add_css_file("booksearch.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}

