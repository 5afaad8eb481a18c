"""lossedu: the math behind the course on why cross-entropy is the loss for classification.

Everything importable from here is pure NumPy. The digits of notebook 07 are
loaded by :func:`lossedu.digits.load_digits_split`. Plots live in
:mod:`lossedu.plots` (matplotlib) and the slider explorers in
:mod:`lossedu.widgets` (ipywidgets); importing ``lossedu`` loads neither.
"""

import math

from .coding import block_distribution, huffman_code, huffman_code_lengths
from .curves import (
    exact_cross_entropy,
    exact_mse,
    exact_output,
    flat_edge_exact_mse,
    flat_edge_simplified_mse,
    grad_exact_cross_entropy,
    grad_exact_mse,
    grad_simplified_cross_entropy,
    grad_simplified_mse,
    hess_exact_cross_entropy,
    hess_exact_mse,
    hess_simplified_cross_entropy,
    hess_simplified_mse,
    inflection_exact_mse,
    inflection_simplified_mse,
    one_hidden_unit_loss,
    simplified_cross_entropy,
    simplified_mse,
    softmax_cross_entropy_hessian,
)
from .i18n import get_language, set_language
from .information import binary_entropy, cross_entropy, entropy, information, kl_divergence
from .losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    categorical_cross_entropy_from_probs,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse,
    mse,
)
from .network import (
    Network,
    NetworkHistory,
    accuracy,
    continue_training,
    forward,
    hidden_activations,
    init_network,
    network_gradients,
    network_loss,
    predict,
    train_network,
)
from .neuron import (
    TrainingHistory,
    epochs_to_reach,
    neuron_cost,
    neuron_delta,
    preactivation_path,
    train_neuron,
)
from .special import log_sigmoid, log_softmax, logsumexp, sigmoid, softmax

__version__ = "0.1.0"

#: 1 nat in bits: 1 / ln 2.
BITS_PER_NAT = 1.0 / math.log(2.0)

__all__ = [
    "BITS_PER_NAT",
    "Network",
    "NetworkHistory",
    "accuracy",
    "forward",
    "hidden_activations",
    "init_network",
    "network_gradients",
    "network_loss",
    "predict",
    "train_network",
    "TrainingHistory",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "binary_entropy",
    "block_distribution",
    "categorical_cross_entropy",
    "categorical_cross_entropy_from_probs",
    "continue_training",
    "cross_entropy",
    "entropy",
    "epochs_to_reach",
    "exact_cross_entropy",
    "exact_mse",
    "exact_output",
    "flat_edge_exact_mse",
    "get_language",
    "flat_edge_simplified_mse",
    "grad_binary_cross_entropy_with_logits",
    "grad_categorical_cross_entropy",
    "grad_exact_cross_entropy",
    "grad_exact_mse",
    "grad_mse",
    "grad_simplified_cross_entropy",
    "grad_simplified_mse",
    "hess_exact_cross_entropy",
    "hess_exact_mse",
    "hess_simplified_cross_entropy",
    "hess_simplified_mse",
    "huffman_code",
    "huffman_code_lengths",
    "inflection_exact_mse",
    "inflection_simplified_mse",
    "information",
    "kl_divergence",
    "log_sigmoid",
    "log_softmax",
    "logsumexp",
    "mse",
    "neuron_cost",
    "neuron_delta",
    "one_hidden_unit_loss",
    "preactivation_path",
    "set_language",
    "sigmoid",
    "simplified_cross_entropy",
    "simplified_mse",
    "softmax",
    "softmax_cross_entropy_hessian",
    "train_neuron",
]
