"""Fixtures shared by the unit tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest

# Chromium's path and launch arguments live in one place, the PDF printer.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from slides_pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402, F401  (used by the browser tests)

matplotlib.use("Agg")  # no display here; figures are drawn, not shown


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


# The data folder as the test run was started with, before any test changes it.
from d2lmini.data import data_dir  # noqa: E402

DATA_DIR = data_dir()


@pytest.fixture(scope="session")
def airfoil_bytes() -> bytes:
    """The real data file, from D2LMINI_DATA_DIR or the download cache."""
    from d2lmini.data import download

    return download("airfoil", folder=DATA_DIR).read_bytes()


class _Server(http.server.ThreadingHTTPServer):
    body: bytes = b""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        body = self.server.body  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """serve(body) makes the airfoil URL answer ``body`` from a loopback server."""
    from d2lmini import data

    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def set_body(body: bytes) -> str:
        server.body = body
        url = f"http://127.0.0.1:{server.server_address[1]}/airfoil_self_noise.dat"
        monkeypatch.setitem(data.DATA_HUB, "airfoil", (url, data.DATA_HUB["airfoil"][1]))
        return url

    yield set_body
    server.shutdown()
    server.server_close()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port; yield its base URL."""
    handler = functools.partial(_QuietFiles, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# A page is laid out for good once its fonts (the math's among them) are in:
# the book's math is typeset at build time (_ext/mathrender.py).
SETTLED = "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(r)))"

# The browser tests (site, slides, phones, accessibility) share one Chromium:
# Playwright's sync API allows one instance per process, and starting it once
# saves a second per test module.
SITE = Path(__file__).resolve().parents[1] / "_build" / "html"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_server() -> Iterator[str]:
    """The built site (`make book`), served on loopback: its base URL."""
    assert (SITE / "index.html").exists(), "no site in _build/html: run `make book` first"
    with serve_folder(SITE) as url:
        yield url


def pages() -> list[str]:
    """Every content page of the site, as paths below _build/html."""
    return sorted(str(p.relative_to(SITE)) for lang in ("en", "zh")
                  for p in (SITE / lang / "chapters" / lang).glob("*.html"))


def decks() -> list[str]:
    """Every lecture deck of the site, as paths below _build/html."""
    return sorted(str(p.relative_to(SITE)) for p in (SITE / "slides").glob("*/*.html"))


@pytest.fixture(scope="session")
def site_pages(browser, site_server) -> Iterator[dict]:
    """Every content page, opened once at Playwright's desktop size (1280x720) with
    its math typeset: what the site's, the phone tests' desktop and the like share.
    A test that changes a page (opens a solution, folds the sidebar) puts it back."""
    from tests.browser import Visit

    opened = {path: Visit(browser, site_server, path) for path in pages()}
    for visit in opened.values():  # math comes typeset from the build; fonts load after
        visit.page.evaluate(SETTLED)
    yield opened
    for visit in opened.values():
        visit.close()


# A phone: 390x844 CSS pixels, touch. CSS pixels are what the tests measure, so
# a 2x screen would only cost rendering time.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="session")
def phone_pages(browser, site_server) -> Iterator[dict]:
    """Every content page opened once on a phone, its math typeset and laid out.
    A test that changes a page (opens a drawer, resizes it) puts it back."""
    from tests.browser import Visit

    opened = {path: Visit(browser, site_server, path, **PHONE) for path in pages()}
    for visit in opened.values():
        visit.page.evaluate(SETTLED)
    yield opened
    for visit in opened.values():
        visit.close()

