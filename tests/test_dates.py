"""Date expressions: shapes, traps, tense-aware year/weekday inference, the `dates` tool."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from newsspider.evaluate import datetool
from newsspider.extract.dates import (
    find_dates,
    parse_tz,
    resolve_expression,
    resolve_in_context,
    tense_at,
)

MON = dt.date(2024, 5, 27)  # a Monday


def vals(text: str, base: dt.date | dt.datetime = MON) -> list[tuple[str, str, str]]:
    return [(d["text"], d["value"], d["precision"]) for d in find_dates(text, base)]


def test_offsets_point_into_the_text() -> None:
    text = "The album arrives on 6/14, and the tour starts in early July."
    for d in find_dates(text, MON):
        assert text[d["start"] : d["end"]] == d["text"]
    assert vals(text) == [("6/14", "2024-06-14", "day"), ("early July", "2024-07", "month")]


def test_abbreviated_months_with_period_and_time_zone() -> None:
    got = find_dates("It will be released on Aug. 7 at 6 p.m. KST.", dt.date(2024, 8, 1))
    assert [(d["text"], d["value"], d["time"]) for d in got] == [
        ("Aug. 7 at 6 p.m. KST", "2024-08-07", "18:00+09:00")
    ]
    got = find_dates(
        "The single drops Friday, May 24 at 1 p.m. KST, the label said.", dt.date(2024, 5, 20)
    )
    assert [(d["value"], d["time"]) for d in got] == [("2024-05-24", "13:00+09:00")]
    got = find_dates("Doors open Sept. 3 at 7:30 PM (UTC+9) and 11 a.m. ET", dt.date(2024, 8, 1))
    assert got[0]["time"] == "19:30+09:00"


def test_dotted_am_pm_does_not_end_the_sentence() -> None:
    got = find_dates("The show starts at 6 p.m. The album arrives June 14 at 11 a.m. KST.", MON)
    assert [(d["value"], d["time"]) for d in got] == [("2024-06-14", "11:00+09:00")]


def test_traps_are_not_dates() -> None:
    assert vals("we may go one a day, for 3 weeks, in 2013; fans may march on.") == []
    assert vals("He may be back. They march in step. A 3/4 majority worked 24/7.") == []
    assert vals("The band Sunday Parade and the show Friday Night Lights.") == []
    assert vals("She debuted in 2013 and has been singing for ten years.") == []


def test_year_inference_follows_tense() -> None:
    dec27 = dt.date(2023, 12, 27)
    assert vals("The group will release its album on January 8.", dec27) == [
        ("January 8", "2024-01-08", "day")
    ]
    assert vals("The single came out on Dec. 15.", dec27) == [("Dec. 15", "2023-12-15", "day")]
    may12 = dt.date(2024, 5, 12)
    assert vals("The single was released on May 9.", may12) == [("May 9", "2024-05-09", "day")]
    # far from the base date the tense decides between last year and this year
    feb = dt.date(2024, 2, 10)
    assert vals("It was released on Aug. 1.", feb)[0][1] == "2023-08-01"
    assert vals("It will be released on Aug. 1.", feb)[0][1] == "2024-08-01"
    jan = dt.date(2025, 1, 4)
    assert vals("Pre-orders began on Dec. 30.", jan)[0][1] == "2024-12-30"


def test_month_precision_phrases() -> None:
    base = dt.date(2024, 7, 12)
    assert vals("It came out in March.", base) == [("March", "2024-03", "month")]
    assert vals("It will come out in March.", base) == [("March", "2025-03", "month")]
    assert vals("Fans expect it in mid-June.", dt.date(2024, 5, 2)) == [
        ("mid-June", "2024-06", "month")
    ]
    assert vals("Their album came out last November.", base) == [
        ("last November", "2023-11", "month")
    ]
    assert vals("It came out in May last year.", base) == [("May last year", "2023-05", "month")]
    assert vals("It came out in December 2022.", base) == [("December 2022", "2022-12", "month")]
    assert vals("They return later this month.", base) == [("later this month", "2024-07", "month")]
    assert vals("They return next month.", dt.date(2024, 12, 3)) == [
        ("next month", "2025-01", "month")
    ]


def test_weekdays_in_the_direction_of_the_sentence() -> None:
    fri = dt.date(2024, 7, 12)
    assert vals("They will return next Friday.", fri) == [("next Friday", "2024-07-19", "day")]
    assert vals("It came out last Friday.", fri) == [("last Friday", "2024-07-05", "day")]
    assert vals("The agency said Wednesday.", fri) == [("Wednesday", "2024-07-10", "day")]
    assert vals("The group will perform on Wednesday.", fri) == [("Wednesday", "2024-07-17", "day")]
    assert vals("The group performed on Friday.", fri) == [("Friday", "2024-07-12", "day")]
    assert vals("LUMINA return on Thursday with a new single.", dt.date(2023, 6, 5)) == [
        ("Thursday", "2023-06-08", "day")
    ]
    mon = dt.date(2023, 8, 21)
    assert vals("The single will be released this Wednesday.", mon) == [
        ("this Wednesday", "2023-08-23", "day")
    ]
    assert vals("The album came out Monday evening.", dt.date(2024, 4, 30)) == [
        ("Monday evening", "2024-04-29", "day")
    ]


def test_today_tomorrow_yesterday_and_ago() -> None:
    assert vals("It came out yesterday; the video drops tomorrow; today is fine.") == [
        ("yesterday", "2024-05-26", "day"),
        ("tomorrow", "2024-05-28", "day"),
        ("today", "2024-05-27", "day"),
    ]
    assert vals("It was released two weeks ago.") == [("two weeks ago", "2024-05-13", "day")]


def test_other_shapes() -> None:
    assert vals("on 14 June 2024, on 2024.05.30 and on June 3rd") == [
        ("14 June 2024", "2024-06-14", "day"),
        ("2024.05.30", "2024-05-30", "day"),
        ("June 3rd", "2024-06-03", "day"),
    ]
    assert vals("a countdown on New Year’s Eve", dt.date(2024, 12, 27)) == [
        ("New Year’s Eve", "2024-12-31", "day")
    ]
    assert vals("this coming Sunday, March eighth", dt.date(1998, 3, 5)) == [
        ("this coming Sunday, March eighth", "1998-03-08", "day")
    ]
    assert vals("July 28-Aug. 12, 1984: the Games", dt.date(2020, 1, 1))[0][1] == "1984-07-28"


def test_datetime_base_and_helpers() -> None:
    base = dt.datetime(2024, 5, 27, 12, 20, tzinfo=dt.UTC)
    assert vals("It arrives on 6/14.", base) == [("6/14", "2024-06-14", "day")]
    assert parse_tz("KST") == "+09:00"
    assert parse_tz("PDT") == "-07:00"
    assert parse_tz("UTC+5:30") == "+05:30"
    assert parse_tz("XYZ") is None
    d = resolve_expression("Aug. 7", dt.date(2023, 8, 1), "future")
    assert d is not None and d.value == "2023-08-07"
    text = "Crews arrived Friday and will leave Friday."
    assert tense_at(text, text.index("Friday"), text.index("Friday") + 6) == "past"
    later = text.rindex("Friday")
    got = resolve_in_context(text, later, later + 6, dt.date(2024, 7, 10))
    assert got is not None and got.value == "2024-07-12"


def test_dates_tool_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Intro line\r\nThe EP arrives Aug. 7 at 6 p.m. KST, after “X” came out last Friday."
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    )
    assert datetool.main(["--base", "2024-08-01", "-"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["text"], x["value"], x["precision"]) for x in lines] == [
        ("Aug. 7 at 6 p.m. KST", "2024-08-07", "day"),
        ("last Friday", "2024-07-26", "day"),
    ]
    assert lines[0]["time"] == "18:00+09:00"
    for x in lines:  # offsets index the raw input, \r\n included
        assert text[x["start"] : x["end"]] == x["text"]


def test_dates_tool_reads_a_file(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    f = tmp_path / "a.txt"
    f.write_text("Released on May 9.", encoding="utf-8")
    assert datetool.main(["--base", "2024-05-12", str(f)]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert out == [
        {
            "start": 12,
            "end": 17,
            "text": "May 9",
            "value": "2024-05-09",
            "precision": "day",
            "time": None,
        }
    ]
    with pytest.raises(SystemExit):
        datetool.main(["--base", "yesterday", str(f)])


def test_weekday_tense_schedule_words_and_quoted_titles() -> None:
    # "debut" (plural subject) and "..., out Friday" read as a schedule: forwards
    assert vals("The quartet debut on Wednesday with a single.")[0][1] == "2024-05-29"
    assert vals("Their repackage, with two new songs, out Friday at 6 p.m. KST.")[0][1] == (
        "2024-05-31"
    )
    # but "sold out" / "came out" stay in the past
    assert vals("The venue sold out Friday.")[0][1] == "2024-05-24"
    # words of a quoted title are not verbs, and its colon does not end the clause
    assert vals("The group returns with “Was It Love: Reprise,” on Thursday.")[0][1] == (
        "2024-05-30"
    )


def test_default_tense_only_for_bare_weekdays() -> None:
    from newsspider.extract.dates import find_date_matches

    text = "A new EP from the duo, Friday. Also a single, June 3."
    got = find_date_matches(text, MON, default_tense="future")
    assert [(d.text, d.value) for d in got] == [("Friday", "2024-05-31"), ("June 3", "2024-06-03")]
    got = find_date_matches(text, MON)
    assert got[0].value == "2024-05-24"


def test_early_mid_late_month_are_month_precision() -> None:
    base = dt.date(2024, 5, 27)
    assert vals("The album arrives in late June.", base) == [("late June", "2024-06", "month")]
    assert vals("The album arrives in early June.", base) == [("early June", "2024-06", "month")]
    assert vals("The album arrives mid-June.", base) == [("mid-June", "2024-06", "month")]
    assert vals("The album arrives in mid June.", base) == [("mid June", "2024-06", "month")]
    # the tense still picks the year
    assert vals("It came out in late March.", base) == [("late March", "2024-03", "month")]
    assert vals("It will come out in early January.", base) == [
        ("early January", "2025-01", "month")
    ]
    assert vals("It will come out in late January.", dt.date(2023, 12, 27)) == [
        ("late January", "2024-01", "month")
    ]


MAY12 = dt.date(2024, 5, 12)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present-tense release verb with a date is a schedule: forwards, across the new year
        ("The single “Echo” comes out January 8.", "2025-01-08"),
        ("The single “Echo” will come out January 8.", "2025-01-08"),
        ("Their EP drops Feb. 2 at 6 p.m. KST.", "2025-02-02"),
        ("The album hits shelves on March 1.", "2025-03-01"),
        ("The album is out on January 20.", "2025-01-20"),
        ("The quartet releases its album on January 8.", "2025-01-08"),
        ("“Echo” and “Lull” drop January 8.", "2025-01-08"),
        ("On January 8, the quartet releases its album.", "2025-01-08"),
        ("The agency said the single arrives Jan. 8.", "2025-01-08"),
        # later in the publication month: this month
        ("The single “Echo” comes out May 20.", "2024-05-20"),
        # earlier in the publication month: stays this year, not next May
        ("The single “Echo” comes out May 3.", "2024-05-03"),
        # habitual or past contexts keep the nearest reading
        ("The label usually releases its winter single on January 8.", "2024-01-08"),
        ("Back then, the single comes out January 8 and tops the chart.", "2024-01-08"),
        # not a finite present verb: a noun, a perfect, a negated past
        ("It completed the full release on January 8.", "2024-01-08"),
        ("Prices have come down since January 8.", "2024-01-08"),
        ("The single did not come out on January 8.", "2024-01-08"),
    ],
)
def test_present_tense_schedule_reads_forwards(text: str, value: str) -> None:
    got = find_dates(text, MAY12)
    assert [d["value"] for d in got] == [value]


def test_tense_at_present_schedule() -> None:
    text = "The single “Echo” comes out January 8."
    i = text.index("January")
    assert tense_at(text, i, i + len("January 8")) == "future"
    text = "The single usually comes out January 8."
    assert tense_at(text, text.index("January"), len(text) - 1) != "future"


def test_weekday_ahead_of_an_event_reads_forwards() -> None:
    # "ahead of Tuesday's vote" in a Sunday article: the coming Tuesday, not the past one
    sun = dt.date(2024, 5, 26)
    got = find_dates("The candidates toured the state ahead of Tuesday's vote.", sun)
    assert [d["value"] for d in got] == ["2024-05-28"]
    got = find_dates("Polls tightened in advance of Monday's caucus.", sun)
    assert [d["value"] for d in got] == ["2024-05-27"]
    # a possessive weekday without such a cue still reports the past
    got = find_dates("Tuesday's vote surprised the party.", sun)
    assert [d["value"] for d in got] == ["2024-05-21"]


def test_clock_am_is_not_the_verb_am() -> None:
    # "8 AM" is a time: the clause is past ("was taken"), so Wednesday is the one before
    thu = dt.date(2024, 5, 30)
    got = find_dates("It was taken from her room between 8 AM and 9 PM Wednesday.", thu)
    assert [d["value"] for d in got] == ["2024-05-29"]


NOV30 = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "base", "value"),
    [
        # a past-tense verb governing a year-less date: the latest such date on or before the
        # publication date, however far back in the year it is
        ("Nova released “Glass Hour” on January 21, and the track entered the charts.", NOV30,
         "2026-01-21"),
        ("Their second EP was released on January 14.", NOV30, "2026-01-14"),
        ("The duo has dropped “Tide” on Jan. 9 to mixed reviews.", NOV30, "2026-01-09"),
        ("The quintet debuted with “Spark” on January 3.", NOV30, "2026-01-03"),
        ("The fiscal quarter ended Dec. 18 with a loss.", dt.date(2026, 12, 10), "2025-12-18"),
        ("The group came out with the album in January.", NOV30, "2026-01"),
        ("On January 21, the group released its first single.", NOV30, "2026-01-21"),
        ("The single, released on January 21, topped the chart.", NOV30, "2026-01-21"),
        # future: the next one on or after it
        ("The band will release its third album on November 20.", dt.date(2026, 12, 2),
         "2027-11-20"),
        ("The album is set to arrive in November.", dt.date(2026, 12, 2), "2027-11"),
        # not governed by the past verb: an end point, a modifier, a non-finite clause
        ("The offer was extended to Nov. 20.", dt.date(2026, 11, 2), "2026-11-20"),
        ("The board declared a dividend, payable Dec. 7 to holders of record.",
         dt.date(2026, 10, 27), "2026-12-07"),
        ("She decided against performing on January 20th because of the backlash.",
         dt.date(2026, 12, 22), "2027-01-20"),
        ("The director said nobody could predict what might happen at the gala on Feb. 9.",
         dt.date(2026, 1, 19), "2026-02-09"),
        ("The club has set Nov. 10 as the deadline for bids.", dt.date(2026, 11, 2), "2026-11-10"),
        ("With the vote just weeks away, Sept. 14, the board was busy.", dt.date(2026, 8, 26),
         "2026-09-14"),
        ("On April 17, the mayor indicated he would sign the bill.", dt.date(2026, 4, 28),
         "2026-04-17"),
    ],
)
def test_year_of_a_yearless_date_follows_the_governing_verb(
        text: str, base: dt.date, value: str) -> None:
    assert [d["value"] for d in find_dates(text, base)] == [value]


@pytest.mark.parametrize(
    ("text", "base", "value"),
    [
        # a date inside an infinitive after a verb of intention or expectation ("expects to",
        # "hopes to", "is likely to", "want to") is the time of a planned event: it reads
        # forwards even when a past reporting verb opens the sentence
        ("The lender said it expects to win approval and close the sale by year-end.",
         dt.date(2026, 11, 5), "2026-12-31"),
        ("Most members said they were less likely to back the mayor in November.",
         dt.date(2027, 4, 20), "2027-11"),
        ("The governor said she hopes to sign the measure on Friday.",
         dt.date(2026, 6, 3), "2026-06-05"),
        ("Organisers said they intend to open the bridge in March.",
         dt.date(2026, 10, 14), "2027-03"),
        ("Rivals told reporters they did not want to face her in November.",
         dt.date(2027, 3, 2), "2027-11"),
        # a reporting verb after "to" is an infinitive, not a finite past form
        ("The committee is expected to report its findings on Monday.",
         dt.date(2026, 6, 3), "2026-06-08"),
        # the past stays past
        ("She said she hoped the talks on Monday had gone well.", dt.date(2026, 6, 3),
         "2026-06-01"),
        ("He had expected the deal to close in March, the bank said.", dt.date(2026, 10, 14),
         "2026-03"),
    ],
)
def test_infinitive_of_intention_reads_forwards(text: str, base: dt.date, value: str) -> None:
    assert [d["value"] for d in find_dates(text, base)] == [value]


@pytest.mark.parametrize(
    ("text", "base", "value"),
    [
        # a nearer verb governs the date, not an intention further away
        ("The senator flew north, hoping to win over the towns that voted Tuesday.",
         dt.date(2026, 6, 4), "2026-06-02"),
        ("On Tuesday the mayor doubled down, seeking to calm the council.",
         dt.date(2026, 6, 4), "2026-06-02"),
        # an intention with its auxiliary is still an intention
        ("The governor is hoping to win the neighbouring state this Tuesday.",
         dt.date(2026, 6, 4), "2026-06-09"),
    ],
)
def test_intention_does_not_override_a_nearer_verb(text: str, base: dt.date, value: str) -> None:
    assert [d["value"] for d in find_dates(text, base)] == [value]


@pytest.mark.parametrize(
    ("text", "base", "value"),
    [
        # a present-tense verb of a scheduled event (a vote, a meeting, a match, a trip) governing
        # a bare weekday is a schedule: forwards, like "drops Friday"
        ("Ruritania holds its national referendum on Tuesday.", dt.date(2026, 6, 4), "2026-06-09"),
        ("The river county, which holds a caucus on Saturday, is small.", dt.date(2026, 6, 4),
         "2026-06-06"),
        ("Minister Vale and envoy Orsk meet separately Monday with the mediator.",
         dt.date(2026, 6, 5), "2026-06-08"),
        ("The home side faces the league leaders on Sunday.", dt.date(2026, 6, 4), "2026-06-07"),
        ("The council votes Thursday on the budget.", dt.date(2026, 6, 1), "2026-06-04"),
        # not a schedule: a noun after a determiner, a past form, a habit
        ("Turnout at the vote on Tuesday was low.", dt.date(2026, 6, 4), "2026-06-02"),
        ("The council held its vote on Tuesday.", dt.date(2026, 6, 4), "2026-06-02"),
        ("The club usually plays on Sunday, but it was rained off.", dt.date(2026, 6, 4),
         "2026-05-31"),
        # a capitalised verb inside the clause is a programme's name, not the verb
        ("The senator told Channel Nine's Face the Voters on Sunday that she would run.",
         dt.date(2026, 6, 4), "2026-05-31"),
    ],
)
def test_present_tense_event_verb_with_a_weekday_reads_forwards(
        text: str, base: dt.date, value: str) -> None:
    assert [d["value"] for d in find_dates(text, base)] == [value]


def test_abbreviation_before_a_dot_read_in_the_last_seven_characters() -> None:
    """`sentence_spans` looks for the abbreviation before a dot in the last 7 characters of the
    text before it (the pattern ends at $, its words have at most 5 letters): the same answer
    as the search over the whole text (speed only)."""
    import random
    import re

    from newsspider.extract.dates import tense

    pattern = tense._ABBREV_BEFORE_DOT
    words = re.findall(r"[\w\\.]+", pattern.pattern.split("(?:", 2)[2])
    assert max(len(w.replace("\\", "")) for w in words) <= 5
    pieces = ["Jan", "Sept", "Thurs", "U.S", "a.m", "Mr", "X", "x", "aMon", "Mon", " ", "\n", "1",
              "é", "Corp", "e.g", "Inc", "Xmas"]
    rng = random.Random(7)
    hits = 0
    for _ in range(20000):
        head = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n", "."])
                       for _ in range(rng.randint(0, 5)))
        found = pattern.search(head) is not None
        assert (pattern.search(head[-7:]) is not None) == found, repr(head)
        hits += found
    assert hits > 1000
