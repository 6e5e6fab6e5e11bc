"""The chosen blocks as `extract_body`'s result: paragraphs with kinds, body text, simplified
``body_html``, image and embed records."""

from __future__ import annotations

import html as htmllib
from typing import Any

from newsspider.extract.body.base import Block


def _esc(text: str) -> str:
    return htmllib.escape(text, quote=False)


def _assemble(blocks: list[Block]) -> dict[str, Any]:
    paragraphs: list[str] = []
    kinds: list[str] = []
    images: list[dict[str, Any]] = []
    embeds: list[dict[str, Any]] = []
    html_parts: list[str] = []
    open_group: Any = None
    open_tag = ""

    def close() -> None:
        nonlocal open_group, open_tag
        if open_group is not None:
            html_parts.append(f"</{open_tag}>")
        open_group, open_tag = None, ""

    seen_images: set[str] = set()
    for b in blocks:
        if b.kind == "image":
            img = b.image or {}
            if not img.get("url") or img["url"] in seen_images:
                continue
            seen_images.add(img["url"])
            close()
            rec = {"url": img["url"], "caption": img.get("caption"), "credit": img.get("credit")}
            images.append(rec)
            cap = ""
            if rec["caption"] or rec["credit"]:
                cap = "<figcaption>" + _esc(rec["caption"] or "")
                if rec["credit"]:
                    cap += f' <small class="credit">{_esc(rec["credit"])}</small>'
                cap += "</figcaption>"
            html_parts.append(f'<figure><img src="{htmllib.escape(img["url"])}">{cap}</figure>')
            continue
        if b.kind == "embed":
            close()
            emb = dict(b.embed or {})
            idx = None
            if emb.get("text"):
                idx = len(paragraphs)
                paragraphs.append(emb["text"])
                kinds.append("embed")
            url = emb.get("url") or ""
            rec = {"url": url or None, "kind": emb.get("kind", "other"),
                   "author": emb.get("author"), "text": emb.get("text"), "paragraph": idx}
            embeds.append(rec)
            if emb.get("iframe"):
                html_parts.append(f'<iframe src="{htmllib.escape(url)}"></iframe>')
            else:
                inner = f"<p>{_esc(emb['text'])}</p>" if emb.get("text") else ""
                html_parts.append(
                    f'<blockquote class="embed" data-kind="{rec["kind"]}" '
                    f'cite="{htmllib.escape(url)}">{inner}</blockquote>'
                )
            continue
        paragraphs.append(b.text)
        kinds.append(b.kind)
        if b.kind == "li":
            if open_group is not b.group or b.group is None:
                close()
                open_group, open_tag = (b.group if b.group is not None else object()), b.list_tag
                html_parts.append(f"<{open_tag}>")
            html_parts.append(f"<li>{_esc(b.text)}</li>")
        elif b.kind == "blockquote":
            if open_group is not b.group or b.group is None:
                close()
                open_group, open_tag = (b.group if b.group is not None else object()), \
                    "blockquote"
                html_parts.append("<blockquote>")
            html_parts.append(f"<p>{_esc(b.text)}</p>")
        else:
            close()
            if b.kind == "h":
                lvl = min(max(b.heading_level, 2), 4)
                html_parts.append(f"<h{lvl}>{_esc(b.text)}</h{lvl}>")
            elif b.kind == "pre":
                html_parts.append(f"<pre>{_esc(b.text)}</pre>")
            else:
                html_parts.append(f"<p>{_esc(b.text)}</p>")
    close()
    return {
        "paragraphs": paragraphs,
        "kinds": kinds,
        "body": "\n\n".join(paragraphs),
        "body_html": "\n".join(html_parts),
        "images": images,
        "embeds": embeds,
    }
