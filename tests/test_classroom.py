"""The classroom page: every exported explorer, in course order, from one list."""

import re

import ipywidgets
import pytest

from lossedu import widgets
from lossedu.widgets.classroom import COURSE, STYLE, Classroom


@pytest.fixture(scope="module")
def page():
    return widgets.classroom()


def test_course_lists_every_exported_explorer_once():
    exported = {getattr(widgets, n) for n in widgets.__all__ if n.endswith("_explorer")}
    factories = [factory for _, factory, _ in COURSE]
    assert len(set(factories)) == len(factories)
    assert set(factories) == exported


def test_course_is_in_course_order():
    titles = [title for title, _, _ in COURSE]
    assert titles == sorted(titles), "tabs follow the notebooks' numbers"


def test_one_tab_per_explorer_with_its_scenes(page):
    assert isinstance(page, Classroom)
    tabs = page.tabs
    assert list(tabs.titles) == [title for title, _, _ in COURSE]
    assert list(tabs.children) == [e.widget for e in page.explorers.values()]
    for title, explorer in page.explorers.items():
        assert explorer.scene is not None, f"{title}: no scene control"
        assert explorer.scene in explorer.widget.children[1].children


def test_page_is_styled_for_a_room(page):
    assert "lossedu-classroom" in page.widget._dom_classes
    style = page.widget.children[0]
    assert isinstance(style, ipywidgets.HTML) and style.value == STYLE
    assert "--jp-widgets-font-size: 22px" in STYLE


def test_page_displays_widget_and_png_fallback(page):
    bundle = page._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    first = next(iter(page.explorers.values()))
    assert bundle["image/png"] and first.image.value
    assert bundle["text/plain"].startswith("<Classroom: 01")


def test_a_new_explorer_joins_with_one_entry():
    page = widgets.classroom([("one", widgets.information_explorer, {"p": 0.5})])
    assert list(page.explorers) == ["one"]
    assert page.explorers["one"].values["p"] == 0.5


@pytest.mark.parametrize(
    ("course", "message"),
    [
        ([], "course must be a non-empty list"),
        ("01", "course must be a non-empty list"),
        ([("a", widgets.kl_explorer)], r"course entries must be \(title, factory, kwargs\)"),
        ([(1, widgets.kl_explorer, {})], r"course \(a title\) must be a string"),
        ([("a", "kl_explorer", {})], r"course\['a'\]: the factory must be callable"),
        ([("a", widgets.kl_explorer, [1])], r"course\['a'\] arguments must be a dict"),
        (
            [("a", widgets.kl_explorer, {}), ("a", widgets.kl_explorer, {})],
            "has the title 'a' twice",
        ),
    ],
)
def test_classroom_rejects_a_malformed_course(course, message):
    with pytest.raises(ValueError, match=message):
        widgets.classroom(course)


def test_tabs_speak_the_language_and_the_explorers_keep_their_keys():
    import lossedu as le

    le.set_language("zh")
    try:
        page = widgets.classroom()
    finally:
        le.set_language("en")
    titles = list(page.tabs.titles)
    assert len(titles) == len(COURSE) == 7
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in titles[1:]), titles
    assert [t[:2] for t in titles] == [f"{n:02d}" for n in range(1, 8)]
    assert list(page.explorers) == [title for title, _, _ in COURSE]
