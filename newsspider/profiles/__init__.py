"""Site profiles: per-site knowledge as data (one TOML file per site in this folder).

A profile names the site's domains, where to find articles (feeds, sitemaps, listing pages),
which URLs are articles, and optional selector overrides for the extractors. Unknown domains
get the generic profile (no selectors, every page treated as a candidate article).

More profiles can live outside the package: folders named in the ``NEWSSPIDER_PROFILES``
environment variable (``os.pathsep``-separated), the Scrapy setting of the same name, or
``newsspider --profiles DIR``. A profile there with the name of a bundled one replaces it.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from newsspider.urls import host_of

# importlib.resources, not __file__: scrapyd runs the project from a zipped egg
PROFILE_DIR: Traversable = resources.files(__name__)


class UnknownSite(LookupError):
    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__(f"unknown site {name!r}; known sites: {', '.join(known)}")


@dataclass(frozen=True)
class Profile:
    name: str
    label: str = ""
    domains: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    article_url: str | None = None
    listing_url: str | None = None
    max_listing_pages: int = 10
    verified: bool = False
    timezone: str | None = None  # the site's zone for dates given without an offset ("Asia/Seoul")
    selectors: dict[str, Any] = field(default_factory=dict)

    @property
    def article_re(self) -> re.Pattern[str] | None:
        return _compile(self.article_url)

    @property
    def listing_re(self) -> re.Pattern[str] | None:
        return _compile(self.listing_url)

    def is_article(self, url: str) -> bool:
        rx = self.article_re
        return bool(rx.match(url)) if rx else True

    def is_listing(self, url: str) -> bool:
        rx = self.listing_re
        return bool(rx.match(url)) if rx else False

    def owns(self, url: str) -> bool:
        host = host_of(url)
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def as_dict(self) -> dict[str, Any]:
        """What extractors see as `page.profile` (plain data)."""
        return {"name": self.name, "timezone": self.timezone, "selectors": dict(self.selectors)}


GENERIC = Profile(name="generic", label="any site (generic extraction)")


@cache
def _compile(rx: str | None) -> re.Pattern[str] | None:
    return re.compile(rx) if rx else None


def _load(path: Traversable) -> Profile:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for key in ("domains", "start_urls", "feeds", "sitemaps", "listings"):
        data[key] = tuple(data.get(key, ()))
    return Profile(**data)


class ProfileError(ValueError):
    """A profile folder or file that cannot be used (one-line message)."""


def profile_dirs() -> list[Path]:
    """The extra profile folders from ``NEWSSPIDER_PROFILES``."""
    value = os.environ.get("NEWSSPIDER_PROFILES", "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def set_profile_dirs(dirs: list[str] | tuple[str, ...] | str | None) -> None:
    """Use these extra profile folders (also for child processes: sets NEWSSPIDER_PROFILES)."""
    if isinstance(dirs, str):
        dirs = [dirs]
    for d in dirs or ():
        if not Path(d).is_dir():
            raise ProfileError(f"no such profile folder: {d}")
    value = os.pathsep.join(str(Path(d).resolve()) for d in dirs or ())
    if value != os.environ.get("NEWSSPIDER_PROFILES", ""):
        os.environ["NEWSSPIDER_PROFILES"] = value
        all_profiles.cache_clear()


def _load_file(path: Traversable) -> Profile:
    try:
        return _load(path)
    except (tomllib.TOMLDecodeError, TypeError, UnicodeDecodeError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ProfileError(f"bad site profile {path}: {msg}") from None


@cache
def all_profiles() -> dict[str, Profile]:
    files: list[Traversable] = sorted(
        (f for f in PROFILE_DIR.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    for folder in profile_dirs():
        files += sorted(folder.glob("*.toml")) if folder.is_dir() else []
    out: dict[str, Profile] = {}
    for f in files:
        prof = _load_file(f)
        out[prof.name] = prof
    return dict(sorted(out.items()))


def generic_profile(url: str) -> Profile:
    """A profile for any site, from its home page URL: every same-site page found in its
    sitemaps and feeds is a candidate article, extracted by the generic extractor."""
    host = host_of(url)
    if not host:
        raise ProfileError(f"no host in {url!r}")
    return Profile(name=host, label=f"{host} (generic crawl)", domains=(host,), start_urls=(url,))


def get_profile(name: str) -> Profile:
    profiles = all_profiles()
    try:
        return profiles[name]
    except KeyError:
        raise UnknownSite(name, sorted(profiles)) from None


def profile_for_url(url: str) -> Profile:
    """The profile owning this URL's host, or the generic profile."""
    for profile in all_profiles().values():
        if profile.owns(url):
            return profile
    return GENERIC
