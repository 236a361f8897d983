"""MinHash signatures of article bodies, for finding reprints and rewrites. Pure: no database.

A signature is NUM_PERM minima of hashed word shingles (datasketch's MinHash); the share of equal
positions in two signatures estimates the Jaccard similarity of their shingle sets. The signature
is cut into BANDS bands of ROWS values: two texts whose signatures agree on a whole band become
candidates (locality-sensitive hashing), and only candidates are compared.
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHash

from articles.pipeline.text import normalise

SHINGLE = 3  # words per shingle: long enough that shared phrases, not shared vocabulary, count
NUM_PERM = 128
# 42 bands of 3: a pair at Jaccard 0.2 shares a band with probability 0.29, at 0.3 with 0.68, at
# 0.4 with 0.93, unrelated text (0.03) with 0.001. Lower, and every report of the same meeting's boilerplate becomes a candidate;
# rewrites below this reach each other through their pair and dates instead (archive/stories.py).
BANDS = 42
ROWS = 3  # 42 × 3 = 126 of the 128 values
SEED = 1  # fixed forever: signatures stored by an earlier import must stay comparable
MIN_SHINGLES = 5  # a body shorter than this has no reliable signature

WORD = re.compile(r"\w+")


def words(body: str) -> list[str]:
    return WORD.findall(normalise(body))


def shingles(body: str) -> set[bytes]:
    tokens = words(body)
    return {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)}


def signature(body: str) -> bytes | None:
    """The body's MinHash as bytes, or None when the body is too short to compare."""
    found = shingles(body)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations())
    minhash.update_batch(list(found))
    # datasketch's hash values stay below 2**32: four bytes each are enough.
    return LeanMinHash(minhash).hashvalues.astype("<u4").tobytes()


@functools.cache
def _permutations():
    """The hash permutations of (NUM_PERM, SEED): the same for every signature, drawn once (drawing
    them is most of the cost of a short body's signature)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4")


@functools.lru_cache(maxsize=8)
def band_keys(sig: bytes) -> tuple[tuple[int, int], ...]:
    """(band number, signed 64-bit hash of its values): what the band index stores and looks up.
    Remembered for the last few signatures: the writer indexes a body and then looks its bands up."""
    values = _values(sig)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return tuple(keys)


def similarities(sig: bytes, others: list[bytes]) -> list[float]:
    """`similarity` of `sig` to each of `others`, compared at once (a writer compares an article
    with every article sharing a band with it: a hundred and more on templated news)."""
    mine = _values(sig)
    if not others:
        return []
    if not len(mine) or any(len(other) != len(sig) for other in others):
        return [similarity(sig, other) for other in others]
    table = np.frombuffer(b"".join(others), dtype="<u4").reshape(len(others), len(mine))
    return [float(equal) / len(mine) for equal in np.count_nonzero(table == mine, axis=1)]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets."""
    va, vb = _values(a), _values(b)
    if len(va) != len(vb) or not len(va):
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)
