"""Slider explorers for the course (ipywidgets).

Each explorer is built by a function and returns an :class:`Explorer`: it
displays itself in Jupyter, exposes ``.sliders`` (the controls by short name)
and ``.figure`` (the matplotlib figure it updates in place). Each comes with
its scenes (:mod:`lossedu.widgets.scenes`) in a drop-down under its controls;
:func:`classroom` shows them all, in course order, for a class.
"""

from ._explorer import Explorer
from .cross_entropy import cross_entropy_explorer
from .entropy import entropy_explorer
from .information import information_explorer
from .kl import kl_explorer
from .loss_curves import loss_curves_explorer
from .network import network_explorer
from .scenes import with_scenes
from .slowdown import slowdown_explorer

__all__ = ["Explorer", "entropy_explorer", "information_explorer"]
__all__ += ["cross_entropy_explorer", "kl_explorer"]
__all__ += ["loss_curves_explorer", "slowdown_explorer"]
__all__ += ["network_explorer"]

# Every exported explorer is built with its scenes.
for _name in __all__:
    if _name.endswith("_explorer"):
        globals()[_name] = with_scenes(globals()[_name])
del _name

from .classroom import COURSE, classroom  # noqa: E402 - builds on the explorers above

__all__ += ["classroom", "COURSE"]
