"""Figures for the course (matplotlib).

Every function takes ``ax=None`` (a new figure when omitted), draws on it, and
returns the artists it made so that an explorer can update them in place. None
calls ``plt.show()`` or changes matplotlib's global settings.
"""

from ._style import COLORS, COST_STYLE, new_figure
from .information import plot_information

__all__ = ["COLORS", "COST_STYLE", "new_figure", "plot_information"]
