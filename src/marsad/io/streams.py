"""Opening inputs as byte streams with a hard cap on decompressed size (no gzip/bz2 bombs)."""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from marsad.io.article import InputError, max_decompressed

GZIP_MAGIC = b"\x1f\x8b"
BZ2_MAGIC = b"BZh"
# What a broken or truncated compressed stream can raise, besides InputError.
STREAM_ERRORS = (OSError, EOFError, zlib.error, ValueError)


class BoundedReader(io.RawIOBase):
    """A read-only stream that raises InputError once more than ``limit`` bytes came out."""

    def __init__(self, inner: BinaryIO, limit: int, what: str):
        self.inner, self.limit, self.what, self.count = inner, limit, what, 0

    def readable(self) -> bool:
        return True

    def _take(self, data: bytes) -> bytes:
        self.count += len(data)
        if self.count > self.limit:
            raise InputError(
                f"{self.what}: decompresses to more than {self.limit} bytes (MARSAD_MAX_DECOMPRESSED); "
                "refusing a possible compression bomb"
            )
        return data

    def readinto(self, buf) -> int:  # type: ignore[override]
        # read1: what is already decompressed comes out before a truncated stream raises
        read = getattr(self.inner, "read1", self.inner.read)
        try:
            data = self._take(read(len(buf)))
        except (EOFError, zlib.error, OSError) as exc:
            # as InputError: libraries reading this stream (warcio) take a bare EOFError for the end
            raise InputError(f"{self.what}: truncated or corrupt compressed data after {self.count} bytes ({exc})") from None
        buf[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


class ShortReads(io.BufferedReader):
    """read(n) returns what one decompression step gives (as raw streams may), so that the data
    before a truncation reaches the reader before the error does."""

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return super().read()
        return self.read1(size)


def decompressing(raw: BinaryIO, what: str) -> BinaryIO:
    """Wrap ``raw`` in a bounded decompressor when it starts with gzip/bz2 magic bytes."""
    buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    head = buffered.peek(4)[:4]  # type: ignore[attr-defined]
    if head.startswith(GZIP_MAGIC):
        inner: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[assignment]
    elif head.startswith(BZ2_MAGIC):
        inner = bz2.BZ2File(buffered, mode="rb")  # type: ignore[assignment]
    else:
        return buffered  # type: ignore[return-value]
    return ShortReads(BoundedReader(inner, max_decompressed(), what), buffer_size=1 << 16)  # type: ignore[return-value]


def open_input(path: Path) -> BinaryIO:
    """The file's bytes, decompressed (bounded) when it is gzip or bz2, whatever its name."""
    return decompressing(path.open("rb"), str(path))


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read at most ``limit`` bytes, with a clear error when there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{what}: more than {limit} bytes; over the per-document limit (MARSAD_MAX_BYTES)")
    return data
