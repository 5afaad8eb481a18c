"""Texts the notebooks' code gives the figures: event names, outcomes, titles, run labels.

Both editions of the course run the same code, so a Chinese notebook passes
English text such as ``title="From output 0.98: ..."`` to a plot. The plots look
every text they are given up in the catalog (``_(title)``), and the texts are
marked here so that the catalog has them: the Chinese figure then speaks Chinese
although the code is the same. A text the catalog lacks is shown as given.
tests/test_i18n.py checks that each text here still occurs in a notebook's code.
"""

from ..i18n import N_

COURSE_TEXTS = (
    # 01: the two events of the World Cup example.
    N_("Brazil reaches the finals"),
    N_("China reaches the finals"),
    # 02: the computer's outcomes, spelled out.
    N_("starts normally"),
    N_("fails to start"),
    # 04 and 04b: titles of the prediction and loss bars.
    N_("softmax of the logits (2.0, 1.0, 0.1)"),
    N_("A frog, predicted (0.3, 0.6, 0.1)"),
    N_("Sigmoid outputs: they need not sum to 1"),
    N_("One binary cross-entropy per output"),
    # 06: the runs compared with the popular demo, and the classic starts on the map.
    N_("cross-entropy, rate 0.15 (honest)"),
    N_("quadratic, rate 0.15"),
    N_("cross-entropy, rate 0.005 (honest)"),
    N_("the demo: rate 0.005, gradient 1/(1 - a)"),
    N_("From output 0.98: honest gradients against the demo's"),
    N_("w = 0.6, b = 0.9 (output 0.82)"),
    N_("w = b = 2 (output 0.98)"),
    # 07: the titles of the learning curves, and the runs started at two hidden scales.
    N_("The same initial weights, three costs (η = 3, batches of 100)"),
    N_("Every sigmoid output starts at 0.9997 (output bias 8)"),
    N_("Softmax cross-entropy, hidden layer started at scale 1 and at scale 40"),
    N_("softmax CE, hidden scale 1"),
    N_("softmax CE, hidden scale 40"),
)
