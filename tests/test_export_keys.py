"""The export step takes the body's dedup keys from extraction instead of computing them again on
the reactor thread (newsspider.pipelines.export.dedup_keys)."""

from __future__ import annotations

from newsspider import dedup
from newsspider.extraction import _dedup_keys
from newsspider.pipelines import export

BODY = ("Lumina will release their second mini album on March 3, the agency said on Monday.\n\n"
        "The members wrote most of the songs themselves during the winter tour.")


def _counting(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(export, "content_hash", lambda b: calls.append("hash") or dedup.content_hash(b))
    monkeypatch.setattr(export, "signature", lambda b: calls.append("sig") or dedup.signature(b))
    return calls


def _result(body: str) -> dict:
    return {"body": {"body": body, "word_count": 30}, **_dedup_keys(body)}


def test_the_extracted_body_keeps_its_keys_without_hashing_again(monkeypatch):
    calls = _counting(monkeypatch)
    assert export.dedup_keys(BODY, _result(BODY)) == (dedup.content_hash(BODY), dedup.signature(BODY))
    assert calls == []  # fails before: the export step hashed every body again


def test_a_body_changed_after_extraction_gets_new_keys(monkeypatch):
    calls = _counting(monkeypatch)
    changed = BODY + "\n\nA paragraph added by a pipeline."
    assert export.dedup_keys(changed, _result(BODY)) == (dedup.content_hash(changed), dedup.signature(changed))
    assert calls == ["hash", "sig"]
    # the same words spaced otherwise: a new hash computed (the same), the signature kept
    calls.clear()
    spaced = BODY.replace(" ", "  ")
    assert export.dedup_keys(spaced, _result(BODY)) == (dedup.content_hash(BODY), dedup.signature(BODY))
    assert calls == ["hash"]


def test_no_extraction_result_or_no_body():
    assert export.dedup_keys(BODY, {}) == (dedup.content_hash(BODY), dedup.signature(BODY))
    assert export.dedup_keys("", {"body": {"body": None}, **_dedup_keys("")}) == (dedup.content_hash(""), b"")
