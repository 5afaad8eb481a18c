"""Run every benchmark, print one table of figures against targets, write it to results.md.

Usage: ``python benchmarks/run.py [--only NAME[,NAME...]] [--quick]`` (``make bench``).
Names: sliders, browser, notebooks, import, accuracy, training, network. A full run writes
``benchmarks/results.md``, which the README's Performance section shows; ``--only``
and ``--quick`` (fewer repeats, for trying things out) print without writing.

Every figure is a ratio of two things measured in the same run, because the
machine is shared and noisy; timings are repeated and summarised by their median
with the spread beside it. A missed target is marked in the table, but the exit
status stays 0: benchmarks report, tests judge. Only a benchmark that crashes
makes the run fail.
"""

import datetime
import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import MISS, PASS, Row, markdown_table  # noqa: E402

# In the order of the table; the notebook suite, the longest, runs last.
BENCHMARKS = {
    "sliders": "bench_sliders",
    "browser": "bench_browser",
    "notebooks": "bench_notebooks",
    "import": "bench_import",
    "accuracy": "bench_accuracy",
    "training": "bench_training",
    "network": "bench_network",
}
RUN_ORDER = ["import", "accuracy", "training", "network", "sliders", "browser", "notebooks"]
RESULTS = HERE / "results.md"
README = HERE.parent / "README.md"
# The README's Performance section shows results.md between these markers.
README_MARKERS = ("<!-- performance:start -->", "<!-- performance:end -->")


def environment():
    import matplotlib
    import numpy

    return (
        f"{os.cpu_count()} cores ({platform.machine()}, {platform.system()}), "
        f"Python {platform.python_version()}, NumPy {numpy.__version__}, "
        f"matplotlib {matplotlib.__version__}"
    )


def main(argv):
    quick = "--quick" in argv
    only = None
    if "--only" in argv:
        only = argv[argv.index("--only") + 1].split(",")
        unknown = set(only) - set(BENCHMARKS)
        if unknown:
            raise SystemExit(f"unknown benchmark(s) {sorted(unknown)}; known: {list(BENCHMARKS)}")
    chosen = [name for name in RUN_ORDER if only is None or name in only]
    start = time.perf_counter()
    rows, notes, crashed = {}, [], False
    for name in chosen:
        print(f"[{name}] running ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            got_rows, got_notes = importlib.import_module(BENCHMARKS[name]).run(quick=quick)
        except Exception:
            traceback.print_exc()
            got_rows, got_notes = [Row(name, "the benchmark crashed", "", "**ERROR**")], []
            crashed = True
        rows[name], notes = got_rows, notes + got_notes
        print(f"[{name}] {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    table_rows = [row for name in BENCHMARKS if name in rows for row in rows[name]]
    table = markdown_table(table_rows)
    held = sum(r.status == PASS for r in table_rows)
    missed = [r.figure for r in table_rows if r.status == MISS]
    judged = sum(r.status in (PASS, MISS) for r in table_rows)
    minutes = (time.perf_counter() - start) / 60
    summary = f"{held} of {judged} targets hold" + (
        f"; missed: {', '.join(missed)}" if missed else "."
    )
    print()
    print(table)
    print()
    print(summary)
    if only is None and not quick:
        write_results(table, summary, notes, minutes)
        print(f"written to {RESULTS.relative_to(HERE.parent)} and README.md")
    return 1 if crashed else 0


def write_results(table, summary, notes, minutes):
    today = datetime.date.today().isoformat()
    lines = [
        "<!-- Written by `make bench` (benchmarks/run.py): re-run it rather than edit this. -->",
        f"Measured by `make bench` on {today} on {environment()}; "
        f"the run took {minutes:.1f} minutes. {summary}",
        "",
        table,
        "",
        "How the figures were measured (details in each `benchmarks/bench_*.py`):",
        "",
        *(f"- {note}" for note in notes),
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    show_in_readme(RESULTS.read_text())


def show_in_readme(results):
    """Replace what stands between the README's performance markers with `results`."""
    start, end = README_MARKERS
    text = README.read_text()
    if start not in text or end not in text:
        raise SystemExit(f"README.md lacks the markers {start} ... {end}")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{start}\n{results.strip()}\n{end}{tail}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
