"""Accuracy: every loss and gradient against mpmath at 50 digits, beside the naive formulas.

Inputs are exact float64 numbers, so the reference is the function's true value
at those very numbers, computed with 50 significant digits. Each grid mixes
random inputs with the extremes that break naive code: logits of ±1e4, ±745 and
margins of 46 (a probability of 1e-20), the confident-prediction range (the
true class ahead by a logit gap of 10 to 700, where the loss is e^-gap), and
probabilities of 1e-300, 0 and 1 − 2⁻⁵³ (the float just below 1).

The references keep every digit however small the loss: a log-sum-exp is
computed as m + log1p(sum of the other terms), a probability's complement
1 − q_k as the sum of the other probabilities, a sigmoid's as σ(−x), so that no
reference loses the e^-gap that 50 digits cannot hold beside 1.

The error of one result is ``|computed − true| / |true|`` (with the smallest
normal float as the least denominator, so an underflow to 0 is no error). No
floor excuses any loss, log-softmax, log-sum-exp or hard-label gradient. One
absolute floor remains, where the reference itself is a cancellation: a
gradient against a soft target, q_k − p_k (softmax or sigmoid minus a target
strictly between 0 and 1), may be off by 4 ulp of the larger of the two; the
table says how many entries it excused. A non-finite result where the true
value is finite is counted apart and fails the target.

The naive formulas are what much teaching code does: ``log(softmax(z))``,
``-log(clip(q, 1e-10, 1))``, ``1 / (1 + exp(-x))``, gradients of the clipped
losses (zero where the clip is active), and ``p * log(clip(p) / clip(q))``.
"""

import mpmath as mp
import numpy as np
from _common import Row, main

import lossedu as le

mp.mp.dps = 50
TOL = 1e-13
EPS_CLIP = 1e-10
TINY = np.finfo(float).tiny
ONE_MINUS = float(np.nextafter(1.0, 0.0))  # 1 - 2**-53
SEED = 20240601


# ----------------------------------------------------------------------------- errors


class Score:
    """Worst relative error, non-finite results and excused entries of one function."""

    def __init__(self):
        self.worst = 0.0
        self.where = None
        self.nonfinite = 0
        self.excused = 0
        self.count = 0
        self.values = None

    def add(self, computed, reference, floor=0.0, where=None):
        computed = float(computed)
        self.count += 1
        if mp.isinf(reference):
            ok = computed == float(reference)
            if not ok:
                self.nonfinite += not np.isfinite(computed)
                if np.isfinite(computed):
                    self._worst(np.inf, where, computed, reference)
            return
        if not np.isfinite(computed):
            self.nonfinite += 1
            self.where = self.where or where
            return
        error = abs(mp.mpf(computed) - reference)
        rel = float(error / max(abs(reference), mp.mpf(TINY)))
        if rel > TOL and floor and error <= floor:
            self.excused += 1
            return
        self._worst(rel, where, computed, reference)

    def _worst(self, rel, where, computed, reference):
        if rel > self.worst:
            self.worst, self.where = rel, where
            self.values = computed, float(reference)

    @property
    def ok(self):
        return self.worst <= TOL and self.nonfinite == 0

    def summary(self):
        text = f"{self.worst:.1e}" if self.worst else "0"
        if self.nonfinite:
            text += f", {self.nonfinite} non-finite"
        return text


def score(computed, reference, floors=None, labels=None):
    s = Score()
    computed = np.ravel(computed)
    floors = np.zeros(len(computed)) if floors is None else np.ravel(floors)
    for i, (c, r, f) in enumerate(zip(computed, reference, floors, strict=True)):
        s.add(c, r, f, where=labels[i] if labels is not None else i)
    return s


def grad_floor(probability, target):
    """4 ulp of the larger of the two probabilities a gradient entry is the difference of."""
    return 4 * float(np.spacing(max(abs(float(probability)), abs(float(target)))))


def soft_floor(probability, target):
    """The floor for q − p against a soft target (0 < p < 1), where the reference cancels."""
    target = float(target)
    return grad_floor(probability, target) if 0.0 < target < 1.0 else 0.0


#: The confident-prediction range: the true class ahead by these logit gaps.
CONFIDENT_GAPS = np.geomspace(10.0, 700.0, 30)
#: Offsets added to a whole row (the loss does not change, the rounding of z − max does).
CONFIDENT_OFFSETS = (0.0, 3.7, -1e3, 1e4)


# ----------------------------------------------------------------------------- inputs


def logit_rows(rng, c):
    rows = [rng.normal(0.0, s, (25, c)) for s in (1.0, 10.0, 100.0, 1e3)]
    rows.append(rng.uniform(-1e4, 1e4, (25, c)))
    extremes = [
        [0.0],
        [1e4],
        [-1e4],
        [1e4, -1e4],
        [-1e4, 1e4],
        [1e4, 0.0],
        [-1e4, 0.0],
        [0.0, -46.0],
        [0.0, -745.0],
        [0.0, -800.0],
        [40.0, 0.0],
        [1e4, 1e4 - 1.0],
        [1e4, 1e4 - 1e-8],
        [1e-300, 0.0],
        [-1e4, 1e4, 0.0],
        [700.0, -700.0, 0.0],
    ]
    fixed = np.array([np.resize(np.array(e, dtype=float), c) for e in extremes])
    confident = np.zeros((CONFIDENT_GAPS.size * len(CONFIDENT_OFFSETS), c))
    for i, (offset, gap) in enumerate((o, g) for o in CONFIDENT_OFFSETS for g in CONFIDENT_GAPS):
        confident[i] = offset
        confident[i, i % c] = offset + gap
    return np.vstack(rows + [fixed, confident])


def probability_rows(rng, c):
    rows = [rng.dirichlet(np.full(c, a), 20) for a in (0.1, 1.0, 10.0)]
    extremes = []
    for head in ([1.0], [ONE_MINUS], [1e-300], [0.5]):
        row = np.zeros(c)
        row[: len(head)] = head
        row[-1] += 1.0 - row.sum() if c > 1 else 0.0
        extremes.append(row)
    tail = np.full(c, 1e-300)
    tail[0] = 1.0
    extremes.append(tail)
    split = np.zeros(c)
    split[0], split[1 % c] = ONE_MINUS, 2.0**-53
    extremes.append(split)
    extremes.append(np.full(c, 1.0 / c))
    return np.vstack(rows + [np.array(extremes)])


def binary_inputs(rng):
    special = [1e4, 1e3, 745.0, 710.0, 100.0, 40.0, 37.0, 36.0, 20.0, 1.0, 1e-5, 1e-300, 0.0]
    special += CONFIDENT_GAPS.tolist()
    xs = np.concatenate([special, [-s for s in special if s]])
    targets = np.array([0.0, 1.0, 0.5, 0.25])
    x_grid, t_grid = (a.ravel() for a in np.meshgrid(xs, targets))
    x_rand = np.concatenate([rng.normal(0, s, 50) for s in (1.0, 10.0, 100.0)])
    t_rand = rng.uniform(0, 1, x_rand.size)
    t_hard = rng.integers(0, 2, x_rand.size).astype(float)
    x = np.concatenate([x_grid, x_rand, x_rand])
    t = np.concatenate([t_grid, t_rand, t_hard])
    return x, t


# ----------------------------------------------------------------------------- references


def mpf(x):
    return mp.mpf(float(x))


def _split(row):
    """The maximum m of a row, its index, and log1p of the sum of the other e^(z − m)."""
    top = int(np.argmax(row))
    m = mpf(row[top])
    rest = mp.fsum(mp.exp(mpf(v) - m) for k, v in enumerate(row) if k != top)
    return m, top, rest


def ref_logsumexp(row):
    m, _, rest = _split(row)
    return m + mp.log1p(rest)


def ref_log_softmax(row):
    m, _, rest = _split(row)
    return [(mpf(v) - m) - mp.log1p(rest) for v in row]


def ref_probabilities(row):
    """Each softmax probability q_k and its complement 1 − q_k, both without cancellation."""
    m, top, rest = _split(row)
    q = [mp.exp((mpf(v) - m) - mp.log1p(rest)) for v in row]
    complement = [rest / (1 + rest) if k == top else 1 - q[k] for k in range(len(row))]
    return q, complement


def ref_log_sigmoid(x):
    return -mp.log1p(mp.exp(-mpf(x)))


def ref_sigmoid(x):
    return 1 / (1 + mp.exp(-mpf(x)))


def ref_grad_bce(x, t):
    """(1 − t) σ(x) − t σ(−x): exact for hard targets, no 1 − σ(x) at 50 digits."""
    t = mpf(t)
    return (1 - t) * ref_sigmoid(x) - t * ref_sigmoid(-x)


def ref_xlogy(x, y):
    x, y = mpf(x), mpf(y)
    if x == 0:
        return mp.mpf(0)
    if y == 0:
        return mp.ninf
    return x * mp.log(y)


# ----------------------------------------------------------------------------- naive forms


def naive_softmax(z):
    return le.softmax(z)


def naive_sigmoid(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


def naive_log(x):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(x)


def clip(q):
    return np.clip(q, EPS_CLIP, 1.0)


# ----------------------------------------------------------------------------- the checks


def check_categorical(rng):
    results = {}
    blocks = {c: logit_rows(rng, c) for c in (2, 3, 10)}
    for name in (
        "logsumexp",
        "log_softmax",
        "CE from logits",
        "grad CE",
        "CE soft",
        "grad CE soft",
    ):
        results[name] = (Score(), Score())
    for c, z in blocks.items():
        refs = [ref_log_softmax(row) for row in z]
        lses = [ref_logsumexp(row) for row in z]
        probs = [ref_probabilities(row) for row in z]
        tags = [f"z={row.tolist()}" for row in z]

        ours, naive = results["logsumexp"]
        for row, lse, tag in zip(z, lses, tags, strict=True):
            ours.add(le.logsumexp(row), lse, where=tag)
            with np.errstate(over="ignore", divide="ignore"):
                naive.add(np.log(np.exp(row).sum()), lse, where=tag)

        ours, naive = results["log_softmax"]
        got, bad = le.log_softmax(z), naive_log(naive_softmax(z))
        for i, ref in enumerate(refs):
            for k in range(c):
                ours.add(got[i, k], ref[k], where=tags[i])
                naive.add(bad[i, k], ref[k], where=tags[i])

        # Hard labels: the most likely class, the least likely, a random one.
        q = naive_softmax(z)
        for labels in (z.argmax(-1), z.argmin(-1), rng.integers(0, c, len(z))):
            ours, naive = results["CE from logits"]
            loss = le.categorical_cross_entropy(z, labels, reduction="none")
            clipped = -np.log(clip(q[np.arange(len(z)), labels]))
            for i, y in enumerate(labels):
                ref = -refs[i][y]
                ours.add(loss[i], ref, where=f"{tags[i]}, label {y}")
                naive.add(clipped[i], ref, where=f"{tags[i]}, label {y}")

            ours, naive = results["grad CE"]
            grad = le.grad_categorical_cross_entropy(z, labels, reduction="none")
            onehot = np.eye(c)[labels]
            active = q[np.arange(len(z)), labels] >= EPS_CLIP
            naive_grad = (q - onehot) * active[:, None]
            for i, y in enumerate(labels):
                q_ref, complement = probs[i]
                for k in range(c):
                    ref = -complement[k] if k == y else q_ref[k]
                    tag = f"{tags[i]}, label {y}, entry {k}"
                    ours.add(grad[i, k], ref, where=tag)
                    naive.add(naive_grad[i, k], ref, where=tag)

        # Soft targets: random distributions and label smoothing.
        soft = np.vstack(
            [rng.dirichlet(np.ones(c), len(z) // 2), np.full((len(z) - len(z) // 2, c), 0.0)]
        )
        smooth = soft[len(z) // 2 :]
        smooth += 0.1 / c
        smooth[np.arange(len(smooth)), rng.integers(0, c, len(smooth))] += 0.9
        ours, naive = results["CE soft"]
        loss = le.categorical_cross_entropy(z, soft, reduction="none")
        clipped = -np.sum(soft * np.log(clip(q)), axis=-1)
        for i in range(len(z)):
            ref = -mp.fsum(mpf(p) * lq for p, lq in zip(soft[i], refs[i], strict=True))
            ours.add(loss[i], ref, where=tags[i])
            naive.add(clipped[i], ref, where=tags[i])
        ours, naive = results["grad CE soft"]
        grad = le.grad_categorical_cross_entropy(z, soft, reduction="none")
        mask = q >= EPS_CLIP
        naive_grad = q * np.sum(soft * mask, axis=-1, keepdims=True) - soft * mask
        for i in range(len(z)):
            q_ref, complement = probs[i]
            for k in range(c):
                p_k = mpf(soft[i, k])
                # Near 1 the difference is taken of the complements, both exact.
                ref = (1 - p_k) - complement[k] if p_k >= 0.5 else q_ref[k] - p_k
                floor = soft_floor(q_ref[k], soft[i, k])
                ours.add(grad[i, k], ref, floor, f"{tags[i]}, p={soft[i].tolist()}, entry {k}")
                naive.add(naive_grad[i, k], ref, floor, tags[i])
    return results


def check_binary(rng):
    x, t = binary_inputs(rng)
    tags = [f"x={a!r}, t={b!r}" for a, b in zip(x, t, strict=True)]
    results = {}
    ls = [ref_log_sigmoid(v) for v in x]
    lsn = [ref_log_sigmoid(-v) for v in x]
    sig = [ref_sigmoid(v) for v in x]

    q = naive_sigmoid(x)
    results["sigmoid"] = (
        score(le.sigmoid(x), sig, labels=tags),
        score(q, sig, labels=tags),
    )
    results["log_sigmoid"] = (
        score(le.log_sigmoid(x), ls, labels=tags),
        score(naive_log(q), ls, labels=tags),
    )
    ref_loss = [-(mpf(b) * a + (1 - mpf(b)) * c) for a, b, c in zip(ls, t, lsn, strict=True)]
    qc = np.clip(q, EPS_CLIP, 1 - EPS_CLIP)
    naive_loss = -(t * np.log(qc) + (1 - t) * np.log(1 - qc))
    results["BCE with logits"] = (
        score(le.binary_cross_entropy_with_logits(x, t, reduction="none"), ref_loss, labels=tags),
        score(naive_loss, ref_loss, labels=tags),
    )
    ref_grad = [ref_grad_bce(a, b) for a, b in zip(x, t, strict=True)]
    floors = [soft_floor(s, b) for s, b in zip(sig, t, strict=True)]
    naive_grad = np.where((q < EPS_CLIP) | (q > 1 - EPS_CLIP), 0.0, q - t)
    ours = le.grad_binary_cross_entropy_with_logits(x, t, reduction="none")
    results["grad BCE with logits"] = (
        score(ours, ref_grad, floors, labels=tags),
        score(naive_grad, ref_grad, floors, labels=tags),
    )
    return results


def check_information(rng):
    results = {
        "entropy": (Score(), Score()),
        "KL": (Score(), Score()),
        "H(p, q)": (Score(), Score()),
    }
    for c in (2, 3, 10):
        rows = probability_rows(rng, c)
        for p in rows:
            ref = -mp.fsum(ref_xlogy(v, v) for v in p)
            ours, naive = results["entropy"]
            ours.add(le.entropy(p), ref, 0.0, f"p={p.tolist()}")
            naive.add(-np.sum(p * np.log(clip(p))), ref, 0.0, f"p={p.tolist()}")
        pairs = [(rows[i], rows[j]) for i in range(len(rows)) for j in range(len(rows))]
        picks = rng.choice(len(pairs), size=min(len(pairs), 400), replace=False)
        extremes = range(len(rows) - 7, len(rows))
        chosen = [pairs[k] for k in picks] + [
            (rows[i], rows[j]) for i in extremes for j in extremes
        ]
        for p, q in chosen:
            tag = f"p={p.tolist()}, q={q.tolist()}"
            cross = -mp.fsum(ref_xlogy(a, b) for a, b in zip(p, q, strict=True))
            kl = mp.fsum(ref_xlogy(a, a) - ref_xlogy(a, b) for a, b in zip(p, q, strict=True))
            if mp.isnan(kl):  # inf - inf cannot happen: a term is -inf only where p > 0 = q
                kl = mp.inf
            ours, naive = results["KL"]
            ours.add(le.kl_divergence(p, q), kl, 0.0, tag)
            naive.add(np.sum(clip(p) * np.log(clip(p) / clip(q))), kl, 0.0, tag)
            ours, naive = results["H(p, q)"]
            ours.add(le.cross_entropy(p, q), cross, 0.0, tag)
            naive.add(-np.sum(p * np.log(clip(q))), cross, 0.0, tag)
    return results


def check_confident():
    """The loss of a confident, correct prediction, about e^-gap: softmax and sigmoid."""
    ours, naive = Score(), Score()
    for c in (2, 3, 10):
        for offset in CONFIDENT_OFFSETS:
            z = np.full((CONFIDENT_GAPS.size, c), offset)
            z[:, 0] += CONFIDENT_GAPS
            loss = le.categorical_cross_entropy(z, np.zeros(len(z), dtype=int), reduction="none")
            clipped = -np.log(clip(naive_softmax(z)[:, 0]))
            for i, row in enumerate(z):
                ref = -ref_log_softmax(row)[0]
                tag = f"z={row.tolist()}, label 0"
                ours.add(loss[i], ref, where=tag)
                naive.add(clipped[i], ref, where=tag)
    x = CONFIDENT_GAPS
    loss = le.binary_cross_entropy_with_logits(x, np.ones_like(x), reduction="none")
    q = np.clip(naive_sigmoid(x), EPS_CLIP, 1 - EPS_CLIP)
    for i, v in enumerate(x):
        ref = -ref_log_sigmoid(v)
        ours.add(loss[i], ref, where=f"x={v!r}, t=1")
        naive.add(-np.log(q[i]), ref, where=f"x={v!r}, t=1")
    return {"confident": (ours, naive)}


def check_mse(rng):
    special = np.array([0.0, 1e-300, -1e-300, 1.0, -1.0, 1e4, -1e4, 1e150, -1e150, 0.1, 0.3])
    a, b = (v.ravel() for v in np.meshgrid(special, special))
    a = np.concatenate([a, rng.normal(0, 10, 200)])
    b = np.concatenate([b, rng.normal(0, 10, 200)])
    tags = [f"pred={x!r}, target={y!r}" for x, y in zip(a, b, strict=True)]
    ref = [(mpf(x) - mpf(y)) ** 2 for x, y in zip(a, b, strict=True)]
    ref_grad = [2 * (mpf(x) - mpf(y)) for x, y in zip(a, b, strict=True)]
    return {
        "mse": (score(le.mse(a, b, reduction="none"), ref, labels=tags), None),
        "grad mse": (score(le.grad_mse(a, b, reduction="none"), ref_grad, labels=tags), None),
    }


NAMES = {
    "logsumexp": "logsumexp",
    "log_softmax": "log_softmax",
    "CE from logits": "categorical CE from logits (labels)",
    "grad CE": "grad of categorical CE (labels)",
    "CE soft": "categorical CE from logits (soft targets)",
    "grad CE soft": "grad of categorical CE (soft targets)",
    "BCE with logits": "BCE with logits",
    "grad BCE with logits": "grad of BCE with logits",
    "sigmoid": "sigmoid",
    "log_sigmoid": "log_sigmoid",
    "entropy": "entropy",
    "KL": "KL divergence",
    "H(p, q)": "cross_entropy(p, q)",
    "mse": "mse",
    "grad mse": "grad of mse",
    "confident": "CE and BCE of confident predictions (logit gaps 10…700)",
}

#: The rows whose reference is itself a cancellation (q − p against a soft target), where
#: a floor of 4 ulp of the larger term excuses an error; every other row has none.
FLOORED = {"grad CE soft", "grad BCE with logits"}

NAIVE = {
    "logsumexp": "log(sum(exp(z)))",
    "log_softmax": "log(softmax(z))",
    "CE from logits": "-log(clip(q_y))",
    "grad CE": "grad of clipped",
    "CE soft": "-sum p log(clip(q))",
    "grad CE soft": "grad of clipped",
    "BCE with logits": "clipped sigmoid",
    "grad BCE with logits": "grad of clipped",
    "sigmoid": "1/(1+exp(-x))",
    "log_sigmoid": "log(1/(1+exp(-x)))",
    "entropy": "clip(p)",
    "KL": "clip(p), clip(q)",
    "H(p, q)": "clip(q)",
    "confident": "-log(clip(q_y))",
}


def run(quick=False):
    rng = np.random.default_rng(SEED)
    results = {}
    results.update(check_categorical(rng))
    results.update(check_binary(rng))
    results.update(check_information(rng))
    results.update(check_mse(rng))
    results.update(check_confident())
    rows, notes = [], []
    for key, (ours, naive) in results.items():
        measured = f"{ours.summary()}"
        if key in FLOORED:
            measured += f" ({ours.excused} under the 4-ulp floor: q − p cancels)"
        else:
            assert ours.excused == 0, key
        if naive is not None:
            measured += f" · naive {NAIVE[key]}: {naive.summary()}"
        rows.append(
            Row.check(
                f"accuracy: {NAMES[key]}",
                measured,
                "≤ 1e-13 rel., 0 non-finite",
                ours.ok,
            )
        )
        if not ours.ok:
            got, true = ours.values or (None, None)
            notes.append(
                f"accuracy: {NAMES[key]} misses at {ours.where}: got {got!r}, true {true!r}"
            )
    count = sum(ours.count for ours, _ in results.values())
    notes.insert(0, f"accuracy: {count} results checked against mpmath at 50 digits")
    return rows, notes


if __name__ == "__main__":
    main(run)
