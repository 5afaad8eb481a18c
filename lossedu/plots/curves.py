"""MSE and cross-entropy of one softmax output against its logit: loss, gradient, curvature."""

import numpy as np

from .. import curves
from .._validation import (
    as_float_array,
    as_number,
    check_choice,
    check_flag,
    check_ndim,
    check_positive,
)
from ..i18n import N_, _
from ._style import COLORS, COST_STYLE, get_ax, get_axes

#: The logits drawn: far enough left to show the flat region, right to show the minimum.
X_GRID = np.linspace(-8.0, 4.0, 601)
FORMS = (N_("simplified"), N_("exact"))
LOSS_LIM = (-1.5, 4.5)
GRAD_LIM = (-1.3, 0.8)
FLAT_TOL = 0.05

_LOSS_LABEL = N_("loss (CE in nats; MSE in probability²)")
_X_LABEL = N_("logit x of the true class (a score, no unit)")
_GHOST = {"color": COLORS["grey"], "linewidth": 1.2, "alpha": 0.8}


def _parameters(c1, c2, s, tol=FLAT_TOL):
    """Validate the curves' parameters, each by its own name, whichever form uses it."""
    return (
        as_number(c1, "c1", probability=True),
        check_positive(c2, "c2"),
        check_positive(s, "s"),
        check_positive(tol, "tol"),
    )


def loss_curve_values(form, x, *, c1=1.0, c2=2.0, s=1.0):
    """Loss and gradient of both costs in one form, ``{cost: (loss, gradient)}``.

    Parameters
    ----------
    form : {"simplified", "exact"}
        The denominator frozen at `c2`, or :math:`e^x + S` with ``S = s``.
    x : array_like
        Logits.
    c1, c2, s : float
        Target of the MSE, frozen denominator, the other logits' exponentials.

    Returns
    -------
    dict
        ``"quadratic"`` and ``"cross_entropy"``, each a pair of arrays.

    Examples
    --------
    >>> values = loss_curve_values("exact", [0.0])
    >>> float(values["cross_entropy"][1][0])  # a - 1 at a = 1/2
    -0.5
    """
    check_choice(form, "form", FORMS)
    c1, c2, s, _tol = _parameters(c1, c2, s)
    if form == "simplified":
        return {
            "quadratic": (
                curves.simplified_mse(x, c1=c1, c2=c2),
                curves.grad_simplified_mse(x, c1=c1, c2=c2),
            ),
            "cross_entropy": (
                curves.simplified_cross_entropy(x, c2=c2),
                curves.grad_simplified_cross_entropy(x, c2=c2),
            ),
        }
    return {
        "quadratic": (curves.exact_mse(x, c1=c1, s=s), curves.grad_exact_mse(x, c1=c1, s=s)),
        "cross_entropy": (
            curves.exact_cross_entropy(x, s=s),
            curves.grad_exact_cross_entropy(x, s=s),
        ),
    }


def mse_inflections(form, *, c1=1.0, c2=2.0, s=1.0):
    """The MSE's inflection logits in `form` (an empty array when there is none).

    Examples
    --------
    >>> mse_inflections("simplified").tolist()
    [0.0]
    >>> mse_inflections("simplified", c1=0.0).size
    0
    """
    check_choice(form, "form", FORMS)
    c1, c2, s, _tol = _parameters(c1, c2, s)
    if form == "simplified":
        x_star = curves.inflection_simplified_mse(c1=c1, c2=c2)
        return np.array([]) if np.isnan(x_star) else np.array([x_star])
    return curves.inflection_exact_mse(c1=c1, s=s)


def mse_flat_edge(form, *, c1=1.0, c2=2.0, s=1.0, tol=FLAT_TOL):
    """Right edge of the MSE's flat region in `form` (``inf`` when it is flat everywhere).

    Examples
    --------
    >>> round(mse_flat_edge("simplified"), 2), round(mse_flat_edge("exact"), 2)
    (-2.97, -3.61)
    """
    check_choice(form, "form", FORMS)
    c1, c2, s, tol = _parameters(c1, c2, s, tol)
    if form == "simplified":
        return curves.flat_edge_simplified_mse(c1=c1, c2=c2, tol=tol)
    return curves.flat_edge_exact_mse(c1=c1, s=s, tol=tol)


def _pair(ax, figsize):
    loss_ax, grad_ax = get_axes(ax, 1, 2, figsize=figsize)[0]
    return loss_ax, grad_ax


def plot_loss_curves(
    c1=1.0, c2=2.0, *, form="simplified", s=1.0, compare=False, tol=FLAT_TOL, ax=None
):
    """Loss (left) and gradient (right) of MSE and cross-entropy against the logit.

    Parameters
    ----------
    c1 : float
        Target of the MSE, in [0, 1].
    c2 : float
        The frozen softmax denominator of the simplified form, > 0.
    form : {"simplified", "exact"}
        Which form to draw in colour.
    s : float
        :math:`S = \\sum_{j \\ne i} e^{z_j}` of the exact form, > 0.
    compare : bool
        Also draw the other form, in grey.
    tol : float
        A gradient of the MSE below this counts as flat.
    ax : pair of matplotlib.axes.Axes, optional
        Loss axes and gradient axes; a new 1 x 2 figure when omitted.

    Returns
    -------
    dict
        The artists, for :func:`set_loss_curves`: ``"loss"`` and ``"grad"`` (a line
        per cost), ``"ghost_loss"`` and ``"ghost_grad"`` (the other form),
        ``"inflection"`` (markers on the MSE's loss and gradient), ``"flat"`` (the
        shaded flat region in both axes), ``"titles"`` and ``"axes"``.

    Examples
    --------
    >>> artists = plot_loss_curves(form="exact", compare=True)
    >>> sorted(artists["loss"])
    ['cross_entropy', 'quadratic']
    >>> round(float(artists["inflection"][0].get_xdata()[0]), 4)  # -ln 2
    -0.6931
    """
    check_choice(form, "form", FORMS)
    c1, c2, s, tol = _parameters(c1, c2, s, tol)
    compare = check_flag(compare, "compare")
    loss_ax, grad_ax = _pair(ax, (10.0, 3.8))
    x0, x1 = X_GRID[0], X_GRID[-1]
    artists = {"axes": (loss_ax, grad_ax), "loss": {}, "grad": {}, "ghost_loss": {}}
    artists["ghost_grad"] = {}
    flat_style = {"color": COLORS["orange"], "alpha": 0.18, "linewidth": 0}
    artists["flat"] = (
        loss_ax.axvspan(
            x0, x0, label=_("MSE flat: |slope| < {tol}").format(tol=f"{tol:g}"), **flat_style
        ),
        grad_ax.axvspan(x0, x0, **flat_style),
    )
    for cost in ("quadratic", "cross_entropy"):
        style = COST_STYLE[cost]
        for key, axes in (("ghost_loss", loss_ax), ("ghost_grad", grad_ax)):
            (artists[key][cost],) = axes.plot(
                X_GRID, X_GRID * 0, linestyle=style["linestyle"], **_GHOST
            )
        label = _("MSE") if cost == "quadratic" else _("cross-entropy")
        (artists["loss"][cost],) = loss_ax.plot(X_GRID, X_GRID * 0, lw=2, label=label, **style)
        (artists["grad"][cost],) = grad_ax.plot(X_GRID, X_GRID * 0, lw=2, **style)
    marker = {"marker": "o", "linestyle": "none", "color": COLORS["black"], "zorder": 5}
    artists["inflection"] = (
        loss_ax.plot([], [], label=_("MSE inflection"), **marker)[0],
        grad_ax.plot([], [], **marker)[0],
    )
    for axes in (loss_ax, grad_ax):
        axes.axhline(0.0, color=COLORS["black"], linewidth=0.6)
        axes.set_xlim(x0, x1)
        axes.set_xlabel(_(_X_LABEL))
    loss_ax.set(ylim=LOSS_LIM, ylabel=_(_LOSS_LABEL))
    grad_ax.set(ylim=GRAD_LIM, ylabel=_("gradient d loss / dx (per unit logit)"))
    loss_ax.legend(loc="lower left", fontsize="small")
    artists["titles"] = (loss_ax.set_title(""), grad_ax.set_title(""))
    set_loss_curves(artists, c1, c2, form=form, s=s, compare=compare, tol=tol)
    return artists


def set_loss_curves(artists, c1, c2, *, form, s=1.0, compare=False, tol=FLAT_TOL):
    """Update the artists of :func:`plot_loss_curves` in place; return a one-line summary.

    Examples
    --------
    >>> artists = plot_loss_curves()
    >>> set_loss_curves(artists, 1.0, 4.0, form="simplified")
    'MSE inflection at x = 0.69; MSE flat (|slope| < 0.05) for x < -2.28'
    """
    check_choice(form, "form", FORMS)
    c1, c2, s, tol = _parameters(c1, c2, s, tol)
    compare = check_flag(compare, "compare")
    values = loss_curve_values(form, X_GRID, c1=c1, c2=c2, s=s)
    other = FORMS[1 - FORMS.index(form)]
    ghost = loss_curve_values(other, X_GRID, c1=c1, c2=c2, s=s)
    for cost in ("quadratic", "cross_entropy"):
        artists["loss"][cost].set_ydata(values[cost][0])
        artists["grad"][cost].set_ydata(values[cost][1])
        for key, k in (("ghost_loss", 0), ("ghost_grad", 1)):
            artists[key][cost].set_ydata(ghost[cost][k])
            artists[key][cost].set_visible(compare)
    x_star = mse_inflections(form, c1=c1, c2=c2, s=s)
    if x_star.size:
        loss_values = loss_curve_values(form, x_star, c1=c1, c2=c2, s=s)["quadratic"]
    else:
        loss_values = (x_star, x_star)
    for line, y in zip(artists["inflection"], loss_values, strict=True):
        line.set_data(x_star, y)
    edge = mse_flat_edge(form, c1=c1, c2=c2, s=s, tol=tol)
    for span in artists["flat"]:
        span.set_width(np.clip(edge, X_GRID[0], X_GRID[-1]) - X_GRID[0])
    if form == "simplified":
        where = _("simplified: denominator frozen, $c_2$ = {c2}").format(c2=f"{c2:.2f}")
    else:
        where = _("exact: denominator $e^x + S$, S = {s}").format(s=f"{s:.2f}")
    suffix = _(" (grey: {other})").format(other=_(other)) if compare else ""
    artists["titles"][0].set_text(_("loss, {where}{suffix}").format(where=where, suffix=suffix))
    artists["titles"][1].set_text(_("gradient, {form} form").format(form=_(form)))
    where = ", ".join(f"{v:.2f}" for v in x_star) or _("none")
    flat = _("everywhere") if np.isinf(edge) else _("for x < {edge}").format(edge=f"{edge:.2f}")
    return _("MSE inflection at x = {where}; MSE flat (|slope| < {tol}) {flat}").format(
        where=where, tol=f"{tol:g}", flat=flat
    )


def plot_simplified_and_exact(c1=1.0, c2=2.0, s=1.0, *, ax=None):
    """Two rows: the simplified form, then the exact form with the simplified in grey.

    Parameters
    ----------
    c1, c2, s : float
        As for :func:`plot_loss_curves`.
    ax : 2 x 2 array of matplotlib.axes.Axes, optional
        A new figure when omitted.

    Returns
    -------
    dict
        ``"simplified"`` and ``"exact"``: the artists of each row.

    Examples
    --------
    >>> rows = plot_simplified_and_exact()
    >>> sorted(rows)
    ['exact', 'simplified']
    """
    c1, c2, s, _tol = _parameters(c1, c2, s)
    ax = get_axes(ax, 2, 2, figsize=(10.0, 7.2))
    return {
        "simplified": plot_loss_curves(c1, c2, form="simplified", s=s, ax=ax[0]),
        "exact": plot_loss_curves(c1, c2, form="exact", s=s, compare=True, ax=ax[1]),
    }


def plot_second_derivatives(c1=1.0, s=1.0, *, ax=None):
    """Second derivatives of the exact MSE and cross-entropy against the logit.

    Cross-entropy's :math:`a(1-a)` never goes below 0 (convex); the MSE's changes
    sign at its inflection point (not convex). The MSE's concave stretch is shaded.

    Parameters
    ----------
    c1, s : float
        As for :func:`plot_loss_curves`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    dict
        ``"quadratic"``, ``"cross_entropy"`` (lines), ``"inflection"`` (markers).

    Examples
    --------
    >>> artists = plot_second_derivatives()
    >>> float(artists["cross_entropy"].get_ydata().min()) >= 0
    True
    """
    c1, _c2, s, _tol = _parameters(c1, 2.0, s)
    ax = get_ax(ax)
    x = X_GRID
    second = {
        "quadratic": curves.hess_exact_mse(x, c1=c1, s=s),
        "cross_entropy": curves.hess_exact_cross_entropy(x, s=s),
    }
    ax.fill_between(
        x,
        0,
        1,
        where=second["quadratic"] < 0,
        transform=ax.get_xaxis_transform(),
        color=COLORS["orange"],
        alpha=0.18,
        linewidth=0,
        label=_("MSE concave: d²MSE/dx² < 0"),
    )
    artists = {}
    for cost, label in (("quadratic", "MSE"), ("cross_entropy", "cross-entropy")):
        style = COST_STYLE[cost]
        (artists[cost],) = ax.plot(
            x, second[cost], lw=2, label=_("{label}, exact form").format(label=label), **style
        )
    x_star = curves.inflection_exact_mse(c1=c1, s=s)
    (artists["inflection"],) = ax.plot(
        x_star,
        curves.hess_exact_mse(x_star, c1=c1, s=s),
        "o",
        color=COLORS["black"],
        label=_("MSE inflection"),
    )
    ax.axhline(0.0, color=COLORS["black"], linewidth=0.6)
    ax.set(
        xlim=(x[0], x[-1]),
        xlabel=_(_X_LABEL),
        ylabel=_("second derivative d² loss / dx² (per unit logit²)"),
        title=_("curvature in the logit (exact form, S = {s}, target $c_1$ = {c1})").format(
            s=f"{s:g}", c1=f"{c1:g}"
        ),
    )
    ax.legend(loc="upper left", fontsize="small")
    return artists


def plot_weight_line(t=None, *, ends=2.0, ax=None):
    """Loss of the net :math:`z = v \\tanh(w)` along the line :math:`(w, v) = (t, t)`.

    The two ends :math:`\\pm` `ends` compute the same function; the chord between
    them lies below the curve at the midpoint, so the loss is not convex in the
    weights, for either cost.

    Parameters
    ----------
    t : array_like, optional
        Positions along the line (default: -4 to 4).
    ends : float
        Where to draw the chord.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    dict
        ``"quadratic"``, ``"cross_entropy"`` (lines) and ``"chord"``.

    Examples
    --------
    >>> artists = plot_weight_line()
    >>> artists["chord"].get_xdata().tolist()
    [-2.0, 2.0]
    """
    if t is None:
        t = np.linspace(-4.0, 4.0, 401)
    else:
        t = as_float_array(t, "t", min_ndim=1)
        check_ndim(t, 1, "t")
    ends = check_positive(ends, "ends")
    ax = get_ax(ax)
    artists = {}
    for cost, label in (
        ("quadratic", _("squared error (y − a)²")),
        ("cross_entropy", _("cross-entropy")),
    ):
        style = COST_STYLE[cost]
        (artists[cost],) = ax.plot(
            t, curves.one_hidden_unit_loss(t, t, cost=cost), lw=2, label=label, **style
        )
    y_end = curves.one_hidden_unit_loss(ends, ends)
    (artists["chord"],) = ax.plot(
        [-ends, ends],
        [y_end, y_end],
        ":o",
        color=COLORS["black"],
        label=_("cross-entropy's chord from (−w, −v) to (w, v)"),
    )
    ax.plot(
        [0.0],
        [curves.one_hidden_unit_loss(0.0, 0.0)],
        "s",
        color=COLORS["green"],
        ms=8,
        label=_("midpoint (0, 0): above the chord"),
    )
    ax.set(
        xlim=(t[0], t[-1]),
        ylim=(0, 1.5 * curves.one_hidden_unit_loss(0.0, 0.0)),
        xlabel=_("t, the weights (w, v) = (t, t)"),
        ylabel=_("loss on one example (nats for CE)"),
        title=_("a 1-hidden-unit net, z = v tanh(w x), x = 1, y = 1"),
    )
    ax.legend(loc="upper right", fontsize="small")
    return artists
