"""No line of the book starts with closing punctuation or ends with an opening one.

Chinese typesetting forbids a line that starts with ，。、；：！？）」』” (or
ends with （「『“), and English prose never starts a line with a comma or a
closing parenthesis. Browsers keep those rules between characters but not
beside inline math, an atomic box; ``_ext/linebreaks.py`` keeps each formula
with the punctuation that touches it. This test lays out every page of both
languages, solutions opened, at desktop and at phone width, and measures
where each punctuation mark sits (Range client rectangles): a closing mark
that is left of, and below, what precedes it starts a line.
"""

from __future__ import annotations

import pytest

from tests.browser import Visit
from tests.conftest import pages

# Each page is laid out at a desktop and at a phone width (the page has
# width=device-width, so the phone's layout is the 390-px-wide one).
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
# Closing marks may not start a line, opening marks may not end one.
MARKS = {"zh": ("，。、；：！？）」』”》】", "（「『“《【"), "en": (",.;:!?)", "(")}

# Finds each mark outside code and math whose neighbour on the other side
# (the character or box before a closing mark, after an opening one) sits on
# another line; returns the text around it.
FIND_BAD_BREAKS = """([closing, opening]) => {
  const root = document.querySelector('.bd-article');
  const inline = el => getComputedStyle(el).display.startsWith('inline');
  const rect = (node, a, b) => {
    const range = document.createRange(); range.setStart(node, a); range.setEnd(node, b);
    const rects = range.getClientRects(); return rects.length ? rects[0] : null;
  };
  // the box next to `node` in one direction, within the same line-level block
  const neighbour = (node, back) => {
    for (let cur = node;;) {
      while (!(back ? cur.previousSibling : cur.nextSibling)) {
        cur = cur.parentNode; if (cur === root || !inline(cur)) return null;
      }
      cur = back ? cur.previousSibling : cur.nextSibling;
      if (cur.nodeType === Node.TEXT_NODE) {
        const n = cur.textContent.length; if (!n) continue;
        return back ? rect(cur, n - 1, n) : rect(cur, 0, 1);
      }
      if (cur.nodeType !== Node.ELEMENT_NODE) continue;
      if (!inline(cur)) return null;
      const rects = cur.getClientRects(); if (!rects.length) continue;
      return back ? rects[rects.length - 1] : rects[0];
    }
  };
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    if (node.parentElement.closest('pre, code, kbd, .math, mjx-container, svg, script, style')) continue;
    const text = node.textContent;
    for (let i = 0; i < text.length; i++) {
      const isClosing = closing.includes(text[i]);
      if (!isClosing && !opening.includes(text[i])) continue;
      const mark = rect(node, i, i + 1); if (!mark || !mark.width) continue;
      const other = isClosing ? (i > 0 ? rect(node, i - 1, i) : neighbour(node, true))
                              : (i + 1 < text.length ? rect(node, i + 1, i + 2) : neighbour(node, false));
      if (!other) continue;
      const [first, second] = isClosing ? [other, mark] : [mark, other];
      if (second.left < first.left && second.top >= first.bottom - 2)
        found.push(text.slice(Math.max(0, i - 8), i + 8).replace(/\\s+/g, ' '));
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def bad_breaks(browser, site_server) -> dict[str, dict[str, list[str]]]:
    """width -> page -> the bad breaks found; each page is loaded once (one tab for
    all, so the theme's scripts come from its cache), solutions open."""
    found: dict[str, dict[str, list[str]]] = {width: {} for width in WIDTHS}
    visit = Visit(browser, site_server, "index.html", viewport=WIDTHS["desktop"])
    page = visit.page
    for path in pages():
        page.set_viewport_size(WIDTHS["desktop"])
        page.goto(site_server + path, wait_until="load")  # then the fonts:
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.evaluate("() => document.querySelectorAll('.bd-article button.toggle-button')"
                      ".forEach(button => button.click())")
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            found[width][path] = page.evaluate(FIND_BAD_BREAKS, list(MARKS[path.split("/")[0]]))
    assert visit.outside == [] and visit.errors == [], (visit.outside, visit.errors)
    visit.close()
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_starts_with_closing_punctuation(bad_breaks, width):
    bad = {path: found for path, found in bad_breaks[width].items() if found}
    assert not bad, f"at {width} width, lines break beside punctuation: {bad}"


def test_a_break_beside_inline_math_is_detected(browser, site_server):
    """The measurement itself: math in an atomic box with a comma right after it,
    in a column exactly as wide as the line before the comma, puts the comma at
    the start of the next line, and the check finds it; wrapped, it does not."""
    visit = Visit(browser, site_server, "zh/chapters/zh/index.html", viewport=WIDTHS["desktop"])
    page = visit.page
    found = page.evaluate("""(check) => {
      const article = document.querySelector('.bd-article');
      const p = article.appendChild(document.createElement('p'));
      p.innerHTML = '前面的文字 <span class="math" style="display:inline-flex">xxxx</span>，后面的文字';
      p.style.width = (p.firstElementChild.getBoundingClientRect().right
                       - p.getBoundingClientRect().left + 1) + 'px';
      const before = eval(check)(['，', '（']);
      p.innerHTML = '前面的文字 <span class="nobreak"><span class="math" style="display:inline-flex">'
                    + 'xxxx</span>，</span>后面的文字';
      return [before, eval(check)(['，', '（'])];
    }""", FIND_BAD_BREAKS)
    visit.close()
    assert found[0] and not found[1], found
