"""plot, set_axes, evaluate_loss and Animator, as minibatch-sgd's cells call them."""

from __future__ import annotations

import io
import re

import matplotlib.figure
import pytest
import torch

import d2lmini as d2l
from d2lmini import animator as animator_module


@pytest.fixture
def renders(monkeypatch):
    """Count every time matplotlib renders a figure (savefig, show, Jupyter)."""
    count = {"n": 0}
    draw = matplotlib.figure.Figure.draw

    def counting_draw(self, renderer):
        count["n"] += 1
        return draw(self, renderer)

    monkeypatch.setattr(matplotlib.figure.Figure, "draw", counting_draw)
    return count


def test_plot_draws_four_runs_of_time_against_loss_on_a_log_axis():
    """minibatch-sgd: d2l.plot(*list(map(list, zip(gd, sgd, mini1, mini2))), ...)."""
    runs = [([0.1, 0.2], [0.3, 0.25]), ([0.5, 1.0, 2.0], [0.28, 0.26, 0.245]),
            ([0.05], [0.3]), ([0.01, 0.02], [0.26, 0.25])]
    d2l.set_figsize([6, 3])
    d2l.plot(*list(map(list, zip(*runs))), "time (sec)", "loss", xlim=[1e-2, 10],
             legend=["gd", "sgd", "batch size=100", "batch size=10"])
    d2l.plt.gca().set_xscale("log")
    ax = d2l.plt.gca()
    assert [list(line.get_ydata()) for line in ax.lines] == [r[1] for r in runs]
    assert ax.get_xlabel() == "time (sec)" and ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "gd"
    assert all(line.get_visible() for line in ax.get_ygridlines())  # on, not toggled off


def test_plot_takes_one_series_tensors_that_require_grad_and_y_alone():
    x = torch.arange(3.0, requires_grad=True)
    d2l.plot(x, [x * 2, x ** 2])
    assert [list(l.get_ydata()) for l in d2l.plt.gca().lines] == [[0, 2, 4], [0, 1, 4]]
    d2l.plot([3.0, 1.0, 2.0])
    assert list(d2l.plt.gca().lines[0].get_xdata()) == [0, 1, 2]


def test_plot_keeps_a_fifth_curve_and_explains_mismatched_series():
    d2l.plot([1, 2], [[1, 2]] * 5)
    assert len(d2l.plt.gca().lines) == 5  # d2l's zip with four formats drops the fifth
    with pytest.raises(ValueError, match="curve 1 has 2 x values but 3 y values"):
        d2l.plot([[1, 2], [1, 2]], [[1, 2], [1, 2, 3]])
    with pytest.raises(ValueError, match="2 x series for 3 y series"):
        d2l.plot([[1], [2]], [[1], [2], [3]])


def test_evaluate_loss_as_d2l_defines_it():
    X, y = torch.arange(10.0).reshape(5, 2), torch.zeros(5)
    loader = d2l.load_array((X, y), batch_size=2)
    net = torch.nn.Linear(2, 1)
    expected = float(((net(X) - 0) ** 2 / 2).mean().detach())
    assert d2l.evaluate_loss(net, loader, d2l.squared_loss) == pytest.approx(expected)
    per_example = torch.nn.MSELoss(reduction="none")
    assert d2l.evaluate_loss(net, loader, per_example) / 2 == pytest.approx(expected)
    # a loss that reduces each batch: the mean of the batch means, as in d2l
    batch_means = [float((net(X[i:i + 2]) ** 2).mean().detach()) for i in (0, 2, 4)]
    got = d2l.evaluate_loss(net, loader, torch.nn.MSELoss())
    assert got == pytest.approx(sum(batch_means) / 3)


def test_evaluate_loss_records_no_graph_and_does_not_reshuffle():
    X, y = torch.ones(6, 2), torch.ones(6)
    w = torch.ones(2, 1, requires_grad=True)
    torch.manual_seed(0)
    state = torch.random.get_rng_state()
    loss = d2l.evaluate_loss(lambda X: X @ w, d2l.load_array((X, y), 4), d2l.squared_loss)
    assert loss == 0.5 and w.grad is None
    assert torch.equal(torch.random.get_rng_state(), state)


def add_fifteen(animator):
    for i in range(1, 16):
        animator.add(i / 7.5, (0.35 - i / 200,))


def test_animator_outside_a_notebook_renders_nothing_until_shown(renders):
    animator = d2l.Animator(xlabel="epoch", ylabel="loss", xlim=[0, 2], ylim=[0.22, 0.35])
    add_fifteen(animator)
    assert renders["n"] == 0  # d2l renders the whole figure on every add
    animator.fig.savefig(io.BytesIO(), format="svg")
    assert renders["n"] == 1
    (line,) = animator.axes[0].lines
    assert list(line.get_ydata()) == animator.Y[0] and len(animator.Y[0]) == 15
    assert animator.fig.number in d2l.plt.get_fignums()  # a pyplot figure: shown as usual


def test_animator_keeps_d2ls_attributes_and_checks_its_input():
    animator = d2l.Animator(legend=["train", "test"])
    animator.add(1, (0.5, None))
    animator.add([2, 2], [torch.tensor(0.4), 0.45])
    assert animator.X == [[1.0, 2.0], [2.0]]
    assert animator.Y == [[0.5, pytest.approx(0.4)], [0.45]]
    assert [t.get_text() for t in animator.axes[0].get_legend().get_texts()] == ["train", "test"]
    assert animator.axes[0].get_ylim()[1] >= 0.5  # no limits given: the view follows the data
    with pytest.raises(ValueError, match="draws 2 curves"):
        animator.add(3, (0.3,))
    with pytest.raises(TypeError, match="takes numbers"):
        animator.add(3, ("low", 0.3))


class FakeShell:
    """IPython's shell as Animator sees it: a kernel, and events."""

    kernel = object()

    def __init__(self):
        self.callbacks = []
        self.events = self

    def register(self, event, fn):
        assert event == "post_run_cell"
        self.callbacks.append(fn)

    def unregister(self, event, fn):
        self.callbacks.remove(fn)

    def end_cell(self):
        for fn in list(self.callbacks):
            fn(None)


class FakeHandle:
    def __init__(self, fig, log):
        self.fig, self.log = fig, log
        log.append("display")

    def update(self, fig):
        assert fig is self.fig
        self.log.append(("update", len(fig.axes[0].lines[0].get_xdata())))


@pytest.fixture
def notebook(monkeypatch):
    shell, log, clock = FakeShell(), [], {"t": 100.0}
    monkeypatch.setattr(animator_module, "_notebook", lambda: shell)
    monkeypatch.setattr(animator_module, "_display", lambda fig: FakeHandle(fig, log))
    monkeypatch.setattr(animator_module.time, "monotonic", lambda: clock["t"])
    return shell, log, clock


def test_animator_in_a_notebook_shows_one_figure_and_updates_it_throttled(notebook):
    shell, log, clock = notebook
    animator = d2l.Animator(xlim=[0, 2], ylim=[0.22, 0.35])
    for i in range(1, 16):  # a fast loop: 15 points in 0.28 s
        animator.add(i / 7.5, (0.3,))
        clock["t"] += 0.02
    assert log == ["display"]  # shown at the first point, not re-rendered since
    shell.end_cell()
    assert log == ["display", ("update", 15)]  # the final state, once
    assert shell.callbacks == []
    assert d2l.plt.get_fignums() == []  # not pyplot's: Jupyter will not show it a second time


def test_a_slow_loop_in_a_notebook_updates_every_half_second(notebook):
    shell, log, clock = notebook
    animator = d2l.Animator()
    for i in range(4):
        animator.add(i, (1.0,))
        clock["t"] += animator_module.MIN_INTERVAL
    shell.end_cell()
    assert log == ["display", ("update", 2), ("update", 3), ("update", 4)]  # nothing pending


def test_animator_in_a_real_notebook_leaves_one_output_in_its_final_state(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import matplotlib; matplotlib.rcParams['svg.fonttype'] = 'none'\n"
        "import d2lmini as d2l\n"
        "animator = d2l.Animator(xlabel='epoch', ylabel='loss')\n"
        "for i in range(200):\n"
        "    animator.add(i, (i * 0.5,))\n")]
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {
        "path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"]
    svg = outputs[0].data["image/svg+xml"]
    yticks = [float(t) for t in re.findall(r'id="ytick_\d+".*?>([-\d.]+)</text>', svg, re.S)]
    assert ">epoch<" in svg and max(yticks) >= 75  # the final view reaches y = 99.5, not just 0
