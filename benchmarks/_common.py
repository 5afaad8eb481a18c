"""What every benchmark shares: a row of the results table, timing and summary statistics."""

import sys
import time
from dataclasses import dataclass

import numpy as np

PASS, MISS, NOT_MEASURED = "pass", "**MISS**", "not measured"


@dataclass
class Row:
    """One line of the results table: a figure, what was measured, its target, the verdict."""

    figure: str
    measured: str
    target: str
    status: str

    @classmethod
    def check(cls, figure, measured, target, ok):
        return cls(figure, measured, target, PASS if ok else MISS)


def timed(fn, *args, **kwargs):
    """Run ``fn(*args, **kwargs)`` once; return (seconds, result)."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def median(samples):
    return float(np.median(samples))


def p95(samples):
    return float(np.percentile(samples, 95))


def iqr(samples):
    q1, q3 = np.percentile(samples, [25, 75])
    return float(q1), float(q3)


def ms(seconds):
    """Seconds as a short millisecond string."""
    value = seconds * 1e3
    return f"{value:.0f} ms" if value >= 100 else f"{value:.1f} ms"


def secs(seconds):
    return f"{seconds:.2f} s"


def spread_ms(samples):
    """Median and p95 of timings in seconds, e.g. ``12.3 ms (p95 15.0 ms)``."""
    return f"{ms(median(samples))} (p95 {ms(p95(samples))})"


def spread_s(samples):
    """Median and interquartile range of timings in seconds."""
    q1, q3 = iqr(samples)
    return f"{secs(median(samples))} (IQR {q1:.2f}–{q3:.2f})"


def markdown_table(rows):
    """The rows as a markdown table whose columns line up in a terminal too."""
    header = ("figure", "measured", "target", "result")
    cells = [header] + [(r.figure, r.measured, r.target, r.status) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]

    def line(c):
        return "| " + " | ".join(s.ljust(w) for s, w in zip(c, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(c) for c in cells[1:])])


def main(run):
    """Run one benchmark on its own: ``python benchmarks/bench_x.py [--quick]`` prints its table."""
    rows, notes = run(quick="--quick" in sys.argv)
    print(markdown_table(rows))
    print("\n".join(notes))
