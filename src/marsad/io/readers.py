"""Read articles from files, directories and stdin, one bad article never stopping the rest.

Formats: plain text, JSONL (or a JSON array), HTML pages, RSS/Atom feeds, WARC/WARC.gz;
gzip/bz2 compressed or not. The format comes from ``input_format`` when given, else from the
file extension, else from sniffing the first bytes. Every article gets ``meta["lang"]``;
non-Arabic articles come out as error Articles ("skipped: ...") unless ``keep_non_arabic``
(or MARSAD_KEEP_NON_ARABIC=1) is set.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.io.article import MAX_BYTES, Article, InputError, check_text, decode_text, max_bytes, max_records
from marsad.io.feeds import read_feed
from marsad.io.html import read_html
from marsad.io.lang import detect_language
from marsad.io.meta import clean_str, host_of, iso_date
from marsad.io.streams import STREAM_ERRORS, decompressing, open_input, read_bounded
from marsad.io.warc import read_warc

__all__ = ["FORMATS", "MAX_BYTES", "Article", "detect_format", "read_bytes", "read_inputs", "read_path", "sniff_format"]

FORMATS = ("txt", "jsonl", "html", "rss", "warc")
ALIASES = {"text": "txt", "plain": "txt", "json": "jsonl", "ndjson": "jsonl", "htm": "html", "atom": "rss",
           "feed": "rss", "xml": "rss", "warc.gz": "warc", "arc": "warc"}
TEXT_FIELDS = ("text", "content", "body", "article", "maintext")
DATE_FIELDS = ("published", "date", "date_published", "datePublished", "pubDate", "published_at")
EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "rss", ".atom": "rss", ".warc": "warc", ".arc": "warc", ".txt": "txt", ".text": "txt",
}
FEED_LIMIT_FACTOR = 20  # a feed holds many entries: its size limit is this many articles
_FIRST_TAG = re.compile(rb"<\s*([a-zA-Z][a-zA-Z0-9:_-]*)")
_SKIP_MARKUP = re.compile(rb"^\s*(<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*", re.S | re.I)


def normalise_format(input_format: str | None) -> str | None:
    if not input_format:
        return None
    fmt = input_format.strip().lower().lstrip(".")
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise InputError(f"unknown input format {input_format!r}; use one of {', '.join(FORMATS)}")
    return fmt


def sniff_format(head: bytes) -> str:
    """The format of a document from its first (decompressed) bytes."""
    head = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if head[:1] in (b"{", b"["):
        return "jsonl"
    if head[:1] == b"<":
        lower = head[:4096].lower()
        if lower.startswith(b"<!doctype html"):
            return "html"
        m = _FIRST_TAG.match(head, _SKIP_MARKUP.match(head).end())
        tag = m.group(1).lower() if m else b""
        if tag in (b"rss", b"feed", b"rdf:rdf", b"rdf"):
            return "rss"
        if tag == b"html" or b"<body" in lower or b"<p" in lower or b"<div" in lower:
            return "html"
    return "txt"


def detect_format(path: str, head: bytes = b"") -> str:
    """Format from the extension (.gz/.bz2 ignored), else from the first bytes."""
    name = path.lower()
    for suffix in (".gz", ".bz2"):
        name = name.removesuffix(suffix)
    fmt = EXTENSIONS.get(os.path.splitext(name)[1])
    if fmt:
        return fmt
    return sniff_format(head) if head else "txt"


# -- plain text and JSON ----------------------------------------------------------------------

def read_txt(data: bytes, name: str) -> Article:
    art_id = Path(name).stem if name != "-" else "stdin"
    try:
        from marsad.io.encoding import decode_bytes

        if len(data) > max_bytes():
            decode_text(data, name)  # raises the size error
        text, enc = decode_bytes(data, name)
        return Article(id=art_id, text=check_text(text, name), origin=name, meta={"format": "txt", "encoding": enc})
    except InputError as exc:
        return Article(id=art_id, origin=name, error=str(exc), meta={"format": "txt"})


def _article_from_record(record: object, origin: str, index: int) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSON object per line is expected, got {type(record).__name__}")
    strings = [record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)]
    text = next((t for t in strings if t.strip()), strings[0] if strings else None)
    url = clean_str(record.get("url") or record.get("link"))
    if not (text or "").strip() and isinstance(record.get("html"), str):
        art = read_html(record["html"].encode("utf-8"), origin, url=url, origin=origin)
        if art.error:
            raise InputError(art.error)
        text = art.text
        record = {"title": art.title, "published": art.published, "source": art.source, **record}
    if text is None:
        raise InputError(f"{origin}: no 'text' field (a string) in the record")
    art_id = record.get("id")
    published = next((record[k] for k in DATE_FIELDS if record.get(k) not in (None, "")), None)
    meta: dict = {"format": "jsonl"}
    for key in ("author", "date_extracted", "lang", "language"):
        if isinstance(record.get(key), str):
            meta["crawl_date" if key == "date_extracted" else key] = record[key]
    pub = iso_date(published)
    if pub is None and published is not None:
        meta["published_raw"] = str(published)[:100]  # unreadable: the dates stage infers one from the text
    return Article(
        id=_record_id(record, f"{Path(origin.rsplit(':', 1)[0]).stem}:{index}") if art_id is not None else f"{Path(origin.rsplit(':', 1)[0]).stem}:{index}",
        text=check_text(text, origin),
        published=pub,
        title=clean_str(record.get("title")),
        url=url,
        source=clean_str(record.get("source")) or host_of(url),
        origin=origin,
        meta=meta,
    )


def _record_id(record: object, default: str) -> str:
    if isinstance(record, dict) and isinstance(record.get("id"), str | int) and not isinstance(record.get("id"), bool):
        return str(record["id"])[:200]
    return default


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) with None for a line over ``limit`` bytes (skipped, not held in memory)."""
    lineno = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
            continue
        yield lineno, raw


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Article]:
    limit, max_n = max_bytes(), max_records()
    stem = Path(name).stem
    n = 0
    for lineno, raw in _bounded_lines(stream, limit):
        origin = f"{name}:{lineno}"
        record: object = None
        if raw is not None and not raw.strip():
            continue
        n += 1
        if n > max_n:
            yield Article(id=f"{stem}:{lineno}", origin=origin, error=f"{name}: more than {max_n} records (MARSAD_MAX_RECORDS); rest skipped")
            return
        try:
            if raw is None:
                raise InputError(f"{origin}: line over the {limit}-byte limit per article (MARSAD_MAX_BYTES)")
            line = decode_text(raw, origin)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{origin}: invalid JSON ({exc.msg} at column {exc.colno})") from None
            except RecursionError:
                raise InputError(f"{origin}: JSON nested too deeply") from None
            yield _article_from_record(record, origin, lineno)
        except InputError as exc:
            yield Article(id=_record_id(record, f"{stem}:{lineno}"), origin=origin, error=str(exc), meta={"format": "jsonl"})


def read_json_array(data: bytes, name: str) -> Iterator[Article]:
    """A JSON array of article objects; a file that is not one JSON document is read as JSONL."""
    stem = Path(name).stem
    try:
        records = json.loads(decode_text(data, name) if len(data) <= max_bytes() else data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, InputError) as exc:
        if b"\n" in data.strip():
            yield from read_jsonl(io.BytesIO(data), name)  # JSON lines whose first record is an array
            return
        msg = str(exc) if isinstance(exc, InputError) else f"{name}: invalid JSON ({type(exc).__name__}: {exc})"
        if isinstance(exc, RecursionError):
            msg = f"{name}: JSON nested too deeply"
        yield Article(id=stem, origin=name, error=msg, meta={"format": "jsonl"})
        return
    if not isinstance(records, list):
        records = [records]
    if not records:
        yield Article(id=stem, origin=name, error=f"{name}: an empty JSON array (no articles)", meta={"format": "jsonl"})
        return
    for i, record in enumerate(records[: max_records()], 1):
        origin = f"{name}:{i}"
        try:
            yield _article_from_record(record, origin, i)
        except InputError as exc:
            yield Article(id=_record_id(record, f"{stem}:{i}"), origin=origin, error=str(exc), meta={"format": "jsonl"})


# -- dispatch ---------------------------------------------------------------------------------

def read_stream(stream: BinaryIO, name: str, fmt: str | None, base: Path | None = None) -> Iterator[Article]:
    """Articles of one (already decompressed, peekable) stream."""
    if fmt is None:
        lower = name.lower().removesuffix(".gz").removesuffix(".bz2")
        fmt = EXTENSIONS.get(os.path.splitext(lower)[1])
    if fmt is None:
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""  # type: ignore[attr-defined]
        fmt = sniff_format(head)
    if fmt == "warc":
        yield from read_warc(stream, name)
        return
    if fmt == "jsonl":
        head = stream.peek(64)[:64].lstrip(b"\xef\xbb\xbf").lstrip() if hasattr(stream, "peek") else b""  # type: ignore[attr-defined]
        if head.startswith(b"["):
            yield from read_json_array(read_bounded(stream, max_bytes() * FEED_LIMIT_FACTOR, name), name)
        else:
            yield from read_jsonl(stream, name)
        return
    if fmt == "rss":
        yield from read_feed(read_bounded(stream, max_bytes() * FEED_LIMIT_FACTOR, name), name, base)
        return
    data = read_bounded(stream, max_bytes(), name)
    stem = Path(name).stem if name != "-" else "stdin"
    if fmt == "html":
        yield read_html(data, name, art_id=stem)
    else:
        yield read_txt(data, name)


def read_bytes(data: bytes, name: str = "<bytes>", input_format: str | None = None, base: Path | None = None) -> Iterator[Article]:
    """Articles of an in-memory document (fetched feeds, tests, fuzzing); never raises."""
    yield from _guarded(lambda: read_stream(decompressing(io.BytesIO(data), name), name, normalise_format(input_format), base), name)


def _guarded(make: callable, name: str) -> Iterator[Article]:  # type: ignore[valid-type]
    """Run a reader; whatever escapes it becomes one clear error Article."""
    stem = Path(name).stem or name
    try:
        yield from make()
    except InputError as exc:
        yield Article(id=stem, origin=name, error=str(exc))
    except STREAM_ERRORS as exc:
        yield Article(id=stem, origin=name, error=f"{name}: cannot read ({type(exc).__name__}: {exc})")
    except (RecursionError, MemoryError) as exc:
        yield Article(id=stem, origin=name, error=f"{name}: input too complex to read ({type(exc).__name__})")


def read_path(path: str, input_format: str | None = None) -> Iterator[Article]:
    if path == "-":
        yield from _guarded(lambda: read_stream(decompressing(sys.stdin.buffer, "stdin"), "-", normalise_format(input_format) or None), "-")
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_dir(p, input_format)
        return
    if not p.exists():
        yield Article(id=p.stem, origin=path, error=f"{path}: no such file")
        return

    def make() -> Iterator[Article]:
        fmt = normalise_format(input_format)
        with open_input(p) as fh:
            yield from read_stream(fh, path, fmt, p.parent)

    yield from _guarded(make, path)


def _read_dir(root: Path, input_format: str | None) -> Iterator[Article]:
    """Every file under ``root`` (hidden ones skipped); feeds first, and pages a feed entry was
    read from are not read a second time on their own."""
    files = sorted(c for c in root.rglob("*") if c.is_file() and not any(x.startswith(".") for x in c.relative_to(root).parts))
    feeds = [f for f in files if detect_format(str(f)) == "rss" or f.suffix.lower() == ".xml"]
    used: set[str] = set()
    for f in feeds:
        for art in read_path(str(f), input_format):
            if art.meta.get("page"):
                used.add(art.meta["page"])
            yield art
    for f in files:
        if f in feeds or str(f.resolve()) in used:
            continue
        yield from read_path(str(f), input_format)


def check_language(art: Article, keep_non_arabic: bool) -> Article:
    """Set ``meta["lang"]``; a non-Arabic article becomes a "skipped" error unless kept."""
    if art.error:
        return art
    lang = detect_language(art.text)
    art.meta["lang"] = lang
    if lang not in ("ar", "und") and not keep_non_arabic:
        art.meta["skipped"] = "not_arabic"
        # starts with "skipped": ingest counts these apart from failures
        art.error = (f"skipped: {art.origin or art.id}: the text is not Arabic (detected {lang}); "
                     "set MARSAD_KEEP_NON_ARABIC=1 (or keep_non_arabic=True) to process it anyway")
    return art


def read_inputs(paths: Iterable[str], input_format: str | None = None, keep_non_arabic: bool | None = None) -> Iterator[Article]:
    """Every article of every path (files, directories, '-' for stdin), language-checked."""
    if keep_non_arabic is None:
        keep_non_arabic = os.environ.get("MARSAD_KEEP_NON_ARABIC", "").lower() in ("1", "true", "yes")
    for path in paths:
        for art in read_path(path, input_format):
            yield check_language(art, keep_non_arabic)
