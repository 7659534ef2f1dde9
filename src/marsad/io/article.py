"""The input record every reader yields: text plus metadata, or a clear error.

Limits (environment variables, read at call time so a long-running process can be tuned):
``MARSAD_MAX_BYTES`` per document (default 2 MB), ``MARSAD_MAX_DECOMPRESSED`` per compressed
file (default 1 GiB: no gzip/bz2 bomb can make a reader inflate more), ``MARSAD_MAX_RECORDS``
per file (default 10 million: articles, lines, feed entries or WARC records).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

# Kept as a constant for callers that imported it; readers use max_bytes() (live value).
MAX_BYTES = int(os.environ.get("MARSAD_MAX_BYTES", 2_000_000))


def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def max_bytes() -> int:
    return _env_int("MARSAD_MAX_BYTES", MAX_BYTES)


def max_decompressed() -> int:
    return _env_int("MARSAD_MAX_DECOMPRESSED", 1 << 30)


def max_records() -> int:
    return _env_int("MARSAD_MAX_RECORDS", 10_000_000)


class InputError(ValueError):
    """An input that cannot be turned into an article (the message says why and what to do)."""


@dataclass
class Article:
    """One input article.

    ``published`` is an ISO date (YYYY-MM-DD) or None (the dates stage then infers it from the
    text). ``meta`` carries what else the reader learnt: ``lang``, ``author``, ``format``,
    ``crawl_date``, ``encoding``, ``feed`` ...
    """

    id: str | None
    text: str = ""
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file (and line or record) it came from
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def decode_text(data: bytes, what: str, declared: str | None = None) -> str:
    """Decode one document's bytes (UTF-8, windows-1256, ISO-8859-6 ... detected), with clear
    errors for binary, empty or oversized input."""
    from marsad.io.encoding import decode_bytes

    limit = max_bytes()
    if len(data) > limit:
        raise InputError(f"{what}: {len(data)} bytes is over the {limit}-byte limit per article (MARSAD_MAX_BYTES)")
    return decode_bytes(data, what, declared)[0]


def check_text(text: str, what: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{what}: empty article (no text)")
    limit = max_bytes()
    if len(text) > limit:
        raise InputError(f"{what}: {len(text)} characters is over the per-article limit of {limit} (MARSAD_MAX_BYTES)")
    if "\x00" in text:
        raise InputError(f"{what}: contains NUL characters; looks binary")
    return text
