"""The built site, as a reader's browser sees it, with no network.

Serves _build/html (built by `make book`) on loopback and opens every page in
headless Chromium. Any request that leaves loopback is blocked and recorded.
Checks: no such request, no console error, no broken image or link, math
rendered, alt text on every image, the right lang, a working link to the
page's mirror, and search finding Chinese words on Chinese pages.
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from tests.browser import Visit
from tests.conftest import SITE, pages

LANG_ATTR = {"en": "en", "zh": "zh-CN"}


@pytest.fixture(scope="module")
def server(site_server: str) -> str:
    return site_server


@pytest.fixture(scope="module")
def visits(site_pages) -> dict[str, Visit]:
    return site_pages


def test_both_languages_have_every_page():
    sources = sorted(p.stem for p in (SITE.parents[1] / "chapters" / "en").glob("*.md"))
    for lang in LANG_ATTR:
        built = sorted(Path(p).stem for p in pages() if p.startswith(f"{lang}/"))
        assert built == sources, (lang, built)


def test_pages_make_no_request_outside_loopback_and_log_no_error(visits):
    for path, visit in visits.items():
        assert visit.outside == [], f"{path} requested {visit.outside}"
        assert visit.errors == [], f"{path} logged {visit.errors}"


def test_every_page_declares_an_icon_that_loads(visits, server):
    """Without one, every browser asks the server for /favicon.ico, and gets a 404."""
    for path, visit in [*visits.items()]:
        href = visit.page.evaluate("document.querySelector('link[rel~=icon]')?.href")
        assert href, f"{path}: no icon"
        with urllib.request.urlopen(href) as response:  # raises on 404
            assert b"<svg" in response.read()
    with urllib.request.urlopen(server) as response:
        assert b'rel="icon"' in response.read()  # the landing page too


def test_pages_declare_their_language(visits):
    for path, visit in visits.items():
        lang = path.split("/")[0]
        assert visit.page.evaluate("document.documentElement.lang") == LANG_ATTR[lang], path


def test_math_is_rendered(visits):
    """Typeset at build time (_ext/mathrender.py): every display equation holds
    MathJax's markup, and the page carries formulas and no TeX error."""
    for path, visit in visits.items():
        counts = visit.page.evaluate("""() => {
            const display = [...document.querySelectorAll('.bd-article div.math')];
            return {display: display.length,
                    rendered: display.filter(m => m.querySelector('mjx-container')).length,
                    formulas: document.querySelectorAll('.bd-article mjx-container').length,
                    errors: document.querySelectorAll('j-merror, mjx-merror, .math-error').length};
        }""")
        assert counts["formulas"] > 0 and counts["rendered"] == counts["display"], (path, counts)
        assert counts["errors"] == 0, path


def test_chinese_captions_set_digits_in_the_weight_of_the_characters(visits):
    """A light (300) caption font has no Han counterpart: the digits looked missing."""
    checked = 0
    for path, visit in visits.items():
        if not path.startswith("zh/"):
            continue
        weights = visit.page.evaluate(
            "[...document.querySelectorAll('figure figcaption')]"
            ".map(c => Number(getComputedStyle(c).fontWeight))")
        assert all(w >= 400 for w in weights), (path, weights)
        checked += len(weights)
    assert checked > 20  # the Chinese pages' figures were all looked at


def test_images_load_and_have_alt_text(visits):
    """Figures load lazily (_ext/pageweight.py): each is fetched here, as if
    scrolled to, and must decode."""
    for path, visit in visits.items():
        images = visit.page.evaluate("""() => Promise.all(
            [...document.querySelectorAll('.bd-article img')].map(i => {
                i.loading = 'eager';
                return i.decode().then(() => true, () => false).then(ok => ({
                    src: i.src, alt: i.alt.trim(), ok: ok && i.naturalWidth > 0}));
            }))""")
        for image in images:
            assert image["ok"], f"{path}: broken image {image['src']}"
            assert image["alt"], f"{path}: image without alt text {image['src']}"


def test_internal_links_resolve(visits, server):
    checked: dict[str, str] = {}
    for path, visit in visits.items():
        hrefs = visit.page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        for href in hrefs:
            url, fragment = urldefrag(href)
            if not url.startswith(server):
                continue
            if url not in checked:
                with urllib.request.urlopen(url) as response:  # raises on 404
                    checked[url] = response.read().decode("utf-8", "replace")
            if fragment and url.endswith(".html"):
                assert re.search(rf'id="{re.escape(fragment)}"', checked[url]), \
                    f"{path}: no #{fragment} in {url}"


def test_every_page_links_to_its_mirror_and_back(visits, server):
    for path, visit in visits.items():
        lang = path.split("/")[0]
        other = "zh" if lang == "en" else "en"
        link = visit.page.locator(".language-switch a[hreflang]")
        assert link.count() == 1, f"{path}: no language switch"
        target = urljoin(server + path, link.get_attribute("href"))
        assert target == server + path.replace(f"{lang}/chapters/{lang}/",
                                               f"{other}/chapters/{other}/")
        assert target.removeprefix(server) in visits, f"{path}: mirror {target} is not a page"


def test_every_page_links_to_its_deck(visits, server):
    for path, visit in visits.items():
        link = visit.page.locator(".language-switch a.slides-link")
        assert link.count() == 1, f"{path}: no link to its slides"
        lang, name = path.split("/")[0], path.rsplit("/", 1)[-1]
        target = urljoin(server + path, link.get_attribute("href"))
        assert target == f"{server}slides/{lang}/{name}"
        with urllib.request.urlopen(target) as response:  # raises on 404
            assert b"reveal.js" in response.read()


def test_pages_offer_their_notebook(visits, server):
    for path, visit in visits.items():
        links = visit.page.evaluate(
            "[...document.querySelectorAll('a[href$=\".ipynb\"]')].map(a => a.href)")
        assert len(links) == 1, f"{path}: {links}"
        with urllib.request.urlopen(links[0]) as response:
            notebook = response.read()
        assert b'"cells"' in notebook, path
        if not path.endswith("/index.html"):  # the opening page has no code
            assert b'"output_type"' in notebook, f"{path}: its notebook has no outputs"


def search(browser, server: str, lang: str, query: str) -> list[str]:
    visit = Visit(browser, server, f"{lang}/search.html?q={query}")
    visit.page.wait_for_selector("#search-results .search-summary", timeout=15000)
    results = visit.page.evaluate(
        "[...document.querySelectorAll('#search-results ul.search li a')].map(a => a.href)")
    assert visit.outside == [] and visit.errors == []
    visit.close()
    return results


def test_chinese_search_finds_chinese_pages(browser, server):
    results = search(browser, server, "zh", "动量")
    assert results, "searching 动量 found nothing"
    assert all("/zh/chapters/zh/" in r for r in results), results
    assert len({urlparse(r).path for r in results}) >= 4  # the word is on most pages


def test_english_search_finds_english_pages(browser, server):
    results = search(browser, server, "en", "momentum")
    assert results and all("/en/chapters/en/" in r for r in results), results


def test_landing_page_offers_both_languages(browser, server):
    visit = Visit(browser, server, "index.html")
    hrefs = visit.page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
    assert {server + "en/index.html", server + "zh/index.html"} <= set(hrefs)
    assert visit.outside == [] and visit.errors == []
    for lang in ("en", "zh"):  # each book's index.html redirects to its opening page
        visit.page.goto(f"{server}{lang}/index.html")
        visit.page.wait_for_url(f"**/chapters/{lang}/index.html")
    visit.close()


def test_explorers_answer_the_keyboard_and_agree_with_python(visits):
    """Every slider and switch: labelled, moved by the keyboard (an arrow key, the
    space bar), and the figure redrawn; the browser's readout is what d2lmini
    computes in Python for those values."""
    import json

    from d2lmini.explore import Toggle, unit

    explorers_seen = set()
    for path, visit in visits.items():
        explorers = visit.page.locator(".d2l-explorer")
        for k in range(explorers.count()):
            explorer = explorers.nth(k)
            config = json.loads(explorer.get_attribute("data-config"))
            explorers_seen.add((path.split("/")[0], config["kind"]))
            module = unit(config["kind"])
            kinds = {c.name: c for c in module.CONTROLS}
            for control in explorer.locator("input").all():
                label = explorer.locator(f'label[for="{control.get_attribute("id")}"]')
                assert label.count() == 1 and label.inner_text().strip(), f"{path}: unlabelled"
                figure = explorer.locator("svg").inner_html()
                readout = explorer.locator(".d2l-readout").inner_text()
                control.focus()
                if isinstance(kinds[control.get_attribute("name")], Toggle):
                    visit.page.keyboard.press("Space")
                else:
                    at_max = control.get_attribute("value") == control.get_attribute("max")
                    visit.page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
                assert explorer.locator("svg").inner_html() != figure, \
                    f"{path}: moving {control.get_attribute('name')} left the figure as it was"
                assert explorer.locator(".d2l-readout").inner_text() != readout
                values = {}
                for c in explorer.locator("input").all():
                    spec = kinds[c.get_attribute("name")]
                    if isinstance(spec, Toggle):
                        values[spec.name] = c.evaluate("e => e.checked")
                    else:
                        raw = c.evaluate("e => e.value")
                        values[spec.name] = int(raw) if isinstance(spec.step, int) else float(raw)
                _, lines = module.draw(values, config["words"], config)
                shown = explorer.locator(".d2l-readout").inner_text().splitlines()
                assert shown == lines, f"{path}: the browser and Python disagree at {values}"
    kinds = {"trajectory", "leaky", "region", "noise", "damping", "race"}
    assert explorers_seen == {(lang, k) for lang in ("en", "zh") for k in kinds}
