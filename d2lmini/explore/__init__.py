"""The chapter's interactive explorers, live in Jupyter and static on the site.

Each explorer is one small unit in this package: a Python module (its
computation, its controls, its words in both languages and its SVG drawing)
and a JavaScript file of the same name (the same computation and drawing for
the browser). This module turns a unit into an ``Explorer``. Displayed in
Jupyter it is an ipywidgets panel: labelled sliders and switches (focusable,
moved by the keyboard) and a figure that Python recomputes and redraws on
every move. Its display also carries a ``text/html`` version whose
JavaScript does the same computation in the browser; the book's HTML and the
slides show that one, so the explorers work with no kernel and no network.

>>> trajectory_explorer()   # in Jupyter, the panel itself
<trajectory explorer>
"""

from __future__ import annotations

import functools
import html
import importlib
import itertools
import json
from dataclasses import dataclass
from importlib import resources
from types import ModuleType
from typing import Any, Union

from d2lmini.explore.svg import WIDTH


@dataclass(frozen=True)
class Slider:
    """A range control: ``name`` in the values, ``label`` a key of the words or text."""

    name: str
    label: str
    lo: float
    hi: float
    step: float
    default: float


@dataclass(frozen=True)
class Toggle:
    """An on/off switch (a checkbox): its value is True or False."""

    name: str
    label: str
    default: bool


Control = Union[Slider, Toggle]
_ids = itertools.count()


def unit(kind: str) -> ModuleType:
    """The module of one explorer: ``CONTROLS``, ``WORDS``, ``SCRIPTS``, ``draw``."""
    return importlib.import_module(f"d2lmini.explore.{kind}")


def defaults(kind: str) -> dict[str, Any]:
    """Every control of explorer ``kind`` at its starting value."""
    return {c.name: c.default for c in unit(kind).CONTROLS}


class Explorer:
    """One explorer: controls, a figure and a readout, live or static."""

    def __init__(self, kind: str) -> None:
        from d2lmini.plotting import get_language

        self.kind = kind
        self.unit = unit(kind)
        self.words: dict[str, str] = self.unit.WORDS[get_language()]
        self.config: dict[str, Any] = {"kind": kind, "words": self.words,
                                       **getattr(self.unit, "config", dict)()}

    def __repr__(self) -> str:
        return f"<{self.kind} explorer>"

    def label(self, control: Control, values: dict[str, Any]) -> str:
        """A control's label, which a unit may make depend on the values."""
        dynamic = getattr(self.unit, "labels", None)
        text = dynamic(values, self.words).get(control.name) if dynamic else None
        return text or self.words.get(control.label, control.label)

    def render(self, values: dict[str, Any]) -> str:
        """The figure and readout as HTML (SVG) for the controls' ``values``."""
        svg, lines = self.unit.draw(values, self.words, self.config)
        readout = "".join(f"<div>{html.escape(line)}</div>" for line in lines)
        return f'<div class="d2l-live">{svg}<div class="d2l-readout">{readout}</div></div>'

    # -- the static version: HTML controls and the browser's computation --
    def static_html(self) -> str:
        uid = f"d2l-{self.kind}-{next(_ids)}"
        start = defaults(self.kind)
        controls = []
        for c in self.unit.CONTROLS:
            label = f'<label for="{uid}-{c.name}">{html.escape(self.label(c, start))}</label>'
            if isinstance(c, Toggle):
                checked = " checked" if c.default else ""
                controls.append(f'{label}<input type="checkbox" id="{uid}-{c.name}" '
                                f'name="{c.name}"{checked}><span></span>')
            else:
                controls.append(
                    f'{label}<input type="range" id="{uid}-{c.name}" name="{c.name}" '
                    f'min="{c.lo}" max="{c.hi}" step="{c.step}" value="{c.default}">'
                    f'<output for="{uid}-{c.name}">{c.default}</output>')
        folder = resources.files("d2lmini.explore")
        scripts = "".join(f"<script>{folder.joinpath(name).read_text(encoding='utf-8')}</script>"
                          for name in ("base.js", *self.unit.SCRIPTS))
        title = html.escape(self.words["title"])
        return (f'<div class="d2l-explorer" id="{uid}" data-config="'
                f'{html.escape(json.dumps(self.config, ensure_ascii=False))}">'
                f'<div class="d2l-controls">{"".join(controls)}</div>'
                f'<svg id="{uid}-svg" viewBox="0 0 {WIDTH} 350" role="img" '
                f'aria-label="{title}"></svg>'
                f'<div class="d2l-readout" aria-live="polite"></div></div>'
                f"<style>{STYLE}</style>{scripts}")

    # -- the live version: ipywidgets, recomputed in Python --
    def widget(self) -> Any:
        """A new panel with its own values: each display moves only its figure."""
        import ipywidgets as w

        values = defaults(self.kind)
        view = w.HTML(self.render(values))
        widgets: dict[str, Any] = {}

        def moved(name: str, change: dict) -> None:
            values[name] = change["new"]
            for c in self.unit.CONTROLS:  # a label may depend on the values
                widgets[c.name].description = self.label(c, values)
            view.value = self.render(values)

        for c in self.unit.CONTROLS:
            description = self.label(c, values)
            if isinstance(c, Toggle):
                widget = w.Checkbox(value=c.default, description=description, indent=False)
            else:
                cls = w.IntSlider if isinstance(c.step, int) else w.FloatSlider
                widget = cls(value=c.default, min=c.lo, max=c.hi, step=c.step,
                             description=description, continuous_update=True)
            widget.observe(functools.partial(moved, c.name), names="value")
            widgets[c.name] = widget
        return w.VBox([w.HBox(list(widgets.values())), view])

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        """Both versions: Jupyter shows the widget, the book and slides the HTML."""
        bundle = {}
        try:
            bundle.update(self.widget()._repr_mimebundle_())
        except ImportError:  # no ipywidgets: the HTML version alone
            pass
        bundle.update({"text/plain": f"<{self.kind} explorer>", "text/html": self.static_html()})
        return bundle


# The explorer's own style, shipped with it (Jupyter, the site, the slides).
# A figure is laid out for its width (base.js), so its text keeps its size; a
# narrow explorer (a phone) also puts each label above its slider, which then
# gets the whole width for a thumb. tools/deck.css enlarges it on slides.
STYLE = (".d2l-explorer{max-width:640px;margin:0.5em auto;font-size:0.9em;"
         "container-type:inline-size}"
         ".d2l-controls{display:grid;grid-template-columns:auto 1fr 3.5em;gap:0.2em 0.6em;"
         "align-items:center}.d2l-controls input[type=checkbox]{justify-self:start}"
         ".d2l-controls input[type=range]{width:100%;min-height:1.75rem;margin:0}"
         ".d2l-explorer svg{width:100%;height:auto;display:block}"
         ".d2l-readout{font-family:monospace;font-size:max(12px,0.85em);line-height:1.5;margin-top:0.4em;"
         "overflow-wrap:anywhere}"
         "@container (max-width:480px){.d2l-controls{grid-template-columns:1fr 3em;"
         "row-gap:0}.d2l-controls label{grid-column:1/-1;margin-top:0.3em}}")


def trajectory_explorer() -> Explorer:
    """Gradient descent and momentum on the example, with sliders for eta, beta, steps."""
    return Explorer("trajectory")


def leaky_average_explorer() -> Explorer:
    """A drifting noisy gradient, the velocity that averages it, and the weights."""
    return Explorer("leaky")


def region_explorer() -> Explorer:
    """The spectral radius over (eta*lambda, beta), a point, and its scalar iterates."""
    return Explorer("region")


def noise_explorer() -> Explorer:
    """SGD and momentum with noisy gradients: trajectories, loss, predicted noise floor."""
    return Explorer("noise")


def damping_explorer() -> Explorer:
    """The (eta*lambda, beta) map with its regimes, a point, its iterates and phase portrait."""
    return Explorer("damping")


def race_explorer() -> Explorer:
    """Gradient descent, heavy ball and Nesterov, each at its best, for a condition number."""
    return Explorer("race")
