"""What a live training plot costs: d2lmini's Animator against redrawing on every point.

A train_ch11-style loop adds 15 points (one every 200 examples, 2 epochs).
d2l's Animator clears and redraws its axes and has Jupyter render the whole
figure as SVG on every add; the baseline below does exactly that work (our
own code, same steps). d2lmini's Animator is measured in a notebook (a
stand-in for Jupyter's display that renders SVG on every display and
update, as Jupyter does) and outside one (the figure saved once at the end).

Prints figures; asserts nothing. Run with `make bench`.
"""

from __future__ import annotations

import io
import statistics
import time

import matplotlib

matplotlib.use("Agg")

from d2lmini import animator as animator_module  # noqa: E402
from d2lmini.plotting import plt  # noqa: E402

POINTS = 15
STEP_S = 0.005  # the training between two points; 2 ms to 50 ms in the chapter's runs


def svg(fig) -> int:
    """Render ``fig`` as Jupyter would for an SVG display; return the size."""
    out = io.BytesIO()
    fig.savefig(out, format="svg")
    return out.tell()


def baseline() -> int:
    """Redraw everything and render on every point, as d2l's Animator does."""
    fig, ax = plt.subplots(figsize=(3.5, 2.5))
    xs, ys, renders = [], [], 0
    for i in range(1, POINTS + 1):
        time.sleep(STEP_S)
        xs.append(i / 7.5)
        ys.append(0.35 - i / 200)
        ax.cla()
        ax.plot(xs, ys, "-")
        ax.set_xlabel("epoch"), ax.set_ylabel("loss")
        ax.set_xlim(0, 2), ax.set_ylim(0.22, 0.35)
        ax.grid(True)
        svg(fig)
        renders += 1
    plt.close(fig)
    return renders


class _Shell:
    kernel = object()

    def __init__(self):
        self.callbacks = []
        self.events = self

    def register(self, event, fn):
        self.callbacks.append(fn)

    def unregister(self, event, fn):
        self.callbacks.remove(fn)


class _Handle:
    renders = 0

    def __init__(self, fig):
        self.update(fig)

    def update(self, fig):
        svg(fig)
        _Handle.renders += 1


def ours(in_notebook: bool) -> int:
    shell = _Shell()
    animator_module._notebook = (lambda: shell) if in_notebook else (lambda: None)
    animator_module._display = _Handle
    _Handle.renders = 0
    animator = animator_module.Animator(xlabel="epoch", ylabel="loss", xlim=[0, 2],
                                        ylim=[0.22, 0.35])
    for i in range(1, POINTS + 1):
        time.sleep(STEP_S)
        animator.add(i / 7.5, (0.35 - i / 200,))
    if in_notebook:
        for fn in list(shell.callbacks):  # the cell ends
            fn(None)
        return _Handle.renders
    svg(animator.fig)  # shown once, at the end
    plt.close(animator.fig)
    return 1


def median_ms(fn, repeat: int = 5) -> tuple[float, int]:
    fn()  # warm up
    runs, renders = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        renders = fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000 - POINTS * STEP_S * 1000, renders


def main() -> None:
    print(f"a live plot of {POINTS} points, time beyond the training itself:")
    for label, fn in [("redraw on every point (d2l)", baseline),
                      ("d2lmini Animator, notebook", lambda: ours(True)),
                      ("d2lmini Animator, script", lambda: ours(False))]:
        ms, renders = median_ms(fn)
        print(f"  {label:30} {ms:7.1f} ms   {renders:2d} renders")


if __name__ == "__main__":
    main()
