"""Helpers for benchmarks that read ../shared (they exit non-zero when it is missing)."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(ROOT.parent / "shared")
NEWS = SHARED / "data" / "news" / "saudinewsnet-2015.jsonl.gz"


def require(path: Path) -> Path:
    if not path.exists():
        print(f"benchmark needs {path} (the shared data beside the project); it is missing", file=sys.stderr)
        raise SystemExit(2)
    return path


def news(limit: int | None = None) -> Iterator[tuple[int, dict]]:
    """(line index, article) pairs from the SaudiNewsNet corpus."""
    with gzip.open(require(NEWS), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield i, json.loads(line)
