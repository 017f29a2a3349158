"""The convergence race: three methods, each at its own best, on f = (mu x1^2 + L x2^2)/2.

mu = 1 and L = kappa, the condition number, set by a slider for log10 kappa.
Gradient descent runs at its best eta = 2/(L + mu), the heavy ball at
Polyak's (eta*, beta*) = (4/(sqrt L + sqrt mu)^2, ((sqrt kappa - 1)/(sqrt
kappa + 1))^2), Nesterov's accelerated gradient at its usual tuning for
strongly convex problems, eta = 1/L, beta = (sqrt kappa - 1)/(sqrt kappa +
1). All start at x0 = (1, 1) at rest. The figure shows each method's loss
per eigendirection, f_i = lambda_i x_i^2 / 2 over f(x0) (solid: the flat
direction mu, dashed: the steep one L), as Distill's milestones decompose it;
the readout each method's rate (its spectral radius, the larger of the two
directions') and the steps it needs to bring f below 10^-k f(x0), k set by a second slider.

Nesterov in the book's velocity form: v_t = beta v_(t-1) + grad f(x_(t-1) -
eta beta v_(t-1)), x_t = x_(t-1) - eta v_t; per direction its matrix is
[[beta (1 - eta lam), lam], [-eta beta (1 - eta lam), 1 - eta lam]]. The
slider's kappas come from a table computed here (``config``), so that the
browser need not raise 10 to a power. ``race.js`` is its browser version.
"""

from __future__ import annotations

import math

from d2lmini.explore import Slider
from d2lmini.explore.svg import TICK, WIDTH, Panel, fmt, legend, narrow, svg

CAP, LO, HI = 5000, -12, 3  # the step cap; the log10 axis range
CONTROLS = [Slider("logk", "log₁₀ κ", 0.0, 3.0, 0.05, 2.0), Slider("digits", "digits", 2, 12, 1, 6)]
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SCRIPTS = ("race.js",)
COLOURS = {"gd": "#ff7f0e", "hb": "#1f77b4", "nag": "#2ca02c"}
NICE = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
WORDS = {
    "en": {"title": "convergence race", "gd": "gradient descent", "hb": "heavy ball",
           "nag": "Nesterov", "flat": "solid: flat, λ = μ", "steep": "dashed: steep, λ = L",
           "step": "step t", "loss": "fᵢ(xₜ)/f(x₀), log scale",
           "digits": "target f < 10⁻ᵏ f(x₀): k",
           "kappa": "condition number κ = L/μ = {k} (μ = 1, L = {k}), √κ = {s}",
           "row": "{who} (η = {eta}, β = {beta}): rate {rate}, steps to f < {target} f(x₀): {n}"},
    "zh": {"title": "收敛竞赛", "gd": "梯度下降", "hb": "重球法", "nag": "Nesterov 加速梯度",
           "flat": "实线：平缓方向 λ = μ", "steep": "虚线：陡峭方向 λ = L", "step": "步数 t",
           "loss": "fᵢ(xₜ)/f(x₀)，对数坐标", "digits": "目标 f < 10⁻ᵏ f(x₀)：k",
           "kappa": "条件数 κ = L/μ = {k}（μ = 1，L = {k}），√κ = {s}",
           "row": "{who}（η = {eta}，β = {beta}）：收敛速率 {rate}，"
                  "使 f < {target} f(x₀) 的步数：{n}"},
}


def kappas() -> list[float]:
    """kappa = 10^(k/20) at each slider position k = 0..60.

    >>> ks = kappas(); len(ks), ks[0], ks[20], ks[60]
    (61, 1.0, 10.0, 1000.0)
    """
    return [10 ** (k / 20) for k in range(61)]


def config() -> dict:
    return {"kappas": kappas()}


def kappa_of(v: dict, cfg: dict) -> float:
    return cfg["kappas"][round(v["logk"] * 20)]


def tunings(kappa: float) -> dict[str, tuple[float, float, bool]]:
    """Each method's (eta, beta, nesterov) for mu = 1, L = kappa.

    >>> [round(x, 4) for x in tunings(100.0)["hb"][:2]]   # Polyak: 4/121, (9/11)^2
    [0.0331, 0.6694]
    """
    s = math.sqrt(kappa)
    polyak = (s - 1) / (s + 1)
    return {"gd": (2 / (kappa + 1), 0.0, False),
            "hb": (4 / ((s + 1) * (s + 1)), polyak * polyak, False),
            "nag": (1 / kappa, polyak, True)}


def radius(b: float, c: float) -> float:
    """The largest |root| of mu^2 - b mu + c.

    >>> radius(1.0, 0.25), radius(0.0, 0.25)   # a double root 1/2; the pair +-i/2
    (0.5, 0.5)
    """
    disc = b * b - 4 * c
    if disc < 0:
        return math.sqrt(c)
    root = math.sqrt(disc)
    return max(abs(b + root), abs(b - root)) / 2


def rate(eta: float, beta: float, nesterov: bool, curvatures: tuple[float, ...]) -> float:
    """The spectral radius of the iteration: the worst over the eigendirections.

    >>> round(rate(2 / 101, 0.0, False, (1.0, 100.0)), 4)   # gradient descent: 99/101
    0.9802
    """
    worst = 0.0
    for lam in curvatures:
        a = 1 - eta * lam
        b, c = ((1 + beta) * a, beta * a) if nesterov else (1 + beta - eta * lam, beta)
        worst = max(worst, radius(b, c))
    return worst


def tolerance(digits: int) -> float:
    """10^-digits by repeated division, as the browser computes it (no pow).

    >>> tolerance(2)
    0.01
    """
    target = 1.0
    for _ in range(digits):
        target = target / 10
    return target


def run(eta: float, beta: float, nesterov: bool, curvatures: tuple[float, float],
        span: int = 0, target: float = 1e-6) -> tuple[list[list[float]], int | None]:
    """Per direction, lambda x_t^2 / 2 from x = 1 at rest, and the first t with
    f(x_t) < target f(x0) (None if not within CAP steps); it runs up to that t
    or to ``span``, whichever is later (at most CAP).

    >>> run(1.0, 0.0, False, (1.0, 1.0))   # gradient descent at eta = 1/lambda: one step
    ([[0.5, 0.0], [0.5, 0.0]], 1)
    """
    (l1, l2), x1, x2, v1, v2 = curvatures, 1.0, 1.0, 0.0, 0.0
    first, second = [l1 / 2], [l2 / 2]
    limit, t, needed = target * (first[0] + second[0]), 0, None
    while t < CAP and (needed is None or t < span):
        g1 = l1 * (x1 - eta * beta * v1) if nesterov else l1 * x1
        g2 = l2 * (x2 - eta * beta * v2) if nesterov else l2 * x2
        v1, v2 = beta * v1 + g1, beta * v2 + g2
        x1, x2 = x1 - eta * v1, x2 - eta * v2
        first.append(l1 / 2 * x1 * x1)
        second.append(l2 / 2 * x2 * x2)
        t += 1
        if needed is None and first[t] + second[t] < limit:
            needed = t
    return [first, second], needed


def draw(v: dict, w: dict, cfg: dict, width: float = WIDTH) -> tuple[str, list[str]]:
    kappa = kappa_of(v, cfg)
    curvatures = (1.0, kappa)
    f0 = (1.0 + kappa) / 2
    methods, target = tunings(kappa), tolerance(v["digits"])
    shown = "10⁻" + str(v["digits"]).translate(SUPERSCRIPT)
    fast = max(run(*methods[name], curvatures, 0, target)[1] or CAP for name in ("hb", "nag"))
    span = next((s for s in NICE if s >= 1.5 * fast), CAP)  # the momentum methods fill it
    runs, lines = {}, [w["kappa"].format(k=fmt(kappa, 1), s=fmt(math.sqrt(kappa), 3))]
    for name, (eta, beta, nesterov) in methods.items():
        runs[name], n = run(eta, beta, nesterov, curvatures, span, target)
        lines.append(w["row"].format(who=w[name], eta=fmt(eta, 5), beta=fmt(beta, 4),
                                     rate=fmt(rate(eta, beta, nesterov, curvatures), 4),
                                     target=shown,
                                     n=str(n) if n is not None else f"> {CAP}"))
    parts: list[str] = []
    wide = not narrow(width)
    lx = width - 185  # the legend: right of the plot, or under it on a phone
    at = (60, 10, lx - 75, 290) if wide else (60, 10, width - 76, 230)
    p = Panel(parts, "rl", (0, span, LO, HI), at,
              {"x": [(t, str(t)) for t in (0, span // 2, span)],
               "y": [(k, f"1e{k}") for k in range(LO, HI + 1, 3)],
               "xname": w["step"], "yname": w["loss"]})
    level = -v["digits"]
    p.add(f'<line x1="{p.sx(0)}" x2="{p.sx(span)}" y1="{p.sy(level)}" y2="{p.sy(level)}" '
          f'stroke="#888" stroke-dasharray="1 3"/><text x="{p.sx(span) - 4}" '
          f'y="{p.sy(level) - 4}" text-anchor="end" font-size="{TICK}">{shown}</text>')
    log = lambda f: math.log10(f / f0) if f > 1e-300 else -300.0  # noqa: E731
    for name, losses in runs.items():
        for losses_i, dash in zip(losses, ("", ' stroke-dasharray="6 4"')):
            p.line([(t, log(f)) for t, f in enumerate(losses_i[:span + 1])],
                   f'stroke="{COLOURS[name]}" stroke-width="2"{dash}')
    legend(parts, lx if wide else 60, 30 if wide else at[3] + 58,
           [(f'stroke="{COLOURS[n]}" stroke-width="2"', w[n]) for n in COLOURS]
           + [('stroke="#555" stroke-width="2"', w["flat"]),
              ('stroke="#555" stroke-width="2" stroke-dasharray="6 4"', w["steep"])])
    height = 350 if wide else at[3] + 58 + 4 * 16 + 14
    return svg(parts, width, height), lines
