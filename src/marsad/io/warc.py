"""WARC / WARC.gz (Common Crawl News and the like) → one Article per HTML response (warcio).

URL and crawl date come from the WARC headers (``WARC-Target-URI``, ``WARC-Date``); the page's
own publication date (trafilatura) wins, the crawl date is the fallback. The charset comes from
the HTTP ``Content-Type`` header, then the page. WET ``conversion`` records are read as text.
Requests, metadata, redirects and non-HTML responses are skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.io.article import Article, InputError, check_text, max_bytes, max_records
from marsad.io.encoding import charset_from_header, decode_bytes
from marsad.io.html import read_html
from marsad.io.meta import host_of, iso_date
from marsad.io.streams import STREAM_ERRORS

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _record_article(record, name: str, n: int) -> Article | None:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    crawl = headers.get_header("WARC-Date")
    rec_id = (headers.get_header("WARC-Record-ID") or "").strip("<>").removeprefix("urn:uuid:")
    art_id = rec_id or f"{Path(name).stem}:{n}"
    origin = f"{name}#{n}"
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type in ("resource", "conversion"):
        content_type = headers.get_header("Content-Type") or ""
    else:
        return None
    kind = content_type.split(";")[0].strip().lower()
    is_html = kind in HTML_TYPES
    if not is_html and kind != "text/plain":
        return None
    limit = max_bytes()
    try:
        body = record.content_stream().read(limit + 1)
    except STREAM_ERRORS as exc:
        return Article(id=art_id, origin=origin, url=url, error=f"{origin}: unreadable record body ({type(exc).__name__}: {exc})")
    if len(body) > limit:
        return Article(id=art_id, origin=origin, url=url, error=f"{origin}: record over the {limit}-byte limit per article (MARSAD_MAX_BYTES)")
    if is_html:
        art = read_html(body, name, art_id=art_id, url=url, declared_charset=charset_from_header(content_type), origin=origin)
    else:
        try:
            text, enc = decode_bytes(body, origin, charset_from_header(content_type))
            art = Article(id=art_id, text=check_text(text, origin), url=url, source=host_of(url), origin=origin,
                          meta={"encoding": enc})
        except InputError as exc:
            art = Article(id=art_id, origin=origin, url=url, error=str(exc))
    art.meta["format"] = "warc"
    if crawl:
        art.meta["crawl_date"] = crawl
    if not art.published and not art.error:
        art.published = iso_date(crawl)
    return art


def read_warc(stream: BinaryIO, name: str) -> Iterator[Article]:
    """Articles of a WARC stream; a truncated or corrupt archive ends with one error Article."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = max_records()
    n = 0
    head = stream.peek(16)[:16].lstrip() if hasattr(stream, "peek") else b"WARC/"  # type: ignore[attr-defined]
    if not head.startswith((b"WARC/", b"filedesc://", b"\x1f\x8b")):
        yield Article(id=Path(name).stem, origin=name, error=f"{name}: not a WARC file (it does not start with 'WARC/')",
                      meta={"format": "warc"})
        return
    try:
        records = iter(ArchiveIterator(stream, arc2warc=True))
        while True:
            try:
                record = next(records)
            except StopIteration:
                if n == 0:
                    yield Article(id=Path(name).stem, origin=name, error=f"{name}: not a WARC file (no WARC records found)",
                                  meta={"format": "warc"})
                return
            n += 1
            if n > limit:
                yield Article(id=f"{Path(name).stem}:{n}", origin=name, error=f"{name}: more than {limit} records (MARSAD_MAX_RECORDS); rest skipped")
                return
            art = _record_article(record, name, n)
            if art is not None:
                yield art
    except InputError as exc:
        yield Article(id=f"{Path(name).stem}:{n + 1}", origin=f"{name}#{n + 1}", error=str(exc), meta={"format": "warc"})
    except (ArchiveLoadFailed, *STREAM_ERRORS, KeyError, IndexError, AttributeError) as exc:
        what = "not a WARC file" if n == 0 else "corrupt or truncated WARC"
        yield Article(id=f"{Path(name).stem}:{n + 1}", origin=f"{name}#{n + 1}",
                      error=f"{name}: {what} after {n} record(s) ({type(exc).__name__}: {exc})", meta={"format": "warc"})
