"""Input checks shared by every public function.

One helper per kind of check. Each raises ``ValueError`` with a message that
names the argument, says what was wrong and what was expected, so that a
student who passes bad input learns what to fix instead of getting a NaN.
"""

import numbers

import numpy as np

#: How far a distribution's sum may stray from 1.
SUM_TOLERANCE = 1e-8

REDUCTIONS = ("mean", "sum", "none")


def as_float_array(x, name, *, allow_inf=False, min_ndim=0):
    """Return `x` as a non-empty float64 array with no NaN (and no inf unless allowed)."""
    try:
        raw = np.asarray(x)
        # Strings, complex numbers and None would otherwise be converted silently
        # (to a number, to the real part, to NaN).
        if raw.dtype.kind in "USVcmM" or (
            raw.dtype.kind == "O"
            and any(v is None or isinstance(v, (str, complex)) for v in raw.flat)
        ):
            raise TypeError
        arr = np.asarray(raw, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be an array of real numbers; got {x!r}") from exc
    if arr.size == 0:
        raise ValueError(f"{name} is empty; expected at least one value")
    if arr.ndim < min_ndim:
        raise ValueError(
            f"{name} must have at least {min_ndim} dimension(s); got shape {arr.shape}"
        )
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN; expected real numbers")
    if not allow_inf and np.isinf(arr).any():
        raise ValueError(f"{name} contains inf; expected finite numbers")
    return arr


def as_probabilities(p, name, *, min_ndim=0):
    """Return `p` as a float64 array whose entries all lie in [0, 1]."""
    arr = as_float_array(p, name, allow_inf=True, min_ndim=min_ndim)
    bad = (arr < 0) | (arr > 1)
    if bad.any():
        worst = float(arr[bad].flat[0])
        raise ValueError(f"{name} must hold probabilities in [0, 1]; found {worst!r}")
    return arr


def as_number(value, name, *, probability=False):
    """Return `value`, a single finite number (a probability in [0, 1] if asked), as a float."""
    arr = as_probabilities(value, name) if probability else as_float_array(value, name)
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number; got shape {arr.shape}")
    return float(arr)


def as_names(names, n, name, what):
    """Return `names` as a list of `n` strings, one per `what` (outcome, class)."""
    names = [str(item) for item in names]
    if len(names) != n:
        raise ValueError(f"{name} must name {n} {what}; got {len(names)}")
    return names


def as_distribution(p, name, *, axis=-1):
    """Return `p` as probabilities that sum to 1 along `axis` (within 1e-8)."""
    arr = as_probabilities(p, name, min_ndim=1)
    axis = check_axis(axis, arr.ndim, "axis")
    sums = arr.sum(axis=axis)
    off = np.abs(sums - 1.0) > SUM_TOLERANCE
    if np.any(off):
        worst = float(np.asarray(sums)[off].flat[0])
        raise ValueError(
            f"{name} must sum to 1 along axis {axis}; a slice sums to {worst!r}. "
            "Normalise it yourself (p / p.sum()) if that is what you mean"
        )
    return arr


def check_axis(axis, ndim, name):
    """Return `axis` as a non-negative int valid for an array of `ndim` dimensions."""
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise ValueError(f"{name} must be an integer; got {axis!r}")
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array with {ndim} dimension(s)")
    return int(axis) % ndim


def check_same_shape(a, b, name_a, name_b):
    """Refuse to broadcast: `a` and `b` must have exactly the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape; got {a.shape} and {b.shape}"
        )


def check_ndim(arr, ndim, name, *, hint=""):
    """`arr` must have exactly `ndim` dimensions."""
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D; got shape {arr.shape}{hint}")


def as_labels(labels, n_classes, name):
    """Return integer class labels, each in [0, n_classes)."""
    arr = np.asarray(labels)
    if arr.size == 0:
        raise ValueError(f"{name} is empty; expected at least one label")
    if arr.dtype == np.bool_ or not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(
            f"{name} must be integer class labels; got dtype {arr.dtype}. "
            "Pass probability rows of shape (N, C) for soft targets"
        )
    bad = (arr < 0) | (arr >= n_classes)
    if bad.any():
        raise ValueError(f"{name} must lie in [0, {n_classes}); found {arr[bad].flat[0]}")
    return arr.astype(np.intp)


def log_base(base):
    """Return ln(base), the divisor that turns nats into units of `base` (1 for None)."""
    if base is None:
        return 1.0
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise ValueError(f"base must be a positive number other than 1; got {base!r}")
    if not np.isfinite(base) or base <= 0 or base == 1:
        raise ValueError(f"base must be a positive number other than 1; got {base!r}")
    return float(np.log(base))


def check_choice(value, name, choices):
    """`value` must be one of `choices`."""
    if not isinstance(value, str) or value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return value


def check_positive(value, name, *, allow_zero=False, below=None):
    """`value` must be a finite real number > 0 (or >= 0 with `allow_zero`), and < `below`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}; got {value!r}")
    if below is not None and value >= below:
        raise ValueError(f"{name} must be < {below:g}; got {value!r}")
    return float(value)


def check_in_range(value, name, lo, hi):
    """`value` must be a real number in [lo, hi] (e.g. the range of its slider)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not lo <= value <= hi:
        raise ValueError(f"{name} must be a number in [{lo:g}, {hi:g}]; got {value!r}")
    return float(value)


def check_count(value, name, *, minimum=0):
    """`value` must be an integer >= `minimum`, by default a non-negative one (bools refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        expected = "a non-negative integer" if minimum == 0 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    return int(value)


def reduce(values, reduction):
    """Apply a loss reduction: ``"mean"``, ``"sum"`` or ``"none"``."""
    check_choice(reduction, "reduction", REDUCTIONS)
    if reduction == "mean":
        return values.mean()
    if reduction == "sum":
        return values.sum()
    return values


def reduction_scale(n, reduction):
    """The factor a reduction applies to each element's gradient."""
    check_choice(reduction, "reduction", REDUCTIONS)
    return 1.0 / n if reduction == "mean" else 1.0
