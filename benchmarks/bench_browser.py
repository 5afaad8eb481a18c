"""Slider update in the browser: the medians measured by the browser tests.

``tests/test_browser.py`` drives every explorer in JupyterLab with Chromium and
writes, for each, the time from a key press on a slider (or a click on a toggle)
to the new figure on the page into ``test-artifacts/browser-latency.json``. This
reads that file; it does not start a browser itself. Run ``make test`` first.
"""

import json
from pathlib import Path

import numpy as np
from _common import NOT_MEASURED, Row, main

ROOT = Path(__file__).resolve().parents[1]
LATENCY = ROOT / "test-artifacts" / "browser-latency.json"
TARGET_MS = 150.0


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
    notes = [
        f"browser: from {LATENCY.relative_to(ROOT)}, generated {report.get('generated', '?')} "
        f"(Chromium {report.get('chromium', '?')}, JupyterLab {report.get('jupyterlab', '?')}); "
        "key press or click to the explorer's new figure on the page"
    ]
    return rows, notes


if __name__ == "__main__":
    main(run)
