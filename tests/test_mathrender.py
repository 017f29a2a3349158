"""Build-time math (_ext/mathrender.py), the theme's cut stylesheet
(_ext/themecss.py) and the lighter pages (_ext/pageweight.py), without a browser."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EXT = Path(__file__).resolve().parents[1] / "_ext"
sys.path.insert(0, str(EXT))

import mathrender  # noqa: E402
import pageweight  # noqa: E402
import themecss  # noqa: E402


class Counting(mathrender.Typesetter):
    """A Typesetter that records what it asks Node.js."""

    requests: list[dict] = []

    @staticmethod
    def run(request: dict) -> dict:
        Counting.requests.append(request)
        return mathrender.Typesetter.run(request)


@pytest.fixture
def counting():
    Counting.requests = []
    return Counting


def test_formulas_become_markup_with_mathml_and_no_tab_stop(tmp_path, counting):
    job = counting(tmp_path / "cache.json")
    html = job.markup(r"\frac{1}{1-\beta}", True)
    assert html.startswith("<mjx-container") and 'display="true"' in html
    assert "<math" in html and "<mfrac>" in html  # MathML for screen readers
    assert 'aria-hidden="true"' in html and "tabindex" not in html
    assert "\\frac" not in html


def test_the_cache_spares_node_on_a_rebuild(tmp_path, counting):
    formulas = [(r"\beta", False), (r"x_{t+1} = x_t - \eta v_{t+1}", True)]
    first = counting(tmp_path / "cache.json")
    first.prepare(formulas)
    first.used = {mathrender.key(*f) for f in formulas}
    css = first.stylesheet()
    first.save()
    assert len(counting.requests) == 2  # the formulas, then the stylesheet

    again = counting(tmp_path / "cache.json")
    again.prepare(formulas)
    again.used = {mathrender.key(*f) for f in formulas}
    assert again.stylesheet() == css
    assert [again.markup(*f) for f in formulas] == [first.markup(*f) for f in formulas]
    assert len(counting.requests) == 2  # nothing more asked of Node.js

    again.prepare([*formulas, (r"\gamma", False)])  # one new formula: only it is typeset
    assert [f["tex"] for f in counting.requests[-1]["formulas"]] == [r"\gamma"]


def test_a_changed_renderer_empties_the_cache(tmp_path, counting, monkeypatch):
    job = counting(tmp_path / "cache.json")
    job.markup(r"\beta", False)
    job.save()
    monkeypatch.setattr(mathrender, "fingerprint", lambda: "another MathJax")
    assert counting(tmp_path / "cache.json").entries == {}


def test_a_damaged_cache_is_typeset_anew(tmp_path):
    (tmp_path / "cache.json").write_text('{"fingerprint": "abc", "formu', encoding="utf-8")
    assert mathrender.Typesetter(tmp_path / "cache.json").markup(r"\beta", False)


def test_a_tex_error_is_reported_not_shown(tmp_path):
    job = mathrender.Typesetter(tmp_path / "cache.json")
    assert job.markup(r"\betta", False) is None
    assert "Undefined control sequence" in job.error(r"\betta", False)


def test_the_stylesheet_draws_the_characters_used(tmp_path):
    job = mathrender.Typesetter(tmp_path / "cache.json")
    job.markup(r"\beta", False)
    css = job.stylesheet()
    assert "j-c1D6FD" in css and 'woff-v2/MathJax_Math-Italic.woff' in css
    assert mathrender.characters(css) >= {0x3B2}  # the glyph of an italic beta


def test_display_math_is_shaped_as_sphinx_mathjax_shapes_it():
    from docutils import nodes

    def block(text: str, nowrap: bool = False) -> nodes.math_block:
        return nodes.math_block(text, text, nowrap=nowrap, number=None)

    assert mathrender.display_tex(block("a = b")) == "a = b"
    assert mathrender.display_tex(block(r"a \\ b")) == r"\begin{split}a \\ b\end{split}"
    two = mathrender.display_tex(block("a = b\n\nc = d"))
    assert two.startswith(r"\begin{align}\begin{aligned}") and r"a = b\\c = d" in two
    assert mathrender.display_tex(block(r"\begin{align}x\end{align}", nowrap=True)) \
        == r"\begin{align}x\end{align}"


def test_without_node_the_build_says_what_to_install(monkeypatch):
    monkeypatch.setattr(mathrender.shutil, "which", lambda name: None)
    with pytest.raises(Exception, match="Node.js.*make setup"):
        mathrender.check_prerequisites()


def test_without_mathjax_the_build_says_to_run_setup(monkeypatch, tmp_path):
    monkeypatch.setattr(mathrender, "MATHJAX", tmp_path / "node_modules" / "mathjax-full")
    with pytest.raises(Exception, match=r"make setup.*npm ci.*mathjax-full"):
        mathrender.check_prerequisites()


def build(tmp_path: Path, text: str) -> tuple[str, str]:
    """A one-page Sphinx build with the extension: (the page, the warnings)."""
    import io

    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(f"import sys; sys.path.insert(0, {str(EXT)!r})\n"
                                 "extensions = ['mathrender']\n"
                                 "html_math_renderer = 'prerendered'\n", encoding="utf-8")
    (src / "index.rst").write_text(f"Page\n====\n\n{text}\n", encoding="utf-8")
    warnings = io.StringIO()
    with docutils_namespace():
        Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "dt"), "html",
               status=None, warning=warnings, freshenv=True).build()
    return (tmp_path / "out" / "index.html").read_text(encoding="utf-8"), warnings.getvalue()


def test_a_sphinx_build_writes_markup_stylesheet_and_cut_fonts(tmp_path):
    page, warnings = build(tmp_path, "Inline :math:`\\beta_t`, and\n\n.. math::\n   :label: eq\n\n"
                                     "   v_{t+1} = \\beta v_t + g_t\n")
    assert warnings == ""
    assert page.count("<mjx-container") == 2 and "\\beta" not in page
    assert 'class="eqno">(1)' in page and "_static/mathjax/chtml.css" in page
    assert "MathJax.js" not in page and "tex-chtml" not in page
    static = tmp_path / "out" / "_static" / "mathjax"
    cut = static / "woff-v2" / "MathJax_Main-Regular.woff"
    assert cut.stat().st_size < (mathrender.FONTS / cut.name).stat().st_size / 2
    assert (tmp_path / "mathjax-cache.json").exists()  # beside the doctrees


def test_a_tex_error_fails_the_strict_build_with_its_place(tmp_path):
    page, warnings = build(tmp_path, "Bad :math:`\\betta`.")
    assert "index.rst" in warnings and "TeX error" in warnings and "betta" in warnings
    assert 'class="math-error"' in page


def test_the_theme_stylesheet_keeps_the_rules_the_pages_use():
    css = ('/*! licence */@charset "UTF-8";.used{a:b}.unused{c:d}.used .unused{e:f}'
           '.btn:not(.gone){g:h}.bs-tooltip-top{i:j}.fa-bars:before,.fa-navicon:before'
           '{content:"\\f0c9"}@media (min-width:1px){.unused{k:l}.used{m:n}}'
           '@font-face{font-family:x}a[href]{o:p}.q:before{content:"}"}')
    kept = themecss.prune(css, {"used", "btn", "fa-bars"}, ("bs-",))
    assert kept == ('/*! licence */@charset "UTF-8";.used{a:b}.btn:not(.gone){g:h}'
                    '.bs-tooltip-top{i:j}.fa-bars:before{content:"\\f0c9"}'
                    '@media (min-width:1px){.used{m:n}}@font-face{font-family:x}a[href]{o:p}')
    assert themecss.GLYPH.findall(kept) == ["f0c9"]


def test_figures_load_lazily_with_their_size(tmp_path):
    svg = tmp_path / "fig.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="240pt" height="180pt">'
                   "</svg>", encoding="utf-8")
    body = '<p><img alt="A figure." src="../../_images/fig.svg" /></p>'
    out = pageweight.lazy_images(body, {"fig.svg": svg})
    assert out == ('<p><img alt="A figure." src="../../_images/fig.svg" loading="lazy" '
                   'decoding="async" width="320" height="240" /></p>')
    assert pageweight.lazy_images(out, {"fig.svg": svg}) == out  # once only
