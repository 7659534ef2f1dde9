"""Byte → text decoding for Arabic news: BOM, declared charsets (HTTP header, HTML meta, XML
declaration), UTF-8, then the legacy Arabic code pages scored by how Arabic the result reads,
with charset-normalizer as the last resort for anything else."""

from __future__ import annotations

import codecs
import re

from marsad.io.article import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_XML = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)["']""", re.I)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.I)
ARABIC_CODEPAGES = ("cp1256", "iso8859_6")


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_header(content_type: str | None) -> str | None:
    m = _HEADER.search(content_type or "")
    return normalise_charset(m.group(1)) if m else None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration announces in the first 4 KB."""
    head = data[:4096]
    m = _XML.search(head) or _META.search(head)
    return normalise_charset(m.group(1).decode("ascii", "ignore")) if m else None


def arabic_score(text: str) -> float:
    """Higher when text reads like Arabic: letters, the article ال, few control/odd symbols."""
    letters = sum(1 for ch in text if "\u0621" <= ch <= "\u064a")
    article = text.count("ال")
    bad = sum(1 for ch in text if ch == "\ufffd" or ("\x80" <= ch <= "\x9f"))
    return letters + 4 * article - 20 * bad


def decode_bytes(data: bytes, what: str, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding). ``declared`` (e.g. from an HTTP header) is tried first but not trusted
    blindly: a declaration that does not decode falls through to detection."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in data[:8192] and not utf16:
        raise InputError(f"{what}: looks binary (NUL bytes); give text, HTML, a feed, JSONL or WARC")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                break
            if enc == "utf-8" or plausible(text):
                return text, enc
            break  # bytes that merely look like a UTF-16 mark
    for enc in (normalise_charset(declared), declared_charset(data)):
        if enc and enc not in ("utf-8", "ascii"):
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    candidates: list[tuple[float, str, str]] = []
    for enc in ARABIC_CODEPAGES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_score(text)
        if score > 0 and plausible(text):
            candidates.append((score, enc, text))
    if len(candidates) == 2 and min(candidates)[0] > 0.9 * max(candidates)[0]:
        # too close to call by letter counts: ask charset-normalizer, limited to the two code pages
        try:
            from charset_normalizer import from_bytes

            guess = from_bytes(data[:200_000], cp_isolation=list(ARABIC_CODEPAGES)).best()
        except Exception:  # noqa: BLE001 - detection must never stop a batch
            guess = None
        if guess is not None and guess.encoding in ARABIC_CODEPAGES:
            return next((t, e) for _, e, t in candidates if e == guess.encoding)
    if candidates:
        _, enc, text = max(candidates)
        return text, enc
    raise InputError(
        f"{what}: invalid UTF-8 at byte {bad_at}, and not Arabic text in windows-1256 or ISO-8859-6 either; "
        "convert the file to UTF-8"
    )


def plausible(text: str) -> bool:
    """Most characters are ASCII, Arabic, or common punctuation (not a random code-point soup)."""
    sample = text[:5000]
    if not sample:
        return True
    ok = sum(1 for ch in sample if ch < "\u0250" or "\u0600" <= ch <= "\u06ff" or "\u2000" <= ch <= "\u206f" or ch == "\ufeff")
    return ok >= 0.8 * len(sample)
