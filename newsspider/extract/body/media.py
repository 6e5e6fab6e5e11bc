"""Social embeds (tweets, Instagram posts, YouTube/TikTok iframes) and figures found by
`clean`: each becomes a placeholder element (``x-embed`` / ``x-image``) carrying its record as
JSON, so that neither captions nor credits nor embed chrome can leak into the text."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from lxml import etree

from newsspider.extract.body.base import _drop, _ident
from newsspider.extract.lazyre import lazy
from newsspider.extract.text import normalize_ws
from newsspider.urls import safe_urljoin as urljoin

_EMBED_HOSTS = (
    ("twitter.com", "tweet"), ("x.com", "tweet"), ("instagram.com", "instagram"),
    ("youtube.com", "youtube"), ("youtube-nocookie.com", "youtube"), ("youtu.be", "youtube"),
    ("tiktok.com", "tiktok"), ("vimeo.com", "video"), ("dailymotion.com", "video"),
    ("facebook.com", "other"), ("spotify.com", "other"), ("soundcloud.com", "other"),
)


def _embed_kind(url: str) -> str | None:
    host = re.sub(r"^https?://(?:www\.|m\.|mobile\.|player\.)?", "", url.strip().lower())
    for h, kind in _EMBED_HOSTS:
        if host.startswith(h):
            return kind
    return None


def _embed_of(el: Any, base_url: str) -> dict[str, Any] | None:
    """Embed record when `el` is a social embed (tweet, Instagram, YouTube...), else None."""
    tag = el.tag
    cls = (el.get("class") or "").lower()
    if tag == "blockquote" and ("twitter-tweet" in cls or "twitter-video" in cls):
        links = [a.get("href") or "" for a in el.iter("a")]
        url = next((u for u in reversed(links) if "/status" in u), links[-1] if links else None)
        ps = el.findall(".//p")
        text = normalize_ws(" ".join(p.text_content() for p in ps)) if ps else None
        author = None
        full = normalize_ws(el.text_content())
        m = re.search(r"[—–-]\s*([^—–(]+?)\s*\(@\w+\)", full)
        if m:
            author = m[1].strip()
        if text is None:
            text = normalize_ws(full.split("—")[0]) or None
        return {"url": url, "kind": "tweet", "author": author, "text": text}
    if tag == "blockquote" and "instagram-media" in cls:
        url = el.get("data-instgrm-permalink") or next(
            (a.get("href") for a in el.iter("a") if a.get("href")), None
        )
        text = None
        author = None
        for p in el.iter("p"):
            t = normalize_ws(p.text_content())
            m = re.match(r"^A (?:post|photo|video) shared by (.+?)(?:\s*\(@[\w.]+\))?\s*(?:on .*)?$",
                         t)
            if m:
                author = m[1].strip()
            elif t and text is None and not t.lower().startswith("view this post"):
                text = t
        return {"url": url, "kind": "instagram", "author": author, "text": text}
    if tag == "blockquote" and "tiktok-embed" in cls:
        url = el.get("cite")
        sec = el.find(".//section")
        text = normalize_ws(sec.text_content()) if sec is not None else None
        author = None
        a = el.find(".//a[@title]")
        if a is not None:
            author = (a.get("title") or "").lstrip("@") or None
        return {"url": url, "kind": "tiktok", "author": author, "text": text or None}
    if tag in ("iframe", "amp-youtube", "lite-youtube", "amp-twitter", "amp-instagram"):
        src = el.get("src") or el.get("data-src") or ""
        if tag == "amp-youtube" or tag == "lite-youtube":
            vid = el.get("data-videoid") or el.get("videoid")
            src = f"https://www.youtube.com/embed/{vid}" if vid else src
        if not src:
            return None
        src = urljoin(base_url, src)
        kind = _embed_kind(src)
        if kind is None:
            return None
        return {"url": src, "kind": kind, "author": None, "text": None, "iframe": True}
    if tag == "div" and ("embed" in cls or "video" in cls) and el.get("data-src"):
        kind = _embed_kind(el.get("data-src"))
        if kind:
            return {"url": urljoin(base_url, el.get("data-src")), "kind": kind, "author": None,
                    "text": None, "iframe": True}
    return None


_CREDIT_CLS = lazy(r"credit|copyright|source|photographer|byline|quelle|fotograf|rights|"
                         r"(?:^|[\W_])src(?:$|[\W_])", re.IGNORECASE)


def _img_url(img: Any, base_url: str) -> str | None:
    src = _img_src(img)
    return urljoin(base_url, src) if src is not None else None


def _img_src(img: Any) -> str | None:
    """The URL of an image as written in the page (`_img_url` before the join with the page's
    URL), None when there is none."""
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        v = img.get(attr)
        if v and not v.startswith("data:"):
            return v.strip()
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first:
            return first
    return None


_PHOTO_BOX_CLS = lazy(r"photo|image|img|figure|picture|pic\b|media|thumb", re.IGNORECASE)
_CAPTION_CLS = lazy(r"cap|caption|desc|legend|beschriftung|legende", re.IGNORECASE)


def _is_photo_box(el: Any) -> bool:
    """A div-built figure (legacy CMSs): one image, a short caption and/or credit, no paragraphs."""
    if not _is_photo_box_name(_ident(el)):
        return False
    imgs = el.iter("img", "amp-img")
    if next(imgs, None) is None or next(imgs, None) is not None:  # exactly one image
        return False
    if _HAS_TEXT_PART(el):
        return False
    return len(normalize_ws(el.text_content()).split()) <= 40


_HAS_TEXT_PART = etree.XPath("boolean(descendant::p|descendant::figure|descendant::blockquote|"
                             "descendant::h2|descendant::h3)")


_PHOTO_WORDS = ("photo", "image", "img", "figure", "picture", "media", "thumb")
_PIC_WORD = lazy(r"pic\b")


@lru_cache(maxsize=4096)
def _is_photo_box_name(ident: str) -> bool:
    """`_PHOTO_BOX_CLS` finds a match. An ASCII name is lower-cased and searched for the words
    in C (str.__contains__), the case-insensitive alternation tried each position in turn;
    other names go to the pattern (case-insensitive matching there also folds non-ASCII
    letters, e.g. the dotless i)."""
    if ident.isascii():
        low = ident.lower()
        return any(map(low.__contains__, _PHOTO_WORDS)) or (
            "pic" in low and _PIC_WORD.search(low) is not None)
    return _PHOTO_BOX_CLS.search(ident) is not None


@lru_cache(maxsize=4096)
def _is_credit_name(ident: str) -> bool:
    return _CREDIT_CLS.search(ident) is not None


def _as_figure(el: Any) -> None:
    el.tag = "figure"
    for child in el.iterdescendants():
        if isinstance(child.tag, str) and child.tag != "img" and _CAPTION_CLS.search(_ident(child)) \
                and not _is_credit_name(_ident(child)):
            child.tag = "figcaption"
            break


def _replace_figure(el: Any) -> bool:
    """Turn a <figure>/<picture> into an x-image placeholder carrying url/caption/credit (the
    url as written in the page: see `image_record`). True when `el` was replaced (taken off the
    tree)."""
    # the URL is joined with the page's when the placeholder becomes a block (`image_record`):
    # many figures (thumbnails of related lists) are dropped with their box before that
    img = next(el.iter("img", "amp-img"), None)
    url = _img_src(img) if img is not None else None
    if url is None and el.tag == "figure":
        src = next(el.iter("source"), None)
        if src is not None and src.get("srcset"):
            url = src.get("srcset").split(",")[0].strip().split(" ")[0]
    caption = credit = None
    if el.tag == "figure":
        credits = [c for c in el.iter() if isinstance(c.tag, str) and c is not el
                   and _is_credit_name(_ident(c))]
        credit = normalize_ws(" ".join(c.text_content() for c in credits)) or None
        for c in credits:
            _drop(c)
        cap = el.find(".//figcaption")
        if cap is not None:
            caption = normalize_ws(cap.text_content()) or None
    ph = etree.Element("x-image")
    ph.tail = el.tail
    if el.tag == "figure" and url is None and caption is None:
        # a figure without an image (e.g. a chart container or a pull quote) keeps its text
        if el.find(".//x-embed") is not None or el.find(".//blockquote") is not None:
            el.tag = "div"
            return False
    ph.set("data-json", json.dumps({"url": url, "caption": caption, "credit": credit}))
    parent = el.getparent()
    if parent is None:
        return False
    parent.replace(el, ph)
    return True


def image_record(data_json: str | None, base_url: str) -> dict[str, Any] | None:
    """The record of an x-image placeholder (`_replace_figure`), its URL joined with the
    page's."""
    img = json.loads(data_json or "null")
    if img and img.get("url") is not None:
        img["url"] = urljoin(base_url, img["url"])
    return img
