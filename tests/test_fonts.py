"""Chinese figures get their glyphs on real machines (d2lmini.fonts).

Each test recreates a machine in a fresh Python process with its own
MPLCONFIGDIR, so matplotlib's font list is the one the test wrote and the
user's own cache is never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib import font_manager

from d2lmini.fonts import CJK_FONTS

# Draws a Chinese label with math (typeset in the first family alone) and a
# Chinese title; prints what was chosen and every warning, as JSON.
DRAW = """
import io, json, logging, warnings
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
{hide}
records = []
handler = logging.Handler()
handler.emit = lambda record: records.append(record.getMessage())
logging.getLogger("matplotlib").addHandler(handler)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import d2lmini as d2l
    d2l.set_language("zh")
    fig, ax = d2l.plt.subplots()
    ax.set_xlabel("步数 $t$")
    ax.set_title("损失")
    fig.savefig(io.BytesIO(), format="svg")
family = d2l.plt.rcParams["font.family"]
print(json.dumps({{
    "family": family,
    "file": font_manager.findfont(font_manager.FontProperties(family=family)),
    "warnings": [str(w.message) for w in caught],
    "logged": [r for r in records if "glyph" in r],
}}))
"""

# Hides the system's fonts from matplotlib: its list and any later scan see
# matplotlib's own fonts alone.
HIDE_SYSTEM_FONTS = """
_own = font_manager.findSystemFonts
font_manager.findSystemFonts = lambda fontpaths=None, fontext="ttf": (
    _own(fontpaths, fontext) if fontpaths else [])
vars(font_manager.fontManager).update(vars(font_manager.FontManager()))
font_manager.fontManager._findfont_cached.cache_clear()
"""
HIDE_PIP_FONT = "import sys; sys.modules['noto_cjk_sans_otc'] = None  # not installed\n"


def draw_chinese(config: Path, hide: str = "") -> dict:
    env = {**os.environ, "MPLCONFIGDIR": str(config)}
    done = subprocess.run([sys.executable, "-c", DRAW.format(hide=hide)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cache_file(config: Path) -> Path:
    return config / f"fontlist-v{font_manager.FontManager.__version__}.json"


def is_cjk(name: str) -> bool:
    return name in CJK_FONTS or "CJK" in name or "WenQuanYi" in name


def test_font_cache_written_before_the_cjk_fonts_is_rebuilt(tmp_path: Path) -> None:
    # matplotlib's list as it was before the CJK fonts were installed
    fresh = font_manager.FontManager()
    system_cjk = sorted({e.name for e in fresh.ttflist if is_cjk(e.name)})
    fresh.ttflist = [e for e in fresh.ttflist if not is_cjk(e.name)]
    font_manager.json_dump(fresh, cache_file(tmp_path))

    result = draw_chinese(tmp_path)

    assert result["family"][0] in CJK_FONTS, result
    assert result["warnings"] == [] and result["logged"] == [], result
    if system_cjk:  # the system's fonts won, and the next process finds them at once
        assert "site-packages" not in result["file"], result
        listed = {e["name"] for e in json.loads(cache_file(tmp_path).read_text())["ttflist"]}
        assert set(system_cjk) <= listed


def test_pip_font_draws_chinese_when_the_system_has_none(tmp_path: Path) -> None:
    result = draw_chinese(tmp_path, hide=HIDE_SYSTEM_FONTS)

    assert result["family"][0] in CJK_FONTS, result
    assert "noto_cjk_sans_otc" in result["file"], result
    assert result["warnings"] == [] and result["logged"] == [], result


def test_no_cjk_font_at_all_warns_once_saying_what_to_install(tmp_path: Path) -> None:
    result = draw_chinese(tmp_path, hide=HIDE_SYSTEM_FONTS + HIDE_PIP_FONT)

    assert [f for f in result["family"] if f in CJK_FONTS] == []
    assert len(result["warnings"]) == 1, result["warnings"]  # not one per glyph
    hint = result["warnings"][0]
    for remedy in ["apt-get install fonts-noto-cjk", "pip install noto-cjk-sans-otc"]:
        assert remedy in hint
    assert result["logged"] == [], result


@pytest.mark.parametrize("language", ["en", "zh"])
def test_language_orders_fonts(language: str) -> None:
    from d2lmini import plotting

    plotting.set_language(language)
    try:
        family = plotting.plt.rcParams["font.family"]
        assert (family[0] == "DejaVu Sans") == (language == "en")
    finally:
        plotting.set_language("en")
