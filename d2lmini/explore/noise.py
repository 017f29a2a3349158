"""The noisy-gradient explorer: SGD and momentum when every gradient is noisy.

On the example f(x) = 0.1 x1^2 + 2 x2^2, each gradient is the true one plus
independent noise of variance sigma^2/B per coordinate (sigma = 1; B, the
batch size, is a slider). It runs momentum with (eta, beta) and plain SGD with
the effective learning rate eta/(1 - beta), RUNS times each from (-5, -2),
and shows one trajectory of each, the mean loss over the runs, the exact
expected loss (a 2x2 moment recursion per direction) and the noise floor it
tends to, eta s^2 (1 + beta) / (2 (1 - beta) (2 (1 + beta) - eta lambda)) per
direction with s^2 = sigma^2/B.

A switch holds eta/(1 - beta) fixed while beta moves: the learning-rate
slider then sets eta/(1 - beta) instead of eta. The noise comes from a small
generator (xorshift32, and the sum of four uniforms for a near-normal
number) that ``noise.js`` repeats bit for bit, so the browser's numbers are
Python's, and the same for the same settings: a slider move changes one thing.
"""

from __future__ import annotations

import functools
import math

from d2lmini.explore import Slider, Toggle
from d2lmini.explore import quadratic as q
from d2lmini.explore.svg import WIDTH, Panel, fmt, legend, narrow, svg, whole

RUNS, STEPS, SEED = 16, 200, 2024
CONTROLS = [Slider("lr", "η", 0.005, 1.0, 0.005, 0.1), Slider("beta", "β", 0.0, 0.95, 0.01, 0.9),
            Slider("batch", "B", 1, 64, 1, 1), Toggle("lock", "lock", True)]
SCRIPTS = ("quadratic.js", "noise.js")
WORDS = {
    "en": {"title": "noisy-gradient explorer", "lock": "hold η/(1 − β) fixed",
           "eta": "η", "eff": "η/(1 − β)", "sgd": "SGD at η/(1 − β)", "mom": "momentum (η, β)",
           "runs": f"solid: mean of {RUNS} runs", "exact": "dashed: expected loss",
           "step": "step t", "loss": "f(xₜ), log scale",
           "setting": "η = {eta}, β = {beta}, η/(1 − β) = {eff}, B = {b}: "
                      "noise variance σ²/B = {s2} per coordinate",
           "floor": "{who}: noise floor {floor}; mean of steps {a}–{z}: expected {e}, "
                    "measured {m}",
           "diverges": "{who}: does not converge (spectral radius {r} along x₂)",
           "gone": "does not converge"},
    "zh": {"title": "梯度噪声探索器", "lock": "固定 η/(1 − β)",
           "eta": "η", "eff": "η/(1 − β)", "sgd": "学习率为 η/(1 − β) 的随机梯度下降",
           "mom": "参数为 (η, β) 的动量法", "runs": f"实线：{RUNS} 次运行的平均",
           "exact": "虚线：损失的期望", "step": "步数 t", "loss": "f(xₜ)，对数坐标",
           "setting": "η = {eta}，β = {beta}，η/(1 − β) = {eff}，B = {b}："
                      "每个坐标的噪声方差 σ²/B = {s2}",
           "floor": "{who}：噪声底 {floor}；第 {a}–{z} 步的平均：期望 {e}，实测 {m}",
           "diverges": "{who}：不收敛（x₂ 方向的谱半径为 {r}）",
           "gone": "不收敛"},
}


def labels(v: dict, w: dict) -> dict[str, str]:
    """The learning-rate slider sets eta/(1 - beta) while the switch is on."""
    return {"lr": w["eff"] if v["lock"] else w["eta"]}


def learning_rates(v: dict) -> tuple[float, float]:
    """(eta, eta/(1 - beta)) for the controls' values."""
    eta = v["lr"] * (1 - v["beta"]) if v["lock"] else v["lr"]
    return eta, eta / (1 - v["beta"])


@functools.lru_cache(maxsize=4)
def standard_noise(runs: int = RUNS, steps: int = STEPS, seed: int = SEED) -> tuple:
    """runs x steps x 2 numbers of mean 0 and variance 1, as noise.js makes them.

    Each is (u1 + u2 + u3 + u4 - 2) * sqrt(3) for four uniforms u from
    xorshift32: only integer operations, a division and one square root, so
    JavaScript and Python agree to the last bit.
    """
    state, root3, out = seed, math.sqrt(3), []
    for _ in range(runs * steps * 2):
        total = 0.0
        for _ in range(4):
            state ^= (state << 13) & 0xFFFFFFFF
            state ^= state >> 17
            state ^= (state << 5) & 0xFFFFFFFF
            total += state / 4294967296
        out.append((total - 2) * root3)
    return tuple(out)


def simulate(eta: float, beta: float, scale: float, noise: tuple = ()) -> tuple[list, list]:
    """Mean loss over RUNS noisy runs at steps 0..STEPS, and run 0's points."""
    noise = noise or standard_noise()
    mean = [0.0] * (STEPS + 1)
    path: list[tuple[float, float]] = []
    for r in range(RUNS):
        x1, x2, v1, v2 = q.START[0], q.START[1], 0.0, 0.0
        mean[0] += 0.1 * x1 * x1 + 2 * x2 * x2
        for t in range(STEPS):
            k = 2 * (r * STEPS + t)
            v1 = beta * v1 + 0.2 * x1 + scale * noise[k]
            v2 = beta * v2 + 4 * x2 + scale * noise[k + 1]
            x1, x2 = x1 - eta * v1, x2 - eta * v2
            mean[t + 1] += 0.1 * x1 * x1 + 2 * x2 * x2
            if r == 0:
                path.append((x1, x2))
    return [m / RUNS for m in mean], [q.START, *path]


def expected_loss(eta: float, beta: float, s2: float, steps: int = STEPS) -> list[float]:
    """E f(x_t), t = 0..steps, exactly: per direction the mean of (v, x) moves by
    A = [[beta, lam], [-eta beta, 1 - eta lam]] and its covariance C by
    A C A^T + s2 b b^T, b = (1, -eta), the noise entering with the gradient."""
    out = [0.0] * (steps + 1)
    for lam, x0 in zip(q.CURVATURES, q.START):
        mv, mx, cvv, cvx, cxx = 0.0, x0, 0.0, 0.0, 0.0
        a, c = 1 - eta * lam, -eta * beta
        out[0] += lam / 2 * (mx * mx + cxx)
        for t in range(steps):
            mv, mx = beta * mv + lam * mx, c * mv + a * mx
            cvv, cvx, cxx = (beta * beta * cvv + 2 * beta * lam * cvx + lam * lam * cxx + s2,
                             beta * c * cvv + (beta * a + lam * c) * cvx + lam * a * cxx - eta * s2,
                             c * c * cvv + 2 * c * a * cvx + a * a * cxx + eta * eta * s2)
            out[t + 1] += lam / 2 * (mx * mx + cxx)
    return out


def stationary_variance(eta: float, beta: float, lam: float, s2: float) -> float:
    """Var x in the long run, for f = lam x^2 / 2 and gradient noise of variance s2.

    >>> round(stationary_variance(0.1, 0.0, 1.0, 1.0), 6)   # SGD: eta s2 / (lam (2 - eta lam))
    0.052632
    """
    return eta * s2 * (1 + beta) / (lam * (1 - beta) * (2 * (1 + beta) - eta * lam))


def noise_floor(eta: float, beta: float, s2: float) -> float:
    """The long-run excess loss E f, summed over the example's two directions."""
    total = 0.0
    for lam in q.CURVATURES:
        total += lam / 2 * stationary_variance(eta, beta, lam, s2)
    return total


def _mean(values: list[float]) -> float:
    """A plain left-to-right mean, as JavaScript adds (Python 3.12's sum compensates)."""
    total = 0.0
    for value in values:
        total += value
    return total / len(values)


def draw(v: dict, w: dict, cfg: dict, width: float = WIDTH) -> tuple[str, list[str]]:
    eta, eff = learning_rates(v)
    s2 = 1 / v["batch"]
    scale = math.sqrt(s2)
    parts: list[str] = []
    if narrow(width):  # the paths, their legend, then the loss, one under the other
        pw = width - 66
        at, legend_at = (50, 10, pw, whole(pw * 0.6)), (50, whole(pw * 0.6) + 58)
        loss_at = (50, legend_at[1] + 3 * 16 + 30, pw, 200)
        height = loss_at[1] + 200 + 40
    else:
        pw = whole((width - 146) / 2)
        at, legend_at, height = (50, 10, pw, 180), (50, 240), 350
        loss_at = (width - 16 - pw, 10, pw, 270)
    p = Panel(parts, "nt", (-6, 2, -3, 3), at,
              {"x": [(-4, "−4"), (-2, "−2"), (0, "0")], "y": [(-2, "−2"), (0, "0"), (2, "2")],
               "xname": "x₁", "yname": "x₂"})
    q.contours(p)
    lo, hi = -3, 2  # log10 of the loss axis
    L = Panel(parts, "nl", (0, STEPS, lo, hi), loss_at,
              {"x": [(t, str(t)) for t in (0, 100, 200)],
               "y": [(k, f"1e{k}") for k in range(lo, hi + 1)], "xname": w["step"],
               "yname": w["loss"]})
    a, z = STEPS // 2 + 1, STEPS
    lines = [w["setting"].format(eta=fmt(eta, 4), beta=fmt(v["beta"], 2), eff=fmt(eff, 3),
                                 b=v["batch"], s2=fmt(s2, 3))]
    off = 0  # a second note goes a line further in
    for who, (e, b, colour) in ((w["mom"], (eta, v["beta"], "#1f77b4")),
                                (w["sgd"], (eff, 0.0, "#ff7f0e"))):
        mean, path = simulate(e, b, scale)
        exact = expected_loss(e, b, s2)
        rho = q.spectral_radius(e * q.CURVATURES[1], b)
        p.path(path, colour, 1.5, 0, w["gone"] if rho >= 1 else "", off)
        off += rho >= 1
        log = lambda f: math.log10(f) if f > 1e-12 else -12.0  # noqa: E731
        L.line([(t, log(f)) for t, f in enumerate(mean)], f'stroke="{colour}" stroke-width="2"')
        L.line([(t, log(f)) for t, f in enumerate(exact)],
               f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="6 4"')
        if rho >= 1:
            lines.append(w["diverges"].format(who=who, r=fmt(rho, 3)))
            continue
        floor = noise_floor(e, b, s2)
        L.add(f'<line x1="{L.sx(0)}" x2="{L.sx(STEPS)}" y1="{L.sy(log(floor)):.1f}" '
              f'y2="{L.sy(log(floor)):.1f}" stroke="{colour}" stroke-dasharray="1 3"/>')
        lines.append(w["floor"].format(who=who, floor=fmt(floor, 4), a=a, z=z,
                                       e=fmt(_mean(exact[a:]), 4),
                                       m=fmt(_mean(mean[a:]), 4)))
    legend(parts, *legend_at, [('stroke="#1f77b4" stroke-width="2"', w["mom"]),
                            ('stroke="#ff7f0e" stroke-width="2"', w["sgd"]),
                            ('stroke="#555" stroke-width="2"', w["runs"]),
                            ('stroke="#555" stroke-dasharray="6 4"', w["exact"])])
    return svg(parts, width, height), lines
