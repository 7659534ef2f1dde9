"""Read articles from files, directories and stdin, one bad article never stopping the rest."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.io.article import MAX_BYTES, Article, InputError, check_text, decode_text

FORMATS = ("txt", "jsonl")
TEXT_FIELDS = ("text", "content", "body")


def detect_format(path: str) -> str:
    name = path.lower()
    for suffix in (".gz", ".bz2"):
        name = name.removesuffix(suffix)
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return "txt"


def _record_id(record: object) -> str | None:
    if isinstance(record, dict) and record.get("id") is not None:
        return str(record["id"])
    return None


def _article_from_record(record: object, origin: str, index: int) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSON object per line is expected, got {type(record).__name__}")
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is None:
        raise InputError(f"{origin}: no 'text' field (a string) in the record")
    art_id = record.get("id")
    return Article(
        id=str(art_id) if art_id is not None else f"{Path(origin.split(':')[0]).stem}:{index}",
        text=check_text(text, origin),
        published=str(record.get("published") or record.get("date") or "") or None,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        origin=origin,
    )


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Article]:
    for lineno, raw in enumerate(stream, 1):
        origin = f"{name}:{lineno}"
        if not raw.strip():
            continue
        record: object = None
        try:
            line = decode_text(raw, origin)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{origin}: invalid JSON ({exc.msg} at column {exc.colno})") from None
            yield _article_from_record(record, origin, lineno)
        except InputError as exc:
            yield Article(id=_record_id(record) or f"{Path(name).stem}:{lineno}", origin=origin, error=str(exc))


def read_txt(data: bytes, name: str) -> Article:
    art_id = Path(name).stem if name != "-" else "stdin"
    try:
        return Article(id=art_id, text=check_text(decode_text(data, name), name), origin=name)
    except InputError as exc:
        return Article(id=art_id, origin=name, error=str(exc))


def _open_binary(path: Path) -> BinaryIO:
    if path.suffix == ".gz":
        import gzip

        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_path(path: str, input_format: str | None = None) -> Iterator[Article]:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if (input_format or "txt") == "jsonl":
            import io

            yield from read_jsonl(io.BytesIO(data), "stdin")
        else:
            yield read_txt(data, "-")
        return
    p = Path(path)
    if p.is_dir():
        for child in sorted(c for c in p.rglob("*") if c.is_file() and not c.name.startswith(".")):
            yield from read_path(str(child), input_format)
        return
    if not p.exists():
        yield Article(id=p.stem, origin=path, error=f"{path}: no such file")
        return
    fmt = input_format or detect_format(path)
    try:
        if fmt == "jsonl":
            with _open_binary(p) as fh:
                yield from read_jsonl(fh, path)
        else:
            with _open_binary(p) as fh:
                data = fh.read(MAX_BYTES + 1)
            yield read_txt(data, path)
    except OSError as exc:
        yield Article(id=p.stem, origin=path, error=f"{path}: cannot read ({exc.strerror or exc})")


def read_inputs(paths: Iterable[str], input_format: str | None = None) -> Iterator[Article]:
    for path in paths:
        yield from read_path(path, input_format)
