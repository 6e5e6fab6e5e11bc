"""Release events: the error shapes seen on real music pages, one invented example each
(issue #11). Every test here failed on the code before the fix it covers."""

from __future__ import annotations

from newsspider.extract.releases import extract_releases

PUB = "2026-03-20T09:00:00+09:00"


def events(paragraphs: list[str], title: str | None = None, published: str = PUB) -> list[tuple]:
    return [
        (e["artist"], e["title"], e["kind"], e["date"])
        for e in extract_releases(paragraphs, published, title=title)
    ]


# ------------------------------------------------------------------ precision on general news


def test_a_name_in_quote_marks_in_a_non_music_story_is_no_single() -> None:
    paras = [
        "She sued for custody of “Willow” and “Juniper” in 2024 but dropped the suit this month "
        "after the judge asked for documents.",
    ]
    assert events(paras, "Court fight over frozen embryos takes a turn") == []


def test_a_films_wider_release_is_no_single() -> None:
    paras = [
        "“The Long Harbor” opens in select theaters on Dec. 30, followed by a wider release "
        "in January.",
        "The director said the cast spent weeks on a fishing boat to prepare.",
    ]
    assert events(paras, "How two actors found their way into a harbor drama",
                  published="2025-12-28") == []


def test_a_concert_films_premiere_is_no_single() -> None:
    paras = [
        "NOVA9’s “Orbit Live” will be released in theaters on April 8 as a concert film, and "
        "the group will release the single “Orbit” on April 3.",
    ]
    assert events(paras, "NOVA9 announce concert film") == [
        ("NOVA9", "Orbit", "single", "2026-04-03")
    ]


# -------------------------------------------------------------------------------- artists


def test_artist_is_not_the_headlines_question_word() -> None:
    paras = ["Kim Do-yun is taking it slow this year.",
             "He will release his second EP, “Low Tide”, on April 9."]
    got = events(paras, "Why Kim Do-yun Chose a Quiet Comeback")
    assert got == [("Kim Do-yun", "Low Tide", "ep", "2026-04-09")]


def test_artist_is_not_a_list_headlines_first_words() -> None:
    paras = [
        "Kang Seo-ri sings “Paper Lantern” for the drama Night Market; the track was released "
        "on March 14 as Part 2 of the soundtrack.",
    ]
    got = events(paras, "Five Drama OSTs To Add To Your Spring Playlist")
    assert got == [("Kang Seo-ri", "Paper Lantern", "ost", "2026-03-14")]


def test_artist_is_not_the_broadcaster_of_the_show_that_formed_the_group() -> None:
    paras = [
        "Formed through Mnet’s survival show last year, the group will release its debut "
        "single “First Light” on April 2.",
    ]
    got = events(paras, "VELVET TIDE set for April debut")
    assert got == [("VELVET TIDE", "First Light", "single", "2026-04-02")]


def test_artist_is_not_the_agency() -> None:
    paras = [
        "ARCLIGHT are preparing their return, their agency Tidewater Music said on Monday.",
        "According to Tidewater, the band will release the mini album “Night Ferry” on July 2.",
    ]
    got = events(paras, "ARCLIGHT confirm summer return")
    assert got == [("ARCLIGHT", "Night Ferry", "mini_album", "2026-07-02")]


# ------------------------------------------------------------------------ titles and kinds


def test_unquoted_title_after_a_kind_noun() -> None:
    paras = ["His second solo album, Quiet Room Loud Heart, is slated to be released on May 24."]
    got = events(paras, "Jae Min announces second solo album")
    assert got == [("Jae Min", "Quiet Room Loud Heart", "album", "2026-05-24")]


def test_unquoted_title_called_also_titled() -> None:
    paras = [
        "The rapper will be putting out his first solo album -- also titled Harbor Lights -- "
        "next week.",
    ]
    got = events(paras, "Rapper Dee Park shares new song", published="2015-11-19")
    assert got == [("Dee Park", "Harbor Lights", "album", "2015-11")]


def test_lead_single_of_an_album_is_a_single() -> None:
    paras = [
        "The band unveiled the lead single of LUMEN’s upcoming album, “Come Around Again”, "
        "on March 12.",
    ]
    got = events(paras, "LUMEN share new single")
    assert got == [("LUMEN", "Come Around Again", "single", "2026-03-12")]


def test_the_album_not_its_title_track() -> None:
    paras = [
        "Harbor Lights’ third album “Paper Boats” is their most personal record yet.",
        "The album, led by the single “Undertow”, was released on March 2.",
    ]
    got = events(paras, "Harbor Lights top the album chart")
    assert got == [("Harbor Lights", "Paper Boats", "album", "2026-03-02")]


# ---------------------------------------------------------------------------------- dates


def test_a_song_called_christmas_tree_has_no_holiday_date() -> None:
    paras = ["She released “Christmas Tree” as a digital single, and it became a surprise hit."]
    assert events(paras, "Seo Ha-eun reflects on a big year") == []


def test_section_heading_years_date_the_releases_under_them() -> None:
    paras = [
        "Here is every solo project of Jae Min so far.",
        "Dreamers (2022)",
        "The album was released in March and featured five tracks.",
        "Closer (2024)",
        "This single came out in June, a week before his military service began.",
    ]
    got = events(paras, "A complete list of Jae Min's solo projects")
    assert got == [
        ("Jae Min", "Dreamers", "album", "2022-03"),
        ("Jae Min", "Closer", "single", "2024-06"),
    ]


def test_the_same_release_repeated_with_a_time_is_one_event_on_the_right_day() -> None:
    paras = [
        "NOVA9 will release the single “Signal” on March 27.",
        "After a delay, the single “Signal” now drops April 1 at 6 p.m. KST.",
    ]
    got = extract_releases(paras, PUB, title="NOVA9 reveal track list")
    assert [(e["title"], e["date"], e["time"]) for e in got] == [
        ("Signal", "2026-04-01", "18:00+09:00")
    ]


def test_music_videos_and_osts_inside_a_roundup() -> None:
    paras = [
        "Here are the releases of the week.",
        "Friday, March 13",
        "LUMEN – “Afterglow” MV",
        "Kim Ha-na – “Winter Letter” (Snow Garden OST Part 3)",
        "Saturday, March 14",
        "NOVA9 – “Signal” (digital single)",
    ]
    got = events(paras, "K-pop releases this week: LUMEN, Kim Ha-na, NOVA9",
                 published="2026-03-12T10:00:00+09:00")
    assert got == [
        ("LUMEN", "Afterglow", "mv", "2026-03-13"),
        ("Kim Ha-na", "Winter Letter", "ost", "2026-03-13"),
        ("NOVA9", "Signal", "digital_single", "2026-03-14"),
    ]


def test_an_event_says_which_paragraph_it_came_from() -> None:
    paras = ["Here is the news.", "NOVA9 will release the single “Signal” on April 1."]
    got = extract_releases(paras, PUB, title="NOVA9 return")
    assert [(e["title"], e["paragraph"], e["evidence"]) for e in got] == [
        ("Signal", 1, "NOVA9 will release the single “Signal” on April 1.")
    ]


# ------------------------------------------------------- precision on general news (PolNeAR)


def test_a_memo_titled_x_is_no_single() -> None:
    paras = ["On Monday night, the campaign manager released a memo titled “Where The Race Stands.”"]
    assert events(paras, "Campaign argues the race is over") == []


def test_a_poll_released_thursday_is_not_the_release_of_a_quoted_title() -> None:
    paras = [
        "Most voters prefer items labeled “Built at Home,” even if they cost more, according to "
        "a university poll released Thursday.",
    ]
    assert events(paras, "Voters and prices") == []


def test_a_title_inside_another_object_of_the_verb_is_no_release() -> None:
    paras = [
        "The group on Tuesday released a parody website asking for ideas for a “Budget Czar” "
        "wing of the library.",
    ]
    assert events(paras, "Activists mock the budget office") == []
