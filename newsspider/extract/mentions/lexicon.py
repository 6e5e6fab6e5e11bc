"""Word lists for spotting and typing mentions: stop words, role titles, honorifics,
organisation suffixes, places, gendered given names, pronouns and role nouns (English,
fan-news and news style). Data only."""

from __future__ import annotations

import re
from typing import Literal

EntityType = Literal["person", "group", "org", "place", "unknown", "pair"]  # pair: "A and B"

APOS = "'’"

CAP_STOPWORDS = frozenset(
    """
    A An The This That These Those There Here It Its It's It’s I I'm I’m We Our Us You Your
    He His Him She Her They Their Them My Me Mine
    And But Or Nor So Yet For If When While After Before As Since Because Although Though
    Until Unless Once Whether Then Now Still Also Even Just Only Meanwhile However Instead
    In On At By Of To From With Without Into Onto Over Under About Above Below Between Among
    Through During Despite Against Toward Towards Upon Within Across Behind Beyond Near
    According Asked Speaking Speaking Talking Writing Looking Last Next Earlier Later Today
    Tonight Yesterday Tomorrow What Who Whom Whose Which Why How Where Yes No Not Please
    Some Many Most Much More Few Every Each Both All Any Another Other Such One Two Three
    Four Five Six Seven Eight Nine Ten First Second Third Fans Fan Members Member Sources
    Source Officials Official Critics Critic Several Like Unlike Well Ah Thank Thanks
    Let Let's Let’s Do Does Did Is Are Was Were Be Been Has Have Had Will Would Can Could
    Should Shall May Might Must Dear Hello Hi Okay OK Sure Indeed Perhaps Maybe Again
    Judging Despite Elsewhere Overall Together Read Watch See Check Stay Follow Click
    Following Including Regarding Amid Given Per Via Whatever Whenever
    """.split()
)

MONTHS_DAYS = frozenset(
    """
    January February March April May June July August September October November December
    Jan. Feb Feb. Mar. Apr Apr. Jun. Jul. Aug Aug. Sep. Sept Sept. Oct Oct.
    Nov Nov. Dec Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()
)

# Non-name all-caps abbreviations common in (fan) news.
NOT_NAME_ACRONYMS = frozenset(
    """
    KST EST PST GMT UTC AM PM TV MV EP OST CD DVD LP USB SNS DM PR CEO CFO COO CTO VP
    US U.S. UK U.K. EU UN NATO FBI CIA GOP NYPD LA NYC DC D.C. OK ID AI PC HD VR
    ER DJ MC R&B K-POP K-pop J-pop NBA NFL KBS MBC SBS JTBC Mnet
    """.split()
)

# Title/role words that may precede a name inside a capitalised run ("Leader Jung ...",
# "Music columnist Baek ..."): stripped from the start of a run.
ROLE_TITLES = frozenset(
    """
    leader member maknae singer rapper vocalist dancer composer producer songwriter
    singer-songwriter lyricist director critic columnist analyst reviewer reporter journalist
    editor writer author host co-host presenter anchor comedian actor actress star idol trainee
    fan student manager instructor teacher translator coach choreographer designer stylist
    photographer spokesperson spokesman spokeswoman representative rep. official officer
    president vice chairman chairwoman chair ceo executive chief head founder co-founder
    professor dr. mr. mrs. ms. miss mx. sen. senator rep. representative gov. governor
    mayor secretary minister judge justice attorney lawyer general gen. lt. col. capt. sgt.
    sergeant captain admiral commissioner speaker candidate nominee agent detective
    pop music k-pop dance vocal longtime longtime-fan shop office university podcast
    main lead sub former current rookie veteran ballad indie drama radio press white house
    boy girl band group soloist duo trio artist musician guitarist drummer bassist pianist
    mother father sister brother wife husband son daughter aunt uncle
    economist strategist adviser advisor aide consultant expert scientist researcher
    historian pollster lawmaker legislator activist organizer ambassador diplomat
    commentator correspondent anchorwoman anchorman surgeon doctor nurse pastor reverend
    police sheriff deputy prosecutor widow veteran developer businessman businesswoman whip
    novelist billionaire moderator congressman congresswoman senators
    """.split()
)

# ranks and honorifics written before a name, often after a qualifier of their own ("Rear
# Admiral", "Wing Commander", "Army Col.", "Air Chief Marshal", "Datuk Seri", "Adv" = advocate):
# the name follows them (the name runs' inner titles; `quotes.display` for a speaker's name)
RANKS = frozenset(
    """admiral adm. commander cmdr. colonel col. lieutenant lt. brigadier brig. marshal maj.
    sergeant sgt. captain capt. advocate adv datuk seri""".split()
)
_INNER_TITLES = frozenset(
    "gov. governor sen. senator rep. representative leader secretary chairman chairwoman "
    "president director minister mayor speaker chief spokesman spokeswoman spokesperson "
    "judge justice general gen. attorney commissioner ambassador ceo host critic "
    "columnist analyst producer composer member vocalist rapper singer maknae widow whip".split()
) | RANKS
# the portfolio of a "Secretary of …" / "Minister of …" title, written between the title and the
# name ("Secretary of State Ana Ruiz", "Minister of Foreign Affairs Li Wen"): not part of the name
DEPARTMENT_WORDS = frozenset(
    """State Defense Defence Homeland Security Treasury Energy Justice Labor Labour Commerce
    Education Health Agriculture Transportation Transport Interior Finance Foreign Home Affairs
    National Intelligence Veterans Trade Industry Environment Culture Tourism Information
    Communications Economy Planning External Internal Public Works Housing Development Science
    Technology Sport Sports Youth Welfare Immigration Staff Government Elections Management Marketing
    Operations Relations Policy""".split()
)
HONORIFICS = frozenset(
    # also without the full stop, as British usage writes them ("Mr Addison")
    "mr. mrs. ms. miss mx. dr. prof. sen. rep. gov. gen. lt. col. capt. sgt. st. rev. mr mrs ms".split()
)

# Last words that mark an organisation (agency/label/company, or a media outlet).
ORG_SUFFIXES = frozenset(
    """
    Entertainment Ent. Music Records Recordings Label Labels Agency Corporation Corp. Corp
    Company Co. Inc. Inc Ltd. Ltd LLC Group Media Studios Studio Pictures Network Networks
    Broadcasting Association Foundation Institute University College Committee Council
    Ministry Department Agency Commission Office Campaign Party Times Post News Magazine
    Journal Herald Tribune Daily Weekly Press Radio TV Television Channel Billboard
    """.split()
)
# More last words of organisation names (institutions, bodies, companies, outlets).
ORG_SUFFIXES = ORG_SUFFIXES | frozenset(
    """
    Council Court Congress Senate Assembly Parliament Center Centre Bank Fund Society Union
    Nations Energy Service Services Bureau Board Administration Army Navy Force Forces Review
    Caller Coalition Alliance Organization Organisation Federation Authority Commission
    Police Project Trust Holdings Airlines Motors Systems Technologies Labs Partners Reuters
    Research Capital Associates Strategies Consulting Analytics Advisors Advisers Securities
    Investments Insights Solutions Enterprises Industries Ventures Communications Pharmaceuticals
    """.split()
)

# Countries, regions, US states and large cities: names that are places, never speakers
# referred to as "he"/"she" (a short, general list; unknown places fall back to context cues).
PLACES = frozenset(
    """
    America Africa Asia Europe Australia Antarctica Canada Mexico Brazil Argentina Chile Peru
    Colombia Venezuela Cuba Britain England Scotland Wales Ireland France Germany Italy Spain
    Portugal Netherlands Belgium Switzerland Austria Poland Ukraine Russia Sweden Norway
    Denmark Finland Greece Turkey Israel Iran Iraq Syria Lebanon Jordan Egypt Libya Saudi
    Arabia Qatar Yemen Afghanistan Pakistan India China Japan Korea Taiwan Vietnam Thailand
    Indonesia Philippines Malaysia Singapore Myanmar Burma Nigeria Kenya Ethiopia Hungary
    Romania Serbia Crimea Gaza Palestine Mongolia Cambodia Laos Nepal Bangladesh Sri Lanka
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Ohio
    Oklahoma Oregon Pennsylvania Rhode Carolina Dakota Tennessee Texas Utah Vermont Virginia
    Washington Wisconsin Wyoming York Chicago Boston Philadelphia Detroit Cleveland Houston
    Dallas Atlanta Miami Charlotte Seattle Denver Phoenix Baltimore Pittsburgh Tulsa Orlando
    Brooklyn Manhattan Queens Los Angeles Francisco Diego Vegas Orleans London Paris Berlin
    Madrid Rome Moscow Beijing Shanghai Tokyo Osaka Seoul Busan Incheon Pyongyang Hong Kong
    Bangkok Manila Jakarta Sydney Melbourne Toronto Vancouver Brussels Vienna Geneva Dubai
    Tehran Baghdad Kabul Damascus Cairo Jerusalem Delhi Mumbai Istanbul Athens Dublin
    Edinburgh Amsterdam Stockholm Oslo Warsaw Kyiv Kiev Havana Ottawa Lagos Nairobi Aleppo
    Mosul Benghazi Tripoli Bethesda Brussels Silicon Valley Midwest Gangnam Hongdae Jeju
    """.split()
)

# Given names that mark a person's gender (common English-language names); used only as a
# prior for "he"/"she" resolution, never to decide that something is a person.
FEMALE_FIRST = frozenset(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
    Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela
    Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria
    Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn
    Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Anne Teresa Kathryn
    Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly
    Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla
    Hillary Melania Ivanka Michelle Chelsea Nancy Elizabeth Kellyanne Huma Hope Condoleezza
    Sarah Nikki Loretta Dianne Kamala Tammy Kirsten Amy Claire Jeanne Debbie Maxine Marcia
    Oprah Beyonce Taylor Ariana Selena Rihanna Adele Madonna Angelina Jennifer Meryl Suzy
    Melanie Leslie Ivana Marla Aung Theresa Angela Christine Marine Federica Jo Lily Ruby
    """.split()
)
MALE_FIRST = frozenset(
    """
    James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy
    Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse
    Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy
    Vincent Ralph Eugene Russell Bobby Mason Philip Louis Barack Bill Bernie Mike Mitch Ted
    Marco Jeb Chris Newt Rudy Reince Rush Tim Joe Harry Chuck Paul Rand Lindsey Ben Jim Tom
    Bob Dick Ed Al Rick Ron Rob Dan Don Steve Jon Ken Jeff Greg Matt Nick Tony Sam Pat Andy
    Vladimir Xi Kim Recep Benjamin Francois Emmanuel Boris Justin Shinzo Moon Ban Kofi Hassan
    Bashar Ali Muhammad Mohammed Ahmed Omar Kareem Jay Lloyd Lamont Colin Josh
    """.split()
)
# names common for both genders or that double as surnames are not used as evidence
_AMBIGUOUS_FIRST = frozenset(
    "Kelly Taylor Jordan Leslie Kim Moon Lindsey Jo Kerry Hope Grace Rose Terry Pat Sam Chris Jesse Robin".split()
)
FEMALE_FIRST = FEMALE_FIRST - _AMBIGUOUS_FIRST
MALE_FIRST = MALE_FIRST - _AMBIGUOUS_FIRST

AGENCY_SUFFIXES = frozenset(
    "Entertainment Ent. Music Records Recordings Label Labels Agency Corporation Corp. "
    "Company Co. Inc. Ltd. Studios Media".split()
)
# Korean (and a few other) broadcasters and the last words of broadcaster names
BROADCASTERS = frozenset(
    "KBS KBS1 KBS2 MBC SBS JTBC JTBC2 EBS MBN tvN OCN ENA Mnet Arirang YTN NHK BBC CNN NBC CBS ABC HBO".split()
) | frozenset(("KBS World", "MBC Every1", "SBS M", "MBC M", "SBS Plus", "TV Chosun", "Channel A", "Fox News"))
BROADCASTER_SUFFIXES = frozenset("Broadcasting Broadcast Network Networks Television TV Radio Channel".split())
GROUP_INTRO = re.compile(
    r"\b(?:group|band|boy\s+band|girl\s+group|boy\s+group|duo|trio|quartet|unit|septet|"
    r"quintet|sextet|octet|act)\s*$",
    re.IGNORECASE,
)

PRONOUNS: dict[str, EntityType] = {
    "he": "person",
    "she": "person",
    "i": "person",
    "they": "group",
    "we": "group",
    "it": "org",
}

# Role nouns that a definite description can end with, mapped to the entity type
# they refer to ("the agency" -> org, "the singer" -> person, "the group" -> group).
ROLE_NOUNS: dict[str, EntityType] = {
    **{
        w: "org"
        for w in """agency label company management firm studio broadcaster network
        channel ministry department campaign committee organisation organization office
        administration government team company's agency's label's statement union
        newspaper paper outlet magazine website report study poll""".split()
    },
    **{
        w: "group"
        for w in """group band members duo trio quartet quintet sextet septet octet
        unit boyband girlgroup act account""".split()
    },
    **{
        w: "person"
        for w in """singer rapper vocalist idol star artist member leader maknae soloist
        musician actor actress director producer composer songwriter singer-songwriter
        lyricist choreographer dancer critic columnist host co-host fan spokesperson
        spokesman spokeswoman representative official president senator governor mayor
        candidate nominee businessman businesswoman chairman ceo executive writer author
        performer trainee youngest oldest newcomer rookie veteran""".split()
    },
}

# Written sources and institutions a quote can be attributed to ("a Homeland Security memo
# put it", "the ruling said", "the commission says on its website"). They are kept as the
# raw noun phrase, or mapped to a name inside the phrase / a named institution with that
# head word; they never pick up an unrelated recent organisation.
DOCUMENT_NOUNS = frozenset(
    """memo memorandum letter report study ruling brief complaint article piece clip ad advert
    advertisement commercial filing lawsuit suit order opinion bylaws document documents survey
    analysis editorial story release website email e-mail tweet post transcript indictment
    motion petition resolution decision verdict judgment guidance proposal platform speech
    headline caption narrator announcer book memoir essay op-ed column statement poll
    notice warning summary draft application""".split()
)
# Social platforms: where words are posted, not who posts them ("she wrote on Instagram",
# "the district's Facebook page"); the company speaks only where the article makes it speak.
PLATFORMS = frozenset(
    """Facebook Instagram Twitter X TikTok YouTube Reddit Weibo Threads Telegram WhatsApp Snapchat
    LinkedIn Tumblr Bluesky Mastodon WeChat Weverse Twitch Discord Substack Pinterest Parler Rumble
    Douyin""".split()
) | {"Truth Social"}
INSTITUTION_NOUNS = frozenset(
    """commission court panel board council committee coalition association foundation
    institute center centre bureau party campaign union""".split()
)
_EXTRA_PERSON_ROLES = """lawyer attorney lawmaker legislator aide adviser advisor strategist analyst
expert economist professor researcher scientist doctor physician source friend judge justice
prosecutor officer sheriff chief secretary minister ambassador diplomat activist pastor
chancellor premier congressman congresswoman delegate commissioner superintendent""".split()
_EXTRA_PERSON_ROLES += """mother father sister brother wife husband son daughter aunt uncle grandmother
grandfather mom dad parent teacher coach manager neighbor neighbour colleague witness resident
voter""".split()
# plural descriptions ("their attorneys", "several environmental groups") name no single
# earlier entity: they stay as written
PLURAL_ROLES = frozenset(
    """family relatives parents attorneys lawyers officials sources experts critics residents
    voters groups lawmakers analysts activists protesters observers organizers organisers
    researchers scientists economists advocates supporters opponents insiders police
    prosecutors investigators doctors witnesses authorities""".split()
)
for _w in PLURAL_ROLES:
    ROLE_NOUNS.setdefault(_w, "unknown")
for _w in DOCUMENT_NOUNS | INSTITUTION_NOUNS:
    ROLE_NOUNS.setdefault(_w, "org")
for _w in _EXTRA_PERSON_ROLES:
    ROLE_NOUNS.setdefault(_w, "person")

SPEECH_ORG_WORDS = ("statement", "account")


# speech verbs (reporting cues) and the adverbs/auxiliaries that may stand before them
CUE_VERBS = (
    "said says say saying added adds adding told tells telling explained explains wrote "
    "writes writing posted posts shared shares tweeted tweets continued continues noted notes "
    "recalled recalls joked jokes laughed laughs admitted admits replied replies answered "
    "answers asked asks insisted insists stressed stresses argued argues claimed claims "
    "declared declares announced announces confirmed confirms revealed reveals remarked "
    "remarks commented comments exclaimed exclaims shouted whispered confessed confesses "
    "described describes stated states warned warns predicted predicts acknowledged "
    "acknowledges conceded concedes agreed agrees suggested suggests observed observes "
    "quipped quips boasted boasts complained complains promised promises vowed vows urged "
    "urges asking reported reports responded responds concluded concludes emphasized emphasizes emphasised "
    "reflected reflects teased teases captioned messaged began begins calling called "
    "call calls found finds pleaded mused muses gushed gushes raved sang sings chanted read reads "
    "recounted recounts summed explained opined offered offers thanked thanks "
    "cautioned cautions maintained maintains added asserted asserts reiterated reiterates "
    "testified testifies charged charges countered counters retorted added elaborated "
    "elaborates interjected recalled arguing insisting noting warning claiming describing "
    "stressing explaining suggesting declaring asserting acknowledging admitting recalling "
    "complaining predicting demanded demands wondered wonders tweeting posting sharing "
    "lamented laments pressed snapped yelled screamed cried sighed bragged alleged alleges "
    "contended contends proclaimed proclaims protested objected assured advised informed"
).split()
ADVERBS = (
    "also later then once again only simply previously recently reportedly has have had "
    "would will was were is are had once even further quickly proudly happily smiled and "
    "laughingly jokingly excitedly candidly openly famously often always never usually "
    "frequently repeatedly finally immediately quietly bluntly flatly"
).split()
SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but nor with from by as is it my me your our we you "
    "i vs vs. feat. ft. x & de la le".split()
)
