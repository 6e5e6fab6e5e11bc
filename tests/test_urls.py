import pytest

from newsspider.urls import BadURL, check_url, normalize_url, strip_tracking


@pytest.mark.parametrize(
    "a, b",
    [
        ("http://kpopdemo.example/2026/03/01/x/?utm_source=rss&utm_medium=feed",
         "https://kpopdemo.example/2026/03/01/x/"),
        ("https://WWW.Kpopdemo.example/2026/03/01/x?fbclid=abc", "https://kpopdemo.example/2026/03/01/x/"),
        ("https://kpopdemo.example/a/index.html#comments", "https://kpopdemo.example/a/"),
        ("https://kpopdemo.example/p?b=2&a=1", "https://kpopdemo.example/p?a=1&b=2"),
        ("https://kpopdemo.example:443/p", "https://kpopdemo.example/p"),
    ],
)
def test_same_key(a, b):
    assert normalize_url(a) == normalize_url(b)


def test_different_articles_keep_different_keys():
    assert normalize_url("https://s.example/p?id=1") != normalize_url("https://s.example/p?id=2")
    assert normalize_url("https://s.example/a/") != normalize_url("https://t.example/a/")


def test_strip_tracking_keeps_real_parameters():
    assert strip_tracking("https://s.example/p?id=7&utm_campaign=x&gclid=1") == "https://s.example/p?id=7"


@pytest.mark.parametrize("bad", ["notaurl", "ftp://x.example/", "http://", "https://x.example:99999/"])
def test_check_url_rejects(bad):
    with pytest.raises(BadURL, match="malformed URL"):
        check_url(bad)


def _random_urls(n: int, seed: int) -> list[str]:
    """URLs built from parts canonicalize_url treats specially (case, ports, user info, IDNA,
    dot segments, params, escapes, blank and repeated query keys, fragments, unsafe characters)."""
    import random

    rng = random.Random(seed)
    chars = "abcXYZ019-._~!$&'()*+,;=:@/%?#[]| \t\"<>\\^`{}é한\x00\n"
    labels = ["a", "B", "xn--abc", "ex-ample", "-a", "a-", "9", "123", "www", "é", "a_b", "", "x" * 64,
              "Kpop", "0x7f", "ab--c"]
    segments = ["/", "/a", "/.", "/..", "/index.html", "/x-y_z~", "/é", "/%41", "/%2f", "/a;b", "/:@!",
                "/(1)", "/*+,", "/$&'=", "//"]
    keys = ["a", "B", "id", "_", "~x", "k.v", "utm_source", "", "é", "a b", "%41"]
    values = ["", "=", "=1", "=xY-_.~", "==", "=a&", "=%20", "=+", "=é"]
    out = []
    for _ in range(n):
        host = ".".join(rng.choice(labels) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.1:
            host += "."
        if rng.random() < 0.1:
            host += ":" + rng.choice(["80", "443", "8080", "", "0", "99999"])
        if rng.random() < 0.05:
            host = "user:pw@" + host
        path = "".join(rng.choice([*segments, "".join(rng.choice(chars) for _ in range(rng.randint(0, 3)))])
                       for _ in range(rng.randint(0, 5)))
        scheme = rng.choice(["http", "https", "https", "HTTP", "ftp", "file"])
        url = f"{scheme}://{'' if scheme == 'file' and rng.random() < 0.7 else host}{path}"
        if rng.random() < 0.5:
            url += "?" + "&".join(rng.choice(keys) + rng.choice(values) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.2:
            url += "#" + "".join(rng.choice(chars) for _ in range(rng.randint(0, 4)))
        out.append(url)
        # a plain URL with at most one character changed: both sides of the fast path's border
        origin = rng.choice(["http://", "https://", "https://www."]) + rng.choice(labels[:4]) + ".example"
        plain = (rng.choice([origin, origin, "file://"])
                 + "".join(rng.choice(segments[4:7] + segments[10:]) for _ in range(rng.randint(0, 3)))
                 + rng.choice(["", "?b=2&a=1", "?id=7", "?a=&c", "?k=v&k=u"]))
        if rng.random() < 0.5:
            at = rng.randrange(len(plain) + 1)
            plain = plain[:at] + rng.choice(chars) + plain[at:]
        out.append(plain)
    return out


def test_canonicalize_url_is_w3libs_without_importing_it_for_plain_urls():
    from w3lib.url import canonicalize_url as w3lib_canonicalize_url

    from newsspider import urls

    plain = urls._patterns()[0]
    fast = 0
    cases = [
        "http://a.example", "https://A.Example/X/y?b=2&a=1&a=0", "http://a.example/x?", "http://a.example/x?a",
        "https://news.example/2026/03/01/story-title-123.html", "http://a.example/a//b?k=~v",
        "http://a.example/a/./b", "http://a.example/a/..", "http://a.example/%7Ex", "http://a.example/a;p?q=1",
        "http://127.0.0.1/x", "http://a.example:8080/x", "http://xn--bcher-kva.example/", "http://a.example/é",
        "http://a.example/x?A=1&a=0&_=1&-=2&.=3&0=4", "file:///tmp/saved/page.html", "file://", "file:///",
        "file:///tmp/./x", "file:///C:/x", "file://localhost/x", "FILE:///x", "file:///x?b=1&a=2", "http://a.example/x?a=1&&b=2", "http://a.example/x?a=b=c",
        *_random_urls(6_000, seed=13),
    ]
    for url in cases:
        try:
            stripped = urls.strip_tracking(url)  # what normalize_url passes on
        except ValueError:  # "Invalid IPv6 URL"
            stripped = url
        for u in (url, stripped):
            try:
                expected: object = w3lib_canonicalize_url(u)
            except ValueError as exc:
                expected = type(exc)
            try:
                got: object = urls.canonicalize_url(u)
            except ValueError as exc:
                got = type(exc)
            assert got == expected, u
            fast += plain.fullmatch(u) is not None
    assert fast > 5_000  # the fast path is exercised, not only the fallback


def test_a_url_without_a_query_does_not_compile_the_tracking_pattern():
    from newsspider import urls

    urls._tracking.cache_clear()
    assert normalize_url("https://News.example/2026/03/01/story/") == "https://news.example/2026/03/01/story"
    assert urls._tracking.cache_info().currsize == 0
    assert normalize_url("https://news.example/p?utm_source=x&id=2") == "https://news.example/p?id=2"
    assert urls._tracking.cache_info().currsize == 1
