"""newsspider: a Scrapy crawler for K-pop / K-drama fan-news sites.

The Python API (no Scrapy involved, no state touched)::

    from newsspider import extract_article

    record = extract_article(html, url="https://www.soompi.com/article/123/some-story")
    record["title"], record["quotes"], record["releases"]

Imports are lazy so that ``import newsspider`` stays cheap for the command line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

__all__ = ["__version__", "extract_article"]


# The package version (pyproject.toml reads it from here). A literal: asking importlib.metadata
# at import cost ~15-35 ms of every command's start-up (it imports the email package).
__version__ = "0.1.0"

# The version of the record layout (fields and their meaning); bumped when they change.
# 2: url_key, description, section, word_count and the provenance fields; canonical_url as declared.
# 3: titles (every title the page gives, by source); title is the headline as shown;
#    releases[].paragraph (where the evidence is).
# 4: extraction_errors (the stages extraction could not do on the page).
# (newsspider.items re-exports it; here, a record's provenance needs no dataclasses: start-up.)
SCHEMA_VERSION = "4"


def extract_article(html: str | bytes, url: str | None = None, *, site: str | None = None,
                    fetched_at: datetime | None = None, content_type: str | None = None) -> dict[str, Any]:
    """The article record (a dict, as one JSON Lines line) of one HTML page.

    `html` is the page as bytes (decoded as a browser would) or text; `url` is where it came
    from (resolves relative links and picks the site profile; a placeholder when omitted).
    Raises ``ValueError`` for empty or binary input.
    """
    from newsspider.extract import Page
    from newsspider.extract import extract_article as _extract
    from newsspider.extract.inputcheck import check_html
    from newsspider.profiles import get_profile, profile_for_url

    url = url or "https://example.invalid/"
    check_html(html)
    profile = get_profile(site) if site else profile_for_url(url)
    kw: dict[str, Any] = {"fetched_at": fetched_at,
                          "profile": profile.as_dict() if profile.name != "generic" else None}
    if isinstance(html, bytes):
        page = Page.from_bytes(html, url, content_type=content_type, **kw)
    else:
        page = Page.from_text(html, url, **{k: v for k, v in kw.items() if v is not None})
    return _extract(page, site=profile.name)
