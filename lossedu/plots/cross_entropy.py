"""Cross-entropy: predictions against labels, H(p, q) = H(p) + D(p||q), and how naive forms fail.

Colours follow notebook 03: the truth (the label) in blue, the model's
prediction in orange with hatching.
"""

import numpy as np

from .. import (
    categorical_cross_entropy,
    cross_entropy,
    entropy,
    grad_categorical_cross_entropy,
    naive,
)
from .._validation import (
    as_float_array,
    as_names,
    as_number,
    as_probabilities,
    check_count,
    check_interval,
    check_ndim,
    check_positive,
    check_same_shape,
    check_text,
)
from ..i18n import N_, _
from ._style import COLORS, get_ax
from .divergence import P_STYLE, Q_STYLE

#: Most classes :func:`plot_extra_softmax` draws: a figure, not a benchmark.
MAX_CLASSES = 1000

#: The classes of the running example: an image shows a cat, a frog or a mouse.
#: The classes of the cat/frog/mouse example (marked for the catalog; shown translated).
CLASSES = (N_("cat"), N_("frog"), N_("mouse"))

EXACT_STYLE = {"color": COLORS["blue"], "linestyle": "-"}
#: Default titles (shown translated).
PREDICTION_TITLE = N_("Prediction and label")
LOSS_TITLE = N_("Loss per class")

NAIVE_STYLE = {"color": COLORS["vermillion"], "linestyle": "--"}


def _classes(classes, k):
    if classes is None:
        return [str(i + 1) for i in range(k)]
    return [_(name) for name in as_names(classes, k, "classes", "classes")]


def plot_prediction(probs, target=None, *, classes=CLASSES, ax=None, title=PREDICTION_TITLE):
    """Bars of a prediction beside bars of its label, one pair per class.

    Parameters
    ----------
    probs : array_like, shape (C,)
        Predicted probabilities: a softmax output (sums to 1) or sigmoid
        outputs (one yes/no probability per class; need not sum to 1).
    target : array_like, shape (C,), optional
        The label: one-hot, soft, or multi-label (0/1 per class).
    classes : sequence of str, optional
        Names of the classes.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    title : str, optional

    Returns
    -------
    dict
        ``"prediction"`` and ``"label"`` (None without `target`): bar containers.

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> bars = plot_prediction([0.3, 0.6, 0.1], [0, 1, 0], ax=ax)
    >>> [float(b.get_height()) for b in bars["label"]]
    [0.0, 1.0, 0.0]
    """
    q = as_probabilities(probs, "probs", min_ndim=1)
    check_ndim(q, 1, "probs")
    title = check_text(title, "title")
    ax = get_ax(ax)
    names = _classes(classes, q.size)
    x = np.arange(q.size)
    label_bars = None
    if target is None:
        pred_bars = ax.bar(x, q, width=0.5, label=_("prediction (model)"), **Q_STYLE)
    else:
        t = as_probabilities(target, "target", min_ndim=1)
        check_same_shape(q, t, "probs", "target")
        label_bars = ax.bar(x - 0.2, t, width=0.4, label=_("label (truth)"), **P_STYLE)
        pred_bars = ax.bar(x + 0.2, q, width=0.4, label=_("prediction (model)"), **Q_STYLE)
    ax.set_xticks(x, names)
    ax.set(xlabel=_("class"), ylabel=_("probability"), ylim=(0, 1.15), title=_(title))
    ax.legend(loc="upper left", ncols=2, fontsize="small")
    return {"prediction": pred_bars, "label": label_bars}


def loss_bar_text(value):
    """A loss as text over its bar: '∞' for infinity, else 3 decimals."""
    return "∞" if not np.isfinite(value) else f"{value:.3f}"


def plot_loss_terms(terms, *, classes=CLASSES, ax=None, ymax=4.0, title=LOSS_TITLE):
    """Bars of each class's share of the loss, with their values; taller bars stop at `ymax`.

    Parameters
    ----------
    terms : array_like, shape (C,)
        Non-negative loss terms in nats, e.g. :math:`-p_k \\log q_k` or one
        binary cross-entropy per output.
    classes : sequence of str, optional
        Names of the classes.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    ymax : float, optional
        Top of the vertical axis, in nats.
    title : str, optional

    Returns
    -------
    dict
        ``"bars"`` and ``"texts"`` (the value over each bar).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_loss_terms([0.105, 0.357, 0.223], ax=ax)
    >>> [t.get_text() for t in artists["texts"]]
    ['0.105', '0.357', '0.223']
    """
    values = as_float_array(terms, "terms", allow_inf=True, min_ndim=1)
    check_ndim(values, 1, "terms")
    title = check_text(title, "title")
    if (values < 0).any():
        raise ValueError(f"terms must be >= 0 (losses); found {values[values < 0].flat[0]!r}")
    ymax = check_positive(ymax, "ymax")
    ax = get_ax(ax)
    names = _classes(classes, values.size)
    x = np.arange(values.size)
    shown = np.minimum(values, ymax)
    bars = ax.bar(
        x, shown, width=0.6, color=COLORS["vermillion"], edgecolor=COLORS["black"], linewidth=0.6
    )
    texts = [
        ax.text(xi, min(v, 0.92 * ymax) + 0.03 * ymax, loss_bar_text(v), ha="center")
        for xi, v in zip(x, values, strict=True)
    ]
    ax.set_xticks(x, names)
    ax.set(xlabel=_("class"), ylabel=_("loss [nats]"), ylim=(0, ymax), title=_(title))
    return {"bars": bars, "texts": texts}


def plot_true_class_loss(q_true=(), *, ax=None):
    r"""The one-hot cross-entropy :math:`-\ln q_{\text{true}}` against :math:`q_{\text{true}}`.

    Parameters
    ----------
    q_true : sequence of float, optional
        Predicted probabilities of the true class to mark on the curve.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        ``"curve"`` and ``"markers"``.

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_true_class_loss([0.5, 0.8], ax=ax)
    >>> [round(float(y), 3) for y in artists["markers"].get_ydata()]
    [0.693, 0.223]
    """
    if isinstance(q_true, (tuple, list)) and len(q_true) == 0:
        q_true = [1.0]  # nothing to mark: the certain prediction, at the curve's end
    marks = as_probabilities(q_true, "q_true", min_ndim=1)
    check_ndim(marks, 1, "q_true")
    if (marks == 0).any():
        raise ValueError("q_true must be > 0 to be marked on the curve")
    ax = get_ax(ax)
    grid = np.linspace(0.005, 1.0, 400)
    (curve,) = ax.plot(grid, -np.log(grid), label=r"$-\ln q_{\mathrm{true}}$", **EXACT_STYLE)
    values = -np.log(marks) + 0.0
    (markers,) = ax.plot(
        marks,
        values,
        "o",
        color=COLORS["orange"],
        markeredgecolor=COLORS["black"],
        label=_("marked predictions"),
    )
    if len(q_true) == 0:
        markers.set_data([], [])
    for qv, lv in zip(marks, values, strict=True):
        if len(q_true):
            ax.annotate(
                _("q = {qv}: {lv} nats").format(qv=f"{qv:g}", lv=f"{lv:.3f}"),
                (qv, lv),
                xytext=(8, 8),
                textcoords="offset points",
            )
    ax.set(
        xlabel=_(r"predicted probability of the true class, $q_{\mathrm{true}}$"),
        ylabel=_("loss [nats]"),
        xlim=(0, 1.05),
        ylim=(0, 4),
        title=_("One-hot label: only the true class counts"),
    )
    ax.legend(loc="upper right")
    return {"curve": curve, "markers": markers}


def plot_cross_entropy_decomposition(p1, *, ax=None, ymax=2.5):
    r"""For a coin with truth :math:`p`: :math:`H(p, q) = H(p) + D(p \| q)` against :math:`q_1`.

    The cross-entropy curve sits above the flat line :math:`H(p)` by exactly
    :math:`D(p \| q)` (shaded), and touches it at :math:`q = p`.

    Parameters
    ----------
    p1 : float
        The truth's probability of outcome 1, in [0, 1].
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    ymax : float, optional
        Top of the vertical axis, in nats.

    Returns
    -------
    dict
        ``"cross_entropy"``, ``"entropy"``, ``"gap"`` (the shading) and ``"minimum"``.

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_cross_entropy_decomposition(0.7, ax=ax)
    >>> round(float(artists["entropy"].get_ydata()[0]), 4)  # H(0.7, 0.3)
    0.6109
    """
    p1 = as_number(p1, "p1", probability=True)
    ax = get_ax(ax)
    grid = np.linspace(0.001, 0.999, 999)
    p = np.broadcast_to([p1, 1.0 - p1], (grid.size, 2))
    q = np.column_stack([grid, 1.0 - grid])
    h_pq = cross_entropy(p, q)
    h_p = entropy([p1, 1.0 - p1])
    (ce_line,) = ax.plot(grid, h_pq, label=_(r"cross-entropy $H(p, q)$"), **EXACT_STYLE)
    (h_line,) = ax.plot(
        [0, 1], [h_p, h_p], color=COLORS["green"], linestyle="--", label=rf"$H(p)$ = {h_p:.4f}"
    )
    gap = ax.fill_between(
        grid, h_p, h_pq, color=COLORS["sky"], alpha=0.35, label=_(r"gap: $D(p\,\|\,q)$")
    )
    (minimum,) = ax.plot(
        [p1],
        [h_p],
        "o",
        color=COLORS["orange"],
        markeredgecolor=COLORS["black"],
        clip_on=False,
        label=_("minimum at $q = p$ ($q_1$ = {p1})").format(p1=f"{p1:g}"),
    )
    ax.set(
        xlabel=_(r"model's probability $q_1$ of outcome 1"),
        ylabel=_("nats"),
        xlim=(0, 1),
        ylim=(0, ymax),
        title=_("$H(p, q) = H(p) + D(p\\,\\|\\,q)$, truth $p$ = ({p1}, {p2})").format(
            p1=f"{p1:g}", p2=f"{1 - p1:g}"
        ),
    )
    ax.legend(loc="upper center", fontsize="small")
    return {"cross_entropy": ce_line, "entropy": h_line, "gap": gap, "minimum": minimum}


def _two_class_logits(gaps):
    """Logits (gap, 0): the true class (0) leads the other by `gap`."""
    gaps = np.asarray(gaps, dtype=float)
    return np.column_stack([gaps, np.zeros_like(gaps)])


def clipping_curves(gaps, eps=1e-10):
    r"""Exact and clipped loss and gradient for two classes, true class ahead by each gap.

    Parameters
    ----------
    gaps : array_like
        Logit gaps :math:`m = z_{\text{true}} - z_{\text{other}}`.
    eps : float, optional
        The clip of :func:`lossedu.naive.clipped_cross_entropy`.

    Returns
    -------
    dict of ndarray
        ``"exact_loss"``, ``"clipped_loss"``, ``"exact_grad"``, ``"clipped_grad"``:
        the gradients are :math:`\partial \ell / \partial z_{\text{true}}`.

    Examples
    --------
    >>> curves = clipping_curves([-2000.0])
    >>> round(float(curves["exact_loss"][0]), 2), round(float(curves["clipped_loss"][0]), 2)
    (2000.0, 23.03)
    >>> float(curves["exact_grad"][0]), float(curves["clipped_grad"][0])
    (-1.0, 0.0)
    """
    eps = check_positive(eps, "eps", below=1.0)
    logits = _two_class_logits(as_float_array(gaps, "gaps", min_ndim=1).ravel())
    rows = np.zeros_like(logits)
    rows[:, 0] = 1.0
    labels = np.zeros(len(logits), dtype=int)
    return {
        "exact_loss": categorical_cross_entropy(logits, labels, reduction="none"),
        "clipped_loss": np.array(
            [
                naive.clipped_cross_entropy_from_logits(z, y, eps)
                for z, y in zip(logits, rows, strict=True)
            ]
        ),
        "exact_grad": grad_categorical_cross_entropy(logits, labels, reduction="none")[:, 0],
        "clipped_grad": naive.grad_clipped_cross_entropy_from_logits(logits, rows, eps)[:, 0]
        * len(logits),
    }


def _gap_axis(ax, ylabel, title):
    ax.set(
        xlabel=_(r"logit gap $z_{\mathrm{true}} - z_{\mathrm{other}}$ (no unit)"),
        ylabel=ylabel,
        title=title,
    )


def _exact_and_clipped(ax, quantity, exact_label, eps, lo, hi):
    """Draw the exact and the clipped `quantity` ("loss" or "grad") against the logit gap."""
    gaps = np.linspace(lo, hi, 501)
    curves = clipping_curves(gaps, eps)
    (exact,) = ax.plot(gaps, curves[f"exact_{quantity}"], label=exact_label, **EXACT_STYLE)
    (clipped,) = ax.plot(
        gaps,
        curves[f"clipped_{quantity}"],
        label=_("clipped at eps = {eps}").format(eps=f"{eps:g}"),
        linewidth=2.5,
        **NAIVE_STYLE,
    )
    return exact, clipped


def plot_clipped_loss(eps=1e-10, *, ax=None, lo=-40.0, hi=10.0):
    r"""Loss against the logit gap, exact (log-softmax) and clipped (capped at -ln eps).

    Parameters
    ----------
    eps : float, optional
        The clip.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    lo, hi : float, optional
        Range of logit gaps.

    Returns
    -------
    dict
        ``"exact"``, ``"clipped"`` and ``"cap"`` (the horizontal line at :math:`-\ln\varepsilon`).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_clipped_loss(ax=ax)
    >>> round(float(artists["clipped"].get_ydata().max()), 2)
    23.03
    """
    eps = check_positive(eps, "eps", below=1.0)
    lo, hi = check_interval(lo, hi, "lo", "hi")
    ax = get_ax(ax)
    cap = -np.log(eps)
    exact, clipped = _exact_and_clipped(ax, "loss", _("exact: log-softmax"), eps, lo, hi)
    cap_line = ax.axhline(
        cap,
        color=COLORS["grey"],
        linestyle=":",
        label=_("cap $-\\ln\\varepsilon$ = {cap}").format(cap=f"{cap:.2f}"),
    )
    _gap_axis(ax, _("loss [nats]"), _("Loss: the clip caps it"))
    ax.set(xlim=(lo, hi), ylim=(0, 1.05 * max(-lo, cap)))
    ax.legend(loc="upper right", fontsize="small")
    return {"exact": exact, "clipped": clipped, "cap": cap_line}


def plot_clipped_gradient(eps=1e-10, *, ax=None, lo=-40.0, hi=10.0):
    r"""Gradient :math:`\partial\ell/\partial z_{\text{true}}` against the logit gap.

    Parameters
    ----------
    eps : float, optional
        The clip.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    lo, hi : float, optional
        Range of logit gaps.

    Returns
    -------
    dict
        ``"exact"`` and ``"clipped"``.

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_clipped_gradient(ax=ax)
    >>> float(artists["clipped"].get_ydata()[0]), float(artists["exact"].get_ydata()[0])
    (0.0, -1.0)
    """
    eps = check_positive(eps, "eps", below=1.0)
    lo, hi = check_interval(lo, hi, "lo", "hi")
    ax = get_ax(ax)
    exact, clipped = _exact_and_clipped(ax, "grad", _("exact: q - y"), eps, lo, hi)
    ax.axhline(0.0, color=COLORS["grey"], linewidth=0.6)
    _gap_axis(
        ax,
        _(r"gradient $\partial\ell / \partial z_{\mathrm{true}}$ [nats per logit unit]"),
        _("Gradient: zero where it is most needed"),
    )
    ax.set(xlim=(lo, hi), ylim=(-1.1, 0.1))
    ax.legend(loc="lower right", fontsize="small")
    return {"exact": exact, "clipped": clipped}


def plot_extra_softmax(n_classes=3, *, ax=None, lo=-10.0, hi=10.0):
    r"""Loss with and without an extra softmax before a loss that applies its own.

    The true class's logit leads the other :math:`C - 1` (all 0) by the gap.

    Parameters
    ----------
    n_classes : int, optional
        Number of classes :math:`C \ge 2`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    lo, hi : float, optional
        Range of logit gaps.

    Returns
    -------
    dict
        ``"exact"``, ``"double"`` and ``"floor"`` (the line at :math:`\ln(1 + (C-1)/e)`).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_extra_softmax(3, ax=ax)
    >>> round(float(artists["floor"].get_ydata()[0]), 4)
    0.5514
    """
    n_classes = check_count(n_classes, "n_classes", minimum=2, maximum=MAX_CLASSES)
    lo, hi = check_interval(lo, hi, "lo", "hi")
    ax = get_ax(ax)
    gaps = np.linspace(lo, hi, 401)
    logits = np.zeros((gaps.size, n_classes))
    logits[:, 0] = gaps
    labels = np.zeros(gaps.size, dtype=int)
    exact = categorical_cross_entropy(logits, labels, reduction="none")
    double = np.array([naive.double_softmax_cross_entropy(z[None], [0]) for z in logits])
    floor = np.log1p((n_classes - 1) / np.e)
    (exact_line,) = ax.plot(gaps, exact, label=_("CrossEntropyLoss(logits)"), **EXACT_STYLE)
    (double_line,) = ax.plot(
        gaps, double, label=_("CrossEntropyLoss(softmax(logits))"), linewidth=2.5, **NAIVE_STYLE
    )
    floor_line = ax.axhline(
        floor,
        color=COLORS["grey"],
        linestyle=":",
        label=_("floor $\\ln(1 + (C-1)/e)$ = {floor}").format(floor=f"{floor:.4f}"),
    )
    _gap_axis(ax, _("loss [nats]"), _("An extra softmax, {n} classes").format(n=n_classes))
    ax.set_xlabel(_(r"logit gap $z_{\mathrm{true}} - z_{\mathrm{others}}$ (no unit)"))
    ax.set(xlim=(lo, hi), ylim=(0, exact.max() * 1.05))
    ax.legend(loc="upper right", fontsize="small")
    return {"exact": exact_line, "double": double_line, "floor": floor_line}
