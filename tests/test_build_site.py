"""The real build (tools/build_site.py) on a one-page book, on unfriendly machines.

- MPLBACKEND=Agg exported by the caller: the figures are drawn all the same;
- Ctrl-C while the pages execute: the last complete site stays, and the
  next build finishes;
- what an interrupted build can leave behind (a cut-short cache entry,
  temporary files, a half-made staging copy of the site): the next build
  cleans it up instead of failing or publishing it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from tests import minibook

# A cell that, while the test listens, tells it that the page is executing
# and then waits for it; with nobody listening it goes straight on.
WAIT_FOR_TEST = """
```{{code-cell}} ipython3
import socket

try:
    with socket.create_connection(("127.0.0.1", {port}), timeout=10) as test:
        test.recv(1)  # returns when the test closes the connection
except OSError:
    pass  # no test is listening: go on
```
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-page book, built once under MPLBACKEND=Agg."""
    folder = minibook.make_book(tmp_path_factory.mktemp("book"))
    done = minibook.build(folder, MPLBACKEND="Agg")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return folder


def page(book: Path, lang: str) -> Path:
    return book / "_build" / "html" / lang / "chapters" / lang / "index.html"


def test_build_draws_the_figures_when_mplbackend_is_agg(book: Path) -> None:
    # the strict build fails on a declared figure that drew nothing (bookchecks);
    # here it passed, and every page shows its figure
    for lang in minibook.TITLES:
        html = page(book, lang).read_text(encoding="utf-8")
        assert '<img alt="A straight line' in html and ".svg" in html
    assert (book / "_build" / "html" / "index.html").exists()
    assert (book / "_build" / "html" / "slides" / "zh" / "index.pdf").exists()


def test_build_stopped_while_pages_execute_keeps_the_last_site(book: Path) -> None:
    before = {lang: page(book, lang).read_bytes() for lang in minibook.TITLES}
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(300)
        minibook.write_pages(book, WAIT_FOR_TEST.format(port=server.getsockname()[1]))
        build = subprocess.Popen(minibook.build_command(book), cwd=book, start_new_session=True,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            waiting = [server.accept()[0] for _ in minibook.TITLES]  # both pages executing
            os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
            assert build.wait(timeout=120) != 0
        finally:
            if build.poll() is None:
                os.killpg(build.pid, signal.SIGKILL)
                build.wait()
        for connection in waiting:
            connection.close()
    site = book / "_build" / "html"
    assert {lang: page(book, lang).read_bytes() for lang in minibook.TITLES} == before
    assert (site / "index.html").exists() and (site / "slides" / "en" / "index.pdf").exists()

    done = minibook.build(book)  # nobody listens now: the cell goes straight on
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "no test is listening" in page(book, "en").read_text(encoding="utf-8")  # the new page


def test_build_recovers_from_what_an_interrupted_build_left(book: Path) -> None:
    build = book / "_build"
    entries = sorted((build / ".jupyter_cache" / "en" / "executed").glob("*/base.ipynb"))
    assert entries
    for entry in entries:  # stopped while jupyter-cache wrote the notebook
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    (build / "slides" / "en" / "index.pdf.part").write_bytes(b"%PDF-1.4 half a PDF")
    (build / "html.next").mkdir(exist_ok=True)  # a staging copy, stopped half-made
    (build / "html.next" / "index.html").write_text("half")

    done = minibook.build(book)

    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "interrupted build" in done.stdout
    site = build / "html"
    assert not list(site.rglob("*.part")) and not (build / "html.next").exists()
    assert (site / "index.html").read_text(encoding="utf-8") != "half"
    for entry in (build / ".jupyter_cache" / "en" / "executed").glob("*/base.ipynb"):
        assert entry.read_text(encoding="utf-8").rstrip().endswith("}")  # whole again
