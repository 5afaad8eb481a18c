"""Huffman codes and block distributions: the code-length side of entropy."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lossedu as le


def distributions(max_size=12):
    """Distributions over 1..max_size outcomes, zeros included.

    Nonzero weights stay above 1e-6 so that exact bounds such as L < H + 1 are
    not lost to rounding when H is within 1e-16 of 0.
    """
    weight = st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1.0))
    weights = st.lists(weight, min_size=1, max_size=max_size).filter(lambda w: sum(w) > 1e-3)
    return weights.map(lambda w: np.asarray(w) / np.sum(w))


def average_length(p, lengths):
    return float(np.dot(p, lengths))


# huffman_code_lengths


def test_huffman_lengths_of_the_computer_example():
    np.testing.assert_array_equal(le.huffman_code_lengths([0.7, 0.2, 0.1]), [1, 2, 2])


def test_huffman_lengths_equal_information_for_powers_of_one_half():
    p = np.array([0.5, 0.25, 0.125, 0.0625, 0.0625])
    lengths = le.huffman_code_lengths(p)
    np.testing.assert_array_equal(lengths, le.information(p, base=2))
    assert average_length(p, lengths) == le.entropy(p, base=2)


def test_huffman_lengths_single_outcome_needs_no_bits():
    np.testing.assert_array_equal(le.huffman_code_lengths([1.0]), [0])


def test_huffman_lengths_uniform_over_a_power_of_two():
    np.testing.assert_array_equal(le.huffman_code_lengths(np.full(8, 1 / 8)), [3] * 8)


@settings(max_examples=200, deadline=None)
@given(distributions())
def test_huffman_average_length_within_one_bit_of_entropy(p):
    H = le.entropy(p, base=2)
    L = average_length(p, le.huffman_code_lengths(p))
    assert H - 1e-9 <= L
    if np.count_nonzero(p) >= 2 or p.size == 1:
        assert L < H + 1


def test_huffman_certain_outcome_among_several_costs_one_bit():
    # Every outcome stays encodable, so a code for two outcomes spends a bit even when
    # one of them is certain: the upper bound H + 1 needs two possible outcomes.
    np.testing.assert_array_equal(le.huffman_code_lengths([0.0, 1.0]), [1, 1])
    assert le.entropy([0.0, 1.0]) == 0.0


@settings(max_examples=200, deadline=None)
@given(distributions())
def test_huffman_lengths_fill_the_kraft_inequality(p):
    lengths = le.huffman_code_lengths(p)
    kraft = np.sum(2.0 ** -lengths.astype(float))
    # A Huffman tree is full: every internal node has two children.
    assert kraft == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(distributions(max_size=5))
def test_huffman_is_no_longer_than_any_prefix_code_of_small_lengths(p):
    # Every length vector obeying Kraft's inequality is a prefix code; Huffman beats them all.
    best = average_length(p, le.huffman_code_lengths(p))
    for lengths in itertools.product(range(1, 6), repeat=p.size):
        if p.size > 1 and np.sum(2.0 ** -np.array(lengths, dtype=float)) <= 1:
            assert best <= average_length(p, lengths) + 1e-12


def test_huffman_lengths_are_reproducible_with_ties():
    p = np.full(5, 0.2)
    first = le.huffman_code_lengths(p)
    np.testing.assert_array_equal(first, le.huffman_code_lengths(p))
    np.testing.assert_array_equal(first, [3, 3, 2, 2, 2])


@pytest.mark.parametrize(
    "p, match",
    [
        ([0.5, 0.4], "sum to 1"),
        ([1.5, -0.5], r"\[0, 1\]"),
        ([[0.5, 0.5], [0.5, 0.5]], "1-D"),
        ([], "empty"),
        (["a", "b"], "real numbers"),
    ],
)
def test_huffman_lengths_refuse_what_is_not_a_distribution(p, match):
    with pytest.raises(ValueError, match=match):
        le.huffman_code_lengths(p)


# huffman_code


def test_huffman_code_of_the_computer_example():
    assert le.huffman_code([0.7, 0.2, 0.1]) == ["0", "10", "11"]


@settings(max_examples=200, deadline=None)
@given(distributions())
def test_huffman_code_is_prefix_free_with_huffman_lengths(p):
    words = le.huffman_code(p)
    assert [len(w) for w in words] == list(le.huffman_code_lengths(p))
    assert set("".join(words)) <= {"0", "1"}
    for a, b in itertools.permutations(words, 2):
        assert not b.startswith(a)


def test_huffman_code_decodes_a_stream_without_separators():
    p = [0.4, 0.3, 0.2, 0.1]
    words = le.huffman_code(p)
    message = [0, 3, 1, 1, 2, 0, 3]
    stream = "".join(words[k] for k in message)
    decoded, current = [], ""
    lookup = {w: k for k, w in enumerate(words)}
    for bit in stream:
        current += bit
        if current in lookup:
            decoded.append(lookup[current])
            current = ""
    assert decoded == message and current == ""


def test_huffman_code_single_outcome_is_the_empty_word():
    assert le.huffman_code([1.0]) == [""]


# block_distribution


def test_block_distribution_of_one_is_the_distribution():
    p = np.array([0.7, 0.2, 0.1])
    np.testing.assert_array_equal(le.block_distribution(p, 1), p)


def test_block_distribution_orders_sequences_first_outcome_slowest():
    p = np.array([0.7, 0.2, 0.1])
    joint = le.block_distribution(p, 2)
    expected = [p[i] * p[j] for i in range(3) for j in range(3)]
    np.testing.assert_allclose(joint, expected)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_block_distribution_entropy_adds_up(n):
    p = np.array([0.7, 0.2, 0.1])
    joint = le.block_distribution(p, n)
    assert joint.shape == (3**n,)
    assert joint.sum() == pytest.approx(1.0)
    assert le.entropy(joint) == pytest.approx(n * le.entropy(p))


@pytest.mark.parametrize("n", [1, 2, 4, 6])
def test_block_codes_come_within_one_over_n_bits_of_entropy(n):
    p = np.array([0.7, 0.2, 0.1])
    joint = le.block_distribution(p, n)
    per_outcome = average_length(joint, le.huffman_code_lengths(joint)) / n
    H = le.entropy(p, base=2)
    assert H <= per_outcome < H + 1 / n


@pytest.mark.parametrize(
    "n, match",
    [(0, "n must be an integer >= 1"), (-1, "n must be an integer >= 1; got -1"), (1.5, "integer")],
)
def test_block_distribution_refuses_bad_n(n, match):
    with pytest.raises(ValueError, match=match):
        le.block_distribution([0.5, 0.5], n)
