"""Invented news prose for the benchmark site (benchmarks/realistic_site.py).

Deterministic for a given ``random.Random``: sentences are built from clause templates and word
lists (people, groups, agencies, titles, places, numbers, dates), paragraphs of 1-5 sentences,
about 1,000 words an article. Some paragraphs quote a person with a "said"-style attribution in
one of several word orders and quote-mark styles; some mention a release (album, single, music
video, drama) with a date. Written as generic entertainment-news text, not shaped to any
extractor.
"""

from __future__ import annotations

import random

SURNAMES = ("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song "
            "Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh").split()
SYLLABLES = ("min ji hae rin su ah yeon woo jin seo hyun jae eun da na ra bin ho tae kyung mi "
             "sol yu hee won young jun sang chan gyu bo ri").split()
WESTERN = ("Maria Lopez", "Daniel Brooks", "Aisha Khan", "Tom Becker", "Sofia Rossi", "Liam O'Neill",
           "Hannah Weiss", "Carlos Mendes", "Emily Tran", "Noah Fischer", "Yuki Tanaka", "Priya Nair")
ROLES = ("the group's leader", "the show's director", "a spokesperson for the agency",
         "the album's producer", "the main vocalist", "a music critic", "the choreographer",
         "the drama's writer", "a longtime fan", "the label's chief executive", "the tour manager",
         "a chart analyst", "the youngest member", "the lead actor", "a festival organiser")
GROUP_A = ("Neon Lunar Velvet Crystal Scarlet Silver Golden Midnight Electric Crimson Ivory Cosmic "
           "Wild Prism Echo Solar Blue Paper Fever Royal Hidden Secret Zero Violet").split()
GROUP_B = ("Tide Wave Bloom Nine Hearts Kingdom Garden Rebels Youth Flame Avenue Signal Dream "
           "Circle Club Motion Theory Planet Season Vision Orbit Code Arrow Muse").split()
AGENCIES = ("Starline", "Bluepeak", "Hanbit", "Moonrise", "Cube Nine", "Arcadia", "Brightside",
            "Orbit", "Seoul Sound", "Nova", "Haneul", "Maple Tree", "Pinwheel", "Redline")
AGENCY_KIND = ("Entertainment", "Music", "Label", "Media", "Creative", "Records")
TITLE_WORDS = ("Love Runaway Firework Paradise Mirage Ribbon Daydream Fever Heartbeat Gravity Polaroid "
               "Lemonade Thunder Afterglow Highlight Blossom Cinnamon Horizon Stardust Rewind Magnet "
               "Lullaby Wildfire Carousel Sunflower Voltage Marigold Hurricane Velvet Echo Atlas "
               "Sugar Rush Moonlight Compass Maze Spotlight Eclipse Origami Seaside").split()
VENUES = ("KSPO Dome", "Gocheok Sky Dome", "the Olympic Hall", "Jamsil Arena", "Busan Asiad Stadium",
          "the Tokyo Dome", "Inspire Arena", "the Kia Forum", "Wembley Arena", "the Accor Arena",
          "Singapore Indoor Stadium", "the Barclays Center", "Kyocera Dome", "the O2 Arena")
CITIES = ("Seoul", "Busan", "Incheon", "Tokyo", "Osaka", "Bangkok", "Manila", "Jakarta", "Los Angeles",
          "New York", "London", "Paris", "Berlin", "Sao Paulo", "Mexico City", "Sydney", "Taipei")
SHOWS = ("Music Bank", "Inkigayo", "M Countdown", "Show Champion", "Show! Music Core", "The Show",
         "Running Man", "Knowing Bros", "You Quiz on the Block", "Weekly Idol", "Immortal Songs")
OUTLETS = ("reporters", "a local broadcaster", "a fashion magazine", "a radio host",
           "fans at the showcase", "a streaming platform", "the press")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ADJ = ("new", "long-awaited", "surprise", "first", "upbeat", "emotional", "bold", "retro", "dreamy",
       "powerful", "quiet", "ambitious", "playful", "darker", "refreshing", "experimental")
ADV = ("reportedly", "already", "finally", "quickly", "once again", "officially", "quietly",
       "so far", "in the end", "by then")
NOUNS = ("comeback", "showcase", "fan meeting", "world tour", "variety appearance", "photo book",
         "documentary", "brand campaign", "livestream", "pop-up store", "collaboration", "encore concert")
RELEASE_KINDS = ("mini album", "full-length album", "single", "digital single", "repackaged album",
                 "EP", "music video", "OST track", "Japanese single", "special album")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


class Cast:
    """The people, groups and titles one article talks about."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.groups = [f"{rng.choice(GROUP_A)} {rng.choice(GROUP_B)}" for _ in range(2)]
        self.people = [person(rng) for _ in range(rng.randint(3, 6))]
        self.agency = f"{rng.choice(AGENCIES)} {rng.choice(AGENCY_KIND)}"
        self.titles = [title(rng) for _ in range(3)]
        self.year = rng.choice((2025, 2026))


def person(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(WESTERN)
    return f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).capitalize()}{rng.choice(SYLLABLES)}"


def title(rng: random.Random) -> str:
    words = rng.sample(TITLE_WORDS, rng.choice((1, 1, 2, 2, 3)))
    return " ".join(words)


def date_phrase(rng: random.Random, year: int) -> str:
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    shape = rng.randrange(5)
    if shape == 0:
        return f"on {month} {day}"
    if shape == 1:
        return f"on {month} {day}, {year}"
    if shape == 2:
        return f"on {rng.choice(WEEKDAYS)}, {month} {day}"
    if shape == 3:
        return f"on {month} {day} at {rng.randint(1, 11)} p.m. KST"
    return f"in early {month}" if rng.random() < 0.5 else f"later in {month}"


def _q(rng: random.Random) -> tuple[str, str]:
    return ("\u201c", "\u201d") if rng.random() < 0.6 else ('"', '"')


def quote_text(rng: random.Random, c: Cast) -> str:
    parts = [
        f"We worked on this {rng.choice(NOUNS)} for {rng.randint(2, 14)} months and I think it shows",
        f"I was nervous before the first stage in {rng.choice(CITIES)}, but the fans carried us",
        f"This {rng.choice(RELEASE_KINDS)} is the most honest thing we have made",
        f"Every member wrote part of \u2018{rng.choice(c.titles)}\u2019, so it feels like a diary",
        f"Honestly, we did not expect {rng.choice(SHOWS)} to invite us again so soon",
        f"The choreography took {rng.randint(3, 9)} weeks and a lot of sore knees",
        f"We want to meet fans in more cities next year, starting with {rng.choice(CITIES)}",
        "I hope people hear how much we have grown since our debut",
        f"It is a {rng.choice(ADJ)} sound for us, and that was the point",
        "There were days when I wanted to stop, and my members would not let me",
        f"Working with {rng.choice(c.people)} changed the way I think about melodies",
        "We read every message, even the long ones, especially the long ones",
    ]
    chosen = rng.sample(parts, rng.choice((1, 1, 2)))
    return ". ".join(chosen)


def quote_paragraph(rng: random.Random, c: Cast) -> str:
    o, e = _q(rng)
    who = rng.choice(c.people)
    role = rng.choice(ROLES)
    text = quote_text(rng, c)
    shape = rng.randrange(6)
    if shape == 0:
        return f"{o}{text},{e} said {who}, {role}."
    if shape == 1:
        return f"{o}{text},{e} {who} said."
    if shape == 2:
        return f"{who} said, {o}{text}.{e}"
    if shape == 3:
        return f"{who}, {role}, told {rng.choice(OUTLETS)}: {o}{text}.{e}"
    if shape == 4:
        return f"{o}{text},{e} {who} said on {rng.choice(SHOWS)}. {o}{quote_text(rng, c)}.{e}"
    return f"According to {who}, {o}{text[0].lower() + text[1:]}.{e}"


def release_sentence(rng: random.Random, c: Cast) -> str:
    g, t, kind = rng.choice(c.groups), rng.choice(c.titles), rng.choice(RELEASE_KINDS)
    when = date_phrase(rng, c.year)
    o, e = _q(rng)
    shape = rng.randrange(6)
    if shape == 0:
        return f"{g} will release their {rng.choice(ORDINALS)} {kind} {o}{t}{e} {when}."
    if shape == 1:
        return f"The {kind} {o}{t}{e} is set to drop {when} through {c.agency}."
    if shape == 2:
        return f"{c.agency} confirmed that the music video for {o}{t}{e} will be out {when}."
    if shape == 3:
        return f"{g} released {o}{t}{e} {when}, and the track entered the charts within hours."
    if shape == 4:
        return (f"Pre-orders for the {kind} opened {when}, ahead of a release "
                f"{date_phrase(rng, c.year)}.")
    return f"A teaser for {o}{t}{e} appeared {when}, hinting at a {rng.choice(ADJ)} concept."


def plain_sentence(rng: random.Random, c: Cast) -> str:
    g, p, t = rng.choice(c.groups), rng.choice(c.people), rng.choice(c.titles)
    n = rng.randint(2, 98)
    adv = rng.choice(ADV)
    templates = (
        f"{g} {adv} wrapped up promotions for {t} with a final stage on {rng.choice(SHOWS)}.",
        f"The clip passed {n} million views in {rng.randint(2, 72)} hours, {adv} a record for the group.",
        f"Fans in {rng.choice(CITIES)} lined up outside the venue from early morning, some holding "
        f"banners with {p}'s name.",
        f"{p} joined the group in {rng.randint(2014, 2022)} after {rng.randint(2, 7)} years as a trainee.",
        f"Industry watchers noted that {c.agency} has {adv} shifted its focus towards overseas tours.",
        f"The {rng.choice(NOUNS)} drew about {rng.randint(5, 60) * 1000:,} people across two nights "
        f"at {rng.choice(VENUES)}.",
        f"Critics called the title track a {rng.choice(ADJ)} turn, with a chorus built around a "
        f"single repeated synth line.",
        f"On the album chart the record opened at number {n}, then climbed {rng.randint(2, 30)} places "
        f"the following week.",
        f"{p} also appeared on {rng.choice(SHOWS)}, where the cast teased the members about their "
        f"{rng.choice(ADJ)} dance practice videos.",
        f"The members spent part of the summer in {rng.choice(CITIES)}, filming content for a "
        f"{rng.choice(NOUNS)}.",
        f"Tickets for the {rng.choice(CITIES)} date sold out in {rng.randint(3, 40)} minutes, and "
        f"the organisers added a second show.",
        f"According to figures released by the label, the group sold {rng.randint(100, 2500) * 1000:,} "
        f"copies in the first week.",
        f"Online, the reaction was {adv} mixed: some listeners missed the older sound, others praised "
        f"the {rng.choice(ADJ)} production.",
        f"{g} will perform at {rng.choice(VENUES)} as part of a {rng.randint(8, 40)}-date tour.",
        f"The lyrics, co-written by {p}, describe a long drive through {rng.choice(CITIES)} at night.",
        f"It is the group's first release since {rng.choice(MONTHS)} of last year.",
        f"A behind-the-scenes film of the {rng.choice(NOUNS)} will stream on the group's channel.",
        f"Several members {adv} took part in writing sessions, a first for {g}.",
        f"The stage featured {rng.randint(12, 60)} dancers, a live band and a rotating platform.",
        f"{c.agency} did not comment on reports that {p} would take a short break.",
        f"Merchandise for the {rng.choice(NOUNS)} included light sticks, postcards and a "
        f"{rng.randint(40, 200)}-page photo book.",
        f"Radio stations in {rng.choice(CITIES)} added the song to their playlists within a week.",
        "The group thanked fans in a handwritten letter posted to their official account.",
        f"Streaming numbers {adv} doubled after the performance clip went viral.",
    )
    return rng.choice(templates)


def paragraphs(rng: random.Random, c: Cast, words: int = 1000) -> list[tuple[str, str]]:
    """(kind, text) pairs, kind in plain | quote | release | heading, until about ``words``."""
    out: list[tuple[str, str]] = []
    count = 0
    while count < words:
        r = rng.random()
        if r < 0.16:
            text, kind = quote_paragraph(rng, c), "quote"
        elif r < 0.24:
            text, kind = " ".join([release_sentence(rng, c)] + [plain_sentence(rng, c)
                                                                for _ in range(rng.randint(0, 2))]), "release"
        elif r < 0.27 and out:
            text, kind = rng.choice(("What comes next", "On stage", "The numbers", "Behind the scenes",
                                     "Fan reaction", "The tour", "A new sound")), "heading"
        else:
            text, kind = " ".join(plain_sentence(rng, c) for _ in range(rng.randint(1, 5))), "plain"
        out.append((kind, text))
        count += len(text.split())
    return out
