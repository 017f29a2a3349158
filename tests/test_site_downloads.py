"""The page header's download menu: the notebook, and beside it d2lmini's wheel."""

from __future__ import annotations

import io
import re
import urllib.request
import zipfile
from urllib.parse import urljoin

import pytest

from tests.browser import Visit

PAGES = ["en/chapters/en/basics.html", "zh/chapters/zh/index.html"]


@pytest.mark.parametrize("path", PAGES)
def test_the_download_menu_offers_the_wheel_next_to_the_notebook(browser, site_server, path):
    visit = Visit(browser, site_server, path)
    menu = visit.page.locator(".dropdown-download-buttons")
    menu.locator("button.dropdown-toggle").click()
    items = menu.locator(".dropdown-item")
    items.first.wait_for(state="visible")
    assert [t.strip() for t in items.all_inner_texts()][:2] == [".ipynb", ".whl"]
    notebook, wheel = (items.nth(i).get_attribute("href") for i in (0, 1))
    tooltip = items.nth(1).evaluate(  # Bootstrap moves the title when it makes the tooltip
        "a => a.getAttribute('data-bs-original-title') || a.title")
    assert visit.outside == [] and visit.errors == []
    visit.close()

    # one folder holds both, so a reader who downloads both has them side by side
    assert notebook.rsplit("/", 1)[0] == wheel.rsplit("/", 1)[0]
    assert re.fullmatch(r"d2lmini-[\d.]+-py3-none-any\.whl", wheel.rsplit("/", 1)[1])
    with urllib.request.urlopen(urljoin(site_server + path, wheel)) as response:
        names = zipfile.ZipFile(io.BytesIO(response.read())).namelist()
    assert "d2lmini/__init__.py" in names
    # the tooltip speaks the page's language
    assert bool(re.search(r"[\u4e00-\u9fff]", tooltip)) == path.startswith("zh/"), tooltip
