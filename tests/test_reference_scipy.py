"""lossedu against SciPy (``scipy.stats.entropy``, ``scipy.special``), on random and extreme inputs.

Skipped where SciPy is missing; with LOSSEDU_REQUIRE_REFERENCES=1 (CI) a missing SciPy fails.
``scipy.stats.entropy`` renormalises its inputs and lossedu does not, so it is only
fed distributions that already sum to 1.
"""

import numpy as np
import pytest

import lossedu as le
from conftest import require
from lossedu.information import xlogy

RTOL = 1e-12


@pytest.fixture(scope="module")
def special():
    return require("scipy.special")


@pytest.fixture(scope="module")
def stats():
    return require("scipy.stats")


def distributions(seed, shape, zeros=False):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.full(shape[-1], 0.7), size=shape[:-1])
    if zeros:
        p[rng.random(p.shape) < 0.3] = 0.0
        p[..., 0] += p.sum(axis=-1) == 0  # keep every row a distribution
    return p / p.sum(axis=-1, keepdims=True)


def logit_sets():
    rng = np.random.default_rng(7)
    return {
        "random": rng.normal(scale=3.0, size=(8, 5)),
        "wide": rng.uniform(-1e4, 1e4, size=(8, 5)),
        "extreme": rng.choice([-1e4, 0.0, 1e4], size=(8, 5)),
        "spread": np.array([[1e4, -1e4, 1e4 - 30.0, -1e4 + 1.0, 0.0]]),
        "one-class": rng.normal(size=(4, 1)),
    }


LOGITS = logit_sets()
LOGIT_IDS = list(LOGITS)


def close(actual, expected, rtol=RTOL, atol=1e-300):
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol)


# --- scipy.stats.entropy -------------------------------------------------------------------


@pytest.mark.parametrize("zeros", [False, True])
@pytest.mark.parametrize("base", [None, 2, 10])
def test_entropy_matches_scipy_stats_entropy(stats, base, zeros):
    p = distributions(1, (20, 6), zeros)
    close(le.entropy(p, base=base), stats.entropy(p, base=base, axis=-1))


@pytest.mark.parametrize("base", [None, 2])
def test_entropy_along_axis_zero_matches_scipy(stats, base):
    p = distributions(2, (7, 4)).T  # columns are distributions
    close(le.entropy(p, base=base, axis=0), stats.entropy(p, base=base, axis=0))


@pytest.mark.parametrize("zeros", [False, True])
@pytest.mark.parametrize("base", [None, 2])
def test_kl_divergence_matches_scipy_stats_entropy_of_two(stats, base, zeros):
    p = distributions(3, (20, 6), zeros)
    q = distributions(4, (20, 6))
    close(le.kl_divergence(p, q, base=base), stats.entropy(p, q, base=base, axis=-1))


def test_kl_divergence_infinite_where_scipy_is(stats):
    p = np.array([[0.5, 0.5], [1.0, 0.0]])
    q = np.array([[1.0, 0.0], [1.0, 0.0]])
    np.testing.assert_array_equal(le.kl_divergence(p, q), stats.entropy(p, q, axis=-1))


@pytest.mark.parametrize("base", [None, 2])
def test_cross_entropy_matches_scipy_entropy_plus_divergence(stats, base):
    p = distributions(5, (20, 6), zeros=True)
    q = distributions(6, (20, 6))
    expected = stats.entropy(p, base=base, axis=-1) + stats.entropy(p, q, base=base, axis=-1)
    close(le.cross_entropy(p, q, base=base), expected, rtol=1e-11)


# --- scipy.special: information measures ---------------------------------------------------


def test_entropy_matches_sum_of_entr(special):
    p = distributions(8, (30, 5), zeros=True)
    close(le.entropy(p), special.entr(p).sum(axis=-1))


def test_binary_entropy_matches_entr(special):
    p = np.concatenate([[0.0, 1.0, 0.5, 1e-300, 1 - 1e-16], np.random.default_rng(9).random(50)])
    close(le.binary_entropy(p), special.entr(p) + special.entr(1 - p))


def test_kl_divergence_matches_sum_of_rel_entr(special):
    p = distributions(10, (30, 5), zeros=True)
    q = distributions(11, (30, 5), zeros=True)
    expected = special.rel_entr(p, q).sum(axis=-1)
    np.testing.assert_array_equal(np.isinf(le.kl_divergence(p, q)), np.isinf(expected))
    close(le.kl_divergence(p, q), expected)


def test_kl_divergence_matches_rel_entr_for_tiny_q(special):
    p = np.array([0.5, 0.5])
    for tiny in (1e-300, 1e-310, 5e-324):
        q = np.array([1.0 - tiny, tiny])
        close(le.kl_divergence(p, q), special.rel_entr(p, q).sum())


def test_cross_entropy_matches_xlogy(special):
    p = distributions(12, (30, 5), zeros=True)
    q = distributions(13, (30, 5), zeros=True)
    expected = -special.xlogy(p, q).sum(axis=-1)
    np.testing.assert_array_equal(np.isinf(le.cross_entropy(p, q)), np.isinf(expected))
    close(le.cross_entropy(p, q), expected)


def test_xlogy_matches_scipy(special):
    x = np.array([0.0, 0.0, 0.0, 1.0, 2.5, 1e-300, 3.0])
    y = np.array([0.0, 1.0, 7.0, 0.0, 1e-300, 0.5, np.e])
    with np.errstate(divide="ignore"):
        close(xlogy(x, y), special.xlogy(x, y))


def test_information_matches_minus_xlogy(special):
    p = np.concatenate([[0.0, 1.0, 1e-300], np.random.default_rng(14).random(20)])
    with np.errstate(divide="ignore"):
        close(le.information(p), -special.xlogy(1.0, p))


# --- scipy.special: the softmax family -----------------------------------------------------


@pytest.mark.parametrize("name", LOGIT_IDS)
def test_logsumexp_matches_scipy(special, name):
    z = LOGITS[name]
    close(le.logsumexp(z), special.logsumexp(z, axis=-1))
    close(le.logsumexp(z, axis=0), special.logsumexp(z, axis=0))


@pytest.mark.parametrize("name", LOGIT_IDS)
def test_softmax_matches_scipy(special, name):
    z = LOGITS[name]
    close(le.softmax(z), special.softmax(z, axis=-1), atol=1e-300)
    close(le.softmax(z, axis=0), special.softmax(z, axis=0), atol=1e-300)


@pytest.mark.parametrize("name", LOGIT_IDS)
def test_log_softmax_matches_scipy(special, name):
    z = LOGITS[name]
    close(le.log_softmax(z), special.log_softmax(z, axis=-1), atol=1e-12)
    close(le.log_softmax(z, axis=0), special.log_softmax(z, axis=0), atol=1e-12)


SIGMOID_INPUTS = np.concatenate(
    [
        [-1e4, -800.0, -745.0, -40.0, -1e-12, 0.0, 1e-12, 40.0, 800.0, 1e4],
        np.random.default_rng(15).normal(scale=10, size=50),
    ]
)


def test_sigmoid_matches_expit(special):
    # expit(-745) underflows to 0; lossedu rounds e^-745 to the smallest subnormal, 5e-324.
    close(le.sigmoid(SIGMOID_INPUTS), special.expit(SIGMOID_INPUTS), atol=1e-323)


def test_log_sigmoid_matches_log_expit(special):
    close(le.log_sigmoid(SIGMOID_INPUTS), special.log_expit(SIGMOID_INPUTS), atol=0)


# --- losses built from scipy.special -------------------------------------------------------


@pytest.mark.parametrize("name", LOGIT_IDS)
def test_categorical_cross_entropy_matches_scipy_log_softmax(special, name):
    z = LOGITS[name]
    rng = np.random.default_rng(16)
    labels = rng.integers(0, z.shape[1], size=z.shape[0])
    rows = distributions(17, z.shape, zeros=True)
    logq = special.log_softmax(z, axis=-1)
    close(
        le.categorical_cross_entropy(z, labels, reduction="none"),
        -logq[np.arange(len(labels)), labels],
    )
    # 0 * log q = 0, also where log q is -2e4
    close(
        le.categorical_cross_entropy(z, rows, reduction="none"),
        -(rows * np.where(rows > 0, logq, 0.0)).sum(axis=-1),
    )


@pytest.mark.parametrize("pos_weight", [None, 2.5])
def test_binary_cross_entropy_with_logits_matches_log_expit(special, pos_weight):
    x = np.concatenate([SIGMOID_INPUTS, -SIGMOID_INPUTS])
    t = np.random.default_rng(18).random(x.shape)
    w = 1.0 if pos_weight is None else pos_weight
    expected = -(w * t * special.log_expit(x) + (1 - t) * special.log_expit(-x))
    close(
        le.binary_cross_entropy_with_logits(x, t, pos_weight=pos_weight, reduction="none"),
        expected,
    )
