"""A small network on the handwritten digits: the images, and learning curves per cost."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import NullLocator

from .._validation import as_float_array, as_labels
from ..i18n import N_, _
from ..network import NetworkHistory
from ._style import COLORS

#: One look per cost of :mod:`lossedu.network`: colour *and* line style differ,
#: so the curves stay apart in greyscale and for colour-blind readers. The
#: quadratic cost and cross-entropy keep their colours of notebook 06.
NETWORK_STYLE = {
    "quadratic": {"color": COLORS["vermillion"], "linestyle": "--"},
    "binary_cross_entropy": {"color": COLORS["green"], "linestyle": "-."},
    "categorical_cross_entropy": {"color": COLORS["blue"], "linestyle": "-"},
}
#: Each cost's name in legends: the output units and the cost.
NETWORK_LABELS = {
    "quadratic": N_("sigmoid + quadratic ½‖a − y‖²"),
    "binary_cross_entropy": N_("sigmoid + binary cross-entropy"),
    "categorical_cross_entropy": N_("softmax + categorical cross-entropy"),
}
#: What each panel shows: the history's attribute, its axis label, log scale or not.
PANELS = {
    "train_loss": (N_("training cost C (log scale)"), "log"),
    "test_accuracy": (N_("test accuracy [%]"), "linear"),
    "output_gradient": (N_("mean |∂C/∂W₂| (log scale)"), "log"),
    "hidden_gradient": (N_("mean |∂C/∂W₁| (log scale)"), "log"),
}
TITLES = {
    "train_loss": N_("cost on the training set"),
    "test_accuracy": N_("accuracy on the 450 test images"),
    "output_gradient": N_("gradient at the output layer"),
    "hidden_gradient": N_("gradient at the hidden layer"),
}
#: Further looks, for runs that are not told apart by their cost (e.g. several scales).
_RUN_STYLES = (
    {"color": COLORS["blue"], "linestyle": "-"},
    {"color": COLORS["orange"], "linestyle": "--"},
    {"color": COLORS["purple"], "linestyle": ":"},
    {"color": COLORS["green"], "linestyle": "-."},
)


def _axes(ax):
    """`ax` as a flat array of matplotlib axes, or a ValueError naming it."""
    axes = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
    if not all(isinstance(a, Axes) for a in axes):
        raise ValueError(f"ax must be matplotlib Axes (one per panel); got {ax!r}")
    return axes


def _values(history, panel):
    values = getattr(history, panel)
    if values is None:
        raise ValueError(f"this run did not record {panel}: train it with track_training_set=True")
    values = np.asarray(values, dtype=float)
    return 100.0 * values if panel == "test_accuracy" else values


def plot_learning_curves(
    histories, *, panels=("train_loss", "test_accuracy", "output_gradient"), ax=None, title=None
):
    """Learning curves against epoch, one panel per measure, one line per run.

    Parameters
    ----------
    histories : dict of str to NetworkHistory
        The runs, by label. A label that is a cost name (``"quadratic"``, ...) gets
        that cost's colour, line style and legend; other labels are shown as they
        are (looked up in the catalog, see :mod:`lossedu.plots._course_texts`), with
        distinct looks.
    panels : sequence of str, optional
        Which measures, from ``"train_loss"``, ``"test_accuracy"``,
        ``"output_gradient"`` and ``"hidden_gradient"``.
    ax : sequence of matplotlib.axes.Axes, optional
        One per panel; a new figure when omitted.
    title : str, optional
        A title over the whole figure (looked up in the catalog, like the labels).

    Returns
    -------
    dict
        ``artists[label][panel]`` is the Line2D; ``artists["axes"]`` the axes.

    Notes
    -----
    The costs are in different units (squared probability for the quadratic cost,
    nats for the cross-entropies) and of different sizes, so their values are not
    compared with each other: what matters is how fast each one falls.

    Examples
    --------
    >>> from lossedu.network import NetworkHistory
    >>> h = NetworkHistory(np.array([1.0, 0.5]), np.array([0.1, 0.8]), np.array([0.1, 0.01]),
    ...                    np.array([0.01, 0.001]), None, "quadratic", 3.0, 100)
    >>> artists = plot_learning_curves({"quadratic": h})
    >>> artists["quadratic"]["test_accuracy"].get_ydata().tolist()
    [10.0, 80.0]
    """
    if not isinstance(histories, dict) or not histories:
        raise ValueError(
            f"histories must be a non-empty dict of label to NetworkHistory; got {histories!r}"
        )
    for label, history in histories.items():
        if not isinstance(history, NetworkHistory):
            raise ValueError(
                f"histories[{label!r}] must be a NetworkHistory (from train_network); "
                f"got {type(history).__name__}"
            )
    if title is not None and not isinstance(title, str):
        raise ValueError(f"title must be a string or None; got {title!r}")
    if isinstance(panels, str):
        panels = [panels]
    panels = list(panels)
    unknown = [p for p in panels if p not in PANELS]
    if unknown:
        raise ValueError(f"panels must be among {', '.join(PANELS)}; got {unknown}")
    if ax is None:
        ax = plt.subplots(1, len(panels), figsize=(4.0 * len(panels), 3.4), layout="constrained")[1]
    axes = _axes(ax)
    if len(axes) != len(panels):
        raise ValueError(f"ax must hold one axes per panel ({len(panels)}); got {len(axes)}")
    artists = {"axes": axes}
    longest = 1
    for k, (label, history) in enumerate(histories.items()):
        style = NETWORK_STYLE.get(label, _RUN_STYLES[k % len(_RUN_STYLES)])
        name = _(NETWORK_LABELS.get(label, label))
        epochs = np.arange(len(history.test_accuracy))
        longest = max(longest, epochs[-1])
        artists[label] = {
            panel: axes[i].plot(epochs, _values(history, panel), lw=2, label=name, **style)[0]
            for i, panel in enumerate(panels)
        }
    for axis, panel in zip(axes, panels, strict=True):
        ylabel, scale = PANELS[panel]
        axis.set(
            xlabel=_("epoch"),
            ylabel=_(ylabel),
            yscale=scale,
            title=_(TITLES[panel]),
            xlim=(0, longest),
        )
        if scale == "log":
            # Ticks at the decades are enough to read these curves; the minor ticks of a
            # log axis spanning many decades would double the figure's drawing time.
            axis.yaxis.set_minor_locator(NullLocator())
        if panel == "test_accuracy":
            axis.set_ylim(0, 100)
            axis.axhline(10, color=COLORS["grey"], linestyle=":", lw=1)
            axis.text(
                0.99,
                10,
                _("chance (10 %)"),
                color=COLORS["grey"],
                fontsize="small",
                ha="right",
                va="bottom",
                transform=axis.get_yaxis_transform(),
            )
    # Falling costs leave the upper right free; rising accuracies the lower right.
    corner = "lower right" if panels[0] == "test_accuracy" else "upper right"
    axes[0].legend(loc=corner, fontsize="small")
    if title:
        axes[0].figure.suptitle(_(title))
    return artists


def plot_digits(images, labels, *, ax=None):
    """A row of 8 × 8 digit images, each with its label underneath.

    The images are laid side by side in one picture (one axes, so it draws fast),
    one blank column of pixels between neighbours.

    Parameters
    ----------
    images : array_like, shape (n, 8, 8)
        Grey levels in [0, 1] (0 white, 1 black).
    labels : array_like of int, shape (n,)
    ax : matplotlib.axes.Axes, optional
        A new figure when omitted.

    Returns
    -------
    matplotlib.image.AxesImage

    Examples
    --------
    >>> shown = plot_digits(np.zeros((3, 8, 8)), [0, 1, 2])
    >>> shown.get_array().shape
    (8, 26)
    """
    images = as_float_array(images, "images")
    if images.ndim != 3:
        raise ValueError(f"images must have shape (n, height, width); got shape {images.shape}")
    if images.min() < 0 or images.max() > 1:
        raise ValueError("images must hold grey levels in [0, 1] (divide the pixels by 16)")
    labels = [int(label) for label in as_labels(labels, np.iinfo(np.intp).max, "labels")]
    if len(labels) != len(images):
        raise ValueError(
            f"images must have shape (n, height, width) with one label each; got shape "
            f"{images.shape} and {len(labels)} labels"
        )
    n, height, width = images.shape
    row = np.zeros((height, n * (width + 1) - 1))
    for k, image in enumerate(images):
        row[:, k * (width + 1) : k * (width + 1) + width] = image
    if ax is None:
        ax = plt.subplots(figsize=(0.85 * n, 1.25), layout="constrained")[1]
    axes = _axes(ax)
    if len(axes) != 1:
        raise ValueError(f"ax must be one matplotlib Axes; got {len(axes)}")
    ax = axes[0]
    shown = ax.imshow(row, cmap="gray_r", vmin=0.0, vmax=1.0)
    ax.set_xticks(np.arange(n) * (width + 1) + (width - 1) / 2, [str(v) for v in labels])
    ax.set_yticks([])
    ax.tick_params(length=0)
    ax.set_xlabel(_("label"))
    for spine in ax.spines.values():
        spine.set_visible(False)
    return shown
