"""Scenes: the moments of each explorer that the notebooks point to, one click away.

:data:`SCENES` maps an explorer's factory name to its scenes; a scene maps every
control of that explorer to the value it shows. The names are what the drop-down
under the controls lists, in this order, in the reader's language: each name is
marked with ``N_`` and stays the scene's key (the drop-down's value, what
:meth:`~lossedu.widgets.Explorer.show_scene` takes), and only its label is
translated, so a scene chosen by name works in both languages. Adding scenes
to an explorer, a new one included, is adding an entry here: every explorer exported by
:mod:`lossedu.widgets` is built with its scenes (see :func:`with_scenes`).
"""

import functools

from ..i18n import N_

#: The drop-down's label, and what it shows before a scene is chosen or after a
#: control was moved by hand.
LABEL = N_("scene")
PROMPT = N_("choose a scene")

SCENES = {
    # 01: every halving of p adds one bit; a certain event carries nothing.
    "information_explorer": {
        N_("a fair coin lands heads: 1 bit"): {"p": 0.5, "unit": "bits"},
        N_("the same coin in nats"): {"p": 0.5, "unit": "nats"},
        N_("a certain event: no information"): {"p": 1.0, "unit": "bits"},
        N_("China reaches the finals (p = 0.02)"): {"p": 0.02, "unit": "bits"},
    },
    # 02: the uniform distribution reaches log 3; a certain outcome has entropy 0.
    "entropy_explorer": {
        N_("uniform: the maximum, log 3"): {"w1": 1.0, "w2": 1.0, "w3": 1.0, "unit": "nats"},
        N_("uniform, in bits: 1.585"): {"w1": 1.0, "w2": 1.0, "w3": 1.0, "unit": "bits"},
        N_("a certain outcome: entropy 0"): {"w1": 1.0, "w2": 0.0, "w3": 0.0, "unit": "nats"},
        N_("the computer: 0.8018 nats"): {"w1": 0.7, "w2": 0.2, "w3": 0.1, "unit": "nats"},
    },
    # 03: q = 0 where p > 0 makes D(p‖q) infinite; q = p makes both directions 0.
    "kl_explorer": {
        N_("q calls “explodes” impossible"): {
            "p1": 0.7,
            "p2": 0.2,
            "p3": 0.1,
            "q1": 0.5,
            "q2": 0.5,
            "q3": 0.0,
        },  # fmt: skip
        N_("q = p: both directions 0"): {
            "p1": 0.7,
            "p2": 0.2,
            "p3": 0.1,
            "q1": 0.7,
            "q2": 0.2,
            "q3": 0.1,
        },  # fmt: skip
        N_("the computer against uniform"): {
            "p1": 0.7,
            "p2": 0.2,
            "p3": 0.1,
            "q1": 1.0,
            "q2": 1.0,
            "q3": 1.0,
        },  # fmt: skip
    },
    # 04: the single-label floor ln 2 for two animals; the multi-label example 0.685.
    "cross_entropy_explorer": {
        N_("two animals, softmax: never below ln 2"): {
            "z_cat": -6.0,
            "z_frog": 6.0,
            "z_mouse": 6.0,
            "label": "frog + mouse",
            "mode": "single-label",
        },  # fmt: skip
        N_("frog and mouse, one sigmoid each"): {
            "z_cat": -2.2,
            "z_frog": 0.85,
            "z_mouse": 1.39,
            "label": "frog + mouse",
            "mode": "multi-label",
        },  # fmt: skip
        N_("a confident wrong answer"): {
            "z_cat": 6.0,
            "z_frog": -6.0,
            "z_mouse": 0.0,
            "label": "frog",
            "mode": "single-label",
        },  # fmt: skip
    },
    # 05: the popular curves, c2 large, c1 = 0, then the exact form.
    "loss_curves_explorer": {
        N_("c2 large: the flat region moves right"): {
            "c1": 1.0,
            "c2": 10.0,
            "form": "simplified",
            "s": 1.0,
        },  # fmt: skip
        N_("the popular curves, c1 = 1, c2 = 2"): {
            "c1": 1.0,
            "c2": 2.0,
            "form": "simplified",
            "s": 1.0,
        },  # fmt: skip
        N_("c1 = 0: no inflection"): {"c1": 0.0, "c2": 2.0, "form": "simplified", "s": 1.0},
        N_("the exact form"): {"c1": 1.0, "c2": 2.0, "form": "exact", "s": 1.0},
    },
    # 06: Nielsen's two starts at rate 0.15, the rate per cost, the demo's rate.
    "slowdown_explorer": {
        N_("Nielsen's 0.82 start (w = 0.6, b = 0.9)"): {
            "a0": 0.82,
            "w": 0.6,
            "b": 0.9,
            "eta": 0.15,
            "epochs": 300,
            "cost": "both",
        },  # fmt: skip
        N_("the saturated 0.98 start (w = b = 2)"): {
            "a0": 0.98,
            "w": 2.0,
            "b": 2.0,
            "eta": 0.15,
            "epochs": 300,
            "cost": "both",
        },  # fmt: skip
        N_("the fair rate: quadratic at 0.975 from 0.98"): {
            "a0": 0.98,
            "w": 2.0,
            "b": 2.0,
            "eta": 0.975,
            "epochs": 300,
            "cost": "quadratic",
        },  # fmt: skip
        N_("the demo's rate 0.005, honest gradient"): {
            "a0": 0.98,
            "w": 2.0,
            "b": 2.0,
            "eta": 0.005,
            "epochs": 300,
            "cost": "cross_entropy",
        },  # fmt: skip
    },
    # 07: the plateau of saturated outputs under the quadratic cost, the same start with
    # cross-entropy, a saturated hidden layer slowing cross-entropy too, a good start.
    "network_explorer": {
        N_("the plateau: saturated outputs, quadratic cost"): {
            "cost": "quadratic",
            "hidden_scale": 1.0,
            "output_bias": 8.0,
            "eta": 3.0,
            "epochs": 40,
        },  # fmt: skip
        N_("the same start with binary cross-entropy"): {
            "cost": "binary_cross_entropy",
            "hidden_scale": 1.0,
            "output_bias": 8.0,
            "eta": 3.0,
            "epochs": 40,
        },  # fmt: skip
        N_("a saturated hidden layer slows softmax CE too"): {
            "cost": "categorical_cross_entropy",
            "hidden_scale": 40.0,
            "output_bias": 0.0,
            "eta": 3.0,
            "epochs": 40,
        },  # fmt: skip
        N_("a good start: softmax CE, scale 1, bias 0"): {
            "cost": "categorical_cross_entropy",
            "hidden_scale": 1.0,
            "output_bias": 0.0,
            "eta": 3.0,
            "epochs": 40,
        },  # fmt: skip
    },
}


def with_scenes(factory):
    """`factory`, building its explorer with the scenes of :data:`SCENES` (if any).

    Examples
    --------
    >>> from lossedu.widgets.information import information_explorer
    >>> explorer = with_scenes(information_explorer)()
    >>> explorer.scene.options[1]
    ('a fair coin lands heads: 1 bit', 'a fair coin lands heads: 1 bit')
    """
    if not callable(factory) or not hasattr(factory, "__name__"):
        raise ValueError(f"factory must be an explorer's factory function; got {factory!r}")
    scenes = SCENES.get(factory.__name__)
    if not scenes:
        return factory

    @functools.wraps(factory)
    def build(*args, **kwargs):
        explorer = factory(*args, **kwargs)
        explorer.add_scenes(scenes, label=LABEL, prompt=PROMPT)
        return explorer

    return build
