"""Import time: ``import lossedu`` against ``import numpy`` alone, each in a fresh process.

The clock runs inside the fresh interpreter around the import statement only,
so interpreter start-up (the same for both) is left out. The two kinds of
process alternate, after one untimed warm-up each (which also compiles any
stale bytecode), and the medians are compared. The lossedu process also reports
whether matplotlib or ipywidgets got loaded: neither may be.
"""

import json
import subprocess
import sys
from pathlib import Path

from _common import Row, main, median, ms, p95

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 21
HEAVY = ("matplotlib", "ipywidgets", "PIL", "scipy", "torch")

PROBE = """
import sys, time, json
start = time.perf_counter()
import {module}
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "loaded": [m for m in {heavy!r} if m in sys.modules]}}))
"""


def time_import(module):
    code = PROBE.format(module=module, heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-I", "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def run(quick=False):
    repeats = 5 if quick else REPEATS
    time_import("numpy"), time_import("lossedu")
    numpy_times, lossedu_times, loaded = [], [], set()
    for _ in range(repeats):
        numpy_times.append(time_import("numpy")["seconds"])
        probe = time_import("lossedu")
        lossedu_times.append(probe["seconds"])
        loaded.update(probe["loaded"])
    ratio = median(lossedu_times) / median(numpy_times)
    rows = [
        Row.check(
            "import lossedu vs import numpy",
            f"{ms(median(lossedu_times))} (p95 {ms(p95(lossedu_times))}) vs "
            f"{ms(median(numpy_times))} (p95 {ms(p95(numpy_times))}): {ratio:.2f}×",
            "≤ 1.5×",
            ratio <= 1.5,
        ),
        Row.check(
            "import lossedu loads matplotlib/ipywidgets",
            ", ".join(sorted(loaded)) if loaded else "neither (nor PIL, SciPy, PyTorch)",
            "neither",
            not ({"matplotlib", "ipywidgets"} & loaded),
        ),
    ]
    notes = [f"import: {repeats} fresh processes of each, alternating, after one warm-up each"]
    return rows, notes


if __name__ == "__main__":
    main(run)
