"""Duplicate detection primitives (pure): exact body hash and near-duplicate sketches.

Near duplicates (a syndicated copy with a changed first line, an appended credit line…) are
found with a bottom-k MinHash sketch over word 5-shingles: the k smallest 64-bit shingle
hashes of a text. Two sketches estimate the Jaccard similarity of the two shingle sets; the
few smallest hashes double as lookup keys (two texts with Jaccard >= 0.7 share their minimum
hash with probability >= 0.7, and one of their `LOOKUP_KEYS` smallest almost surely).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SKETCH_SIZE = 64
LOOKUP_KEYS = 8
NEAR_DUP_THRESHOLD = 0.7
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(body: str) -> str:
    """Hash of the normalised body text (case, punctuation and spacing folded)."""
    return hashlib.sha256(normalize_text(body).encode("utf-8")).hexdigest()[:32]


def _h64(s: str) -> int:
    # signed 64-bit so the value fits an SQLite INTEGER
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def sketch(body: str, k: int = SKETCH_SIZE, shingle: int = 5) -> list[int]:
    """The k smallest shingle hashes of the text, sorted (empty for an empty text)."""
    words = normalize_text(body).split()
    if not words:
        return []
    if len(words) < shingle:
        grams = {" ".join(words)}
    else:
        grams = {" ".join(words[i : i + shingle]) for i in range(len(words) - shingle + 1)}
    return sorted({_h64(g) for g in grams})[:k]


def similarity(a: list[int], b: list[int], k: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of the texts behind two bottom-k sketches."""
    if not a or not b:
        return 0.0
    union_k = sorted(set(a) | set(b))[:k]
    sa, sb = set(a), set(b)
    both = sum(1 for h in union_k if h in sa and h in sb)
    return both / len(union_k)
