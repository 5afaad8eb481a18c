"""Vectorised training: the slowdown map in one ``train_neuron`` call against a loop over starts.

The map of notebook 06: for every start (w, b) on a 100 × 100 grid, how many
epochs of gradient descent (rate 0.15, 300 epochs, input 1, target 0) each
cost needs to bring the output below 0.1. Vectorised, each cost is one
``train_neuron`` call on the whole grid plus ``epochs_to_reach``. The Python
loop trains one start per call; a random sample of starts is timed and the time
scaled to the grid, and the sample's answers are checked against the map.
"""

import numpy as np
from _common import Row, main, median, secs, timed

import lossedu as le

GRID = 100
EPOCHS = 300
ETA = 0.15
SAMPLE = 100  # starts per timed batch of the loop
BATCHES = 3
REPEATS = 5
COSTS = ("quadratic", "cross_entropy")


def grid():
    w = np.linspace(-4.0, 4.0, GRID)
    b = np.linspace(-4.0, 4.0, GRID)
    return np.meshgrid(w, b, indexing="xy")


def vectorised(W, B):
    return {
        cost: le.epochs_to_reach(
            le.train_neuron(W, B, eta=ETA, epochs=EPOCHS, cost=cost).output, 0.1
        )
        for cost in COSTS
    }


def looped(starts):
    return {
        cost: [
            le.epochs_to_reach(le.train_neuron(w, b, eta=ETA, epochs=EPOCHS, cost=cost).output, 0.1)
            for w, b in starts
        ]
        for cost in COSTS
    }


def run(quick=False):
    W, B = grid()
    repeats, batches = (2, 1) if quick else (REPEATS, BATCHES)
    vec_times = []
    for _ in range(repeats):
        seconds, maps = timed(vectorised, W, B)
        vec_times.append(seconds)
    rng = np.random.default_rng(0)
    per_start, mismatches = [], 0
    for _ in range(batches):
        index = rng.choice(W.size, size=SAMPLE, replace=False)
        starts = list(zip(W.flat[index], B.flat[index], strict=True))
        seconds, answers = timed(looped, starts)
        per_start.append(seconds / SAMPLE)
        for cost in COSTS:
            mismatches += int(np.sum(np.asarray(answers[cost]) != maps[cost].flat[index]))
    vec = median(vec_times)
    loop = median(per_start) * W.size
    speedup = loop / vec
    measured = (
        f"{secs(vec)} vs loop {secs(loop)} (scaled from {batches}×{SAMPLE} starts): {speedup:.0f}×"
    )
    if mismatches:
        measured += f"; {mismatches} starts disagree"
    rows = [
        Row.check(
            f"training: {GRID}×{GRID} slowdown map, both costs",
            measured,
            "≥ 50× faster",
            speedup >= 50 and not mismatches,
        )
    ]
    notes = [
        f"training: vectorised time is the median of {repeats} runs (both costs, {EPOCHS} "
        f"epochs); the loop's time per start is the median over {batches} random batches of "
        f"{SAMPLE} starts, times {W.size} starts"
    ]
    return rows, notes


if __name__ == "__main__":
    main(run)
