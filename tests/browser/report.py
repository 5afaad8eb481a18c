"""The browser timings file, ``test-artifacts/browser-latency.json``, shared by the tests.

Each browser test module writes its own keys and keeps the others', so the lessons
in JupyterLab and the presentation page in Voilà can be run apart or together.
"""

import json
from pathlib import Path


def update_report(path, entries):
    """Merge `entries` (top-level keys) into the JSON report at `path`."""
    path = Path(path)
    try:
        report = json.loads(path.read_text())
    except (OSError, ValueError):
        report = {}
    report.update(entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n")
    return report
