"""The input record every reader yields: text plus metadata, or a clear error."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

# Per-document limits; override with MARSAD_MAX_BYTES.
MAX_BYTES = int(os.environ.get("MARSAD_MAX_BYTES", 2_000_000))


class InputError(ValueError):
    """An input that cannot be turned into an article (the message says why and what to do)."""


@dataclass
class Article:
    id: str | None
    text: str = ""
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file (and line or record) it came from
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def decode_text(data: bytes, what: str) -> str:
    """Decode one document's bytes as UTF-8, with clear errors for binary/invalid/empty/huge input."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{what}: {len(data)} bytes is over the {MAX_BYTES}-byte limit per article (MARSAD_MAX_BYTES)")
    if b"\x00" in data[:8192]:
        raise InputError(f"{what}: looks binary (NUL bytes); give UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what}: invalid UTF-8 at byte {exc.start}; convert the file to UTF-8") from None
    return text


def check_text(text: str, what: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{what}: empty article (no text)")
    if len(text) > MAX_BYTES:
        raise InputError(f"{what}: {len(text)} characters is over the per-article limit (MARSAD_MAX_BYTES)")
    if "\x00" in text:
        raise InputError(f"{what}: contains NUL characters; looks binary")
    return text
