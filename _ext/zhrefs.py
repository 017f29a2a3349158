"""Cross-references that read as Chinese in the Chinese book.

A bare ``{ref}`sec-basics``` renders the section's title alone. In English
that reads well ("see Basics"); in Chinese prose it is a stray word ("在 基础
中"), where a Chinese textbook quotes the title: 在“基础”一节中. So in the
Chinese build every ``{ref}`` to a section label without a title of its own
gets the quoted title as its text, and the prose around it supplies 一节 or
中: write ``{ref}`sec-basics`一节``, never the quotes by hand. Section labels
are the ones named ``sec-*`` (the book's convention). A ``{ref}`` with a title
of its own (``{ref}`批量大小 <sec-noise-batch>```) is left alone, and so are
figure and equation references, which Sphinx's Chinese strings render as
图 N and (N).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from bilingual import page_language  # the build's language, 'en' or 'zh'


def quoted(title: str) -> str:
    """A section title as Chinese prose cites it: “基础”."""
    return f"“{title}”"


class QuoteSectionTitles(SphinxPostTransform):
    """Give each implicit ``{ref}`` to a ``sec-*`` label the quoted title as text."""

    default_priority = 5  # before Sphinx resolves the references (priority 10)

    def run(self, **kwargs: Any) -> None:
        if page_language(self.app) != "zh":
            return
        labels = self.env.domaindata["std"]["labels"]  # name -> (docname, id, title)
        for node in self.document.findall(addnodes.pending_xref):
            target = node.get("reftarget", "")
            if (node.get("refdomain") == "std" and node.get("reftype") == "ref"
                    and not node.get("refexplicit") and target.startswith("sec-")
                    and target in labels):
                node["refexplicit"] = True  # the domain then takes our text as the title
                node.children = [nodes.Text(quoted(labels[target][2]))]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(QuoteSectionTitles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
