"""RSS/Atom feeds → one Article per entry (feedparser).

An entry whose link points to a page already on disk next to the feed (same relative path,
host/path, or file name) is read from that page (full text via trafilatura); the feed's own
title, date and author win over the page's. Links are never fetched and never resolved outside
the feed's folder.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from marsad.io.article import Article, InputError, check_text, max_bytes, max_records
from marsad.io.html import _fallback_text, read_html
from marsad.io.meta import clean_str, host_of, iso_date

log = logging.getLogger(__name__)
PAGE_SUFFIXES = ("", ".html", ".htm")


def fragment_text(value: str) -> str:
    """Plain text of an entry's HTML content/summary."""
    if "<" not in value:
        return value.strip()
    try:
        return _fallback_text(f"<html><body>{value}</body></html>")
    except Exception:  # noqa: BLE001 - a broken fragment keeps its raw text
        return value.strip()


def local_page(link: str | None, base: Path | None) -> Path | None:
    """The file under ``base`` that an entry link points to, if any (never outside ``base``)."""
    if not link or base is None:
        return None
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    path = unquote(parts.path or "").lstrip("/")
    segs = [s for s in path.split("/") if s]
    rel = [f"{parts.hostname}/{path}"] if parts.hostname and path else []
    rel += ["/".join(segs[i:]) for i in range(len(segs))]  # news/pages/x.html, pages/x.html, x.html
    try:
        root = base.resolve()
    except OSError:
        return None
    for r in rel:
        for suffix in PAGE_SUFFIXES:
            try:
                cand = (root / (r + suffix)).resolve()
                if cand.is_relative_to(root) and cand.is_file():
                    return cand
            except (OSError, ValueError):
                continue
    return None


def _entry_article(entry, feed_meta: dict, n: int, name: str, base: Path | None) -> Article:
    origin = f"{name}#{n}"
    link = clean_str(entry.get("link"))
    art_id = clean_str(entry.get("id")) or link or f"{Path(name).stem}:{n}"
    title = clean_str(entry.get("title"))
    published = iso_date(entry.get("published_parsed") or entry.get("updated_parsed")) or iso_date(
        entry.get("published") or entry.get("updated")
    )
    author = clean_str(entry.get("author"))
    meta: dict = {"format": "rss", "feed": feed_meta.get("title") or name}
    text = ""
    page = local_page(link, base)
    page_art = None
    if page is not None:
        try:
            with page.open("rb") as fh:
                data = fh.read(max_bytes() + 1)
            page_art = read_html(data, str(page), art_id=art_id, url=link)
        except OSError as exc:
            log.warning("%s: cannot read linked page %s: %s", origin, page, exc)
    if page_art is not None and not page_art.error:
        text = page_art.text
        meta["page"] = str(page)
        meta.update({k: v for k, v in page_art.meta.items() if k not in meta})
        title = title or page_art.title
        published = published or page_art.published
    else:
        if page_art is not None:
            meta["page_error"] = page_art.error
        contents = entry.get("content") or []
        values = [c.get("value", "") for c in contents if isinstance(c, dict)]
        text = max(values, key=len, default="") or entry.get("summary") or entry.get("description") or ""
        text = fragment_text(text) if isinstance(text, str) else ""
    if author:
        meta["author"] = author
    source = feed_meta.get("title") or (page_art.source if page_art and not page_art.error else None) or host_of(link)
    try:
        if not text.strip():
            raise InputError(f"{origin}: feed entry has no text (no content, summary or readable linked page)")
        return Article(
            id=art_id, text=check_text(text, origin), published=published, title=title, url=link,
            source=source, origin=origin, meta=meta,
        )
    except InputError as exc:
        return Article(id=art_id, origin=origin, url=link, title=title, error=str(exc), meta=meta)


def read_feed(data: bytes, name: str, base: Path | None = None) -> Iterator[Article]:
    """Entries of an RSS/Atom document. A feed too broken to yield entries is one error Article."""
    import feedparser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # a stream, never bytes/str: feedparser would treat those as a URL or a file name to open
            parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - feedparser on hostile bytes
        yield Article(id=Path(name).stem, origin=name, error=f"{name}: cannot parse the feed ({type(exc).__name__}: {exc})",
                      meta={"format": "rss"})
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        detail = f" ({type(why).__name__}: {why})" if why else ""
        yield Article(id=Path(name).stem, origin=name, error=f"{name}: not a readable RSS/Atom feed, or no entries{detail}",
                      meta={"format": "rss"})
        return
    feed = parsed.get("feed") or {}
    feed_meta = {"title": clean_str(feed.get("title")), "link": clean_str(feed.get("link"))}
    limit = max_records()
    for n, entry in enumerate(entries):
        if n >= limit:
            yield Article(id=f"{Path(name).stem}:{n}", origin=name, error=f"{name}: more than {limit} entries (MARSAD_MAX_RECORDS); rest skipped")
            return
        try:
            yield _entry_article(entry, feed_meta, n, name, base)
        except Exception as exc:  # noqa: BLE001 - one odd entry never stops the feed
            yield Article(id=f"{Path(name).stem}:{n}", origin=f"{name}#{n}", error=f"{name}#{n}: unreadable entry ({type(exc).__name__}: {exc})")
