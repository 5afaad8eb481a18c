r"""Optimal binary codes: entropy as the average length of the best code, in bits.

A prefix code gives each outcome a binary codeword, none the beginning of
another, so a stream of codewords decodes without separators. Shannon's
source coding theorem bounds the average codeword length of the best such
code by the entropy in bits: :math:`H \le L < H + 1`. Huffman's algorithm
finds that best code.
"""

import heapq
from functools import reduce

import numpy as np

from ._validation import as_distribution, check_count, check_ndim

#: Most outcomes :func:`block_distribution` builds, ``K**n``: 8 MB of float64,
#: and a Huffman code over them in a few seconds.
MAX_BLOCK_OUTCOMES = 2**20


def _distribution_1d(p):
    p = as_distribution(p, "p")
    check_ndim(p, 1, "p")
    return p


def huffman_code_lengths(p):
    r"""Codeword lengths, in bits, of a binary Huffman code for the distribution `p`.

    Parameters
    ----------
    p : array_like, shape (K,)
        A distribution over K outcomes (probabilities summing to 1).

    Returns
    -------
    ndarray of int, shape (K,)
        :math:`\ell_k`, the number of bits in outcome k's codeword.

    See Also
    --------
    huffman_code : the codewords themselves.
    lossedu.entropy : with ``base=2``, the lower bound on the average length.

    Notes
    -----
    Huffman's algorithm merges the two least probable groups of outcomes,
    again and again, until one group is left; every merge adds one bit to the
    codewords of all outcomes in the two groups. Among all prefix codes it
    gives the smallest average length :math:`L = \sum_k p_k \ell_k`, and

    .. math:: H_2(p) \le L < H_2(p) + 1,

    with :math:`L = H_2(p)` exactly when every :math:`p_k` is a power of 1/2
    (then :math:`\ell_k = -\log_2 p_k`, the information content in bits).
    Ties are broken by order of appearance, so the result is reproducible.
    A single certain outcome needs no bits: its length is 0. Outcomes of
    probability 0 still get codewords (every outcome stays encodable); they do
    not add to `L`. The upper bound needs at least two possible outcomes: for
    ``[1.0, 0.0]`` every binary code spends a bit while :math:`H = 0`.

    Examples
    --------
    >>> huffman_code_lengths([0.7, 0.2, 0.1])
    array([1, 2, 2])
    >>> huffman_code_lengths([0.5, 0.25, 0.125, 0.125])
    array([1, 2, 3, 3])
    >>> huffman_code_lengths([1.0])
    array([0])
    """
    p = _distribution_1d(p)
    # Heap entries: (probability of the group, creation order = node id). Outcomes are
    # nodes 0..K-1, each merge makes a new node; a codeword is as long as its node is deep.
    heap = [(float(pk), k) for k, pk in enumerate(p)]
    heapq.heapify(heap)
    parent = [0] * (2 * p.size - 1)
    node = p.size
    while len(heap) > 1:
        p_a, a = heapq.heappop(heap)
        p_b, b = heapq.heappop(heap)
        parent[a] = parent[b] = node
        heapq.heappush(heap, (p_a + p_b, node))
        node += 1
    depth = [0] * node
    for k in range(node - 2, -1, -1):  # parents are created after their children
        depth[k] = depth[parent[k]] + 1
    return np.array(depth[: p.size], dtype=int)


def huffman_code(p):
    r"""Binary codewords of a Huffman code for the distribution `p`.

    Parameters
    ----------
    p : array_like, shape (K,)
        A distribution over K outcomes.

    Returns
    -------
    list of str
        Outcome k's codeword, a string of ``"0"`` and ``"1"``; no codeword is
        the beginning of another.

    See Also
    --------
    huffman_code_lengths

    Notes
    -----
    The codewords are the canonical code for :func:`huffman_code_lengths`:
    shorter codewords first, and among equal lengths, outcomes in order,
    counting up in binary. Any code with these lengths is equally short on
    average; the canonical one is easy to read.

    Examples
    --------
    >>> huffman_code([0.7, 0.2, 0.1])
    ['0', '10', '11']
    >>> huffman_code([0.125, 0.5, 0.125, 0.25])
    ['110', '0', '111', '10']
    """
    lengths = huffman_code_lengths(p)
    words = [""] * lengths.size
    value, previous = 0, 0
    for k in sorted(range(lengths.size), key=lambda k: (lengths[k], k)):
        length = int(lengths[k])
        if length == 0:
            continue
        value <<= length - previous
        words[k] = format(value, f"0{length}b")
        value, previous = value + 1, length
    return words


def block_distribution(p, n):
    r"""The distribution of `n` independent outcomes of `p`, as one flat array.

    Parameters
    ----------
    p : array_like, shape (K,)
        A distribution over K outcomes.
    n : int
        How many independent outcomes form a block (at least 1), with at most
        ``MAX_BLOCK_OUTCOMES`` (:math:`2^{20}`) sequences: :math:`K^n \le 2^{20}`.

    Returns
    -------
    ndarray, shape (K**n,)
        :math:`p_{k_1} p_{k_2} \cdots p_{k_n}` for every sequence
        :math:`(k_1, \ldots, k_n)`, the first outcome varying slowest.

    Notes
    -----
    Coding blocks instead of single outcomes brings the average length per
    outcome within :math:`1/n` bit of the entropy, because entropies of
    independent outcomes add: :math:`H(p^{\otimes n}) = n H(p)`.

    Examples
    --------
    >>> block_distribution([0.7, 0.3], 2).round(2)
    array([0.49, 0.21, 0.21, 0.09])
    """
    p = _distribution_1d(p)
    n = check_count(n, "n", minimum=1)
    # Compare exponents: K**n itself may be an integer of millions of digits.
    if n * np.log2(p.size) > np.log2(MAX_BLOCK_OUTCOMES):
        raise ValueError(
            f"n={n} asks for {p.size}**{n} sequences of {p.size} outcomes, more than the "
            f"cap of {MAX_BLOCK_OUTCOMES:_} (2**20); use a shorter block"
        )
    return reduce(lambda joint, _: np.multiply.outer(joint, p).ravel(), range(n - 1), p)
