"""The Chinese pages mirror the English ones: same pages, code, structure.

A page and its mirror may differ in prose, comments, figure captions and alt
text, and in the words drawn on figures (string literals holding Chinese),
plus the language passed to ``d2l.set_language``. Anything else that differs
is drift, and fails here.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import jupytext
import pytest

CHAPTERS = Path(__file__).resolve().parents[1] / "chapters"
PAGES = sorted(p.name for p in (CHAPTERS / "en").glob("*.md"))
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def read(lang: str, name: str):
    return jupytext.read(CHAPTERS / lang / name)


def code_tokens(source: str) -> list[tuple[int, str]]:
    """The tokens of a cell, without comments and layout-only tokens."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
            tokenize.DEDENT, tokenize.ENDMARKER}
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
            if t.type not in skip]


def same_code(en: str, zh: str) -> bool:
    a, b = code_tokens(en), code_tokens(zh)
    if len(a) != len(b):
        return False
    for i, ((ta, sa), (tb, sb)) in enumerate(zip(a, b)):
        if (ta, sa) == (tb, sb):
            continue
        translated = ta == tb == tokenize.STRING and CJK.search(sb)
        language = ({sa.strip("'\""), sb.strip("'\"")} == {"en", "zh"}
                    and [s for _, s in a[max(0, i - 2):i]] == ["set_language", "("])
        if not (translated or language):
            return False
    return True


def markdown(notebook) -> str:
    """The book's prose: markdown cells, without those written for the slides only."""
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown"
                     and "remove-cell" not in c.metadata.get("tags", []))


def slides(notebook) -> list[tuple[str, str]]:
    """The deck's structure: (cell type, slide type) of every cell in it."""
    return [(c.cell_type, c.metadata["slideshow"]["slide_type"]) for c in notebook.cells
            if c.metadata.get("slideshow", {}).get("slide_type", "skip") != "skip"]


def headings(notebook) -> list[int]:
    return [len(m.group(1)) for m in re.finditer(r"^(#+) ", markdown(notebook), re.M)]


def display_equations(notebook) -> int:
    text = markdown(notebook)
    return text.count("$$") // 2 + text.count("```{math}")


def figures(notebook) -> list[str]:
    return [c.metadata["mystnb"]["figure"].get("name", "") for c in notebook.cells
            if "figure" in c.metadata.get("mystnb", {})]


def directives(notebook) -> list[str]:
    """The MyST directives of the prose, in order (exercises, notes, math, ...)."""
    return re.findall(r"^(?::::|```)\{([\w-]+)\}", markdown(notebook), re.M)


def labels(notebook) -> list[str]:
    return re.findall(r"^\(([\w-]+)\)=$", markdown(notebook), re.M)


def test_every_page_has_a_mirror_and_no_page_is_extra():
    assert PAGES, "no English pages found"
    assert sorted(p.name for p in (CHAPTERS / "zh").glob("*.md")) == PAGES


@pytest.mark.parametrize("name", PAGES)
def test_mirror_has_the_same_code(name):
    en = [c.source for c in read("en", name).cells if c.cell_type == "code"]
    zh = [c.source for c in read("zh", name).cells if c.cell_type == "code"]
    assert len(en) == len(zh), f"{name}: {len(en)} code cells in English, {len(zh)} in Chinese"
    for i, (a, b) in enumerate(zip(en, zh)):
        assert same_code(a, b), f"{name}, code cell {i}: the code differs\n{a}\n---\n{b}"


@pytest.mark.parametrize("name", PAGES)
def test_mirror_has_the_same_structure(name):
    en, zh = read("en", name), read("zh", name)
    assert headings(zh) == headings(en), f"{name}: headings differ"
    assert display_equations(zh) == display_equations(en), f"{name}: display equations differ"
    assert figures(zh) == figures(en), f"{name}: figures differ"
    assert labels(zh) == labels(en), f"{name}: section labels differ"
    assert directives(zh) == directives(en), f"{name}: directives differ"
    assert slides(zh) == slides(en), f"{name}: the slides differ"


def test_drift_is_detected():
    """The comparison itself: what may differ, and what may not."""
    assert same_code("plt.xlabel('step $t$')  # label", "plt.xlabel('步数 $t$')  # 标签")
    assert same_code("d2l.set_language('en')", "d2l.set_language('zh')")
    assert not same_code("load('en')", "load('zh')")  # only set_language's argument
    assert not same_code("train(0.02, 0.5)", "train(0.02, 0.9)")
    assert not same_code("d = {'lr': 0.1}", "d = {'rate': 0.1}")
    assert not same_code("print(x)", "print(x)\nprint(y)")


@pytest.mark.parametrize("name", PAGES)
def test_chinese_prose_uses_full_width_punctuation(name):
    text = markdown(read("zh", name))
    text = re.sub(r"```.*?```|\$\$.*?\$\$|\$[^$\n]*\$|`[^`\n]*`|\([^()\n]*\)=|\]\([^)]*\)",
                  "", text, flags=re.S)  # code, math, roles, labels, link targets
    bad = re.findall(r"[\u4e00-\u9fff][,.;:?!]|[,;:?!][\u4e00-\u9fff]", text)
    assert not bad, f"{name}: half-width punctuation next to Chinese: {bad[:5]}"
