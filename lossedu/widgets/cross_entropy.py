"""Explorer for notebooks 04 and 04b: logits, their probabilities, a label, the cross-entropy."""

import numpy as np

from .. import binary_cross_entropy_with_logits, log_softmax, sigmoid, softmax
from .._validation import (
    as_float_array,
    check_choice,
    check_in_range,
    check_ndim,
    check_positive,
)
from ..i18n import N_, _
from ..plots import new_figure
from ..plots.cross_entropy import CLASSES, loss_bar_text, plot_loss_terms, plot_prediction
from ._explorer import Explorer, choice, float_slider

MODES = (N_("single-label"), N_("multi-label"))
#: The range of each logit slider.
LOGIT_RANGE = (-6.0, 6.0)

#: Titles of the prediction and the loss axes, per mode.
TITLES = {
    "single-label": (
        N_("softmax outputs: one distribution (sums to 1)"),
        N_("categorical cross-entropy, per class"),
    ),
    "multi-label": (
        N_("sigmoid outputs: one yes/no each (any sum)"),
        N_("binary cross-entropies: their sum is the loss"),
    ),
}

#: The labels an instructor can pick: one animal, or two in the same image.
LABELS = {
    N_("cat"): (1.0, 0.0, 0.0),
    N_("frog"): (0.0, 1.0, 0.0),
    N_("mouse"): (0.0, 0.0, 1.0),
    N_("frog + mouse"): (0.0, 1.0, 1.0),
}


def loss_terms(logits, label, mode):
    """Probabilities, target and per-class loss terms for `mode`.

    Single-label: softmax probabilities, the label spread evenly over its classes
    (a soft target when it names two), terms :math:`-p_k \\log q_k`. Multi-label:
    sigmoid probabilities, the label as it is, one binary cross-entropy per output.

    Examples
    --------
    >>> q, target, terms = loss_terms(np.log([0.3, 0.6, 0.1]), "frog", "single-label")
    >>> round(float(terms.sum()), 3)
    0.511
    >>> q, target, terms = loss_terms(np.log([0.1, 0.7, 0.8]) - np.log([0.9, 0.3, 0.2]),
    ...                               "frog + mouse", "multi-label")
    >>> round(float(terms.sum()), 3)
    0.685
    """
    z = np.asarray(logits, dtype=float)
    labels = np.asarray(LABELS[label])
    if mode == "single-label":
        target = labels / labels.sum()
        terms = -target * log_softmax(z) + 0.0
        return softmax(z), target, terms
    terms = binary_cross_entropy_with_logits(z, labels, reduction="none")
    return sigmoid(z), labels, terms


def cross_entropy_explorer(
    logits=(1.0986, 1.7918, 0.0), label="frog", mode="single-label", *, ymax=4.0
):
    r"""Move three logits, pick a label and a mode, and watch the prediction and its loss.

    ``single-label``: softmax turns the logits into one distribution over
    cat/frog/mouse and the loss is the categorical cross-entropy
    :math:`-\sum_k p_k \log q_k`. A label naming two animals becomes the soft
    target (0, ½, ½): softmax assumes exactly one class, so the loss cannot go
    below :math:`H(p) = \ln 2`. ``multi-label``: a sigmoid per output, each a
    yes/no question with its own binary cross-entropy; the loss is their sum.

    Parameters
    ----------
    logits : sequence of 3 floats
        Starting logits for cat, frog, mouse, each in [-6, 6]. The default gives
        the softmax (0.3, 0.6, 0.1) of the cat/frog/mouse example.
    label : {"cat", "frog", "mouse", "frog + mouse"}
    mode : {"single-label", "multi-label"}
    ymax : float
        Top of the loss axis, in nats.

    Returns
    -------
    Explorer
        Controls ``z_cat``, ``z_frog``, ``z_mouse``, ``label`` and ``mode``.

    Examples
    --------
    >>> explorer = cross_entropy_explorer()
    >>> "0.511 nats" in explorer.readout.value
    True
    >>> explorer.sliders["mode"].value = "multi-label"
    >>> explorer.redraws
    2
    """
    logits = as_float_array(logits, "logits", min_ndim=1)
    check_ndim(logits, 1, "logits")
    if logits.size != 3:
        raise ValueError(f"logits must hold 3 values (cat, frog, mouse); got {logits.size}")
    for value in logits:
        check_in_range(value, "logits", *LOGIT_RANGE)
    check_choice(label, "label", tuple(LABELS))
    check_choice(mode, "mode", MODES)
    ymax = check_positive(ymax, "ymax")
    fig, (ax_pred, ax_loss) = new_figure(1, 2, figsize=(9.6, 3.8))
    fig.set_dpi(100)
    q, target, terms = loss_terms(logits, label, mode)
    bars = plot_prediction(q, target, ax=ax_pred)
    loss = plot_loss_terms(terms, ax=ax_loss, ymax=ymax)
    ax_pred.set_yticks([0.0, 0.5, 1.0])
    ax_loss.set_yticks(np.arange(0.0, ymax + 1e-9, 1.0))

    def update(z_cat, z_frog, z_mouse, label, mode):
        q, target, terms = loss_terms([z_cat, z_frog, z_mouse], label, mode)
        for bar, h in zip(bars["prediction"], q, strict=True):
            bar.set_height(h)
        for bar, h in zip(bars["label"], target, strict=True):
            bar.set_height(h)
        for bar, text, v in zip(loss["bars"], loss["texts"], terms, strict=True):
            bar.set_height(min(v, ymax))
            text.set_y(min(v, 0.92 * ymax) + 0.03 * ymax)
            text.set_text(loss_bar_text(v))
        total = float(terms.sum())
        # Titles change with the mode only, and are set only then: set_title marks a
        # title stale even when its text is the same, and text is the costliest part
        # of a redraw. The moving numbers go to the readout and the bars' labels.
        for ax, title in zip((ax_pred, ax_loss), map(_, TITLES[mode]), strict=True):
            if ax.get_title() != title:
                ax.set_title(title)
        kind = "softmax" if mode == "single-label" else "sigmoid"
        probs = ", ".join(f"{v:.3f}" for v in q)
        note = ""
        if mode == "single-label" and np.count_nonzero(target) > 1:
            note = "<br>" + _(
                "Softmax assumes exactly one class: the label becomes the soft target "
                "(0, ½, ½) and the loss cannot go below H(p) = ln 2 = 0.693 nats."
            )
        return (
            _(
                "{kind} outputs q = ({probs}); loss = {loss} nats; the outputs sum to {total}"
            ).format(kind=kind, probs=probs, loss=f"{total:.3f}", total=f"{q.sum():.3f}")
            + note
        )

    sliders = {
        f"z_{name}": float_slider(
            _("logit z of “{name}”").format(name=_(name)), float(value), *LOGIT_RANGE, 0.01
        )
        for name, value in zip(CLASSES, logits, strict=True)
    }
    sliders["label"] = choice(_("label"), list(LABELS), label)
    sliders["mode"] = choice(_("mode"), list(MODES), mode)
    return Explorer(fig, sliders, update, title=_("Cross-entropy of a prediction against a label"))
