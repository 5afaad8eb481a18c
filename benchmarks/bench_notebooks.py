"""Notebook suite: ``pytest --nbval`` on each notebook against an empty notebook.

Every notebook (``notebooks/*.ipynb``, ``notebooks/solutions/*.ipynb`` and the same
for each edition in another language, ``notebooks/zh/...``) runs in its own pytest
process, exactly as the test suite checks it (strict nbval, the repository's
sanitize file, the current environment's kernel). The floor is
``benchmarks/empty.ipynb`` run the same way: pytest start-up, a kernel start
and one trivial cell. It is run before, between and after the notebooks, and
its median is the unit every notebook is measured in. The whole sequence runs
twice (the second time in reverse order, so slow drift of the machine's load
cancels) and each notebook's time is its median.
"""

import subprocess
import sys
import time
from pathlib import Path

from _common import NOT_MEASURED, Row, iqr, main, median, secs

ROOT = Path(__file__).resolve().parents[1]
EMPTY = ROOT / "benchmarks" / "empty.ipynb"
EMPTY_EVERY = 3  # run the floor again after this many notebooks
ROUNDS = 2


#: Folders of notebooks/ with another language's edition, measured like the English one.
EDITIONS = ("zh",)


def course_notebooks():
    """Lessons, then solutions, of the English edition and then of each other edition."""
    found = []
    for folder in ("", *EDITIONS):
        base = ROOT / "notebooks" / folder
        found += sorted(base.glob("*.ipynb")) + sorted((base / "solutions").glob("*.ipynb"))
    return found


def run_nbval(path):
    """Wall-clock seconds of one ``pytest --nbval`` process on `path`, and whether it passed."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-o",
        "addopts=",
        "-p",
        "no:cacheprovider",
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with=notebooks/sanitize.cfg",
        str(path.relative_to(ROOT)),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    tail = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
    return seconds, done.returncode == 0, tail


def run(quick=False):
    notebooks = course_notebooks()
    if quick:
        notebooks = notebooks[:2]
    if not notebooks:
        return [Row("notebook suite", "no notebooks found", "", NOT_MEASURED)], []
    floor, samples, failures = [], {path: [] for path in notebooks}, {}
    for round_ in range(1 if quick else ROUNDS):
        order = notebooks if round_ % 2 == 0 else notebooks[::-1]
        floor.append(run_nbval(EMPTY)[0])
        for i, path in enumerate(order, start=1):
            seconds, ok, tail = run_nbval(path)
            samples[path].append(seconds)
            if not ok:
                failures[path] = tail
            if i % EMPTY_EVERY == 0 or i == len(order):
                floor.append(run_nbval(EMPTY)[0])
    times = {path: median(s) for path, s in samples.items()}
    empty = median(floor)
    q1, q3 = iqr(floor)
    rows = [
        Row(
            "notebook floor: empty notebook",
            f"{secs(empty)} (IQR {q1:.2f}–{q3:.2f} s, {len(floor)} runs)",
            "the unit below",
            "reference",
        )
    ]
    for path, seconds in times.items():
        name = str(path.relative_to(ROOT / "notebooks"))
        passed = path not in failures
        measured = f"{secs(seconds)} = {seconds / empty:.2f}× empty"
        if not passed:
            measured += " (nbval FAILED)"
        rows.append(
            Row.check(f"notebook: {name}", measured, "≤ 2× empty", seconds <= 2 * empty and passed)
        )
    total, n = sum(times.values()), len(times)
    measured = f"{secs(total)} = {total / (n * empty):.2f}× ({n} × empty)"
    if failures:
        measured += f"; {len(failures)} failed nbval"
    rows.append(
        Row.check(
            f"notebook suite: {n} notebooks",
            measured,
            "≤ 1.5× (n × empty)",
            total <= 1.5 * n * empty,
        )
    )
    rounds = len(next(iter(samples.values())))
    notes = [
        f"notebooks: one `pytest --nbval` process per notebook and round, {rounds} round(s), "
        f"median per notebook; the empty notebook ran {len(floor)} times (before, after every "
        f"{EMPTY_EVERY} notebooks, at the end of each round)"
    ]
    notes += [f"nbval failed: {p.relative_to(ROOT)}: {tail}" for p, tail in failures.items()]
    return rows, notes


if __name__ == "__main__":
    main(run)
