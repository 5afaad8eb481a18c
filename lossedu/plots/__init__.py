"""Figures for the course (matplotlib).

Every function takes ``ax=None`` (a new figure when omitted), draws on it, and
returns the artists it made so that an explorer can update them in place. None
calls ``plt.show()`` or changes matplotlib's global settings.
"""

from ._style import COLORS, COST_STYLE, new_figure
from .cross_entropy import (
    plot_clipped_gradient,
    plot_clipped_loss,
    plot_cross_entropy_decomposition,
    plot_extra_softmax,
    plot_loss_terms,
    plot_prediction,
    plot_true_class_loss,
)
from .curves import (
    plot_loss_curves,
    plot_second_derivatives,
    plot_simplified_and_exact,
    plot_weight_line,
)
from .divergence import (
    plot_distributions,
    plot_divergence_bars,
    plot_divergence_pairs,
    plot_kl_directions,
    plot_kl_terms,
    plot_log_bound,
)
from .entropy import (
    plot_binary_entropy,
    plot_code_lengths,
    plot_distribution,
    plot_entropy_area,
    plot_entropy_gauge,
    plot_entropy_samples,
    plot_entropy_simplex,
    plot_entropy_term,
)
from .information import plot_information, plot_information_candidates
from .network import NETWORK_STYLE, plot_digits, plot_learning_curves
from .slowdown import plot_outputs, plot_slowdown_map, plot_training_curves

__all__ = ["COLORS", "COST_STYLE", "new_figure", "plot_information"]
__all__ += [
    "plot_binary_entropy",
    "plot_code_lengths",
    "plot_distribution",
    "plot_entropy_area",
    "plot_entropy_gauge",
    "plot_entropy_samples",
    "plot_entropy_simplex",
    "plot_entropy_term",
    "plot_information_candidates",
]
__all__ += [
    "plot_clipped_gradient",
    "plot_clipped_loss",
    "plot_cross_entropy_decomposition",
    "plot_distributions",
    "plot_divergence_bars",
    "plot_divergence_pairs",
    "plot_extra_softmax",
    "plot_kl_directions",
    "plot_kl_terms",
    "plot_log_bound",
    "plot_loss_terms",
    "plot_prediction",
    "plot_true_class_loss",
]
__all__ += [
    "plot_loss_curves",
    "plot_outputs",
    "plot_second_derivatives",
    "plot_simplified_and_exact",
    "plot_slowdown_map",
    "plot_training_curves",
    "plot_weight_line",
]
__all__ += ["NETWORK_STYLE", "plot_digits", "plot_learning_curves"]
