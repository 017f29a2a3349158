"""Interface words that the settings and templates do not reach, in the book's language.

The interface is translated where Sphinx looks for words: its message
catalog (``_ext/locale``, for the templates' ``_()``), settings
(``togglebutton_hint``, the theme's ``search_bar_text``, set per language by
``tools/build_site.py``) and our copies of three theme components
(``_ext/templates``). Two places escape those:

- sphinx-togglebutton's script writes ``aria-label="Toggle hidden content"``
  into every solution's button, so a screen reader said it in English on
  Chinese pages; this extension relabels the buttons once they exist.
- sphinx-book-theme translates its header buttons' tooltips from its own
  catalog, whose Chinese says 列印成 PDF (Taiwan's word for printing); a
  tooltip our catalog translates is taken from ours instead.
"""

from __future__ import annotations

import json
from typing import Any

from sphinx.application import Sphinx
from sphinx.locale import _

# sphinx-book-theme's header buttons, by label, and their English tooltips.
HEADER_TOOLTIPS = {"download-pdf-button": "Print to PDF"}


def relabel_toggle_buttons(app: Sphinx) -> None:
    label = json.dumps(str(_("Toggle hidden content")), ensure_ascii=False)
    # After togglebutton.js (priority 500): its DOMContentLoaded handler makes the buttons.
    app.add_js_file(None, priority=600, body=(
        'document.addEventListener("DOMContentLoaded", () => document.querySelectorAll('
        f'"button.toggle-button").forEach((b) => b.setAttribute("aria-label", {label})));'))


def retitle_header_buttons(app: Sphinx, pagename: str, templatename: str,
                           context: dict[str, Any], doctree: Any) -> None:
    buttons = list(context.get("header_buttons", []))
    for button in buttons:
        buttons.extend(button.get("buttons", []))  # the download menu's items
        english = HEADER_TOOLTIPS.get(button.get("label", ""))
        if english and str(_(english)) != english:
            button["tooltip"] = str(_(english))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", relabel_toggle_buttons)
    # after sphinx-book-theme makes its header buttons (priority 501)
    app.connect("html-page-context", retitle_header_buttons, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
