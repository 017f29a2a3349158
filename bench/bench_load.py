"""A reader's first visit on a slow link: bytes, first paint, raw TeX, explorers.

    python bench/bench_load.py                 # the built site, _build/html
    python bench/bench_load.py --site DIR      # another build (say, an older one)
    python bench/bench_load.py --pages en/chapters/en/basics.html ...

Prints figures; asserts nothing. Serves the site on loopback with Python's
http.server (no gzip, so bytes are uncompressed) and opens each page in
headless Chromium (Debian's, through playwright) in a fresh context, so with
a cold cache, throttled through the DevTools protocol to "slow 4G" (1.6 Mbit/s
down, 750 kbit/s up, 150 ms round trip; no CPU slowdown). Requests that leave
loopback are blocked and counted, as in tests/browser.py. Per page:

- bytes and requests: every response's ``encodedDataLength`` until the page
  is loaded and the network idle, the reader at the top of the page (images
  lazy-loaded below the fold are not fetched);
- FCP: first contentful paint; DCL and load: the navigation's events;
- raw TeX at first paint: whether, when the first-contentful-paint entry is
  reported (right after that paint), a text node outside code that contains
  ``\\(``, ``\\[`` or ``$$`` has a box inside the first viewport and is not
  hidden (``checkVisibility``); typeset math (``mjx-container``) is not
  looked into. The same check runs at most every 50 ms of animation frames
  until the end; "raw TeX until" is the last time it found any (0 when it
  never did): how long the reader looks at TeX source;
- explorer interactive: on pages with an explorer, the first animation frame
  in which the first explorer's script has run (``data-ready``, set by
  d2lmini/explore/base.js just before it attaches its listeners and draws),
  its figure is drawn (its SVG has children) and its readout filled; a frame
  is being painted then, so the reader can see and move it.

The goals (issue 10): a chapter page's first visit at most 1.2 MB, no raw TeX
at first paint, an explorer interactive within 3 s.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from slides_pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8,
           "uploadThroughput": 750e3 / 8}
GOALS = {"bytes": 1.2e6, "interactive": 3000}
DECK = "slides/en/basics.html"

# Runs in the page before any of its scripts: watches every frame.
WATCH = r"""
(() => {
  const TEX = /\\\(|\\\[|\$\$/, SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "PRE",
                                              "CODE", "MJX-CONTAINER", "SVG"]);
  const seen = window.__bench = {texAtFCP: null, texUntil: 0, example: "", explorer: null};
  const walkable = {acceptNode: n => n.nodeType === 3 ? NodeFilter.FILTER_ACCEPT
    : SKIP.has(n.nodeName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP};
  function rawTex() {  // typeset math (mjx-container) and code are not walked into
    if (!document.body) return "";
    const walk = document.createTreeWalker(document.body,
                                           NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, walkable);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!TEX.test(n.data)) continue;
      if (!n.parentElement.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
      const range = document.createRange(); range.selectNodeContents(n);
      for (const r of range.getClientRects())
        if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight)
          return n.data.trim().slice(0, 40);
    }
    return "";
  }
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      if (e.name === "first-contentful-paint") {
        const t = rawTex(); seen.texAtFCP = !!t; if (t) seen.example = t;
      }
  }).observe({type: "paint", buffered: true});
  let checked = -1e9;
  function frame(now) {
    if (now - checked > 50) {  // at most 20 looks a second: the watch must not slow the page
      checked = now;
      if (rawTex()) seen.texUntil = performance.now();
    }
    if (seen.explorer === null) {
      const x = document.querySelector(".d2l-explorer");
      if (x && x.dataset.ready && x.querySelector("svg").childElementCount > 0
          && x.querySelector(".d2l-readout").textContent.trim()) seen.explorer = now;
    }
    if (!seen.stop) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
"""

RESULT = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const s = window.__bench; s.stop = true;
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {fcp: fcp ? fcp.startTime : null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          texAtFCP: s.texAtFCP, texUntil: s.texUntil, example: s.example,
          hasExplorer: !!document.querySelector(".d2l-explorer"), explorer: s.explorer,
          mathjax: !!window.MathJax};
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``folder`` on a free loopback port, as `python -m http.server` does."""
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def visit(browser, url: str, throttle: bool) -> dict:
    """One cold first visit of ``url``: what it cost and when the reader saw what."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.route(lambda u: urlparse(u).hostname not in ("127.0.0.1", None),
               lambda route: (outside.append(route.request.url), route.abort()))
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttle:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    sizes: dict[str, float] = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"],
                                                                   e["encodedDataLength"]))
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    result = page.evaluate(RESULT)
    result.update(bytes=sum(sizes.values()), requests=len(sizes), outside=len(outside))
    context.close()
    return result


def pages(site: Path) -> list[str]:
    """The landing page, every chapter page of both languages, one deck."""
    chapters = sorted(str(p.relative_to(site)) for lang in ("en", "zh")
                      for p in (site / lang / "chapters" / lang).glob("*.html"))
    return ["index.html", *chapters, DECK]


def seconds(ms: float | None) -> str:
    return "-" if ms is None else f"{ms / 1000:.1f} s"


def report(rows: dict[str, dict]) -> None:
    print(f"{'page':34} {'KB':>6} {'req':>4} {'FCP':>7} {'TeX@FCP':>7} {'TeX until':>9} "
          f"{'explorer':>8} {'DCL':>7} {'load':>7}")
    for path, r in rows.items():
        explorer = seconds(r["explorer"]) if r["hasExplorer"] else ""
        print(f"{path:34} {r['bytes'] / 1e3:6.0f} {r['requests']:4d} {seconds(r['fcp']):>7} "
              f"{'yes' if r['texAtFCP'] else 'no':>7} {seconds(r['texUntil']):>9} "
              f"{explorer:>8} {seconds(r['dcl']):>7} {seconds(r['load']):>7}"
              + (f"   ({r['outside']} requests left loopback!)" if r["outside"] else ""))
    for path, r in rows.items():
        if r["texAtFCP"]:
            print(f"  {path}: at first paint the reader saw “{r['example']}”")
    chapters = {p: r for p, r in rows.items() if "/chapters/" in p}
    heavy = [p for p, r in chapters.items() if r["bytes"] > GOALS["bytes"]]
    tex = [p for p, r in chapters.items() if r["texAtFCP"]]
    slow = [p for p, r in chapters.items() if r["hasExplorer"]
            and (r["explorer"] is None or r["explorer"] > GOALS["interactive"])]
    explorers = [r["explorer"] for r in chapters.values()
                 if r["hasExplorer"] and r["explorer"] is not None]
    print("\nGoals, on the chapter pages:")
    largest = max(r["bytes"] for r in chapters.values())
    print(f"  first visit <= 1.2 MB:        largest {largest / 1e6:.2f} MB"
          f"  {'met' if not heavy else 'MISSED on ' + ', '.join(heavy)}")
    print(f"  no raw TeX at first paint:    {'met' if not tex else 'MISSED on ' + ', '.join(tex)}")
    if explorers or slow:
        print(f"  explorer interactive <= 3 s:  slowest {seconds(max(explorers, default=None))}"
              f"  {'met' if not slow else 'MISSED on ' + ', '.join(slow)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--pages", nargs="*", help="paths below the site (default: all)")
    parser.add_argument("--no-throttle", action="store_true", help="loopback speed")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        sys.exit(f"no site in {args.site}: run `make book` first")
    from playwright.sync_api import sync_playwright

    httpd, base = serve(args.site)
    profile = "no throttling" if args.no_throttle else "slow 4G: 1.6 Mbit/s, 750 kbit/s up, 150 ms RTT"
    print(f"First visits of {args.site}, cold cache, {profile}, uncompressed (no gzip)\n")
    rows = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in args.pages or pages(args.site):
            rows[path] = visit(browser, base + path, not args.no_throttle)
        browser.close()
    httpd.shutdown()
    report(rows)


if __name__ == "__main__":
    main()
