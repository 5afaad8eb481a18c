"""Input checks shared by every public function.

One helper per kind of check. Each raises ``ValueError`` with a message that
names the argument, says what was wrong and what was expected, so that a
student who passes bad input learns what to fix instead of getting a NaN.
"""

import numbers
from collections.abc import Iterable, Mapping

import numpy as np

#: How far a float64 distribution's sum may stray from 1. A float32 or float16
#: input may stray further: by its own rounding, see :func:`sum_tolerance`.
SUM_TOLERANCE = 1e-8

#: Rounding units of the input allowed per entry when a distribution is summed.
SUM_ULPS_PER_ENTRY = 2

REDUCTIONS = ("mean", "sum", "none")


def _raw_array(x, name):
    """``np.asarray(x)``, refusing strings, complex numbers, None and booleans."""
    try:
        raw = np.asarray(x)
    except (TypeError, ValueError) as exc:  # ragged nested lists
        raise ValueError(f"{name} must be an array of real numbers; got {x!r}") from exc
    if raw.dtype.kind == "b" or (
        raw.dtype.kind == "O" and any(isinstance(v, (bool, np.bool_)) for v in raw.flat)
    ):
        # True + True == 2 is arithmetic nobody means: booleans are not numbers here.
        raise ValueError(
            f"{name} must hold real numbers, not booleans; got {x!r}. "
            "Convert explicitly (x.astype(float)) if that is what you mean"
        )
    # Strings, complex numbers and None would otherwise be converted silently
    # (to a number, to the real part, to NaN).
    if raw.dtype.kind in "USVcmM" or (
        raw.dtype.kind == "O" and any(v is None or isinstance(v, (str, complex)) for v in raw.flat)
    ):
        raise ValueError(f"{name} must be an array of real numbers; got {x!r}")
    return raw


def _to_float64(raw, x, name):
    try:
        return np.asarray(raw, dtype=np.float64)
    except OverflowError as exc:  # a Python int beyond 1.8e308
        raise ValueError(
            f"{name} is too large for a float64 (above {np.finfo(float).max:.3g}); got {x!r}"
        ) from exc
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be an array of real numbers; got {x!r}") from exc


def input_eps(x):
    """Machine epsilon of the precision `x` was computed in: float16/32 inputs are coarser."""
    dtype = np.asarray(x).dtype
    if dtype.kind == "f" and dtype.itemsize < 8:
        return float(np.finfo(dtype).eps)
    return float(np.finfo(np.float64).eps)


def as_float_array(x, name, *, allow_inf=False, min_ndim=0):
    """Return `x` as a non-empty float64 array with no NaN (and no inf unless allowed).

    Any real dtype is accepted (integers, float16, float32, float64; 0-d arrays
    and numpy scalars too); the result is always float64. Booleans, strings,
    complex numbers, None and Python ints beyond the float64 range are refused.
    """
    raw = _raw_array(x, name)
    arr = _to_float64(raw, x, name)
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
    if isinstance(names, (str, bytes, Mapping)) or not isinstance(names, Iterable):
        raise ValueError(f"{name} must be a sequence of {n} names, one per {what}; got {names!r}")
    names = [str(item) for item in names]
    if len(names) != n:
        raise ValueError(f"{name} must name {n} {what}; got {len(names)}")
    return names


def sum_tolerance(x, n):
    """How far a sum of `n` entries of `x` may stray from 1: float64's 1e-8, or more for
    float32/float16 input, whose entries were each rounded to ``eps`` of their own dtype."""
    return max(SUM_TOLERANCE, SUM_ULPS_PER_ENTRY * n * input_eps(x))


def as_distribution(p, name, *, axis=-1):
    """Return `p` as float64 probabilities that sum to 1 along `axis`.

    The sum may stray from 1 by :func:`sum_tolerance`: 1e-8 for float64 input,
    a few rounding units per entry for float32 or float16 input (a softmax row
    computed in float32 sums to 1 only within float32 rounding).
    """
    raw = _raw_array(p, name)
    arr = as_probabilities(raw, name, min_ndim=1)
    axis = check_axis(axis, arr.ndim, "axis")
    tolerance = sum_tolerance(raw, arr.shape[axis])
    sums = arr.sum(axis=axis)
    off = np.abs(sums - 1.0) > tolerance
    if np.any(off):
        worst = float(np.asarray(sums)[off].flat[0])
        raise ValueError(
            f"{name} must sum to 1 along axis {axis}; a slice sums to {worst!r} "
            f"(allowed error {tolerance:.2g}). Normalise it yourself "
            f"(p / p.sum(axis={axis}, keepdims=True)) if that is what you mean"
        )
    return arr


def check_axis(axis, ndim, name):
    """Return `axis` as a non-negative int valid for an array of `ndim` dimensions."""
    if isinstance(axis, np.ndarray) and axis.ndim == 0 and axis.dtype.kind in "iu":
        axis = axis.item()
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, numbers.Integral):
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


def _is_bool(value):
    return isinstance(value, (bool, np.bool_)) or (
        isinstance(value, np.ndarray) and value.dtype.kind == "b"
    )


def as_scalar(value, name, expected="a finite number"):
    """Return `value` as a Python float: a real number, numpy scalar or 0-d array.

    float16/float32 scalars are widened to float64 first, so nothing downstream
    computes in low precision. Bools, strings, arrays with more than one value,
    inf, NaN and Python ints beyond the float64 range raise ``ValueError``.
    """
    if _is_bool(value) or isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    if not isinstance(value, numbers.Real):
        if not (isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf"):
            raise ValueError(f"{name} must be {expected}; got {value!r}")
        value = value.item()
    try:
        out = float(value)
    except OverflowError as exc:  # a Python int beyond 1.8e308
        raise ValueError(
            f"{name} must be {expected}; got an integer of {len(str(abs(value)))} digits, "
            "beyond the float64 range"
        ) from exc
    if not np.isfinite(out):
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    return out


def log_base(base):
    """Return ln(base), the divisor that turns nats into units of `base` (1 for None).

    The base must be > 1: base 1 divides by ln 1 = 0, and a base below 1 turns
    every information content and entropy negative.
    """
    if base is None:
        return 1.0
    expected = "a finite number > 1 (2 for bits, e for nats)"
    b = as_scalar(base, "base", expected)
    if not b > 1.0:
        raise ValueError(f"base must be {expected}; got {base!r}")
    return float(np.log(b))


def check_flag(value, name):
    """`value` must be True or False (a numpy bool too)."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False; got {value!r}")
    return bool(value)


def check_text(value, name, *, optional=True):
    """`value` must be a string (or None when `optional`)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        expected = "a string or None" if optional else "a string"
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    return value


def as_mapping(value, name, what, *, required=(), allowed=None):
    """Return `value`, a non-empty dict of `what`, as a dict.

    Every key in `required` must be present; with `allowed`, no other key may be.
    """
    if not isinstance(value, Mapping):
        raise ValueError(f"{name} must be a dict of {what}; got {value!r}")
    if not value:
        raise ValueError(f"{name} is empty; expected a dict of {what}")
    missing = [key for key in required if key not in value]
    if missing:
        raise ValueError(f"{name} lacks the key(s) {missing}; expected a dict of {what}")
    if allowed is not None:
        unknown = [key for key in value if key not in allowed]
        if unknown:
            options = ", ".join(repr(k) for k in allowed)
            raise ValueError(f"{name} has unknown key(s) {unknown}; expected keys among {options}")
    return dict(value)


def as_grid(values, name, *, minimum=2):
    """Return `values` as a 1-D float64 grid of at least `minimum` finite, increasing values."""
    arr = as_float_array(values, name, min_ndim=1)
    check_ndim(arr, 1, name)
    if arr.size < minimum:
        raise ValueError(f"{name} must hold at least {minimum} values; got {arr.size}")
    if not (np.diff(arr) > 0).all():
        raise ValueError(f"{name} must be strictly increasing; got {values!r}")
    return arr


def check_interval(lo, hi, name_lo, name_hi):
    """`lo` and `hi` must be finite numbers with ``lo < hi``; return them as floats."""
    lo, hi = as_scalar(lo, name_lo), as_scalar(hi, name_hi)
    if not lo < hi:
        raise ValueError(
            f"{name_lo} must be below {name_hi}; got {name_lo}={lo!r}, {name_hi}={hi!r}"
        )
    return lo, hi


def check_choice(value, name, choices):
    """`value` must be one of `choices`."""
    if not isinstance(value, str) or value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return value


def check_positive(value, name, *, allow_zero=False, below=None):
    """`value` must be a finite real number > 0 (or >= 0 with `allow_zero`), and < `below`."""
    value = as_scalar(value, name)
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}; got {value!r}")
    if below is not None and value >= below:
        raise ValueError(f"{name} must be < {below:g}; got {value!r}")
    return value


def check_in_range(value, name, lo, hi):
    """`value` must be a real number in [lo, hi] (e.g. the range of its slider)."""
    expected = f"a number in [{lo:g}, {hi:g}]"
    number = as_scalar(value, name, expected)
    if not lo <= number <= hi:
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    return number


def check_count(value, name, *, minimum=0, maximum=None, why=""):
    """`value` must be an integer >= `minimum`, and <= `maximum` if given.

    `maximum` caps the work a count asks for; `why` (", so that ...") says what
    the cap protects. Bools are refused; numpy integers and 0-d integer arrays
    are accepted.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iu":
        value = value.item()
    if _is_bool(value) or not isinstance(value, numbers.Integral) or value < minimum:
        expected = "a non-negative integer" if minimum == 0 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum:_}{why}; got {value!r}")
    return int(value)


def check_work(size, cap, names, why=""):
    """`size`, the number of values a call would compute and store, must be at most `cap`."""
    if size > cap:
        raise ValueError(f"{names} ask for {size:_} values, more than the cap of {cap:_}{why}")


def check_finite_result(values, names, hint):
    """A result computed from finite input must be finite: name the arguments that overflow."""
    values = np.asarray(values)
    if not np.isfinite(values).all():
        raise ValueError(f"{names} overflow the float64 range (about 1.8e308); {hint}")
    return values


def reduce(values, reduction):
    """Apply a loss reduction: ``"mean"``, ``"sum"`` or ``"none"``.

    A mean of finite values is finite even where their sum would overflow; a sum
    beyond the float64 range is refused rather than returned as inf.
    """
    check_choice(reduction, "reduction", REDUCTIONS)
    if reduction == "none":
        return values
    with np.errstate(over="ignore"):
        total = values.sum()
    if np.isfinite(total) or not np.isfinite(values).all():
        return total / values.size if reduction == "mean" else total
    if reduction == "mean":
        return (values / values.size).sum()
    raise ValueError(
        "reduction='sum' overflows the float64 range (about 1.8e308) for these values; "
        "use reduction='mean' or 'none'"
    )


def reduction_scale(n, reduction):
    """The factor a reduction applies to each element's gradient."""
    check_choice(reduction, "reduction", REDUCTIONS)
    return 1.0 / n if reduction == "mean" else 1.0
