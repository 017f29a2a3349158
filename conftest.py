"""Let nbval execute the book's MyST pages (``chapters/**/*.md``).

nbval collects ``.ipynb`` files only, and the book commits none: each page is
read through jupytext into an in-memory notebook and handed to nbval, which
runs its cells in order in one kernel and fails on the first error. Pages
carry no stored outputs, so nbval runs in lax mode (pyproject.toml).

The kernels run the pages as a reader's Jupyter does, with the inline
backend that ipykernel chooses: an MPLBACKEND exported by the caller (Agg is
common on servers and in CI) is not passed on to them, just as the book
build does not (tools/build_site.py). The unit tests choose Agg themselves
(tests/conftest.py).

It also tells pytest-xdist, which `make test` runs on every core, which tests
must share a worker (at the end of this file).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import jupytext
import nbval.plugin
import pytest
from nbval.plugin import IPyNbFile

CHAPTERS = Path(__file__).parent / "chapters"

# nbval starts its kernels with this process's environment.
os.environ.pop("MPLBACKEND", None)


class MystNotebook(IPyNbFile):
    """An nbval notebook whose cells come from a MyST markdown page."""

    def collect(self):
        # nbval's collect() reads self.fspath with nbformat.read: for this
        # file only, let nbval's module see jupytext's reader in its place.
        with mock.patch.object(nbval.plugin, "nbformat", SimpleNamespace(read=jupytext.read)):
            yield from super().collect()


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.suffix == ".md" and CHAPTERS in file_path.parents:
        return MystNotebook.from_parent(parent, path=file_path)
    return None


# `make test` runs the tests in parallel (pytest-xdist, -n auto --dist loadfile).
# Each file stays whole on one worker, in order (a page's cells share a kernel);
# the browser tests that share the pages tests/conftest.py opens count as one
# file, so that each page is opened once per size, not once per worker.
SHARE_PAGES = {"tests/test_site.py", "tests/test_phone.py", "tests/test_explorer_layout.py",
               "tests/test_page_weight.py"}


@pytest.hookimpl(optionalhook=True)  # the hook exists only where xdist is installed
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SharedPagesTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return "the site's shared pages" if file in SHARE_PAGES else file

    return SharedPagesTogether(config, log)
