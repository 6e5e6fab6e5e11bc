"""Duplicate detection primitives (pure): exact body hash, MinHash signatures and LSH bands.

Near duplicates (a syndicated copy with a changed first line, an appended credit line…) are
found with a one-permutation MinHash signature over word 5-shingles: every shingle is hashed
once, 6 bits of its hash choose one of ``NUM_BINS`` bins and each bin keeps the smallest of 16
other bits (empty bins of short texts borrow from the next filled bin, "densification"). The
fraction of equal bins of two signatures estimates the Jaccard similarity of the two shingle
sets (16-bit values: two unrelated bins are equal by chance with probability 1/65,536).

Lookup is locality-sensitive hashing: bins 0-15 are cut into ``BANDS`` bands of ``ROWS``
bins; two texts are candidates when one band is equal. With 8 bands of 2 a pair of Jaccard 0.7
becomes a candidate with probability 1 - (1 - 0.7**2)**8 = 0.995 (0.6: 0.97; 0.8: 0.9998),
and the candidates are then checked against ``NEAR_DUP_THRESHOLD`` on the whole signature.
A signature is 128 bytes (64 little-endian uint16); a band key is the band number and its two
values (35 bits, exact: no hashing). 8 band keys per stored article (16 before) halve the
random index pages a store insert touches.

Hashing (no cryptographic hash: nothing here needs one): each word is hashed with zlib.crc32 of
its UTF-8 bytes (C, ~0.1 µs) and a shingle's hash is Python's hash of the tuple of its five word
hashes (xxHash-based, deterministic for integers, stable since Python 3.8; the sort that picks
each bin's minimum works on 22-bit integers, CPython's fastest comparison path). About 2x less
CPU than the blake2b-per-word scheme v1 at unchanged precision/recall
(``benchmarks/dedup_quality.py``). ``tests/test_dedup_store.py`` pins a known signature so a
change is noticed; a store keeps the ``SIGNATURE_SCHEME`` it was written with and rebuilds its
sketches when it differs (``newsspider/store/rebuild.py``).
"""

from __future__ import annotations

import hashlib
import operator
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterable
from functools import lru_cache

NUM_BINS = 64
BANDS = 8
ROWS = 2
NEAR_DUP_THRESHOLD = 0.7
SHINGLE = 5
MAX_CANDIDATES = 64  # candidates compared per lookup at most (bounded cost with boilerplate)
PER_BAND = MAX_CANDIDATES // BANDS  # taken from each band's bucket: a bucket shared by thousands
# of boilerplate texts cannot crowd out the band buckets that hold the real near-copy
SIGNATURE_SCHEME = "oph64x16-w5-crc32-b8x2-v2"  # stored with the data; a change means re-computing
_WORD = re.compile(r"\w+", re.UNICODE)
_VALUE_BITS = 16
_M16 = (1 << _VALUE_BITS) - 1
_KEY = (NUM_BINS << _VALUE_BITS) - 1  # 6 bin bits above 16 value bits
_EMPTY = 1 << _VALUE_BITS
_BIN_OF = _VALUE_BITS.__rrshift__  # k -> k >> 16
_SIG = struct.Struct(f"<{NUM_BINS}H")
_BAND = struct.Struct(f"<{ROWS}H")


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(body: str) -> str:
    """Hash of the normalised body text (case, punctuation and spacing folded)."""
    return hashlib.sha256(normalize_text(body).encode("utf-8")).hexdigest()[:32]


def _shingles(body: str) -> Iterable[int]:
    """Hashes of the word 5-shingles of the normalised text (one shingle if shorter), with repeats."""
    words = _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    ids = list(map(zlib.crc32, map(str.encode, words)))
    if len(ids) < SHINGLE:
        return [hash(tuple(ids))] if ids else []
    return map(hash, zip(*(ids[i:] for i in range(SHINGLE)), strict=False))


def shingle_hashes(body: str) -> set[int]:
    return set(_shingles(body))


def signature(body: str) -> bytes:
    """The MinHash signature of a text (``NUM_BINS`` uint16), or b"" for a text without words."""
    # (bin << 16 | value) keys, largest first: the dict keeps the last = smallest value per bin
    # (C-level maps and sort, no Python loop per shingle)
    keys = sorted(map(_KEY.__and__, _shingles(body)), reverse=True)
    if not keys:
        return b""
    first = dict(zip(map(_BIN_OF, keys), map(_M16.__and__, keys), strict=True))
    mins = [first.get(i, _EMPTY) for i in range(NUM_BINS)]
    if len(first) < NUM_BINS:  # densify: an empty bin takes the next filled bin's value, shifted by the distance
        out = list(mins)
        for i in range(NUM_BINS):
            if mins[i] == _EMPTY:
                d = 1
                while mins[(i + d) % NUM_BINS] == _EMPTY:
                    d += 1
                out[i] = (mins[(i + d) % NUM_BINS] + d * 0x9E37) & _M16
        mins = out
    return _SIG.pack(*mins)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures (0 when one is empty)."""
    if len(a) != _SIG.size or len(b) != _SIG.size:
        return 0.0
    return sum(map(operator.eq, _SIG.unpack(a), _SIG.unpack(b))) / NUM_BINS


@lru_cache(maxsize=1024)  # judging and recording an article (and its lock keys) need the same keys
def band_keys(sig: bytes) -> list[int]:
    """One key per band: band number << 32 | its two 16-bit values; [] for an empty signature.
    (Remembered for the last signatures: callers must not modify the list.)"""
    if len(sig) != _SIG.size:
        return []
    n = _BAND.size
    return [i << 32 | int.from_bytes(sig[i * n:(i + 1) * n], "little") for i in range(BANDS)]


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
