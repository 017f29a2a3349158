"""The leaky-average explorer: what the velocity does to a noisy, drifting gradient.

The gradient's mean is 1 for 50 steps and then -1 (the slope turns), plus
noise. Top: the gradients g_s and the velocity v_s = beta v_(s-1) + g_s up to
the step t of the slider, the velocity that the update x - eta v actually
uses, next to the level mean/(1 - beta) that it approaches when the mean
stays put. Bottom: the weight beta^(t-s) with which each g_s counts in v_t.
The readout gives the window 1/(1 - beta), the total weight (1 - beta^t)/(1 -
beta) and the variance that the noise leaves in v_t: two different numbers.
``leaky.js`` is its browser version.
"""

from __future__ import annotations

import random

from d2lmini.explore import Slider
from d2lmini.explore.svg import WIDTH, Panel, fmt, legend, narrow, svg

STEPS, TURN, NOISE = 100, 50, 0.5  # gradients shown; the mean turns after TURN; noise s.d.
CONTROLS = [Slider("beta", "β", 0.0, 0.99, 0.01, 0.9), Slider("steps", "t", 1, STEPS, 1, 40)]
SCRIPTS = ("leaky.js",)
WORDS = {
    "en": {"title": "leaky-average explorer", "g": "gradient gₛ", "v": "velocity vₛ (step: η vₛ)",
           "level": "mean / (1 − β)", "s": "step s", "weight": "weight in vₜ",
           "window": "window 1/(1 − β) = {w} · total weight after t = {t}: (1 − βᵗ)/(1 − β) = {s}",
           "now": "step t = {t}: velocity vₜ = {v}, (1 − β) vₜ = {m}, mean of gₜ = {g}",
           "noise": "noise: Var vₜ = (1 − β²ᵗ)/(1 − β²) σ² = {a} σ²; "
                    "Var (1 − β)vₜ = {b} σ², as an average of {n} gradients"},
    "zh": {"title": "泄漏平均探索器", "g": "梯度 gₛ", "v": "速度 vₛ（步长为 η vₛ）",
           "level": "均值 / (1 − β)", "s": "步数 s", "weight": "在 vₜ 中的权重",
           "window": "有效窗口 1/(1 − β) = {w}；第 t = {t} 步时的权重之和 (1 − βᵗ)/(1 − β) = {s}",
           "now": "第 t = {t} 步：速度 vₜ = {v}，(1 − β) vₜ = {m}，gₜ 的均值 = {g}",
           "noise": "噪声：Var vₜ = (1 − β²ᵗ)/(1 − β²) σ² = {a} σ²；"
                    "Var (1 − β)vₜ = {b} σ²，相当于 {n} 个梯度的平均"},
}


def means(steps: int = STEPS) -> list[float]:
    """The gradient's mean at steps 1..steps: 1, then -1 after TURN steps."""
    return [1.0 if s <= TURN else -1.0 for s in range(1, steps + 1)]


def noisy_gradients(steps: int = STEPS, seed: int = 0) -> list[float]:
    """The mean plus noise of standard deviation NOISE, seeded, to 4 digits."""
    rng = random.Random(seed)
    return [round(m + rng.gauss(0, NOISE), 4) for m in means(steps)]


def config() -> dict:
    return {"gradients": noisy_gradients()}


def velocities(gradients: list[float], beta: float) -> list[float]:
    """v_s = beta v_(s-1) + g_s from v_0 = 0: the velocity after each step."""
    v, out = 0.0, []
    for g in gradients:
        v = beta * v + g
        out.append(v)
    return out


def leaky_weights(beta: float, steps: int) -> list[float]:
    """The weight beta^tau of the gradient tau steps back, tau < steps."""
    return [beta ** tau for tau in range(steps)]


def effective_window(beta: float) -> float:
    """1 / (1 - beta): about how many gradients the velocity averages."""
    return 1 / (1 - beta)


def power(beta: float, n: int) -> float:
    """beta^n by repeated multiplication, as leaky.js does: no pow() whose last
    bit may differ between Python and the browser."""
    out = 1.0
    for _ in range(n):
        out *= beta
    return out


def weight_sum(beta: float, steps: int) -> float:
    """(1 - beta^t) / (1 - beta): the total weight after t steps."""
    return (1 - power(beta, steps)) / (1 - beta)


def noise_variance(beta: float, steps: int) -> float:
    """Var v_t / sigma^2 for independent noise: the sum of the squared weights."""
    return (1 - power(beta, 2 * steps)) / (1 - beta * beta)


def draw(v: dict, w: dict, cfg: dict, width: float = WIDTH) -> tuple[str, list[str]]:
    beta, t, g = v["beta"], v["steps"], cfg["gradients"]
    vel, level = velocities(g, beta), [m / (1 - beta) for m in means(len(g))]
    top = max(1.3 / (1 - beta), 2.2)
    pw, wide = width - 76, not narrow(width)
    th = 175 if wide else 150  # on a phone the legend goes under both panels
    parts: list[str] = []
    p = Panel(parts, "ls", (0.5, len(g) + 0.5, -top, top), (60, 10, pw, th),
              {"y": [(-top, fmt(-top, 1)), (0, "0"), (top, fmt(top, 1))]})
    p.add(f'<line x1="{p.sx(0.5)}" x2="{p.sx(len(g) + 0.5)}" y1="{p.sy(0):.1f}" '
          f'y2="{p.sy(0):.1f}" stroke="#bbb"/>')
    p.line([(s + 1, x) for s, x in enumerate(g)], 'stroke="#999"')
    p.line([(s + 1, x) for s, x in enumerate(level)], 'stroke="#d62728" stroke-dasharray="5 4"')
    p.line([(s + 1, x) for s, x in enumerate(vel[:t])], 'stroke="#1f77b4" stroke-width="2.5"')
    p.add(f'<line x1="{p.sx(t):.1f}" x2="{p.sx(t):.1f}" y1="{p.sy(-top):.1f}" '
          f'y2="{p.sy(top):.1f}" stroke="#333" stroke-dasharray="2 3"/>')
    bt = 10 + th + 30
    b = Panel(parts, "lb", (0.5, len(g) + 0.5, 0, 1.05), (60, bt, pw, 90),
              {"x": [(s, str(s)) for s in (1, 25, 50, 75, 100)], "y": [(0, "0"), (1, "1")],
               "xname": w["s"], "yname": w["weight"]})
    for s in range(1, t + 1):
        weight = power(beta, t - s)
        b.add(f'<rect x="{b.sx(s - 0.4):.1f}" y="{b.sy(weight):.1f}" '
              f'width="{b.sx(0.8) - b.sx(0):.1f}" height="{b.sy(0) - b.sy(weight):.1f}" '
              f'fill="#1f77b4"/>')
    window = effective_window(beta)
    edge = t + 1 - window  # one window back from step t
    b.add(f'<line x1="{b.sx(edge):.1f}" x2="{b.sx(edge):.1f}" y1="{b.sy(0):.1f}" '
          f'y2="{b.sy(1.05):.1f}" stroke="#d62728" stroke-dasharray="4 3"/>')
    entries = [('stroke="#999"', w["g"]), ('stroke="#1f77b4" stroke-width="2.5"', w["v"]),
               ('stroke="#d62728" stroke-dasharray="5 4"', w["level"])]
    if wide:
        legend(parts, 70, th - 50, entries)
        height = 350
    else:
        legend(parts, 60, bt + 90 + 48, entries)
        height = bt + 90 + 48 + 32 + 10
    var = noise_variance(beta, t)
    avg = (1 - beta) * (1 - beta) * var
    return svg(parts, width, height), [
        w["window"].format(w=fmt(window, 2), t=t, s=fmt(weight_sum(beta, t), 3)),
        w["now"].format(t=t, v=fmt(vel[t - 1], 3), m=fmt((1 - beta) * vel[t - 1], 3),
                        g=fmt(means(len(g))[t - 1], 2)),
        w["noise"].format(a=fmt(var, 3), b=fmt(avg, 3), n=fmt(1 / avg, 1))]
