"""The language switch keeps the reader's place.

On a chapter page the link to the mirror page lands in the section the
reader was reading (the one at the top of the window), in either direction;
at the top of the page it leads to the top. The target needs no JavaScript:
each section carries its place as an id, #section-2-1, the same in both
languages (_ext/sectionids.py). The search pages have a switch too, which
keeps the query.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

from tests.browser import Visit
from tests.conftest import SITE

PLACE = re.compile(r'<span id="(section-\d+(?:-\d+)*)"></span><h([2-6])')


def places(path: Path) -> list[tuple[str, str]]:
    """(place id, heading level) of every section below the title, in page order."""
    return PLACE.findall(path.read_text(encoding="utf-8"))


def test_every_section_has_its_place_as_an_id_the_same_in_both_languages():
    names = sorted(p.name for p in (SITE / "en" / "chapters" / "en").glob("*.html"))
    assert names
    for name in names:
        en = places(SITE / "en" / "chapters" / "en" / name)
        zh = places(SITE / "zh" / "chapters" / "zh" / name)
        assert en == zh, f"{name}: the sections' places differ"
        html = (SITE / "en/chapters/en" / name).read_text(encoding="utf-8")
        headed = len(re.findall(r'<section[^>]*>\s*(?:<span id="[^"]*"></span>\s*)*<h', html))
        assert len(en) == headed - 1, f"{name}: {len(en)} places for {headed - 1} sections"
    assert len(places(SITE / "en/chapters/en/theory.html")) >= 6


# The place id the switch link carries now, and the heading at the top.
LINK_PLACE = "() => new URL(document.querySelector('.language-switch a[data-keep]').href).hash"
HEADING_AT = """(id) => {
  const heading = document.getElementById(id).nextElementSibling;
  return [heading.tagName, Math.round(heading.getBoundingClientRect().top)];
}"""


# The math's fonts change the page's height after it loads.
MATH_DONE = "() => document.fonts.ready.then(() => true)"


def read_at(visit: Visit, place: str) -> None:
    """Scroll as a reader does to the section ``place``: its heading near the top."""
    visit.page.evaluate(MATH_DONE)
    visit.page.evaluate("(id) => window.scrollTo(0, document.getElementById(id)"
                        ".nextElementSibling.getBoundingClientRect().top + window.scrollY - 80)",
                        place)
    visit.page.wait_for_function(f"() => ({LINK_PLACE})() === '#{place}'", timeout=5000)


# A subsection one way, a section in the middle of the page the other way (the
# last ones cannot be scrolled to the top of the window).
@pytest.mark.parametrize("start, other, which", [("en", "zh", 1), ("zh", "en", 3)])
def test_switch_lands_in_the_section_being_read(browser, site_server, start, other, which):
    place = [p for p, _ in places(SITE / start / "chapters" / start / "theory.html")][which]
    visit = Visit(browser, site_server, f"{start}/chapters/{start}/theory.html")
    page = visit.page
    assert page.evaluate(LINK_PLACE) == "", "at the top, the switch should lead to the top"
    read_at(visit, place)
    level = page.evaluate(HEADING_AT, place)[0]
    # a reader's click where the link is (page.click would first scroll the
    # sticky header's link "into view", moving the page)
    box = page.locator(".language-switch a[data-keep]").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(f"**/{other}/chapters/{other}/theory.html#{place}")
    page.wait_for_load_state("networkidle")
    page.evaluate(MATH_DONE)
    tag, top = page.evaluate(HEADING_AT, place)
    assert tag == level and 0 <= top < 250, (place, tag, level, top)
    assert visit.outside == [] and visit.errors == []
    visit.close()


def test_place_ids_lead_to_the_section_without_javascript(browser, site_server):
    place = places(SITE / "zh/chapters/zh/basics.html")[-1][0]
    visit = Visit(browser, site_server, f"zh/chapters/zh/basics.html#{place}",
                  java_script_enabled=False)
    tag, top = visit.page.evaluate(HEADING_AT, place)
    link = visit.page.get_attribute(".language-switch a[data-keep]", "href")
    visit.close()
    assert 0 <= top < 250, top
    assert link == "../../../en/chapters/en/basics.html"  # the mirror page, at its top


@pytest.mark.parametrize("start, other, query", [("en", "zh", "momentum"), ("zh", "en", "动量")])
def test_search_page_switch_keeps_the_query(browser, site_server, start, other, query):
    visit = Visit(browser, site_server, f"{start}/search.html?q={query}")
    link = visit.page.locator(".language-switch a[data-keep]")
    assert link.count() == 1, f"{start}/search.html: no language switch"
    assert visit.page.locator(".language-switch a.slides-link").count() == 0
    target = urlparse(urljoin(visit.page.url, link.get_attribute("href")))
    visit.close()
    assert target.path == f"/{other}/search.html"
    assert parse_qs(target.query) == {"q": [query]}
