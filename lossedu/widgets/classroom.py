"""The classroom page: every explorer of the course, one per tab, in course order.

:data:`COURSE` is the one list the page is built from; a new explorer joins the
page with one more entry. :data:`STYLE` makes the controls readable from the
back of a room (``make present`` shows the page with Voilà).
"""

import base64

import ipywidgets as widgets

from .._validation import as_mapping, check_text
from ..i18n import N_, _
from . import (
    cross_entropy_explorer,
    entropy_explorer,
    information_explorer,
    kl_explorer,
    loss_curves_explorer,
    network_explorer,
    slowdown_explorer,
)

#: (tab title, explorer factory, its arguments), in course order.
#: The titles are marked with ``N_``: they stay the keys of ``Classroom.explorers``,
#: and the tabs show them in the current language.
COURSE = [
    (N_("01 · Information"), information_explorer, {"p": 0.02, "unit": "bits"}),
    (N_("02 · Entropy"), entropy_explorer, {}),
    (N_("03 · KL divergence"), kl_explorer, {}),
    (N_("04 · Cross-entropy"), cross_entropy_explorer, {}),
    (N_("05 · MSE vs cross-entropy"), loss_curves_explorer, {}),
    (N_("06 · Learning slowdown"), slowdown_explorer, {"w": 2.0, "b": 2.0}),
    (
        N_("07 · A network learns the digits"),
        network_explorer,
        {"cost": "quadratic", "hidden_scale": 1.0, "output_bias": 8.0, "eta": 3.0, "epochs": 20},
    ),
]

#: Large type and wide controls for a projector. ipywidgets sizes its controls
#: from these CSS variables; the sliders' own 480 px width is overridden.
STYLE = """<style>
.lossedu-classroom {
  --jp-widgets-font-size: 22px;
  --jp-widgets-inline-height: 40px;
  --jp-widgets-inline-label-width: 320px;
  --jp-widgets-slider-handle-size: 24px;
  --jp-widgets-slider-track-thickness: 8px;
  font-size: 22px;
}
.lossedu-classroom .widget-label,
.lossedu-classroom .widget-readout,
.lossedu-classroom .widget-html-content,
.lossedu-classroom .widget-toggle-button,
.lossedu-classroom .widget-dropdown select,
.lossedu-classroom .lm-TabBar-tab { font-size: 22px; line-height: 1.3; }
.lossedu-classroom .widget-slider,
.lossedu-classroom .widget-dropdown { width: 100% !important; max-width: 1100px; }
.lossedu-classroom .widget-toggle-button { min-width: 160px; height: 40px; }
.lossedu-classroom .lm-TabBar-tab { min-height: 44px; padding: 6px 16px; flex: 0 1 auto; }
.lossedu-classroom img.widget-image { width: 100%; max-width: 1300px; }
</style>"""


class Classroom:
    """The page :func:`classroom` returns: a tab per explorer, displayable in Jupyter.

    Attributes
    ----------
    explorers : dict of str to Explorer
        The explorers, by tab title as given (English for :data:`COURSE`), in
        course order; the tabs show the titles in the current language.
    widget : ipywidgets.VBox
        What is displayed: the style and the tabs.
    """

    def __init__(self, explorers):
        self.explorers = dict(explorers)
        tabs = widgets.Tab(
            children=[e.widget for e in self.explorers.values()],
            titles=[_(title) for title in self.explorers],
        )
        self.tabs = tabs
        self.widget = widgets.VBox([widgets.HTML(STYLE), tabs])
        self.widget.add_class("lossedu-classroom")

    def _repr_mimebundle_(self, **kwargs):
        # Without a widget manager (GitHub, a stored notebook): the first tab's figure.
        bundle = self.widget._repr_mimebundle_(**kwargs)
        first = next(iter(self.explorers.values()))
        bundle["image/png"] = base64.b64encode(first.image.value).decode("ascii")
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self):
        # The titles as the tabs show them, in the language the page was built in.
        return f"<Classroom: {', '.join(self.tabs.titles)}>"


def classroom(course=None):
    """Every explorer of the course on one page, one tab each, in course order.

    Parameters
    ----------
    course : list of (str, callable, dict), optional
        (tab title, explorer factory, its keyword arguments) for each tab;
        :data:`COURSE` by default.

    Returns
    -------
    Classroom
        Displays itself; ``.explorers`` gives each explorer by its title.

    Raises
    ------
    ValueError
        If `course` is empty or an entry is not (title, factory, arguments).

    Examples
    --------
    >>> page = classroom()
    >>> list(page.explorers)[0], len(page.explorers)
    ('01 · Information', 7)
    >>> page.explorers["06 · Learning slowdown"].scene.options[1][0]
    "Nielsen's 0.82 start (w = 0.6, b = 0.9)"
    """
    course = COURSE if course is None else course
    if not isinstance(course, (list, tuple)) or not course:
        raise ValueError(
            f"course must be a non-empty list of (title, factory, kwargs); got {course!r}"
        )
    explorers = {}
    for entry in course:
        if not isinstance(entry, (list, tuple)) or len(entry) != 3:
            raise ValueError(f"course entries must be (title, factory, kwargs); got {entry!r}")
        title, factory, kwargs = entry
        title = check_text(title, "course (a title)", optional=False)
        if title in explorers:
            raise ValueError(f"course has the title {title!r} twice; titles name the tabs")
        if not callable(factory):
            raise ValueError(f"course[{title!r}]: the factory must be callable; got {factory!r}")
        kwargs = (
            as_mapping(kwargs, f"course[{title!r}] arguments", "keyword arguments")
            if kwargs
            else {}
        )
        explorers[title] = factory(**kwargs)
    return Classroom(explorers)
