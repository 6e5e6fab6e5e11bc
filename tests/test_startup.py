"""Start-up cost of the commands (issue #13): what a one-off command must not import."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from crawl_helpers import demo_labels

from newsspider.demo.server import DemoServer
from newsspider.runner import DisabledComponentsAddon, project_settings

HEAVY = ("aiohttp", "tldextract", "scrapy.extensions.remote_control", "scrapy.downloadermiddlewares.cookies")

# run the CLI in a child, then report which of HEAVY it imported
PROBE = f"""
import json, sys
from newsspider.cli import main
status = main(sys.argv[1:])
print(json.dumps({{"status": status, "loaded": [m for m in {HEAVY!r} if m in sys.modules]}}), file=sys.stderr)
"""


def _probe(tmp_path, *args: str) -> tuple[dict, str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    return json.loads(proc.stderr.strip().splitlines()[-1]), proc.stdout


def test_fetch_does_not_import_components_whose_setting_is_off(tmp_path):
    lab = next(x for x in demo_labels() if x["quotes"])
    with DemoServer() as srv:
        # by address, as the start-up benchmark does (a name would need tldextract for its domain)
        url = srv.base_url + urlsplit(lab["url"]).path
        report, out = _probe(tmp_path, "fetch", url, "--allow-private")
    assert report["status"] == 0
    assert json.loads(out)["title"] == lab["title"]
    # cookies and remote control are off in settings.py: never imported (nor aiohttp, tldextract)
    assert report["loaded"] == []


def _extract_loads(tmp_path, modules: tuple[str, ...], canonical: str = "") -> tuple[dict, dict]:
    """(probe report, record) of `newsspider extract` on a small saved page."""
    page = tmp_path / "page.html"
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    page.write_text(f"<html><head><title>A Story</title>{link}</head><body><article><h1>A Story</h1>"
                    + "<p>Some words of a story that goes on for a while here.</p>" * 5
                    + "</article></body></html>", encoding="utf-8")
    probe = PROBE.replace(repr(HEAVY), repr(modules))
    proc = subprocess.run([sys.executable, "-c", probe, "extract", str(page)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    return json.loads(proc.stderr.strip().splitlines()[-1]), json.loads(proc.stdout)


def test_extract_of_a_saved_page_reads_no_site_profile(tmp_path):
    report, record = _extract_loads(tmp_path, ("newsspider.profiles", "tomllib"))
    assert report == {"status": 0, "loaded": []}
    assert record["site"] == "generic"


# w3lib.url imports urllib.request (with http.client, email, ssl): ~0.18 G instructions of the
# 0.83 G that `newsspider extract FILE` took, for canonicalize_url alone; orjson ~0.0125 G
def test_extract_of_a_saved_page_imports_no_url_request_machinery(tmp_path):
    heavy = ("urllib.request", "w3lib.url", "http.client", "ssl", "orjson", "uuid")
    for canonical in ("", "https://News.example/2026/03/01/a-story?page=2&id=7"):
        report, record = _extract_loads(tmp_path, heavy, canonical)
        assert report == {"status": 0, "loaded": []}
        assert record["url_key"] == ("https://news.example/2026/03/01/a-story?id=7&page=2" if canonical
                                     else (tmp_path / "page.html").as_uri().replace("file:", "https:"))


def test_extract_to_a_file_imports_no_scrapy(tmp_path):
    # `-o FILE` checks the output path (newsspider.fscheck), whose StateCheck extension names
    # scrapy's Crawler in annotations only: importing it cost the Scrapy import (~1.2 G
    # instructions, more than all the rest of `extract`)
    page, out = tmp_path / "page.html", tmp_path / "out.jsonl"
    page.write_text("<html><head><title>A Story</title></head><body><article><h1>A Story</h1>"
                    + "<p>Some words of a story that goes on for a while here.</p>" * 5
                    + "</article></body></html>", encoding="utf-8")
    probe = PROBE.replace(repr(HEAVY), repr(("scrapy", "twisted")))
    proc = subprocess.run([sys.executable, "-c", probe, "extract", str(page), "-o", str(out)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == {"status": 0, "loaded": []}
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "A Story"


def _components(settings, group: str) -> set[str]:
    DisabledComponentsAddon().update_settings(settings)
    return set(settings.get_component_priority_dict_with_base(group))


def test_a_component_whose_setting_is_on_is_still_loaded():
    cookies = "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"
    remote = "scrapy.extensions.remote_control.RemoteControl"
    assert cookies not in _components(project_settings(), "DOWNLOADER_MIDDLEWARES")
    assert remote not in _components(project_settings(), "EXTENSIONS")
    assert cookies in _components(project_settings(COOKIES_ENABLED=True), "DOWNLOADER_MIDDLEWARES")
    assert remote in _components(project_settings(REMOTE_CONTROL_ENABLED=True), "EXTENSIONS")
    # listed by the project itself: left as listed
    listed = project_settings(DOWNLOADER_MIDDLEWARES={cookies: 700})
    assert cookies in _components(listed, "DOWNLOADER_MIDDLEWARES")


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_compiled_pattern():
    import re

    from newsspider.extract.lazyre import LazyPattern, lazy

    rx = lazy(r"\b(?:album|single)s?\b", re.IGNORECASE)
    assert isinstance(rx, LazyPattern) and rx._compiled is None
    assert rx.pattern == r"\b(?:album|single)s?\b" and rx._compiled is None  # no compile for .pattern
    ref = re.compile(rx.pattern, re.IGNORECASE)
    text = "Two Albums and a SINGLE, then singles."
    assert rx.findall(text) == ref.findall(text)
    assert rx.sub("X", text) == ref.sub("X", text)
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in ref.finditer(text)]
    assert rx.flags == ref.flags and rx.groups == ref.groups
    assert rx.search is rx.search  # bound once, then a plain attribute
    assert rx._compiled is ref  # re's own cache: the same compiled object


def test_word_tokens_without_cjk_skip_the_cjk_pattern():
    from newsspider.extract import text

    assert text.word_tokens("Don't STOP, it's 2026!") == ["don", "t", "stop", "it", "s", "2026"]
    assert text.word_tokens("") == []
    assert text.word_tokens("BTS 방탄소년단 の新曲") == ["bts", "방탄소년단", "の", "新", "曲"]
    assert text.word_tokens("emoji 🎤 mic") == ["emoji", "mic"]  # above U+3040: the full pattern


def test_the_provenance_fields_do_not_build_the_record_dataclasses():
    probe = ("import sys; from newsspider.provenance import provenance; "
             "from newsspider import SCHEMA_VERSION; import newsspider.items as items; "
             "print(provenance('https://a.example/x')['schema_version'] == SCHEMA_VERSION == items.SCHEMA_VERSION)")
    first = ("import sys; from newsspider.provenance import provenance; provenance('https://a.example/x'); "
             "print('newsspider.items' in sys.modules)")
    out = [subprocess.run([sys.executable, "-c", c], capture_output=True, text=True, timeout=60).stdout.strip()
           for c in (probe, first)]
    assert out == ["True", "False"]


def test_unquoted_titles_of_a_sentence_without_a_release_noun_compile_nothing():
    code = ("from newsspider.extract.releases import unquoted as u; "
            "a = u.find_unquoted_titles('Doctors say the pain lasted for weeks, Health Ministry said.'); "
            "b = u.find_unquoted_titles('Her new album, Quiet Room, is out on May 24.'); "
            "print(a == [], [t.text for t in b], u._INTRODUCED._compiled is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "['Quiet", "Room']", "True"], out.stderr
    first = ("from newsspider.extract.releases import unquoted as u; "
             "u.find_unquoted_titles('Doctors say the pain lasted for weeks.'); "
             "print(u._APPOSITIVE._compiled, u._INTRODUCED._compiled)")
    out = subprocess.run([sys.executable, "-c", first], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["None", "None"], out.stderr


def test_role_phrases_after_a_cue_are_found_without_compiling_the_role_pattern():
    code = (
        "import re; from newsspider.extract.quotes import subjects as s; "
        "texts = ['the longtime spokesman said', 'a former co-host of the show', "
        "'The company\\'s statement', 'their manager, who', 'his  lawyer-turned-judge', "
        "'one of the fans', 'Kim’s agency said', 'the lead singer2 said', 'an official_x', "
        "'the very tired old lazy spokeswoman said', 'the group’s leader Kim Na-yeon']; "
        "ends = [s._role_np_forward(t) for t in texts]; "
        "print(s._ROLE_NP_FWD._compiled is None, [t[:e] for t, e in zip(texts, ends) if e is not None]); "
        "old = re.compile(s._ROLE_NP_FWD.pattern, re.I); "
        "print(all((m.end() if (m := old.match(t)) else None) == e for t, e in zip(texts, ends)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    first, second = out.stdout.strip().splitlines()
    assert first.startswith("True ") and second == "True", out.stderr
    found = first[len("True "):]
    assert "'the longtime spokesman'" in found and "'a former co-host'" in found
    assert "the lead singer2" not in found  # no word boundary after the role noun
    assert "spokeswoman" not in found  # four words before the role noun: too many


# module-level patterns used on fewer than ~25% of the news-pages, real-news and fan-news pages
# (measured 2026-12-03): compiled on first use, not at every start
RARE_PATTERNS = {
    "newsspider.extract.metadata.title": ("_SEP_END", "_SEP_START"),
    "newsspider.extract.metadata.common": ("_MAIN",),
    "newsspider.extract.metadata.published": ("_DATE_FILLER",),
    "newsspider.extract.metadata.authors": ("_BYLINE_CLASS",),
    "newsspider.extract.mentions.index": ("_LEAD_ADVERBIAL",),
    "newsspider.extract.mentions.runs": ("_TOKEN_RE", "_PREP_BEFORE"),
    "newsspider.extract.mentions.resolve": ("_COORD",),
    "newsspider.extract.quotes.cues": ("_PP_AFTER_ROLE", "_NOUN_POSITION"),
    "newsspider.extract.quotes.subjects": ("_BARE_PLURAL_BACK",),
    "newsspider.extract.dates.spot": ("_NAME_AFTER", "_MONTH_NAME_AFTER"),
    "newsspider.extract.dates.resolve": ("_AHEAD_OF",),
    "newsspider.extract.dates": ("_RANGE_JOIN", "_HAS_YEAR"),
}


def test_rarely_used_patterns_compile_on_first_use():
    import importlib

    from newsspider.extract.lazyre import LazyPattern

    eager = [f"{mod}.{name}" for mod, names in RARE_PATTERNS.items() for name in names
             if not isinstance(getattr(importlib.import_module(mod), name), LazyPattern)]
    assert eager == []


def test_extract_writes_orjsons_bytes_without_orjson():
    import math
    import random

    import orjson

    from newsspider.cli.oneoff import json_line

    rng = random.Random(5)
    leaves = [None, True, False, 0, -1, 2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**63) - 1, 0.0, -0.0, 0.5,
              1e-4, 9.99e-5, 5e-05, 123.0, 1e15, 1e16, 1e300, math.nan, math.inf, "", "a\"b\\c",
              "\x00\x1f\x7f\b\f\n\r\t", "é한\u2028\U0001f3a4", "\ud800"]

    def value(depth: int) -> object:
        r = rng.random()
        if depth > 3 or r < 0.5:
            return rng.choice([*leaves, rng.random(), rng.uniform(-1e6, 1e6), rng.randint(-10**6, 10**6),
                               "".join(chr(rng.randrange(0x30000)) for _ in range(rng.randint(0, 5)))])
        if r < 0.75:
            return [value(depth + 1) for _ in range(rng.randint(0, 4))]
        return {rng.choice(["a", "b", "é", ""]): value(depth + 1) for _ in range(rng.randint(0, 4))}

    for _ in range(20_000):
        record = {"x": value(0)}
        try:
            expected: object = orjson.dumps(record) + b"\n"
        except orjson.JSONEncodeError:
            expected = orjson.JSONEncodeError
        try:
            got: object = json_line(record)
        except orjson.JSONEncodeError:
            got = orjson.JSONEncodeError
        assert got == expected, record
    for odd in ({"t": (1, 2)}, {"d": __import__("datetime").date(2026, 3, 1)}):
        assert json_line(odd) == orjson.dumps(odd) + b"\n"  # orjson writes these
    with pytest.raises(orjson.JSONEncodeError):
        json_line({1: "a key that is no str"})  # orjson refuses it; so does json_line


def test_a_parser_for_one_command_parses_as_the_full_parser(capsys):
    from newsspider.cli.common import CliError
    from newsspider.cli.parser import COMMANDS, build_parser

    def parse(parser, argv):
        try:
            ns = vars(parser.parse_args(argv))
            out = ("ok", {k: getattr(v, "__name__", v) for k, v in ns.items()})
        except CliError as exc:
            out = ("error", str(exc))
        except SystemExit as exc:
            out = ("exit", exc.code)
        return out, capsys.readouterr()

    argvs = [["extract", "a.html"], ["extract"], ["extract", "--help"], ["extract", "--bogus"],
             ["extract", "--max-size", "x", "f"], ["extract", "--profiles", "d", "-o", "o.jsonl", "f", "g"],
             ["fetch", "http://a.example/", "--pretty"], ["fetch"], ["fetch", "-h"], ["crawl", "--generic", "http://x/"],
             ["crawl", "--help"], ["demo", "--delay", "99"], ["sites"], ["dates", "--base", "2026-01-01"],
             ["evaluate", "quotes"], ["merge"], ["export", "x", "--to", "csv"], ["--profiles", "d", "extract", "f"],
             ["--version"], ["-h"], ["bogus"], []] + [[c, "--help"] for c in COMMANDS]
    assert set(build_parser()._subparsers._group_actions[0].choices) == set(COMMANDS)  # type: ignore[union-attr]
    for argv in argvs:
        assert parse(build_parser(argv[0] if argv else None), argv) == parse(build_parser(), argv), argv
    assert parse(build_parser("extract"), ["extract", "-h"])[1].out.startswith("usage: newsspider extract [-h]")


def test_a_date_in_words_dateutil_cannot_read_does_not_import_it(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html lang="vi"><head><title>Một câu chuyện</title></head><body><article>'
                    '<h1>Một câu chuyện</h1><span class="date">Thứ hai, 02/03/2026, 08:15 (GMT+7)</span>'
                    + "<p>Một đoạn văn khá dài của câu chuyện này, để có nội dung cho bài viết ở đây.</p>" * 3
                    + "</article></body></html>", encoding="utf-8")
    probe = PROBE.replace(repr(HEAVY), repr(("dateutil", "dateutil.parser")))
    proc = subprocess.run([sys.executable, "-c", probe, "extract", str(page)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == {"status": 0, "loaded": []}
    assert json.loads(proc.stdout)["published"] == "2026-03-02T08:15:00"


def test_dateutil_fails_on_every_string_kept_from_it():
    import random
    import warnings

    from dateutil import parser as du

    from newsspider.extract.metadata.published import _TZ_ABBR, _not_for_dateutil

    shapes = ["May 24, 2026", "Mon, 05 Aug 2024 12:47:21 GMT", "3 May 2024, 17:47", "2024-04-26 10:00 KST",
              "Friday, 22 Nov 2024 4:55 PM MYT", "-0300 (BRST) 2024 10:00", "10h 2024", "Jan of 2024",
              "24-Jan-2024", "Jan-01-2024", "2024.05.03", "Sep.20.2009", "4:30:21.447 2024", "02/03/2026 - 14:02 MEZ",
              "12. März 2025 18:03", "Thứ tư, 22/10/2025", "søndag 2 February 2025", "2025/1/14 21:17", "June of 2025"]
    letters = "ứếởàéüößøåçñıİĞşłžčřÅΩλДжאعक한の中ğK"
    rng = random.Random(11)
    tzinfos = {k: int(v * 3600) for k, v in _TZ_ABBR.items()}
    kept = 0
    for _ in range(6_000):
        s = list(rng.choice(shapes))
        for _ in range(rng.randint(1, 2)):
            word = rng.choice(letters) if rng.random() < 0.7 else (
                rng.choice([" ", "", "."]) + rng.choice(letters) + rng.choice(["", " ", ".", "2024"]))
            s.insert(rng.randrange(len(s) + 1), word)
        text = "".join(s)
        if not _not_for_dateutil(text):
            continue
        kept += 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises((ValueError, OverflowError)):
                du.parse(text, tzinfos=tzinfos, fuzzy=False)  # type: ignore[arg-type]
    assert kept > 4_000
    assert not _not_for_dateutil("Jan of ž2024")  # dateutil reads it (January 2024): handed to it
    assert not _not_for_dateutil("12 March 2026 (KST)")


_ENGLISH = ("The singer said on Monday that the group would return in June with a new album, and that "
            "the members had written most of its songs themselves after a long break from the stage. "
            "Fans who had waited for news since the last tour were quick to share the announcement, "
            "which came with a short video of the band at work in the studio. It was the first time "
            "they had spoken about the record in public, and the label has not yet said when the "
            "first single will be released or whether a tour will follow later in the year. ")
_GERMAN = ("Die Sängerin sagte am Montag, dass die Gruppe im Juni mit einem neuen Album zurückkehren "
           "werde und dass die Mitglieder die meisten Lieder nach einer langen Pause selbst geschrieben "
           "hätten. Fans, die seit der letzten Tour auf Neuigkeiten gewartet hatten, teilten die "
           "Ankündigung schnell, die mit einem kurzen Video der Band im Studio kam. ")


def test_a_plainly_english_text_is_english_without_loading_the_model():
    code = ("import sys; from newsspider.extract.language import detect_language as d; "
            f"print(d({_ENGLISH * 2!r}), 'py3langid' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["en", "False"], out.stderr


def test_the_english_shortcut_agrees_with_the_model():
    from newsspider.extract import language

    model = language._identifier()
    texts = [_ENGLISH * k for k in (1, 2, 4)] + [_GERMAN * k for k in (1, 3)]
    texts += [_ENGLISH[:i] + _GERMAN + _ENGLISH[i:] for i in range(0, len(_ENGLISH), 97)]
    texts += [" ".join(_ENGLISH.split()[i:i + n]) for i in range(0, 60, 7) for n in (40, 100, 160)]
    shortcut = 0
    for text in texts:
        sample = text.strip()[: language.SAMPLE_CHARS]
        lang, prob = model.classify(sample)
        expected = str(lang) if prob >= language.MIN_PROBABILITY and len(sample) >= language.MIN_CHARS else None
        assert language.detect_language(text) == expected
        if language.plainly_english(sample):
            shortcut += 1
            assert expected == "en"
    assert shortcut >= 10
    assert not language.plainly_english(_GERMAN * 3)
