"""The digits of notebook 07: scikit-learn's own data, one fixed split, bad input refused."""

import numpy as np
import pytest

from conftest import require
from lossedu.digits import N_SAMPLES, load_digits_raw, load_digits_split


def test_raw_digits_are_exactly_scikit_learns():
    datasets = require("sklearn.datasets")
    bunch = datasets.load_digits()
    data, labels = load_digits_raw()
    assert np.array_equal(data, bunch.data)
    assert np.array_equal(labels, bunch.target)


def test_split_is_fixed_disjoint_and_complete():
    first, second = load_digits_split(), load_digits_split()
    assert np.array_equal(first.X_train, second.X_train)
    assert np.array_equal(first.y_test, second.y_test)
    assert len(first.X_train) + len(first.X_test) == N_SAMPLES
    data, labels = load_digits_raw()
    rows = np.concatenate([first.X_test, first.X_train]) * 16.0
    # Every image appears once, with its own label.
    order = np.lexsort(rows.T)
    reference = np.lexsort(data.T)
    assert np.array_equal(rows[order], data[reference])
    assert np.array_equal(np.concatenate([first.y_test, first.y_train])[order], labels[reference])


def test_split_scales_pixels_to_the_unit_interval_and_keeps_every_class():
    data = load_digits_split()
    assert data.X_train.min() == 0.0 and data.X_train.max() == 1.0
    assert set(np.unique(data.y_test)) == set(range(10))
    assert data.images("test").shape == (450, 8, 8)


def test_another_seed_gives_another_split():
    assert not np.array_equal(load_digits_split(seed=1).y_test, load_digits_split().y_test)
    assert load_digits_split(test_size=100).X_test.shape == (100, 64)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"test_size": 0}, "test_size must be an integer >= 1"),
        ({"test_size": N_SAMPLES}, "test_size must be below"),
        ({"test_size": 0.25}, "test_size must be an integer"),
        ({"seed": -3}, "seed must be a non-negative integer"),
    ],
)
def test_split_refuses_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        load_digits_split(**kwargs)


def test_images_refuses_an_unknown_part():
    with pytest.raises(ValueError, match="which must be 'train' or 'test'"):
        load_digits_split().images("validation")
