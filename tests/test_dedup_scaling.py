"""Near-duplicate detection stays linear: `newsspider extract` over many pages and the in-memory
LSH index compare a page with a bounded number of candidates, never with every earlier page.
Counted (signature comparisons), not timed."""

from __future__ import annotations

import random

import pytest

from newsspider import cli, dedup
from newsspider.dedup import MAX_CANDIDATES, LshIndex, signature

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{url}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-03-0{day}T09:00:00+09:00"></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav><article><h1>{title}</h1>
{paragraphs}</article><footer>Copyright Wire Example</footer></body></html>"""

NOUNS = ("group quartet label drama actor singer producer album single tour concert fandom teaser "
         "rehearsal stage episode director trainee chart broadcast festival interview").split()
VERBS = ("announced prepared released recorded filmed revealed postponed confirmed celebrated "
         "rehearsed described promised scheduled shared").split()
PLACES = "Seoul Busan Incheon Daegu Gwangju Jeju Osaka Tokyo Bangkok Manila Jakarta Taipei".split()


def story(rng: random.Random, n: int) -> list[str]:
    """Five invented paragraphs, different for every n."""
    return [" ".join(
        f"The {rng.choice(NOUNS)} {rng.choice(VERBS)} the {rng.choice(NOUNS)} in {rng.choice(PLACES)} "
        f"on day {rng.randrange(1000)} of story {n}." for _ in range(4)) for _ in range(5)]


def write_pages(folder, distinct: int, copies: int) -> dict[str, str]:
    """`distinct` stories and `copies` syndicated copies (a sentence added) of some of them;
    returns {copy file: the original's URL}."""
    rng = random.Random(13)
    texts = []
    for n in range(distinct):
        paragraphs = story(rng, n)
        texts.append(paragraphs)
        (folder / f"p{n:04d}.html").write_text(PAGE.format(
            title=f"Story number {n}", url=f"https://wire.example/news/{n}/", day=1 + n % 9,
            paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)), encoding="utf-8")
    expected = {}
    for c in range(copies):
        n = (c * 7) % distinct
        paragraphs = list(texts[n])
        paragraphs[2] += f" The partner site added this sentence to copy {c} for the readers of its own edition."
        name = f"q{c:04d}.html"
        (folder / name).write_text(PAGE.format(
            title=f"Story number {n}", url=f"https://partner.example/syndicated/{c}/", day=1 + n % 9,
            paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)), encoding="utf-8")
        expected[name] = f"https://wire.example/news/{n}/"
    return expected


@pytest.fixture
def comparisons(monkeypatch):
    count = [0]
    real = dedup.similarity

    def counting(a: bytes, b: bytes) -> float:
        count[0] += 1
        return real(a, b)

    monkeypatch.setattr(dedup, "similarity", counting)
    return count


def test_extract_compares_each_page_with_a_bounded_number_of_candidates(tmp_path, comparisons):
    distinct, copies = 200, 40
    expected = write_pages(tmp_path, distinct, copies)
    files = cli.saved_pages(tmp_path)
    out = list(cli.extract_files((str(p), None) for p in files))
    assert len(out) == distinct + copies and not [r for r in out if "error" in r]
    found = {r["source_file"].rsplit("/", 1)[-1]: r["duplicate_of"] for r in out if r.get("duplicate_of")}
    assert found == expected  # every syndicated copy, nothing else
    # comparing every page with every earlier one: 240 * 239 / 2 = 28,680 comparisons; with the
    # LSH index a page is compared only with pages sharing a band (its original, if any)
    assert 0 < comparisons[0] <= 2 * len(out), comparisons[0]


def _boilerplate_sigs(n: int, seed: int = 5) -> list[bytes]:
    """n signatures that share their first band (texts with the same boilerplate) and nothing else.
    The shared band's key is among the smallest (an SQL ``k IN (...)`` lookup meets it first)."""
    shared = next(sig for sig in (signature(f"boilerplate text number {j}") for j in range(100_000))
                  if dedup.band_keys(sig)[0] < (1 << 47) // 5000)
    rows = dedup.ROWS * len(shared) // dedup.NUM_BINS  # bytes of one band
    rng = random.Random(seed)
    return [shared[:rows] + rng.randbytes(len(shared) - rows) for _ in range(n)]


def near_copy(sig: bytes, bins: list[int]) -> bytes:
    """`sig` with the given bins replaced (the rest equal: similarity 1 - len(bins) / NUM_BINS)."""
    width = len(sig) // dedup.NUM_BINS
    out = bytearray(sig)
    for b in bins:
        out[b * width:(b + 1) * width] = bytes(x ^ 0x5A for x in out[b * width:(b + 1) * width])
    return bytes(out)


def test_lsh_lookups_stay_bounded_when_many_texts_share_a_band(comparisons):
    """Boilerplate: 500 texts that all share one band; a lookup takes at most PER_BAND texts of
    a bucket, so indexing n such texts costs at most PER_BAND * n comparisons, and a near-copy
    of the last one is still found through its other bands."""
    index = LshIndex()
    sigs = _boilerplate_sigs(500)
    for i, sig in enumerate(sigs):
        assert index.query(sig) is None  # 1 band equal: similar only in that band
        index.add(f"t{i}", sig)
    assert dedup.PER_BAND * 100 < comparisons[0] <= dedup.PER_BAND * 500, comparisons[0]
    assert dedup.PER_BAND * dedup.BANDS <= MAX_CANDIDATES
    assert index.query(near_copy(sigs[-1], [5, 17, 33, 60])) == "t499"
