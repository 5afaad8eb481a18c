"""Slider update in the browser: the medians measured by the browser tests.

``tests/test_browser.py`` drives every explorer in JupyterLab with Chromium and
writes, for each, the time from a key press on a slider (or a click on a toggle)
to the new figure on the page into ``test-artifacts/browser-latency.json``, with
the first (cold) move of each control after Run All. ``tests/test_presentation.py``
adds, under ``"presentation"``, the presentation page in Voilà: cold moves, a scene
change, and a mouse drag across one slider per explorer (figures per second while
dragging, the time from the release to the final figure, and whether that figure
is the final value's). This reads that file; it does not start a browser itself.
Run ``make test`` first.
"""

import json
from pathlib import Path

import numpy as np
from _common import NOT_MEASURED, Row, main

ROOT = Path(__file__).resolve().parents[1]
LATENCY = ROOT / "test-artifacts" / "browser-latency.json"
TARGET_MS = 150.0
COLD_TARGET_MS = 100.0
DRAG_FIGURES_PER_S = 10.0


def run(quick=False):
    report = json.loads(LATENCY.read_text()) if LATENCY.exists() else {}
    explorers = report.get("explorers") or {}
    if not explorers:
        row = Row("browser update", "not measured (run make test first)", "≤ 150 ms", NOT_MEASURED)
        return [row], []
    rows = []
    for key, entry in sorted(explorers.items()):
        samples = entry.get("samples_ms") or []
        median = float(entry["median_ms"])
        measured = f"{median:.0f} ms"
        if samples:
            measured += f" (p95 {np.percentile(samples, 95):.0f} ms, {len(samples)} moves)"
        switches = [
            ms
            for control in (entry.get("controls") or {}).values()
            if control.get("kind") != "slider"
            for ms in control.get("samples_ms", [])
        ]
        if switches and len(switches) < len(samples or []) + len(switches):
            measured += f"; switches {np.median(switches):.0f} ms"
        name = entry.get("explorer") or key
        notebook = entry.get("notebook", "")
        label = f"{name} ({Path(notebook).stem})" if notebook else name
        ok = median <= TARGET_MS
        rows.append(Row.check(f"browser update: {label}", measured, "≤ 150 ms", ok))
    for key, entry in sorted(explorers.items()):
        if "cold_median_ms" not in entry:
            continue
        cold = list(entry.get("cold_ms", {}).values())
        name = entry.get("explorer") or key
        label = f"{name} ({Path(entry.get('notebook', '')).stem})"
        measured = (
            f"{entry['cold_median_ms']:.0f} ms median"
            f" (max {max(cold):.0f} ms, {len(cold)} controls)"
        )
        ok = entry["cold_median_ms"] <= COLD_TARGET_MS
        rows.append(Row.check(f"cold move: {label}", measured, "≤ 100 ms median", ok))
    notes = [
        f"browser: from {LATENCY.relative_to(ROOT)}, generated {report.get('generated', '?')} "
        f"(Chromium {report.get('chromium', '?')}, JupyterLab {report.get('jupyterlab', '?')}); "
        "key press or click to the explorer's new figure on the page; a cold move is the"
        " first move of a control after Run All"
    ]
    presentation_rows, presentation_notes = presentation(report.get("presentation") or {})
    return rows + presentation_rows, notes + presentation_notes


def presentation(section):
    """Rows for the presentation page: cold moves, scene changes, drags."""
    explorers = section.get("explorers") or {}
    if not explorers:
        row = Row("presentation page", "not measured (run make test first)", "", NOT_MEASURED)
        return [row], []
    rows = []
    for name, entry in explorers.items():
        cold = list(entry["cold_ms"].values())
        rows.append(
            Row.check(
                f"presentation cold move: {name}",
                f"{entry['cold_median_ms']:.0f} ms median (max {max(cold):.0f} ms, "
                f"{len(cold)} controls); scene {entry['scene_ms']:.0f} ms",
                "≤ 100 ms median",
                entry["cold_median_ms"] <= COLD_TARGET_MS,
            )
        )
    for name, entry in explorers.items():
        drag = entry["drag"]
        ok = (
            drag["figures_per_s"] >= DRAG_FIGURES_PER_S
            and drag["final_after_release_ms"] <= TARGET_MS
            and drag["final_is_final_value"]
        )
        backlog = "final value shown" if drag["final_is_final_value"] else "BACKLOG"
        rows.append(
            Row.check(
                f"drag: {name}.{drag['control']} (Voilà)",
                f"{drag['figures_per_s']:.1f} figures/s over {drag['drag_s']:.1f} s; "
                f"final {drag['final_after_release_ms']:.0f} ms after release; {backlog}",
                "≥ 10/s, ≤ 150 ms, no backlog",
                ok,
            )
        )
    notes = [
        f"presentation: Voilà {section.get('voila', '?')}, generated "
        f"{section.get('generated', '?')}; a drag presses a slider's handle, moves the mouse"
        " to the end of its track in 120 steps over 2 s and releases; figures per second"
        " count new images while the mouse is down; 0 ms after release means the final"
        " figure was already shown"
    ]
    return rows, notes


if __name__ == "__main__":
    main(run)
