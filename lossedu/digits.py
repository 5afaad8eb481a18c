"""The handwritten digits that scikit-learn ships, split once and for all into training and test.

1,797 images of 8 × 8 pixels, grey levels 0 to 16, ten classes: the UCI "Optical
Recognition of Handwritten Digits" data (Alpaydin & Kaynak), as bundled with
scikit-learn (``sklearn.datasets.load_digits``). Nothing is downloaded.

``import lossedu`` does not import scikit-learn: the loader imports it when called.
"""

import gzip
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._validation import check_count

N_SAMPLES = 1797
N_CLASSES = 10
IMAGE_SHAPE = (8, 8)
MAX_GREY = 16.0
#: The fixed split of the course: this many test images, drawn with this seed.
TEST_SIZE = 450
SPLIT_SEED = 0


@dataclass(frozen=True)
class DigitsSplit:
    """Training and test images, as rows of 64 pixels scaled to [0, 1], with their labels.

    Examples
    --------
    >>> data = load_digits_split()
    >>> data.X_train.shape, data.X_test.shape, data.y_train.dtype.kind
    ((1347, 64), (450, 64), 'i')
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray

    def images(self, which="train"):
        """The rows of `which` (``"train"`` or ``"test"``) as 8 × 8 images."""
        X = {"train": self.X_train, "test": self.X_test}.get(which)
        if X is None:
            raise ValueError(f"which must be 'train' or 'test'; got {which!r}")
        return X.reshape(-1, *IMAGE_SHAPE)


def _bundled_file():
    """scikit-learn's own copy of the data, found without importing scikit-learn (slow)."""
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "datasets" / "data" / "digits.csv.gz"
        if path.is_file():
            return path
    return None


def load_digits_raw():
    """All 1,797 images as rows of 64 grey levels (0 to 16), and their labels.

    Reads the file that scikit-learn ships, exactly as ``sklearn.datasets.load_digits``
    does, without paying the second it takes to import scikit-learn; if that file
    is not where scikit-learn keeps it, calls ``load_digits`` itself.

    Returns
    -------
    data : ndarray, shape (1797, 64)
    labels : ndarray of int, shape (1797,)

    Raises
    ------
    ModuleNotFoundError
        If scikit-learn is not installed (the notebooks' dependencies include it).

    Examples
    --------
    >>> data, labels = load_digits_raw()
    >>> data.shape, float(data.max()), labels[:10].tolist()
    ((1797, 64), 16.0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    """
    path = _bundled_file()
    if path is not None:
        with gzip.open(path, "rt") as handle:
            table = np.loadtxt(handle, delimiter=",")
        data, labels = table[:, :-1], table[:, -1].astype(np.intp)
    else:
        try:
            from sklearn.datasets import load_digits
        except ModuleNotFoundError as exc:
            raise ModuleNotFoundError(
                "the digits come with scikit-learn: pip install scikit-learn "
                "(or install the course with its notebooks extra)"
            ) from exc
        bunch = load_digits()
        data, labels = np.asarray(bunch.data, dtype=float), bunch.target.astype(np.intp)
    if data.shape != (N_SAMPLES, 64):
        raise RuntimeError(f"unexpected digits data of shape {data.shape}")
    return data, labels


def load_digits_split(*, test_size=TEST_SIZE, seed=SPLIT_SEED):
    """The digits, pixels scaled to [0, 1], shuffled by `seed` and split into training and test.

    Parameters
    ----------
    test_size : int, optional
        Images held out for testing, in [1, 1796]. Default 450 (a quarter).
    seed : int, optional
        Seed of :func:`numpy.random.default_rng` for the shuffle: the same seed
        gives the same split on every machine.

    Returns
    -------
    DigitsSplit

    Examples
    --------
    >>> data = load_digits_split()
    >>> float(data.X_train.max()), np.bincount(data.y_test).sum()
    (1.0, np.int64(450))
    """
    test_size = check_count(test_size, "test_size", minimum=1)
    if test_size >= N_SAMPLES:
        raise ValueError(f"test_size must be below {N_SAMPLES}; got {test_size}")
    seed = check_count(seed, "seed")
    data, labels = load_digits_raw()
    order = np.random.default_rng(seed).permutation(N_SAMPLES)
    X = data[order] / MAX_GREY
    y = labels[order]
    return DigitsSplit(X[test_size:], y[test_size:], X[:test_size], y[:test_size])
