"""Duplicate detection primitives (pure): exact body hash, MinHash signatures and LSH bands.

Near duplicates (a syndicated copy with a changed first line, an appended credit line…) are
found with a one-permutation MinHash signature over word 5-shingles: every shingle is hashed
once, the top bits of its hash choose one of ``NUM_BINS`` bins and each bin keeps its smallest
low-32-bit value (empty bins of short texts borrow from the next filled bin, "densification").
The fraction of equal bins of two signatures estimates the Jaccard similarity of the two
shingle sets.

Lookup is locality-sensitive hashing: the signature is cut into ``BANDS`` bands of ``ROWS``
bins; two texts are candidates when one band is equal. With 16 bands of 4 a pair of Jaccard
0.7 becomes a candidate with probability 1 - (1 - 0.7**4)**16 = 0.988 (0.8: 0.9998; 0.3: 0.12),
and the candidates are then checked against ``NEAR_DUP_THRESHOLD`` on the whole signature.
A signature is 256 bytes (64 little-endian uint32), a band key a 47-bit integer.

Hashing: each distinct word is hashed once with blake2b; a shingle's hash is Python's hash of
the tuple of its five word hashes (xxHash-based, deterministic for integers, stable since
Python 3.8; ``tests/test_dedup_store.py`` pins a known signature so a change is noticed).
"""

from __future__ import annotations

import hashlib
import operator
import re
import struct
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

NUM_BINS = 64
BANDS = 16
ROWS = NUM_BINS // BANDS
NEAR_DUP_THRESHOLD = 0.7
SHINGLE = 5
MAX_CANDIDATES = 64  # candidates compared per lookup at most (bounded cost with boilerplate)
PER_BAND = MAX_CANDIDATES // BANDS  # taken from each band's bucket: a bucket shared by thousands
# of boilerplate texts cannot crowd out the band buckets that hold the real near-copy
SIGNATURE_SCHEME = "oph64x32-w5-v1"  # stored with the data; a change means re-computing
_WORD = re.compile(r"\w+", re.UNICODE)
_M64 = (1 << 64) - 1
_M32 = (1 << 32) - 1
_BAND_MASK = (1 << 47) - 1
_EMPTY = 1 << 32
_SIG = struct.Struct(f"<{NUM_BINS}I")


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(body: str) -> str:
    """Hash of the normalised body text (case, punctuation and spacing folded)."""
    return hashlib.sha256(normalize_text(body).encode("utf-8")).hexdigest()[:32]


def _word_hash(w: str) -> int:
    return int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")


def shingle_hashes(body: str) -> set[int]:
    """64-bit hashes of the word 5-shingles of the normalised text (one shingle if shorter)."""
    words = normalize_text(body).split()
    if not words:
        return set()
    cache: dict[str, int] = {}
    ids = [cache[w] if w in cache else cache.setdefault(w, _word_hash(w)) for w in words]
    if len(ids) < SHINGLE:
        return {hash(tuple(ids)) & _M64}
    return {hash(t) & _M64 for t in zip(*(ids[i:] for i in range(SHINGLE)), strict=False)}


def signature(body: str) -> bytes:
    """The MinHash signature of a text (``NUM_BINS`` uint32), or b"" for a text without words."""
    hashes = shingle_hashes(body)
    if not hashes:
        return b""
    mins = [_EMPTY] * NUM_BINS
    shift = 64 - (NUM_BINS.bit_length() - 1)
    for h in hashes:
        b = h >> shift
        v = h & _M32
        if v < mins[b]:
            mins[b] = v
    if _EMPTY in mins:  # densify: an empty bin takes the next filled bin's value, shifted by the distance
        out = list(mins)
        for i in range(NUM_BINS):
            if mins[i] == _EMPTY:
                d = 1
                while mins[(i + d) % NUM_BINS] == _EMPTY:
                    d += 1
                out[i] = (mins[(i + d) % NUM_BINS] + d * 0x9E3779B1) & _M32
        mins = out
    return _SIG.pack(*mins)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures (0 when one is empty)."""
    if len(a) != _SIG.size or len(b) != _SIG.size:
        return 0.0
    return sum(map(operator.eq, _SIG.unpack(a), _SIG.unpack(b))) / NUM_BINS


@lru_cache(maxsize=1024)  # judging and recording an article (and its lock keys) need the same keys
def band_keys(sig: bytes) -> list[int]:
    """One 47-bit key per band (band number included), for LSH lookups; [] for an empty signature.
    (Remembered for the last signatures: callers must not modify the list.)"""
    if not sig:
        return []
    n = ROWS * 4
    return [
        int.from_bytes(hashlib.blake2b(bytes([i]) + sig[i * n:(i + 1) * n], digest_size=6).digest(), "little")
        & _BAND_MASK
        for i in range(BANDS)
    ]


class LshIndex:
    """In-memory near-duplicate index (``newsspider extract`` over a batch of pages): linear in
    the number of texts, each lookup bounded by ``MAX_CANDIDATES``."""

    def __init__(self) -> None:
        self.sigs: dict[str, bytes] = {}
        self.buckets: dict[int, list[str]] = {}

    def add(self, key: str, sig: bytes) -> None:
        if not sig or key in self.sigs:
            return
        self.sigs[key] = sig
        for k in band_keys(sig):
            self.buckets.setdefault(k, []).append(key)

    def query(self, sig: bytes) -> str | None:
        """The most similar indexed text at or above the threshold (earliest on ties)."""
        return best_match(sig, self.candidates(band_keys(sig)), self.sigs.get)

    def candidates(self, keys: Iterable[int]) -> list[str]:
        """At most ``PER_BAND`` texts of each band's bucket (the earliest), in band order."""
        seen: dict[str, None] = {}
        for k in keys:
            seen.update(dict.fromkeys(self.buckets.get(k, ())[:PER_BAND]))
        return list(seen)


def best_match(sig: bytes, candidates: Iterable[str], get_sig: object) -> str | None:
    best, best_sim = None, NEAR_DUP_THRESHOLD
    for cand in candidates:
        other = get_sig(cand)  # type: ignore[operator]
        if not other:
            continue
        sim = similarity(sig, other)
        if sim > best_sim or (sim == best_sim and best is None):
            best, best_sim = cand, sim
    return best
