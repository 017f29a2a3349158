"""The chapter's interactive explorers, live in Jupyter and static on the site.

``trajectory_explorer()``, ``leaky_average_explorer()`` and
``region_explorer()`` return an ``Explorer``. Displayed in Jupyter it is an
ipywidgets panel: labelled sliders (focusable, moved by the arrow keys) and
a figure that Python recomputes and redraws on every move. Its display also
carries a ``text/html`` version whose JavaScript (``explorers.js``) does the
same computations in the browser; the book's HTML and the slides show that
one, so the explorers work with no kernel and no network.

>>> trajectory_explorer()   # in Jupyter, the panel itself
<trajectory explorer>
"""

from __future__ import annotations

import base64
import functools
import html
import io
import itertools
import json
from importlib import resources
from typing import Any

from d2lmini import explorers as ex

WORDS = {
    "en": {"gd": "gradient descent", "momentum": "momentum", "direction": "direction",
           "converges": "converges", "diverges": "does not converge", "steps": "steps",
           "window": "effective window", "sum": "sum of the weights after", "tau": "steps back",
           "radius": "spectral radius", "boundary": "converges iff",
           "best": "★ best for λ = 0.2, 4: η* = {eta}, β* = {beta}, rate {rate}"},
    "zh": {"gd": "梯度下降", "momentum": "动量法", "direction": "方向", "converges": "收敛",
           "diverges": "不收敛", "steps": "步数", "window": "有效窗口", "sum": "权重之和，步数",
           "tau": "往前的步数", "radius": "谱半径", "boundary": "收敛当且仅当",
           "best": "★ λ = 0.2、4 时的最优参数：η* = {eta}，β* = {beta}，速率 {rate}"},
}
# kind -> sliders: (name, label, minimum, maximum, step, default)
SLIDERS = {
    "trajectory": [("eta", "η", 0.05, 0.8, 0.01, 0.6), ("beta", "β", 0.0, 0.95, 0.01, 0.5),
                   ("steps", "steps", 1, 50, 1, 20)],
    "leaky": [("beta", "β", 0.0, 0.99, 0.01, 0.9), ("steps", "t", 1, 60, 1, 40)],
    "region": [("eta", "η", 0.01, 1.2, 0.01, 0.6), ("beta", "β", 0.0, 0.99, 0.01, 0.5),
               ("lam", "λ", 0.1, 5.0, 0.1, 4.0)],
}
_ids = itertools.count()


@functools.lru_cache(maxsize=1)
def radius_map_png() -> str:
    """The spectral radius over (eta*lambda, beta), as a PNG data URI."""
    import numpy as np
    from matplotlib import colormaps

    el, beta = np.meshgrid(np.linspace(0, 4.5, 180), np.linspace(0.99, 0, 100))
    rho = np.vectorize(ex.spectral_radius)(el, beta)
    rgba = colormaps["viridis"](np.clip(rho, 0, 1))
    rgba[rho >= 1] = (0.85, 0.85, 0.85, 1)  # does not converge: grey
    buffer = io.BytesIO()
    import matplotlib.pyplot as plt

    plt.imsave(buffer, rgba, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


class Explorer:
    """One explorer: sliders, a figure and a readout, live or static."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        from d2lmini.plotting import get_language

        self.words = WORDS[get_language()]
        self.config: dict[str, Any] = {"kind": kind, "words": self.words}
        if kind == "leaky":
            self.config["gradients"] = ex.noisy_gradients()
        if kind == "region":
            self.config["map"] = radius_map_png()

    def __repr__(self) -> str:
        return f"<{self.kind} explorer>"

    # -- the static version: HTML controls and the browser's computation --
    def static_html(self) -> str:
        uid = f"d2l-{self.kind}-{next(_ids)}"
        controls = []
        for name, label, lo, hi, step, default in SLIDERS[self.kind]:
            label = self.words.get(label, label)
            controls.append(
                f'<label for="{uid}-{name}">{label}</label>'
                f'<input type="range" id="{uid}-{name}" name="{name}" min="{lo}" max="{hi}" '
                f'step="{step}" value="{default}">'
                f'<output for="{uid}-{name}">{default}</output>')
        script = resources.files("d2lmini").joinpath("explorers.js").read_text(encoding="utf-8")
        return (f'<div class="d2l-explorer" id="{uid}" data-config="'
                f'{html.escape(json.dumps(self.config, ensure_ascii=False))}">'
                f'<div class="d2l-controls">{"".join(controls)}</div>'
                f'<svg id="{uid}-svg" viewBox="0 0 620 350" role="img" '
                f'aria-label="{self.kind} explorer"></svg>'
                f'<div class="d2l-readout" aria-live="polite"></div></div>'
                f"<style>{STYLE}</style><script>{script}</script>")

    # -- the live version: ipywidgets, recomputed in Python --
    def widget(self) -> Any:
        """A new panel with its own values: each display moves only its figure."""
        import ipywidgets as w

        values = {name: default for name, *_, default in SLIDERS[self.kind]}
        view = w.HTML(self.render(values))

        def moved(name: str, change: dict) -> None:
            values[name] = change["new"]
            view.value = self.render(values)

        sliders = []
        for name, label, lo, hi, step, default in SLIDERS[self.kind]:
            cls = w.IntSlider if isinstance(step, int) else w.FloatSlider
            slider = cls(value=default, min=lo, max=hi, step=step,
                         description=self.words.get(label, label), continuous_update=True)
            slider.observe(functools.partial(moved, name), names="value")
            sliders.append(slider)
        return w.VBox([w.HBox(sliders), view])

    def render(self, values: dict[str, float]) -> str:
        """The figure and readout as HTML (SVG) for the sliders' ``values``."""
        from d2lmini.svgdraw import DRAW

        svg, lines = DRAW[self.kind](values, self.words, self.config)
        readout = "".join(f"<div>{html.escape(line)}</div>" for line in lines)
        return f'<div class="d2l-live">{svg}<div class="d2l-readout">{readout}</div></div>'

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        """Both versions: Jupyter shows the widget, the book and slides the HTML."""
        bundle = {}
        try:
            bundle.update(self.widget()._repr_mimebundle_())
        except ImportError:  # no ipywidgets: the HTML version alone
            pass
        bundle.update({"text/plain": f"<{self.kind} explorer>", "text/html": self.static_html()})
        return bundle


STYLE = (".d2l-explorer{max-width:640px;margin:0.5em auto;font-size:0.9em}"
         ".d2l-controls{display:grid;grid-template-columns:auto 1fr 3.5em;gap:0.2em 0.6em;"
         "align-items:center}.d2l-explorer svg{width:100%;height:auto;display:block}"
         ".d2l-readout{font-family:monospace;font-size:0.85em;line-height:1.5}")


def trajectory_explorer() -> Explorer:
    """Gradient descent and momentum on the example, with sliders for eta, beta, steps."""
    return Explorer("trajectory")


def leaky_average_explorer() -> Explorer:
    """The weights beta^t, the window 1/(1-beta), a noisy gradient and its leaky average."""
    return Explorer("leaky")


def region_explorer() -> Explorer:
    """The spectral radius over (eta*lambda, beta), a point, and its scalar iterates."""
    return Explorer("region")

