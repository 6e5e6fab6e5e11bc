"""Release events: one invented example per phrasing and per distractor."""

from __future__ import annotations

import pytest

from newsspider.extract.releases import extract_releases, title_key

PUB = "2024-05-27T12:20:00+00:00"  # a Monday


def one(paragraphs: list[str] | str, published: str = PUB, **kw) -> dict:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    got = extract_releases(paragraphs, published, **kw)
    assert len(got) == 1, got
    return got[0]


def none(paragraphs: list[str] | str, published: str = PUB, **kw) -> None:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    assert extract_releases(paragraphs, published, **kw) == []


# --- phrasings ------------------------------------------------------------------------------


def test_will_release_numeric_date_upcoming() -> None:
    ev = one(
        "The quartet will release their third mini album, “Moth Season,” on 6/14, the label said.",
        title="MOONCALF Announce June Return",
    )
    assert ev["title"] == "Moth Season"
    assert ev["kind"] == "mini_album"
    assert ev["date"] == "2024-06-14"
    assert ev["date_precision"] == "day"
    assert ev["status"] == "upcoming"
    assert ev["time"] is None
    assert ev["evidence"].startswith("The quartet will release")


def test_title_released_on_month_day_past() -> None:
    ev = one(
        "Their digital single “Glass Garden,” which was released on May 9, topped the charts.",
        published="2024-05-12",
    )
    assert (ev["title"], ev["kind"], ev["date"], ev["status"]) == (
        "Glass Garden",
        "digital_single",
        "2024-05-09",
        "released",
    )


def test_is_set_to_be_released_with_time_and_zone() -> None:
    ev = one(
        "ORBIT’s first full album “Satellite Hearts” is set to be released on Aug. 7 at 6 p.m. KST.",
        published="2024-08-01",
    )
    assert ev["artist"] == "ORBIT"
    assert ev["kind"] == "album"
    assert ev["date"] == "2024-08-07"
    assert ev["time"] == "18:00+09:00"
    assert ev["status"] == "upcoming"


def test_time_before_date() -> None:
    ev = one("Kim Da-ol will drop her solo single “Ember” at 1 p.m. KST on May 30.")
    assert ev["date"] == "2024-05-30"
    assert ev["time"] == "13:00+09:00"
    assert ev["artist"] == "Kim Da-ol"


def test_same_day_status_from_time_and_publication_time() -> None:
    # 6 p.m. KST = 09:00 UTC, published 14:30 UTC the same day -> already out
    ev = one(
        "On Feb. 3 at 6 p.m. KST, Han Yu-ra released “Lanterns,” a six-track EP.",
        published="2025-02-03T06:30:00-08:00",
    )
    assert (ev["kind"], ev["date"], ev["status"], ev["artist"]) == (
        "ep",
        "2025-02-03",
        "released",
        "Han Yu-ra",
    )
    # published before 6 p.m. KST -> still to come
    ev = one(
        "The group will release “Lanterns,” a six-track EP, on Feb. 3 at 6 p.m. KST.",
        published="2025-02-03T08:00:00+09:00",
        title="STARGAZE drop ‘Lanterns’",
    )
    assert ev["status"] == "upcoming"
    assert ev["artist"] == "STARGAZE"


def test_year_rollover_next_january() -> None:
    ev = one(
        "Boy band CIRRUS will release a special album titled “Frostbite” on January 8, "
        "the agency said Wednesday.",
        published="2023-12-27T10:05:00+09:00",
    )
    assert ev["date"] == "2024-01-08"
    assert ev["artist"] == "CIRRUS"
    assert ev["status"] == "upcoming"


def test_past_december_in_january_article() -> None:
    ev = one(
        "The album follows a digital single, “Sleet,” that came out on Dec. 15.",
        published="2024-01-04",
        title="CIRRUS return with ‘Frostbite’",
    )
    assert (ev["date"], ev["status"], ev["artist"], ev["kind"]) == (
        "2023-12-15",
        "released",
        "CIRRUS",
        "digital_single",
    )


def test_past_tense_release_far_back_in_the_year_is_this_year() -> None:
    # a late-November article recalling a January release: the verb is past, so the date is
    # this January (released), not next January (upcoming)
    ev = one("Nova released “Glass Hour” on January 21, and the track entered the charts.",
             published="2026-11-30T09:00:00+00:00", title="Nova looks back on a big year")
    assert (ev["title"], ev["date"], ev["status"]) == ("Glass Hour", "2026-01-21", "released")
    ev = one("Their third single, “Low Tide,” came out in January.",
             published="2026-11-30T09:00:00+00:00", title="Nova looks back on a big year")
    assert (ev["date"], ev["date_precision"], ev["status"]) == ("2026-01", "month", "released")


def test_month_precision_phrases() -> None:
    got = extract_releases(
        [
            "PRISMA will return with a repackaged edition of the album, “Neon Tide: Reprise,” in early July, "
            "the agency confirmed this week.",
            "Their previous mini album, “Neon Tide,” came out in March and was a hit.",
            "The EP “Static Bloom” came out last November.",
            "Their first studio album, “Orchard,” came out in May last year.",
        ],
        "2024-05-27",
    )
    by = {e["title"]: e for e in got}
    assert by["Neon Tide: Reprise"]["kind"] == "repackage"
    assert (by["Neon Tide: Reprise"]["date"], by["Neon Tide: Reprise"]["date_precision"]) == (
        "2024-07",
        "month",
    )
    assert by["Neon Tide: Reprise"]["status"] == "upcoming"
    assert (by["Neon Tide"]["date"], by["Neon Tide"]["status"]) == ("2024-03", "released")
    assert (by["Static Bloom"]["date"], by["Static Bloom"]["kind"]) == ("2023-11", "ep")
    assert by["Orchard"]["date"] == "2023-05"
    assert all(e["artist"] == "PRISMA" for e in got)


def test_weekdays_relative_to_publication() -> None:
    # published Friday 2024-07-12
    ev = one(
        "Girl group HALO9 will release its fifth mini album, “Arcade,” next Friday, the label said.",
        published="2024-07-12T11:20:00+09:00",
    )
    assert ev["date"] == "2024-07-19"
    ev = one(
        "HALO9’s second mini album, “Arcade,” came out Monday evening in Korea.",
        published="2024-07-12",
    )
    assert (ev["date"], ev["status"]) == ("2024-07-08", "released")
    ev = one(
        "The seven-member group will release a new digital single, “Tidal,” this Wednesday at 6 p.m. KST, "
        "the agency announced on Monday.",
        published="2023-08-21",
        title="HALO9 to drop ‘Tidal’",
    )
    assert ev["date"] == "2023-08-23"
    assert ev["time"] == "18:00+09:00"


def test_present_tense_schedule_with_weekday() -> None:
    got = extract_releases(
        [
            "ROSEWOOD return on Thursday with “Marmalade,” a breezy digital single.",
            "Rapper Lee Kang closes out the week on Friday at noon with the music video for “Crown Jewel,” "
            "the standout track from his album.",
            "The duo Blue Hour kick things off on Tuesday, June 6 at 6 p.m. with their second EP “Velour.”",
        ],
        "2023-06-05T07:10:00-07:00",
    )
    by = {e["title"]: e for e in got}
    assert (by["Marmalade"]["date"], by["Marmalade"]["artist"], by["Marmalade"]["status"]) == (
        "2023-06-08",
        "ROSEWOOD",
        "upcoming",
    )
    assert (by["Crown Jewel"]["kind"], by["Crown Jewel"]["date"], by["Crown Jewel"]["artist"]) == (
        "mv",
        "2023-06-09",
        "Lee Kang",
    )
    assert (by["Velour"]["kind"], by["Velour"]["date"], by["Velour"]["artist"]) == (
        "ep",
        "2023-06-06",
        "Blue Hour",
    )


def test_ost_and_drama_title() -> None:
    ev = one(
        "Her OST “Paper Kites” for the fantasy romance “The Lighthouse Keeper” will be released on "
        "Aug. 7 at 6 p.m. KST.",
        published="2023-08-01",
        title="AURORA’s Mina lends her voice to an OST",
    )
    assert (ev["title"], ev["kind"], ev["artist"]) == ("Paper Kites", "ost", "Mina")
    ev = one(
        "Singer Park Jae-in’s “Low Tide,” the second OST for the drama “Summer in Mokpo,” arrives on "
        "Wednesday, June 7.",
        published="2023-06-05",
    )
    assert (ev["title"], ev["artist"], ev["date"]) == ("Low Tide", "Park Jae-in", "2023-06-07")


def test_music_video_same_time_and_title_track() -> None:
    got = extract_releases(
        [
            "On Feb. 14 at 6 p.m. KST, Yoon Ha-ri released “Undertow,” a seven-track EP.",
            "The music video for the title track “Riptide” was released at the same time.",
        ],
        "2025-02-14T06:30:00-08:00",
    )
    assert [(e["title"], e["kind"], e["date"], e["artist"]) for e in got] == [
        ("Undertow", "ep", "2025-02-14", "Yoon Ha-ri"),
        ("Riptide", "mv", "2025-02-14", "Yoon Ha-ri"),
    ]


def test_single_album_and_title_track_not_separate() -> None:
    ev = one(
        "On March 11 at 6 p.m. KST, the six-member girl group officially debuted with their first "
        "single album “First Light” and its title track “Swim.”",
        published="2025-03-11T05:30:00-07:00",
        title="Rookie Girl Group LUNAR Makes Dreamy Debut",
    )
    assert (ev["title"], ev["kind"], ev["artist"], ev["status"]) == (
        "First Light",
        "single",
        "LUNAR",
        "released",
    )


def test_included_songs_are_not_releases_of_their_own() -> None:
    got = extract_releases(
        [
            "The album, titled “Doomsday,” will be released on May 30 and contains ten tracks, including "
            "“Comet” and a title track of the same name."
        ],
        "2024-05-13",
        title="VEGA unleash pre-release single ahead of album",
    )
    assert [(e["title"], e["date"]) for e in got] == [("Doomsday", "2024-05-30")]


def test_anaphora_it_will_be_released() -> None:
    got = extract_releases(
        ["The group’s new mini album is titled “Daybreak.” It will be released on June 20."],
        "2024-05-27",
        title="SOLSTICE announce comeback",
    )
    assert [(e["title"], e["kind"], e["date"], e["artist"]) for e in got] == [
        ("Daybreak", "mini_album", "2024-06-20", "SOLSTICE")
    ]


def test_artist_subject_not_appositive_or_collaborator() -> None:
    ev = one(
        "JD, the leader of boy band NIGHTFALL, will release his second solo album, “North,” on Friday, "
        "May 31 at 1 p.m. KST, according to his agency."
    )
    assert (ev["artist"], ev["kind"], ev["date"], ev["time"]) == (
        "JD",
        "album",
        "2024-05-31",
        "13:00+09:00",
    )
    got = extract_releases(
        ["It was followed by “Mirage,” a collaboration with Jack Stone that came out Sept. 29."],
        "2023-10-20",
        title="Taeyang’s ‘Sunset’ Is Two Weeks Away",
    )
    assert [(e["artist"], e["title"], e["kind"], e["date"]) for e in got] == [
        ("Taeyang", "Mirage", "single", "2023-09-29")
    ]
    ev = one(
        "The SKYLINE leader released his new digital single “Volt” on Oct. 31.",
        published="2024-11-01",
        title="Kai-Jin returns with ‘Volt’",
    )
    assert ev["artist"] == "Kai-Jin"
    ev = one(
        "ARIA’s Sena will drop her solo debut single “Air” on Sept. 23.", published="2024-09-01"
    )
    assert ev["artist"] == "Sena"


def test_name_that_starts_with_a_weekday() -> None:
    ev = one(
        "The co-ed indie-pop band Sunday Drive will release their single “Letters” on 6/9.",
        published="2023-06-05",
    )
    assert (ev["artist"], ev["date"]) == ("Sunday Drive", "2023-06-09")


def test_ascii_quotes_and_single_quotes() -> None:
    ev = one("(G)I-DLE's 'Queencard' was released on May 15.", published="2023-05-20")
    assert (ev["artist"], ev["title"], ev["date"]) == ("(G)I-DLE", "Queencard", "2023-05-15")
    ev = one('MIRAE will drop their new EP "Orange Sky" on Nov. 17.', published="2023-11-01")
    assert (ev["title"], ev["kind"]) == ("Orange Sky", "ep")


def test_merge_repeated_mentions() -> None:
    got = extract_releases(
        [
            "NOVA will release their mini album “Echo” in June.",
            "“Echo” will be released on June 14 at 6 p.m. KST, the label said.",
            "Fans can expect “Echo,” which arrives June 14, to lean on synths.",
        ],
        "2024-05-27",
    )
    assert len(got) == 1
    assert (got[0]["date"], got[0]["date_precision"], got[0]["kind"]) == (
        "2024-06-14",
        "day",
        "mini_album",
    )


def test_published_none_uses_fetched_at() -> None:
    ev = one(
        "The group released their single “Lumen” on March 3.",
        None,
        fetched_at="2025-03-10T00:00:00+00:00",
        title="VIA release ‘Lumen’",
    )
    assert (ev["date"], ev["status"]) == ("2025-03-03", "released")


# --- distractors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MIRAE debuted on March 3, 2022, and have released one mini album since.",
        "The group debuted in 2013 with a hip-hop sound.",
        "Member Dayeon turns 25 on Sept. 12, and fans plan a birthday cafe.",
        "The group celebrated its fifth anniversary on Oct. 4 with a fan letter.",
        "The group will hold a concert at Olympic Hall on Sept. 16 and 17.",
        "They will hold a fan meeting for “Echo” on June 22.",
        "The group will perform “Echo” on M Countdown on Thursday.",
        "Pre-orders for “Echo” begin on Aug. 18.",
        "Pre-orders for the physical album open on May 31 at 11 a.m. KST.",
        "The first concept photos will be released on Aug. 20.",
        "The teaser for “Echo” will be released on June 3.",
        "A schedule poster for “Echo” was unveiled on May 20.",
        "The drama “Blue Summer,” which premiered on July 29, airs on Saturdays.",
        "The comeback showcase for “Echo” will be broadcast live on June 14.",
        "The group will embark on its first Asia tour in October.",
        "MIRAE’s agency said on Monday that the group is preparing a new album.",
    ],
)
def test_distractors(text: str) -> None:
    none(text, title="MIRAE return")


def test_release_and_distractor_in_one_sentence() -> None:
    ev = one(
        "Their first full album, “Stay Bright,” was released on April 3, and on April 10 the members "
        "were holding their first music show trophy.",
        published="2025-05-08",
    )
    assert ev["date"] == "2025-04-03"
    ev = one(
        "On December 27, Orbit Music announced that Kang Min will make his solo debut with his first "
        "mini album “Night Bus” on Jan. 15 at 6 p.m. KST.",
        published="2024-12-27T05:40:00-08:00",
    )
    assert (ev["artist"], ev["date"], ev["kind"], ev["time"]) == (
        "Kang Min",
        "2025-01-15",
        "mini_album",
        "18:00+09:00",
    )


def test_title_key() -> None:
    assert title_key("Stay Lit: Afterburn") == title_key("stay lit afterburn")
    assert title_key("Darl+ing") == title_key("DARLING")


# --- generalization rules (held-out check: the demo fixtures) ------------------------------
# PUB is Monday 2024-05-27; every example below uses its own invented artists and titles.


def test_anaphor_set_to_be_released() -> None:
    ev = one(
        [
            "Before the tour, duo PAPERMOON will drop a new single, “Kite Season,” which "
            "mixes city pop with brass. It is set to be released on July 3.",
        ],
        title="PAPERMOON Plan Summer Single",
    )
    assert (ev["title"], ev["kind"], ev["date"], ev["artist"], ev["status"]) == (
        "Kite Season",
        "single",
        "2024-07-03",
        "PAPERMOON",
        "upcoming",
    )


def test_track_gets_music_video_on_release_day_and_video_follows() -> None:
    got = extract_releases(
        [
            "Band LUMEN will release their second album, “Skyline,” on June 12.",
            "The album was recorded in Daejeon.",
            "The title track, “Open Sky,” gets a music video on release day, and a second "
            "video for the B-side “Cold Tea” follows on June 20.",
        ],
        PUB,
        title="LUMEN Announce ‘Skyline’",
    )
    rows = {(e["title"], e["kind"], e["date"]) for e in got}
    assert rows == {
        ("Skyline", "album", "2024-06-12"),
        ("Open Sky", "mv", "2024-06-12"),
        ("Cold Tea", "mv", "2024-06-20"),
    }


def test_roundup_heading_names_title_then_possessive_anaphor() -> None:
    got = extract_releases(
        [
            "Here is what we are listening to.",
            "QUARTZ – “Prism”",
            "QUARTZ’s second mini album arrives on Thursday at 6 p.m. KST. The teaser "
            "photos are very pink.",
            "Static Radio – “Low Tide”",
            "The band sings the first OST of the new drama “Sea Glass.” Their song, “Low "
            "Tide,” drops on Wednesday.",
        ],
        PUB,
        title="Comebacks to Watch This Week",
    )
    rows = {(e["artist"], e["title"], e["kind"], e["date"], e["time"]) for e in got}
    assert rows == {
        ("QUARTZ", "Prism", "mini_album", "2024-05-30", "18:00+09:00"),
        ("Static Radio", "Low Tide", "ost", "2024-05-29", None),
    }


def test_preview_weekday_without_verb_reads_forward() -> None:
    ev = one(
        "VELVET close out the week with “Last Call: Encore,” a repackage of their second "
        "album, out Friday at 6 p.m. KST.",
        title="Five Releases to Watch This Week",
    )
    assert (ev["title"], ev["kind"], ev["date"], ev["status"]) == (
        "Last Call: Encore",
        "repackage",
        "2024-05-31",
        "upcoming",
    )


def test_day_headings_give_the_date() -> None:
    got = extract_releases(
        [
            "Wednesday, May 29",
            "Girl group NOVA drop their digital single “Comet Tail” at 6 p.m. KST.",
            "Friday",
            "Soloist Han Yu-ri releases her EP “Night Bus.”",
        ],
        PUB,
        title="This Week’s New Releases",
    )
    rows = {(e["artist"], e["title"], e["date"], e["time"]) for e in got}
    assert rows == {
        ("NOVA", "Comet Tail", "2024-05-29", "18:00+09:00"),
        ("Han Yu-ri", "Night Bus", "2024-05-31", None),
    }


def test_release_date_relative_to_another_date() -> None:
    ev = one(
        "Singer Yoon Ha-ri won her first music show trophy on Wednesday, two days after her "
        "single “Paper Moon” was released.",
        published="2024-05-30T09:00:00+09:00",
    )
    assert (ev["title"], ev["date"], ev["status"]) == ("Paper Moon", "2024-05-27", "released")
    ev = one(
        "Their EP “Blue Lanterns” came out a week after the group’s concert on May 3.",
        published="2024-05-20",
    )
    assert ev["date"] == "2024-05-10"


def test_preceded_by_pre_release_single() -> None:
    ev = one(
        "“Tidal” will be preceded by a pre-release single, “Undertow,” on June 2.",
        title="Ko Ara Sets Album ‘Tidal’ for June",
    )
    assert (ev["title"], ev["kind"], ev["date"], ev["status"]) == (
        "Undertow",
        "single",
        "2024-06-02",
        "upcoming",
    )


def test_with_a_music_video_and_video_for_title_track() -> None:
    got = extract_releases(
        ["A pre-release single, “Static,” drops on June 7 with a music video."], PUB
    )
    assert {(e["title"], e["kind"], e["date"]) for e in got} == {
        ("Static", "single", "2024-06-07"),
        ("Static", "mv", "2024-06-07"),
    }
    got = extract_releases(
        [
            "ORCHID’s first full album “Atlas” is finally out. The 11-track record was "
            "released today at 6 p.m. KST together with the music video for the title "
            "track, “Compass.”"
        ],
        "2024-05-27T20:00:00+09:00",
        title="ORCHID Release ‘Atlas’",
    )
    assert {(e["artist"], e["title"], e["kind"], e["date"], e["status"]) for e in got} == {
        ("ORCHID", "Atlas", "album", "2024-05-27", "released"),
        ("ORCHID", "Compass", "mv", "2024-05-27", "released"),
    }


def test_possessive_music_video_anaphor() -> None:
    got = extract_releases(
        [
            "Soloist Mira’s digital single “Glasshouse” has topped the chart.",
            "The single’s music video, released on May 20 alongside the song, has passed "
            "ten million views.",
        ],
        PUB,
    )
    assert [(e["title"], e["kind"], e["date"]) for e in got] == [("Glasshouse", "mv", "2024-05-20")]


def test_participle_after_title_and_ost_part() -> None:
    ev = one(
        [
            "Frostbite are going on tour.",
            "Their OST “Snowline,” released on Jan. 5 for the drama “Cold Spring,” is still "
            "charting.",
        ],
        title="Band Frostbite Announce Tour",
    )
    assert (ev["artist"], ev["title"], ev["kind"], ev["date"]) == (
        "Frostbite",
        "Snowline",
        "ost",
        "2024-01-05",
    )
    ev = one("Singer Lee Da-on will release “Blue Voyage,” Part 3 of the drama’s OST, on March 2.")
    assert (ev["kind"], ev["date"]) == ("ost", "2025-03-02")
    ev = one("Their duet, “Moonrise,” was released on May 3 as Part 2 of the soundtrack.")
    assert (ev["kind"], ev["date"]) == ("ost", "2024-05-03")


def test_artist_short_names_and_dotted_names() -> None:
    ev = one(
        [
            "Kang Min-seo has a present for fans.",
            "Kang released a surprise digital single, “Winter Letter,” at midnight on Sunday.",
        ],
        title="Singer Kang Min-seo Surprises Fans",
    )
    assert (ev["artist"], ev["date"]) == ("Kang Min-seo", "2024-05-26")
    ev = one(
        "The album follows T.Rin’s solo single “Glow,” which came out in April.",
        title="ARCADE Return in June",
    )
    assert ev["artist"] == "T.Rin"
    ev = one(
        "The song comes after the group’s summer digital single “Sunburn,” released on May 10.",
        title="Rookie Group MOSAIC Tease Comeback",
    )
    assert (ev["artist"], ev["title"]) == ("MOSAIC", "Sunburn")


def test_headline_kind_hint_and_leading_work_title() -> None:
    ev = one(
        "The six-member group’s “Eclipse” is set to be released on July 8.",
        title="NOVA Set First Full Album ‘Eclipse’ for July",
    )
    assert (ev["artist"], ev["kind"], ev["date"]) == ("NOVA", "album", "2024-07-08")
    ev = one(
        "The star will sing Part 2 of the drama’s soundtrack, “Harbor Song,” which will be "
        "released on June 1, Lee Ha-neul’s agency said.",
        title="‘Moon Harbor’ Star Lee Ha-neul Sings for Her Own Drama",
    )
    assert (ev["artist"], ev["kind"]) == ("Lee Ha-neul", "ost")


def test_single_curly_quoted_title_with_apostrophe() -> None:
    ev = one("Their single ‘Don’t Wait’ was released on May 20.")
    assert (ev["title"], ev["date"]) == ("Don’t Wait", "2024-05-20")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EP, titled “Ferris Wheel,” is due out on June 4.", ("Ferris Wheel", "2024-06-04")),
        (
            "Their new single “Northern Lights” is scheduled for release on July 1.",
            ("Northern Lights", "2024-07-01"),
        ),
        ("The album “Greenroom” is slated for a June 5 release.", ("Greenroom", "2024-06-05")),
        (
            "Ahead of the release of their album “Paper Kites” on June 3, the quintet held a "
            "fan sign.",
            ("Paper Kites", "2024-06-03"),
        ),
    ],
)
def test_schedule_phrasings(text: str, expected: tuple[str, str]) -> None:
    ev = one(text, title="Rookie Band HALO Return")
    assert (ev["title"], ev["date"]) == expected


def test_video_dates_counted_from_the_previous_date() -> None:
    got = extract_releases(
        ["“Wildfire” will be released on June 9. Its music video follows two days later."],
        PUB,
    )
    assert {(e["title"], e["kind"], e["date"]) for e in got} == {
        ("Wildfire", "single", "2024-06-09"),
        ("Wildfire", "mv", "2024-06-11"),
    }
    got = extract_releases(
        [
            "The band will release “Cloud Nine” on Friday, and the music video will follow a day later."
        ],
        PUB,
    )
    assert {(e["title"], e["kind"], e["date"]) for e in got} == {
        ("Cloud Nine", "single", "2024-05-31"),
        ("Cloud Nine", "mv", "2024-06-01"),
    }


def test_day_heading_with_time_and_older_release_under_it() -> None:
    got = extract_releases(
        [
            "Friday, May 31 — 6 p.m. KST",
            "Boy band ORBIT release their mini album “Halo.”",
            "It follows their 2021 album “Satellite,” which fans still stream.",
        ],
        PUB,
        title="New Music This Week",
    )
    assert [(e["title"], e["date"], e["time"]) for e in got] == [
        ("Halo", "2024-05-31", "18:00+09:00")
    ]


def test_release_day_is_not_a_release_verb() -> None:
    got = extract_releases(
        [
            "Boy band ORBIT will release their mini album “Halo” on June 7.",
            "The members will unveil the choreography for “Tailspin” on release day.",
        ],
        PUB,
    )
    assert [e["title"] for e in got] == ["Halo"]


# --- present-tense schedules and early/mid/late months ---------------------------------------

MAY12 = "2024-05-12T10:00:00+09:00"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a present-tense release verb with a future date phrase is a schedule
        (
            "Boy band NOVA’s new single “Echo” comes out January 8.",
            MAY12,
            ("2025-01-08", "upcoming"),
        ),
        (
            "Boy band NOVA’s new single “Echo” will come out January 8.",
            MAY12,
            ("2025-01-08", "upcoming"),
        ),
        ("Boy band NOVA’s new single “Echo” drops January 8.", MAY12, ("2025-01-08", "upcoming")),
        ("Boy band NOVA’s new album “Echo” arrives on Feb. 2.", MAY12, ("2025-02-02", "upcoming")),
        (
            "Boy band NOVA’s new album “Echo” hits shelves January 8.",
            MAY12,
            ("2025-01-08", "upcoming"),
        ),
        (
            "Boy band NOVA’s new album “Echo” is out on January 8.",
            MAY12,
            ("2025-01-08", "upcoming"),
        ),
        (
            "Boy band NOVA releases its new album “Echo” on January 8.",
            MAY12,
            ("2025-01-08", "upcoming"),
        ),
        # year rollover from a December article
        (
            "Boy band NOVA’s new single “Echo” drops January 8.",
            "2023-12-27",
            ("2024-01-08", "upcoming"),
        ),
        # later this month stays this year
        ("Boy band NOVA’s new single “Echo” comes out May 20.", MAY12, ("2024-05-20", "upcoming")),
        # a date earlier in the publication month stays this year (not next May)
        ("Boy band NOVA’s new single “Echo” comes out May 3.", MAY12, ("2024-05-03", "released")),
        # habitual and past contexts: no schedule
        (
            "Boy band NOVA usually releases its winter single “Echo” on January 8.",
            MAY12,
            ("2024-01-08", "released"),
        ),
        (
            "Back then, NOVA’s debut single “Echo” comes out January 8 and tops the chart.",
            MAY12,
            ("2024-01-08", "released"),
        ),
        # the past tense is unchanged
        (
            "Boy band NOVA’s new single “Echo” came out January 8.",
            MAY12,
            ("2024-01-08", "released"),
        ),
    ],
)
def test_present_tense_schedule(text: str, published: str, expected: tuple[str, str]) -> None:
    ev = one(text, published=published)
    assert (ev["title"], ev["artist"]) == ("Echo", "NOVA")
    assert (ev["date"], ev["status"]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Girl group HALO will release their mini album “Velvet” in late June.",
            ("2024-06", "upcoming"),
        ),
        (
            "Girl group HALO will release their mini album “Velvet” in early June.",
            ("2024-06", "upcoming"),
        ),
        (
            "Girl group HALO will release their mini album “Velvet” in mid-June.",
            ("2024-06", "upcoming"),
        ),
        ("Girl group HALO’s mini album “Velvet” came out in early May.", ("2024-05", "released")),
        ("Girl group HALO’s mini album “Velvet” came out in late March.", ("2024-03", "released")),
        # the publication month (May 27): the tense decides the status
        (
            "Girl group HALO will release their mini album “Velvet” in late May.",
            ("2024-05", "upcoming"),
        ),
        ("Girl group HALO’s mini album “Velvet” drops in late May.", ("2024-05", "upcoming")),
        (
            "Girl group HALO’s mini album “Velvet” comes out later this month.",
            ("2024-05", "upcoming"),
        ),
    ],
)
def test_early_mid_late_month(text: str, expected: tuple[str, str]) -> None:
    ev = one(text)
    assert (ev["title"], ev["artist"], ev["kind"]) == ("Velvet", "HALO", "mini_album")
    assert (ev["date"], ev["date_precision"], ev["status"]) == (*expected[:1], "month", expected[1])
