"""The presentation page in a real browser: Voilà serves ``notebooks/classroom.ipynb``.

Voilà runs as ``make present`` runs it (127.0.0.1, a token, sources stripped) on a free
port. Chromium opens the page, which must show no code, every explorer of the course in
its tab with large controls, and no widget error. In each tab every control is moved
once, as a person would (keyboard on a slider, a click on a toggle, a scene from the
drop-down), and must redraw the figure: these first moves after the page ran are the
*cold* moves. Then one slider of each explorer is dragged across its range with the
mouse in about two seconds: the figures shown per second during the drag, the time
from the release to the final figure, and whether that final figure is the one for
the final value (no backlog) go to ``test-artifacts/browser-latency.json`` under
``"presentation"``, with the cold moves; ``make bench`` shows them against targets.
"""

import io
import os
import platform
import shutil
import statistics
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from browser.lab import VISIBLE, BrowserTestFailure, pixel_difference
from browser.report import update_report
from browser.voila import PresentationPage, Voila, drag
from PIL import Image

from lossedu.widgets.classroom import COURSE

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "notebooks" / "classroom.ipynb"
ARTIFACTS = ROOT / "test-artifacts" / "presentation"
LATENCY = ROOT / "test-artifacts" / "browser-latency.json"

#: The slider dragged in each explorer: its first one that moves the figure alone (the
#: slowdown explorer's start sliders move each other, so its rate is dragged).
DRAGGED = {
    "information_explorer": "p",
    "entropy_explorer": "w1",
    "kl_explorer": "q1",
    "cross_entropy_explorer": "z_frog",
    "loss_curves_explorer": "c2",
    "slowdown_explorer": "eta",
    "network_explorer": "output_bias",
}
#: Readable from the back of a room.
MIN_LABEL_PX = 20
MIN_SLIDER_PX = 600

#: The values shown by every control of an explorer, in page order.
SHOWN_VALUES = """
(root) => [...root.querySelectorAll(
    '.widget-slider, .widget-toggle-buttons, .widget-dropdown')].map((el) => {
  if (el.classList.contains('widget-slider')) {
    return Number([].concat(el.querySelector('.noUi-target').noUiSlider.get(true))[0]);
  }
  if (el.classList.contains('widget-dropdown')) {
    const select = el.querySelector('select');
    return select.options[select.selectedIndex]?.textContent ?? '';
  }
  return el.querySelector('button.mod-active')?.textContent.trim() ?? '';
})
"""


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    base = tmp_path_factory.mktemp("voila")
    (base / "notebooks").mkdir()
    notebook = Path(shutil.copy(PAGE, base / "notebooks" / PAGE.name))
    server = Voila(notebook, base / "home")
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    with server.running(ARTIFACTS / "voila.log"):
        yield server


def decoded(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def local_figure(factory, kwargs, explorer, shown):
    """The figure the explorer draws for the values `shown` on the page (built here)."""
    values = {}
    for (name, control), value in zip(explorer.sliders.items(), shown[:-1], strict=True):
        options = getattr(control, "options", None)
        if options is None:
            step = control.step
            value = round(control.min + round((value - control.min) / step) * step, 9)
            values[name] = int(value) if isinstance(control.value, int) else value
        else:
            pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
            values[name] = dict(pairs)[value]
    twin = factory(**kwargs)
    twin._holding = True
    try:
        twin._set_values(values)
    finally:
        twin._holding = False
    twin.redraw()
    return bytes(twin.image.value), values


@pytest.mark.browser
def test_presentation_page(chromium, voila):
    browser = chromium
    page = PresentationPage(browser, voila)
    report = {}
    try:
        # No code: Voilà strips the sources; neither an editor nor the call is on the page.
        code = ".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .CodeMirror"
        assert page.page.locator(code).count() == 0, "the page shows code"
        text = page.page.locator("body").inner_text()
        assert "widgets.classroom" not in text and "from lossedu" not in text
        tabs = page.page.locator(".lossedu-classroom .lm-TabBar-tab").all_inner_texts()
        assert [t.strip() for t in tabs] == [title for title, _, _ in COURSE]
        for index, (title, factory, kwargs) in enumerate(COURSE):
            explorer = page.show_tab(index)
            name = factory.__name__
            shot = ARTIFACTS / f"{index + 1:02d}-{name}"
            explorer.screenshot(path=f"{shot}-before.png")
            label_px = explorer.locator(".widget-label").first.evaluate(
                "el => parseFloat(getComputedStyle(el).fontSize)"
            )
            slider_px = explorer.locator(".widget-slider").first.bounding_box()["width"]
            assert label_px >= MIN_LABEL_PX, f"{title}: labels {label_px} px"
            assert slider_px >= MIN_SLIDER_PX, f"{title}: sliders {slider_px} px wide"
            controls = page.controls(explorer)
            assert controls[-1].kind == "dropdown", f"{title}: the scene control comes last"
            # Cold moves: the first move of each control since the page ran.
            try:
                timings, unusable = page.move_every_control(explorer, lambda control: None)
            except BrowserTestFailure as failure:
                raise BrowserTestFailure(f"{title}: {failure}{page.problems_text()}") from None
            explorer.screenshot(path=f"{shot}-after-moves.png")
            assert not page.problems(), f"{title}:{page.problems_text()}"
            cold = {label: ms[0] for label, (kind, ms) in timings.items()}
            scene = next(ms for label, (kind, ms) in timings.items() if kind == "dropdown")
            # A drag across the range, then: is the final figure the final value's?
            twin = factory(**kwargs)
            position = list(twin.sliders).index(DRAGGED[name])
            dragged = page.controls(explorer)[position]
            result = drag(page, explorer, dragged)
            shown = explorer.evaluate(SHOWN_VALUES)
            expected, values = local_figure(factory, kwargs, twin, shown)
            difference = pixel_difference(page.figure_bytes(explorer), expected)
            result["final_is_final_value"] = difference <= VISIBLE
            result["final_pixel_difference"] = difference
            explorer.screenshot(path=f"{shot}-after-drag.png")
            assert not page.problems(), f"{title} after the drag:{page.problems_text()}"
            assert result["figures_during_drag"] > 0, f"{title}: the figure never followed"
            assert result["final_is_final_value"], (
                f"{title}: after the drag the page shows a figure {difference}/255 away from"
                f" the one for {values} (a backlog or a lost update)"
            )
            report[name] = {
                "title": title,
                "cold_ms": {k: round(v, 1) for k, v in cold.items()},
                "cold_median_ms": round(statistics.median(cold.values()), 1),
                "unusable": unusable,
                "scene_ms": round(scene[0], 1),
                "drag": {"control": DRAGGED[name], **result},
            }
    except BaseException:
        try:
            page.page.screenshot(path=ARTIFACTS / "page-at-failure.png", full_page=True)
        except Exception:  # a crashed page has no picture to give
            pass
        raise
    finally:
        page.close()
        if report:
            from voila import __version__ as voila_version

            update_report(
                LATENCY,
                {
                    "presentation": {
                        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        "what": (
                            "the presentation page in Voilà: cold moves (ms from the first"
                            " key press or click on each control to the new figure), one"
                            " mouse drag per explorer across its slider in about 2 s"
                        ),
                        "voila": voila_version,
                        "chromium": browser.version,
                        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                        "explorers": report,
                    }
                },
            )
