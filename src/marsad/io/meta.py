"""Metadata helpers shared by the readers: dates in any feed/HTTP/WARC form → ISO, outlet names."""

from __future__ import annotations

import datetime as dt
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import regex

_ISO = regex.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_YMD = regex.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return day.isoformat() if 1900 <= y <= 2100 else None


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from an ISO/RFC 2822/WARC date string, a struct_time, a date or epoch seconds."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(float(value), dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    m = _ISO.match(value) or _YMD.match(value)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


def host_of(url: str | None) -> str | None:
    """The outlet's host name of a URL, without a leading www."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def clean_str(value: object, limit: int = 1000) -> str | None:
    """A stripped, bounded string or None (metadata fields from untrusted input)."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] or None
