"""tools/slides.py: how cells become slides, notes, fragments, or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import slides  # noqa: E402

BOOK = slides.Book(lang="en", targets={"sec-theory": ["section", "Theoretical Analysis"],
                                       "fig-line": ["figure", "3"]},
                   formats={"figure": "Fig. %s", "exercise": "Exercise %s"})


def cell(kind: str, source: str, slide_type: str | None = None, tags=(), outputs=()):
    make = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
    c = make(source)
    if slide_type:
        c.metadata["slideshow"] = {"slide_type": slide_type}
    if tags:
        c.metadata["tags"] = list(tags)
    if kind == "code":
        c.outputs = list(outputs)
    return c


def deck_of(*cells) -> slides.Deck:
    deck = slides.Deck("page", "en", BOOK)
    for c in cells:
        deck.add(c)
    return deck


def test_slide_types_make_slides_stacks_notes_and_fragments():
    deck = deck_of(cell("md", "book prose only"),
                   cell("md", "## One", "slide"), cell("md", "say this", "notes"),
                   cell("md", "more of one", "-"), cell("md", "## Below", "subslide"),
                   cell("md", "later", "fragment"), cell("md", "## Two", "slide"),
                   cell("md", "skipped", "skip"))
    assert [len(stack) for stack in deck.stacks] == [2, 1]
    first, below = deck.stacks[0]
    assert "One" in first["body"][0] and "more of one" in first["body"][1]
    assert "say this" in first["notes"][0]
    assert 'class="fragment"' in below["body"][1]
    page = deck.html("Title")
    assert "book prose only" not in page and "skipped" not in page
    assert '<aside class="notes"><p>say this</p>' in page


def test_math_becomes_mathjax_delimiters_and_roles_the_sites_text():
    rendered = slides.markdown("See {ref}`the theory <sec-theory>`: $x < 1$ and\n\n$$a^2$$",
                               BOOK)
    assert "the theory" in rendered and "sec-theory" not in rendered
    assert "\\(x &lt; 1\\)" in rendered and "\\[a^2\\]" in rendered
    # as in the reader's notebook (_ext/reader_notebook.py), not the bare label
    assert slides.markdown("{ref}`sec-theory`, {numref}`fig-line`", BOOK) == \
        "<p>Theoretical Analysis, Fig. 3</p>\n"


def test_code_with_a_figure_sits_beside_it_and_output_only_hides_the_code():
    svg = nbformat.v4.new_output("display_data", data={"image/svg+xml": "<svg/>",
                                                       "text/plain": "<Figure>"})
    printed = nbformat.v4.new_output("stream", name="stdout", text="epoch 20\n")
    code = cell("code", "plot()", "slide", outputs=[printed, svg])
    code.metadata["mystnb"] = {"image": {"alt": "A curve."}}
    deck = deck_of(code)
    body = deck.stacks[0][0]["body"][0]
    assert body.startswith('<div class="columns">') and "plot()" in body
    assert 'alt="A curve."' in body and "epoch 20" in body
    assert list(deck.images.values()) == ["<svg/>"]
    hidden = deck_of(cell("code", "plot()", "slide", tags=["slides-output-only"], outputs=[printed]))
    assert "plot()" not in hidden.stacks[0][0]["body"][0]


def test_outputs_are_refused_when_the_page_changed_since_the_build():
    page = nbformat.v4.new_notebook(cells=[cell("code", "x = 2")])
    executed = nbformat.v4.new_notebook(cells=[cell("code", "x = 1")])
    with pytest.raises(SystemExit, match="make book"):
        slides.with_outputs(page, executed, Path("page.md"))


@pytest.mark.parametrize("page", sorted(Path(__file__).resolve().parents[1].glob("chapters/*/*.md")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_speaker_notes_do_not_swallow_the_books_prose(page):
    """A notes cell runs until the next `+++`: the book's next paragraph or heading,
    written without one, would silently vanish from the page into the notes."""
    import jupytext

    for c in jupytext.read(page).cells:
        if c.metadata.get("slideshow", {}).get("slide_type") == "notes":
            paragraphs = [p for p in c.source.split("\n\n") if p.strip()]
            assert len(paragraphs) == 1, f"{page.name}: notes run on into {paragraphs[1][:60]!r}"
