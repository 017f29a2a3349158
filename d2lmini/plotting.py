"""Figure defaults and the loss curve, drawn once when training ends.

d2l redraws its loss plot every few minibatches while training (and in a
notebook re-renders the whole SVG each time); we record the points and draw
the curve once, which is what a reader of a built page sees anyway.
"""

from __future__ import annotations

import math
import sys
import warnings
from collections.abc import Sequence

import matplotlib
import matplotlib.pyplot as plt

from .fonts import cjk_fonts

__all__ = ["plt", "use_svg_display", "set_figsize", "set_language", "get_language", "plot_loss"]

LOSS_YLIM = (0.22, 0.35)  # d2l's fixed range, so runs can be compared by eye

# Figures for a page read on a desktop and on a phone. A figure is shown at its
# own size (5 inches: 450 to 500 px, 60 % of the text column) or, on a
# narrower screen, shrunk to the column (358 px on a phone). Text of 12 points
# (16 px, the body text's size) then stays at least 11 px on the phone; d2l's
# 3.5 inches and 10 points gave 330 px figures with 13 px text on a desktop
# and 11 px on a phone, and a 6-inch figure shrank its text to 8 px there.
FIGSIZE = (5.0, 3.3)
FONT_SIZE = 12

# The words d2lmini itself writes on figures, per language.
WORDS = {
    "en": {"epoch": "epoch", "loss": "loss"},
    "zh": {"epoch": "轮次", "loss": "损失"},
}
_language = "en"


def _use_fonts(language: str) -> None:
    """Order font.family for ``language``, CJK fonts first for Chinese.

    A label that mixes words and math (``'步数 $t$'``) is typeset in the first
    family alone, so Chinese figures need a CJK font in front; English ones
    keep DejaVu Sans in front and fall back to CJK glyph by glyph. Only
    Chinese figures search hard for a CJK font (d2lmini.fonts).
    """
    cjk = cjk_fonts(search=language == "zh")
    latin = ["DejaVu Sans"]
    plt.rcParams["font.family"] = [*cjk, *latin] if language == "zh" else [*latin, *cjk]


_use_fonts("en")
plt.rcParams["font.size"] = FONT_SIZE

# Backends that only write files: in a notebook, a figure drawn with one of
# them is never shown.
FILE_BACKENDS = {"agg", "cairo", "pdf", "pgf", "ps", "svg", "template"}


def _draw_inline_in_kernels() -> None:
    """In a Jupyter kernel, show figures inline even when MPLBACKEND chose a file backend.

    ipykernel picks the inline backend unless MPLBACKEND is set, and servers
    and CI often export ``MPLBACKEND=Agg``: a notebook started there would
    draw every figure and show none. A terminal or a script is left alone.
    """
    ipython = sys.modules.get("IPython")  # loaded already if we run under IPython
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "kernel"):
        return
    if matplotlib.get_backend().lower() in FILE_BACKENDS:
        shell.run_line_magic("matplotlib", "inline")


_draw_inline_in_kernels()


def set_language(language: str) -> None:
    """Draw figures for a page in ``'en'`` or ``'zh'``: d2lmini's own words
    (the loss curve's axes) and the font order for the page's own labels.

    >>> set_language("zh"); WORDS[get_language()]["loss"]
    '损失'
    >>> set_language("en")
    """
    global _language
    if language not in WORDS:
        raise ValueError(f"language must be one of {sorted(WORDS)}, got {language!r}")
    _language = language
    _use_fonts(language)


def use_svg_display() -> None:
    """Show figures as SVG in Jupyter (sharp at any zoom); no-op elsewhere."""
    ipython = sys.modules.get("IPython")  # loaded already if we run under IPython
    if ipython is None or ipython.get_ipython() is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("svg")


def get_language() -> str:
    """The language set by ``set_language``: ``'en'`` (the default) or ``'zh'``."""
    return _language


def set_figsize(figsize: tuple[float, float] = FIGSIZE) -> None:
    """Use SVG figures of ``figsize`` inches (width, height) from now on, with
    text of FONT_SIZE points (d2l's default is 3.5 x 2.5 with 10 points: see
    FIGSIZE). Keep a figure at most about 5 inches wide, or its text gets
    smaller than 11 px on a phone.

    >>> set_figsize((6, 4))
    >>> plt.rcParams["figure.figsize"]
    [6.0, 4.0]
    """
    use_svg_display()
    plt.rcParams["figure.figsize"] = figsize
    plt.rcParams["font.size"] = FONT_SIZE


def plot_loss(epochs: Sequence[float], losses: Sequence[float], num_epochs: int,
              ylim: tuple[float, float] = LOSS_YLIM) -> None:
    """Draw one loss curve against the epoch, d2l style, in a new figure.

    The y range is ``ylim`` unless a loss falls outside it, in which case it
    widens to show every finite point. Losses that are not finite (a run
    that diverged) are left out, with a warning.

    >>> plot_loss([0.5, 1.0], [0.30, 0.25], num_epochs=1)
    """
    points = [(e, l) for e, l in zip(epochs, losses) if math.isfinite(l)]
    if len(points) < len(losses):
        warnings.warn(f"{len(losses) - len(points)} loss values are not finite (the "
                      "run diverged; lower the learning rate) and are not drawn",
                      RuntimeWarning, stacklevel=4)  # the reader's train_ch11 call
    set_figsize()
    _, ax = plt.subplots()
    if points:
        xs, ys = zip(*points)
        ax.plot(xs, ys, "-", color="#1f77b4")
        ylim = (min(ylim[0], *ys), max(ylim[1], *ys))
    ax.set_xlim(0, num_epochs)
    ax.set_ylim(*ylim)
    ax.set_xlabel(WORDS[_language]["epoch"])
    ax.set_ylabel(WORDS[_language]["loss"])
    ax.grid(True)
