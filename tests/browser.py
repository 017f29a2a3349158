"""A page of the built site as a reader's browser opens it, with no network.

Shared by the browser tests (tests/test_site*.py and the like): the
``browser`` and ``site_server`` fixtures live in tests/conftest.py.
"""

from __future__ import annotations

from urllib.parse import urlparse


class Visit:
    """A page opened with every off-loopback request blocked and recorded.

    ``context`` options (viewport, color_scheme, is_mobile, ...) give a phone
    or a dark-mode reader; the page waits until the network is idle.
    """

    def __init__(self, browser, server: str, path: str, **context) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(server + path, wait_until="networkidle")
        # When the page had finished opening (ms of the page's clock): what a test
        # measures of the first visit comes before it, whatever it did to the page.
        self.opened_at: float = self.page.evaluate("performance.now()")

    def _route(self, route) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()
