"""How long an explorer takes to answer a slider move, live and in the browser.

Prints figures; asserts nothing. Live (Jupyter): the time from setting an
ipywidgets slider's value to the new figure and readout (Python recomputes
and redraws the SVG); the trip to the browser is not included. Static (site
and slides): the time from an input event to the redrawn SVG, in headless
Chromium, on the built site (run `make book` first). Target: under 30 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import d2lmini as d2l

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from slides_pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SITE = Path(__file__).resolve().parents[1] / "_build" / "html"
MAKERS = {"trajectory": d2l.trajectory_explorer, "leaky": d2l.leaky_average_explorer,
          "region": d2l.region_explorer, "noise": d2l.noise_explorer,
          "damping": d2l.damping_explorer, "race": d2l.race_explorer}


def live_ms(kind: str, moves: int = 200) -> float:
    box = MAKERS[kind]().widget()
    slider = box.children[0].children[0]
    runs = []
    for i in range(moves):  # every move changes the value by one step
        value = slider.min + slider.step * (1 + i % 40)
        t = time.perf_counter()
        slider.value = value
        runs.append(time.perf_counter() - t)
    return 1000 * statistics.median(runs)


def browser_ms() -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    pages = {"trajectory": "en/chapters/en/basics.html", "leaky": "en/chapters/en/basics.html",
             "region": "en/chapters/en/theory.html", "noise": "en/chapters/en/noise.html",
             "damping": "en/chapters/en/beyond.html", "race": "en/chapters/en/beyond.html"}
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for kind, page_path in pages.items():
            page = browser.new_page()
            page.goto((SITE / page_path).as_uri(), wait_until="load")
            out[kind] = page.evaluate("""kind => {
                const root = [...document.querySelectorAll('.d2l-explorer')]
                    .find(e => JSON.parse(e.dataset.config).kind === kind);
                const s = root.querySelector('input[type=range]'), times = [];
                for (let i = 0; i < 100; i++) {
                    s.value = Number(s.min) + (Number(s.max) - Number(s.min)) * (i % 50) / 50;
                    const t = performance.now();
                    s.dispatchEvent(new Event('input'));
                    root.querySelector('svg').getBBox();  // force the redraw's layout
                    times.push(performance.now() - t);
                }
                times.sort((a, b) => a - b);
                return times[50];
            }""", kind)
            page.close()
        browser.close()
    return out


def main() -> None:
    for kind in MAKERS:
        print(f"explorer {kind:<10} live (Python) {live_ms(kind):6.2f} ms per update")
    for kind, ms in browser_ms().items():
        print(f"explorer {kind:<10} browser (JS)  {ms:6.2f} ms per update   (target < 30 ms)")


if __name__ == "__main__":
    main()
