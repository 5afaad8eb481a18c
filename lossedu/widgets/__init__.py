"""Slider explorers for the course (ipywidgets).

Each explorer is built by a function and returns an :class:`Explorer`: it
displays itself in Jupyter, exposes ``.sliders`` (the controls by short name)
and ``.figure`` (the matplotlib figure it updates in place).
"""

from ._explorer import Explorer
from .cross_entropy import cross_entropy_explorer
from .entropy import entropy_explorer
from .information import information_explorer
from .kl import kl_explorer
from .loss_curves import loss_curves_explorer
from .network import network_explorer
from .slowdown import slowdown_explorer

__all__ = ["Explorer", "entropy_explorer", "information_explorer"]
__all__ += ["cross_entropy_explorer", "kl_explorer"]
__all__ += ["loss_curves_explorer", "slowdown_explorer"]
__all__ += ["network_explorer"]
