"""The explorers in a real browser, in JupyterLab, as students and instructors use them.

For every lesson notebook that builds an explorer, Chromium (driven by Playwright)
opens it in JupyterLab, clears it and runs all cells from the menus, waits until the
kernel has run them, and then moves every control of every explorer as a person would:
the arrow keys on a slider's focused handle, a click on another toggle button. Each
control must change the figure visibly (some pixel by more than 16/255) within a few
seconds, and the page must show no "Error displaying widget", raise no page error, log
no console error, and JupyterLab's log console must hold no error from the kernel (an
exception in a widget callback lands there, not in a cell).

Screenshots of every explorer before and after its controls moved are written to
``test-artifacts/browser/<notebook>/``; the time from each key press or click to the
new figure is written to ``test-artifacts/browser-latency.json``::

    {"explorers": {"<notebook>/<explorer>": {"median_ms": ..., "samples_ms": [...],
                   "controls": {"<label>": {"kind": ..., "median_ms": ..., ...}}}}, ...}

(``median_ms`` of an explorer is over its slider moves, or over all its controls when it
has no slider; ``cold_median_ms`` is over the first move of each control since Run All.)
The presentation page's test writes its own ``"presentation"`` key to the same file.

The Chinese edition: the Chinese twins of :data:`CHINESE_IN_BROWSER` (notebooks/zh/...)
are opened in a second JupyterLab configured as ``make lab-zh`` configures it
(jupyter-config/zh: JupyterLab's own interface in Chinese through the zh-CN language
pack); the menu bar must read 「文件」, the explorers must speak Chinese, every control is
moved, and the kernel must print no "Glyph ... missing". Screenshots go to
``test-artifacts/browser/zh/<notebook>/``.

Needs Debian's Chromium at /usr/bin/chromium (``apt-get install chromium``); without it
the tests skip, unless ``LOSSEDU_REQUIRE_BROWSER=1`` (set by CI) makes them fail.
``LOSSEDU_BROWSER_NOTEBOOKS=<folder>`` tests the notebooks of another folder (a draft),
``LOSSEDU_BROWSER_LAB_ARGS`` adds ``jupyter lab`` options (e.g.
``--LabApp.labextensions_path='[]'`` shows that a missing widget extension is caught).
"""

import contextlib
import os
import platform
import re
import secrets
import shutil
import statistics
import warnings
from datetime import datetime, timezone
from pathlib import Path

import pytest
from browser import SUMMARY
from browser.jupyterlab import JupyterLab, copy_notebooks, extra_args_from_environment
from browser.lab import BrowserTestFailure, NotebookPage, slug
from browser.notebooks import explorer_cells, explorer_notebooks
from browser.report import update_report

from lossedu import widgets

ROOT = Path(__file__).resolve().parents[1]
COURSE_NOTEBOOKS = ROOT / "notebooks"
NOTEBOOKS = Path(os.environ.get("LOSSEDU_BROWSER_NOTEBOOKS") or COURSE_NOTEBOOKS).resolve()
ARTIFACTS = ROOT / "test-artifacts" / "browser"
LATENCY = ROOT / "test-artifacts" / "browser-latency.json"

EXPLORER_NOTEBOOKS = explorer_notebooks(NOTEBOOKS)

CHINESE_NOTEBOOKS = COURSE_NOTEBOOKS / "zh"
#: Lessons whose Chinese twin is driven in a JupyterLab with a Chinese interface
#: (06: the explorer with the most controls).
CHINESE_IN_BROWSER = ["06_learning_slowdown.ipynb"]
#: What `make lab-zh` puts on JUPYTER_CONFIG_PATH.
LAB_CONFIG_ZH = [ROOT / "jupyter-config" / "zh", ROOT / "jupyter-config"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_explorer_is_shown_by_a_lesson_notebook():
    """The browser run covers every explorer the package exports."""
    exported = {name for name in widgets.__all__ if name.endswith("_explorer")}
    shown = {name for cells in explorer_notebooks(COURSE_NOTEBOOKS).values() for _, name in cells}
    missing = sorted(exported - shown)
    assert not missing, (
        f"no lesson notebook in notebooks/ displays {', '.join(missing)} in an explorer cell"
        " (tagged 'nbval-ignore-output', the explorer as the last expression),"
        " so no browser test moves its controls"
    )


# -- session fixtures: one JupyterLab, one latency report (the browser: tests/conftest.py) --


@pytest.fixture(scope="session")
def artifacts(pytestconfig):
    """A clean ``test-artifacts/browser`` folder, named in pytest's summary."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    pytestconfig.stash.setdefault(SUMMARY, []).append(
        f"browser screenshots: {ARTIFACTS.relative_to(ROOT)}/"
    )
    return ARTIFACTS


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory, chromium, artifacts):
    """JupyterLab serving a temporary copy of the notebooks, stopped whatever happens."""
    base = tmp_path_factory.mktemp("jupyterlab")
    root = copy_notebooks(NOTEBOOKS, base / "notebooks")
    lab = JupyterLab(root, base / "home", extra_args_from_environment())
    with lab.running(artifacts / "jupyterlab.log"):
        yield lab


@pytest.fixture(scope="session")
def jupyterlab_zh(tmp_path_factory, chromium, artifacts):
    """JupyterLab configured as `make lab-zh` does: its own interface in Chinese."""
    base = tmp_path_factory.mktemp("jupyterlab-zh")
    root = copy_notebooks(COURSE_NOTEBOOKS, base / "notebooks")
    lab = JupyterLab(root, base / "home", extra_args_from_environment(), LAB_CONFIG_ZH)
    with lab.running(artifacts / "jupyterlab-zh.log"):
        yield lab


@pytest.fixture(scope="session")
def latency(pytestconfig, chromium):
    """Redraw times by explorer, written to ``test-artifacts/browser-latency.json``."""
    explorers = {}
    yield explorers
    from ipywidgets import __version__ as ipywidgets_version
    from jupyterlab import __version__ as jupyterlab_version

    # The presentation page's test (tests/test_presentation.py) keeps its own key.
    update_report(
        LATENCY,
        {
            "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "what": "ms from a key press or click in JupyterLab to the explorer's new figure",
            "chromium": chromium.version,
            "jupyterlab": jupyterlab_version,
            "ipywidgets": ipywidgets_version,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "explorers": explorers,
        },
    )
    pytestconfig.stash.setdefault(SUMMARY, []).append(
        f"browser redraw times: {LATENCY.relative_to(ROOT)}"
        + "".join(
            f"\n  {name}: median {entry['median_ms']} ms over {len(entry['samples_ms'])} moves"
            for name, entry in explorers.items()
        )
    )


# -- the test ---------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    "notebook", sorted(EXPLORER_NOTEBOOKS), ids=[p.stem for p in sorted(EXPLORER_NOTEBOOKS)]
)
def test_explorers_answer_in_jupyterlab(notebook, chromium, jupyterlab, artifacts, latency):
    cells = EXPLORER_NOTEBOOKS[notebook]
    shots = artifacts / notebook.stem
    shots.mkdir(parents=True, exist_ok=True)
    page = NotebookPage(
        chromium, jupyterlab, notebook.relative_to(NOTEBOOKS).as_posix(), secrets.token_hex(6)
    )
    with page_of_a_test(page, shots, jupyterlab):
        shown = run_all(page, cells, notebook.name)
        for number, found in enumerate(shown, start=1):
            name = dict(cells).get(found["cell"], "explorer")
            label = f"{notebook.stem}/{name}"
            label = label if label not in latency else f"{label}#{number}"
            timings = exercise(page, number, label, shots / f"{number}-{slug(name)}")
            latency[label] = latency_entry(found["title"], notebook, name, timings)
        assert not page.problems(), f"{notebook.name} after moving:{page.problems_text()}"


@pytest.mark.browser
@pytest.mark.parametrize("name", CHINESE_IN_BROWSER, ids=lambda n: f"zh-{Path(n).stem}")
def test_chinese_notebook_in_jupyterlab_in_chinese(name, chromium, jupyterlab_zh, artifacts):
    notebook = CHINESE_NOTEBOOKS / name
    if not notebook.exists():
        pytest.skip(
            f"no Chinese twin {notebook.relative_to(ROOT)} yet (test_chinese_edition fails)"
        )
    cells = explorer_cells(notebook)
    assert cells, f"{notebook.relative_to(ROOT)} builds no explorer"
    shots = artifacts / "zh" / notebook.stem
    shots.mkdir(parents=True, exist_ok=True)
    page = NotebookPage(chromium, jupyterlab_zh, f"zh/{name}", secrets.token_hex(6), interface="zh")
    with page_of_a_test(page, shots, jupyterlab_zh):
        menus = page.menu_titles()
        assert "文件" in menus and "File" not in menus, f"JupyterLab's menus: {menus}"
        shown = run_all(page, cells, f"zh/{name}")
        for number, found in enumerate(shown, start=1):
            explorer = dict(cells).get(found["cell"], "explorer")
            assert CJK.search(found["title"]), f"{explorer}'s title: {found['title']!r}"
            exercise(page, number, f"zh/{notebook.stem}/{explorer}", shots / f"{number}-{explorer}")
        page.page.screenshot(path=shots / "page.png")
        assert not page.problems(), f"zh/{name} after moving:{page.problems_text()}"
        assert not page.missing_glyphs(), f"zh/{name}: {page.missing_glyphs()}"


@contextlib.contextmanager
def page_of_a_test(page, shots, lab):
    """Close `page` and end its kernel whatever happens; keep a screenshot if the test fails."""
    try:
        yield page
    except BaseException:
        try:
            page.page.screenshot(path=shots / "page-at-failure.png")
        except Exception:  # a crashed page has no picture to give
            pass
        raise
    finally:
        page.close()
        lab.shutdown_sessions()


def run_all(page, cells, label):
    """Run every cell of the page's notebook; the explorers it shows, checked for errors."""
    page.run_all()
    assert not page.tracebacks(), f"{label}, Run All:{page.problems_text()}"
    shown = page.wait_for_explorers(cells)
    assert not page.problems(), f"{label} after Run All:{page.problems_text()}"
    return shown


def exercise(page, number, label, shot):
    """Move every control of explorer `number`; screenshots go to ``<shot>-*.png``."""
    explorer = page.explorer(number - 1)
    explorer.screenshot(path=f"{shot}-before.png")
    try:
        timings, unusable = page.move_every_control(
            explorer,
            lambda control: explorer.screenshot(path=f"{shot}-after-{slug(control.label)}.png"),
        )
    except BrowserTestFailure as failure:
        raise BrowserTestFailure(f"{label}, {failure}{page.problems_text()}") from None
    explorer.screenshot(path=f"{shot}-after.png")
    if unusable:
        warnings.warn(
            f"{label}: never usable (hidden or disabled): {', '.join(unusable)}", stacklevel=2
        )
    return timings


def latency_entry(title, notebook, name, timings):
    """The report of one explorer: median and samples over its slider moves, per control."""
    # The first move of each control since Run All is its cold move.
    cold = {key: ms[0] for key, (_, ms) in timings.items()}
    sliders = [ms for kind, samples in timings.values() if kind == "slider" for ms in samples]
    every = [ms for _, samples in timings.values() for ms in samples]
    samples = sliders or every
    return {
        "notebook": notebook.name,
        "explorer": name,
        "title": title,
        "median_ms": round(statistics.median(samples), 1),
        "samples_ms": [round(ms, 1) for ms in samples],
        "cold_median_ms": round(statistics.median(cold.values()), 1),
        "cold_ms": {key: round(ms, 1) for key, ms in cold.items()},
        "controls": {
            key: {
                "kind": kind,
                "median_ms": round(statistics.median(ms), 1),
                "samples_ms": [round(x, 1) for x in ms],
            }
            for key, (kind, ms) in timings.items()
        },
    }
