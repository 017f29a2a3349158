"""Fonts for Chinese figures: find a CJK font, wherever it is, or say how to get one.

Matplotlib lists the system's fonts once and caches that list
(``fontlist-*.json`` in its cache folder); fonts installed later, such as
the CJK fonts that ``make setup`` installs on a machine that had used
matplotlib before, stay invisible until the list is rebuilt. Without a CJK
font every Chinese glyph is drawn as a box and warned about one by one. So,
for Chinese figures, we look in this order:

1. matplotlib's (cached) list;
2. a fresh scan of the system's fonts, written back to matplotlib's cache;
3. the font of the PyPI package ``noto-cjk-sans-otc`` (in requirements.txt),
   for machines where we may not install system packages;
4. none: one warning that says what to install, instead of one per glyph.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager

__all__ = ["CJK_FONTS", "cjk_fonts", "pip_font"]

# Fonts with CJK glyphs, best first: Debian's (installed by `make setup`),
# then those that macOS and Windows ship. The PyPI package's collection
# holds "Noto Sans CJK SC" (the same file as Debian's fonts-noto-cjk).
CJK_FONTS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP",
             "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei"]
PIP_PACKAGE = "noto-cjk-sans-otc"
HOW_TO_INSTALL = (
    "no font with Chinese glyphs was found, so Chinese words on figures are drawn as "
    "boxes. Install one, then restart the kernel: on Debian or Ubuntu `sudo apt-get "
    "install fonts-noto-cjk fonts-wqy-microhei`; without root, `pip install "
    f"{PIP_PACKAGE}` (d2lmini uses it when it is there); or any font named "
    + ", ".join(CJK_FONTS) + ".")
_warned = False


def _listed() -> list[str]:
    """The CJK fonts of matplotlib's current font list, in CJK_FONTS order."""
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in names]


def _add_new_system_fonts() -> None:
    """Scan the system's fonts again: add those the cached list lacks, save the list."""
    fresh = font_manager.FontManager()  # what matplotlib builds when it has no cache
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for fname in dict.fromkeys(e.fname for e in fresh.ttflist if e.fname not in known):
        font_manager.fontManager.addfont(fname)
    version = font_manager.FontManager.__version__  # matplotlib names its cache so
    cache = Path(matplotlib.get_cachedir(), f"fontlist-v{version}.json")
    try:  # so that the next process finds them at once; the cache is only a cache
        font_manager.json_dump(fresh, cache)
    except OSError:
        pass


def pip_font() -> Path | None:
    """The CJK font file of the ``noto-cjk-sans-otc`` package, if it is installed.

    >>> pip_font() is None or pip_font().suffix == ".ttc"
    True
    """
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    path = Path(str(noto_cjk_sans_otc.FONT_PATH))
    return path if path.is_file() else None


class _NoGlyphRecords(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "does not have a glyph" not in record.getMessage()


def _warn_once() -> None:
    """Say once what to install, and silence the warnings for each missing glyph."""
    global _warned
    if _warned:
        return
    _warned = True
    # stacklevel: the line that called set_language
    warnings.warn(f"d2lmini: {HOW_TO_INSTALL}", UserWarning, stacklevel=5)
    warnings.filterwarnings("ignore", r"Glyph \d+ .*missing from font", UserWarning)
    logging.getLogger("matplotlib.mathtext").addFilter(_NoGlyphRecords())
    logging.getLogger("matplotlib._mathtext").addFilter(_NoGlyphRecords())


def cjk_fonts(search: bool = True) -> list[str]:
    """The names of the CJK fonts matplotlib can use, best first.

    With ``search``, an empty answer is not taken from a stale font list:
    the system is scanned again, then the PyPI font is added, and if there
    is still none a single warning says what to install.

    >>> cjk_fonts(search=False) == [f for f in CJK_FONTS if f in cjk_fonts(search=False)]
    True
    """
    found = _listed()
    if found or not search or _warned:  # searched in vain already: once is enough
        return found
    _add_new_system_fonts()
    found = _listed()
    if not found and (path := pip_font()) is not None:
        font_manager.fontManager.addfont(str(path))
        found = _listed()
    if not found:
        _warn_once()
    return found
