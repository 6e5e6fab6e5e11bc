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
