"""The site's search, as a reader uses it: search.html?q=... in the browser.

Every term of the glossary (both columns of docs/glossary.md, which extends
the team's shared glossary) is searched on the site of its language, and
every page whose text contains the term must be among the results: on the
Chinese site 梯度下降, 学习率 and 谱半径 used to find nothing
(_ext/booksearch.py says why). Result snippets show neither TeX nor the page
header's menus, highlighted words are readable in both colour schemes, and
the Chinese index stays small, for every page loads it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.browser import Visit
from tests.conftest import SITE, pages as content_pages

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "glossary.md"
# The team's shared glossary, which docs/glossary.md extends: its few other
# terms (动量, 病态条件) are searched too wherever the project's folders sit
# side by side, as on the project's machines and in CI.
SHARED_GLOSSARY = ROOT.parent / "shared" / "GLOSSARY.md"
sys.path.insert(0, str(ROOT / "_ext"))
import booksearch  # noqa: E402

# Whole words on the English site (a page with "rates" has "rate": Sphinx stems
# both), any substring on the Chinese one; runs of spaces count as one.
CONTAINS = {"en": lambda text, term: re.search(
                r"(?<![a-z])" + r"\s+".join(map(re.escape, term.lower().split())), text.lower()),
            "zh": lambda text, term: term in text}


def split_entry(cell: str) -> list[str]:
    """The terms of a glossary cell: "eigenvalue / eigenvector", "轮次（epoch）" ->
    each alternative and each parenthesis apart, without symbols (η, 1/(1−β), v)."""
    cell = re.sub(r"\S*[\u0370-\u03ff−]\S*", " ", cell)  # Greek letters and formulas
    inner = re.findall(r"[（(]([^（()）]*)[）)]", cell)
    outer = re.sub(r"[（(][^（()）]*[）)]", "", cell)
    terms = []
    for part in [outer, *inner]:
        for alternative in re.split(r"[/；;,，]", part):
            words = [w for w in alternative.split() if not re.fullmatch(r"[A-Za-z]", w)]
            if words:
                terms.append(" ".join(words))
    return terms


def glossary_terms(text: str) -> dict[str, list[str]]:
    """Every term of a glossary table, per language: {"en": [...], "zh": [...]}."""
    terms: dict[str, set[str]] = {"en": set(), "zh": set()}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] in ("English", "") or set(cells[0]) <= set("-: "):
            continue
        for lang, cell in zip(("en", "zh"), cells):
            terms[lang].update(split_entry(cell))
    return {lang: sorted(found) for lang, found in terms.items()}


def test_glossary_entries_split_into_terms():
    assert split_entry("eigenvalue / eigenvector / eigenspace") == [
        "eigenvalue", "eigenvector", "eigenspace"]
    assert split_entry("轮次（epoch）") == ["轮次", "epoch"]
    assert split_entry("learning rate η") == ["learning rate"]
    assert split_entry("effective sample weight / effective window 1/(1−β)") == [
        "effective sample weight", "effective window"]
    assert split_entry("收敛速率；收敛得快") == ["收敛速率", "收敛得快"]
    assert split_entry("velocity (the state vector v)") == ["velocity", "the state vector"]
    terms = glossary_terms(GLOSSARY.read_text(encoding="utf-8"))
    assert {"梯度下降", "学习率", "谱半径", "特征值", "特征向量"} <= set(terms["zh"])
    assert {"gradient descent", "learning rate", "spectral radius", "SGD"} <= set(terms["en"])


# -- the search page in the browser ------------------------------------------------

PAGE_TEXT = """async (url) => {
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = doc.querySelector('.bd-article');
  article.querySelectorAll('script, style, .math, .headerlink').forEach(e => e.remove());
  return article.textContent.replace(/\\s+/g, ' ');
}"""


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    """One page, one context, for every query of the module."""
    visit = Visit(browser, site_server, "index.html")
    yield visit
    assert visit.outside == [] and visit.errors == [], (visit.outside, visit.errors)
    visit.close()


# The same search again on the open search page, as Search.init does for ?q=
# (Sphinx's searchtools.js), without loading the page again: 10 to 50 ms a query.
SEARCH_AGAIN = """(query) => new Promise((resolve) => {
  const out = document.getElementById('search-results');
  out.replaceChildren();
  Search.performSearch(query);
  const done = () => out.querySelector('p.search-summary')?.textContent
    ? resolve([...out.querySelectorAll('ul.search li > a')].map(a => a.href))
    : setTimeout(done, 5);
  done();
})"""


def search(visit: Visit, lang: str, query: str, server: str, again: bool = False) -> list[str]:
    """The result pages (paths below the site) of ``query`` on the ``lang`` site:
    search.html?q=query, or with ``again`` the same search on the open search page."""
    page = visit.page
    if again and page.url.startswith(f"{server}{lang}/search.html"):
        links = page.evaluate(SEARCH_AGAIN, query)
    else:
        page.goto(f"{server}{lang}/search.html?q={query}", wait_until="domcontentloaded")
        page.wait_for_function(
            "() => document.querySelector('#search-results p.search-summary')?.textContent")
        links = page.evaluate(
            "[...document.querySelectorAll('#search-results ul.search li > a')].map(a => a.href)")
    return [re.sub(r"[?#].*", "", link).removeprefix(server) for link in links]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_term_finds_every_page_that_contains_it(search_page, site_server, lang):
    pages = [p for p in content_pages() if p.startswith(f"{lang}/")]
    texts = {page: search_page.page.evaluate(PAGE_TEXT, site_server + page) for page in pages}
    terms = sorted({term for glossary in (GLOSSARY, SHARED_GLOSSARY) if glossary.exists()
                    for term in glossary_terms(glossary.read_text(encoding="utf-8"))[lang]})
    missed, searched = {}, 0
    for term in terms:
        holding = {page for page, text in texts.items() if CONTAINS[lang](text, term)}
        if not holding:
            continue  # on no page: nothing to find
        searched += 1
        found = set(search(search_page, lang, term, site_server, again=True))
        if holding - found:
            missed[term] = sorted(holding - found)
    assert not missed, f"these searches missed pages that contain the term: {missed}"
    assert searched > 30, f"only {searched} glossary terms were found on the {lang} pages"


def test_the_terms_the_review_could_not_find_are_found(search_page, site_server):
    for term in ("梯度下降", "学习率", "谱半径"):
        assert len(search(search_page, "zh", term, site_server, again=True)) >= 4, term


SNIPPETS = "[...document.querySelectorAll('#search-results p.context')].map(p => p.textContent)"


@pytest.mark.parametrize("lang, query", [("en", "momentum"), ("zh", "动量"), ("en", "beta")])
def test_snippets_show_no_tex_and_no_page_header(search_page, site_server, lang, query):
    results = search(search_page, lang, query, site_server)
    page = search_page.page
    page.wait_for_function(f"() => document.querySelectorAll('#search-results p.context')"
                           f".length === {len(results)}")
    snippets = page.evaluate(SNIPPETS)
    assert snippets and len(snippets) == len(results)
    for snippet in snippets:
        assert not re.search(r"\\[(\[)\]]|\$|\\[a-zA-Z]+", snippet), f"TeX in {snippet!r}"
        for header_word in (".ipynb", ".pdf", "Contents", "本页目录"):  # menu, page contents
            assert header_word not in snippet, f"{header_word!r} (the header) in {snippet!r}"


def test_tex_in_snippets_reads_as_text(search_page):
    tex = search_page.page.evaluate("""() => [
        bookSearch.texToText('\\\\(\\\\mathbf{v}_t = \\\\beta \\\\mathbf{v}_{t-1} + \\\\mathbf{g}_t\\\\)'),
        bookSearch.texToText('\\\\[\\\\frac{1}{1 - \\\\beta} \\\\le \\\\sqrt{\\\\kappa}\\\\]')]""")
    assert tex == ["vₜ = β vₜ₋₁ + gₜ", "(1)/(1 - β) ≤ √κ"], tex


def contrast(fg: list[float], bg: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        c = [x / 255 for x in rgb]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_highlighted_search_terms_are_readable(browser, site_server, scheme):
    """axe found 2.06:1 for a highlighted word in a result title in dark mode."""
    visit = Visit(browser, site_server, "en/search.html?q=momentum", color_scheme=scheme)
    visit.page.wait_for_function("() => document.querySelectorAll('.context .highlighted').length")
    colours = visit.page.evaluate("""() => [...document.querySelectorAll('span.highlighted')]
        .map(s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor]
        .map(c => c.match(/[\\d.]+/g).slice(0, 3).map(Number)))""")
    visit.close()
    assert colours
    worst = min(contrast(fg, bg) for fg, bg in colours)
    assert worst >= 4.5, f"{scheme}: a highlighted word at {worst:.2f}:1"


# -- the index ---------------------------------------------------------------------

def test_chinese_index_holds_every_pair_of_han_characters_in_little_space():
    """Each pair is on the pages that have it, and the index every page loads stays
    near the jieba index's 72 KB (written Sphinx's way, the pairs took 179 KB)."""
    path = SITE / "zh" / "searchindex.js"
    index = booksearch.ungroup(booksearch.read_index(path))

    def pages(term: str) -> set[int]:  # Sphinx lists a page under a title's words only
        found = set()
        for table in ("terms", "titleterms"):
            listed = index[table].get(term, [])
            found |= set(listed if isinstance(listed, list) else [listed])
        return found

    assert pages("梯度") == pages("下降") == set(range(len(index["docnames"])))
    assert len(pages("谱半")) >= 4 and pages("谱半") <= pages("半径")
    assert path.stat().st_size < 90_000, f"{path} is {path.stat().st_size} bytes"


def test_regrouped_index_is_sphinx_index_again_when_ungrouped():
    index = {"terms": {"梯度": [0, 2], "下降": [0, 2], "谱": 1, "momentum": [0, 1]},
             "titleterms": {"基础": 0, "basic": 0}}
    original = {table: dict(terms) for table, terms in index.items()}
    index["terms"].update({"旧词": [], "0.243": []})  # left by an earlier build: on no page
    grouped = booksearch.regroup(index)
    assert grouped["hanterms"] == {"terms": {"0,2": "下降 梯度", "1": "谱"},
                                   "titleterms": {"0": "基础"}}
    assert grouped["terms"] == {"momentum": [0, 1]}
    assert booksearch.ungroup(grouped) == original


def test_chinese_search_language_pairs_han_characters_across_inline_markup():
    language = booksearch.SearchChinesePairs({})
    assert language.split("用梯度下降，") == ["用梯", "梯度", "度下", "下降"]
    # "*动量*法": two text nodes, the pair across them is kept
    assert language.split("动量") + language.split("法 SGD") == ["动量", "量法", "法", "SGD"]
    assert language.stem("动量") == "动量" and language.word_filter("谱")
