from newsspider.dedup import content_hash, similarity, sketch
from newsspider.store import SeenStore

TEXT = " ".join(
    f"Sentence number {i} tells how the group rehearsed the choreography for week {i % 7}."
    for i in range(60)
)


def test_content_hash_folds_case_space_and_punctuation():
    assert content_hash("Hello,  World!\n\nBye.") == content_hash("hello world bye")
    assert content_hash("hello world") != content_hash("hello there world")


def test_sketch_similarity_separates_near_copies_from_other_texts():
    copy = "This story first appeared on a partner site. " + TEXT + " Originally published elsewhere."
    other = " ".join(f"Item {i}: the drama ended its run with a ratings record in episode {i * 3}."
                     for i in range(60))
    assert similarity(sketch(TEXT), sketch(copy)) > 0.8
    assert similarity(sketch(TEXT), sketch(other)) < 0.3
    assert similarity(sketch(""), sketch(TEXT)) == 0.0


def _record(url, body, version=1):
    return {"url": url, "canonical_url": url, "content_hash": content_hash(body), "version": version,
            "fetched_at": "2026-11-01T00:00:00+00:00"}


def test_store_verdicts(tmp_path):
    store = SeenStore(tmp_path / "seen.sqlite")
    a = "https://s.example/a"
    assert store.judge(a, content_hash(TEXT), sketch(TEXT)).action == "new"
    store.add(_record(a, TEXT), sketch(TEXT), fetched_urls=["http://s.example/a/?utm_source=x"])
    assert store.knows_url("https://s.example/a/?fbclid=1")
    assert store.judge(a, content_hash(TEXT), sketch(TEXT)).action == "duplicate"
    changed = TEXT + " An update was added."
    v = store.judge(a, content_hash(changed), sketch(changed))
    assert (v.action, v.version) == ("update", 2)
    assert store.judge(a, content_hash(changed), sketch(changed), on_change="skip").action == "duplicate"
    same_body = store.judge("https://t.example/b", content_hash(TEXT), sketch(TEXT))
    assert (same_body.action, same_body.reason, same_body.duplicate_of) == ("duplicate", "same body", a)
    near = "Syndicated. " + TEXT
    v = store.judge("https://t.example/c", content_hash(near), sketch(near))
    assert (v.action, v.reason, v.duplicate_of) == ("duplicate", "near-duplicate body", a)
    store.close()
    # persists across runs, and reset forgets
    again = SeenStore(tmp_path / "seen.sqlite")
    assert again.count() == 1
    again.close()
    assert SeenStore.reset(tmp_path / "seen.sqlite")
    assert SeenStore(tmp_path / "seen.sqlite").count() == 0
