"""marsad watch: keep reading feeds and folders, processing only what is new.

Every ``--interval`` seconds each FEED_OR_DIR (a file, a directory, or an http(s) feed URL) is
read again; files whose size and mtime did not change are not reopened, and an article whose
content hash was already handled is skipped. New articles are processed and either printed as
JSON lines (no ``--db``) or stored (``--db``), then near-duplicate stories and cross-article
events are merged (``--no-dedup`` to skip).

Restart-safe: what was handled is appended to a state file (``--state``, fsync'd per article)
after the article is printed or committed, so a restart neither loses nor repeats a committed
article; with ``--db`` the store's content hashes are checked too. ``--once`` runs one cycle.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad import parse_published

DEFAULT_STATE = "marsad-watch.state"
FETCH_TIMEOUT = 30


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="monitor feeds and folders continuously, processing new items only")
    p.add_argument("sources", nargs="+", metavar="FEED_OR_DIR", help="feed/WARC/JSONL/HTML files, directories, or http(s) feed URLs")
    p.add_argument("--interval", type=float, default=300.0, help="seconds between two passes (default 300)")
    p.add_argument("--db", help="store new articles in this database (URL or SQLite path) instead of printing them")
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    p.add_argument("--state", default=None, help=f"state file of what was handled (default: ./{DEFAULT_STATE})")
    p.add_argument("--input-format", help="force the input format instead of detecting it")
    p.add_argument("--published", help="publication date YYYY-MM-DD for every article (overrides their own)")
    p.add_argument("--disable", default="", metavar="STAGES", help="comma-separated pipeline stages to leave out")
    p.add_argument("--keep-non-arabic", action="store_true", help="process articles that are not in Arabic too")
    p.add_argument("--dedup", action=argparse.BooleanOptionalAction, default=True,
                   help="with --db: set story ids and merge events across articles after each pass (default on)")
    p.set_defaults(run=run)


def text_hash(text: str) -> str:
    """Same identity as the store's content hash (BOM and outer whitespace ignored)."""
    return hashlib.sha256(text.removeprefix("\ufeff").strip().encode("utf-8")).hexdigest()


class State:
    """Append-only record of handled articles (content hashes) and unchanged-file stamps."""

    def __init__(self, path: Path):
        self.path = path
        self.hashes: set[str] = set()
        self.stamps: dict[str, str] = {}
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a line cut by a crash: what it recorded is redone
                    if "h" in rec:
                        self.hashes.add(rec["h"])
                    elif "f" in rec:
                        self.stamps[rec["f"]] = rec["s"]
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("a", encoding="utf-8")

    def _write(self, rec: dict) -> None:
        self._fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def add_hash(self, h: str) -> None:
        self.hashes.add(h)
        self._write({"h": h})

    def set_stamp(self, path: str, stamp: str) -> None:
        if self.stamps.get(path) != stamp:
            self.stamps[path] = stamp
            self._write({"f": path, "s": stamp})

    def close(self) -> None:
        self._fh.close()


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _files(source: str) -> list[Path]:
    p = Path(source)
    if p.is_dir():
        return sorted(c for c in p.rglob("*") if c.is_file() and not any(x.startswith(".") for x in c.relative_to(p).parts))
    return [p]


def fetch(url: str) -> bytes:
    """A feed over http(s), bounded in size and time."""
    from urllib.request import Request, urlopen

    from marsad.io.article import max_bytes

    limit = max_bytes() * 20
    req = Request(url, headers={"User-Agent": "marsad-watch (+https://github.com/marsad)"})
    with urlopen(req, timeout=FETCH_TIMEOUT) as resp:  # noqa: S310 - only http(s) reaches here
        data = resp.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{url}: feed over {limit} bytes")
    return data


def new_articles(sources: list[str], state: State, input_format: str | None, keep: bool, changed: list) -> Iterator:
    """Articles of sources that changed since the last pass (directory feeds read first)."""
    from marsad.io.readers import check_language, read_bytes, read_inputs

    for source in sources:
        if source.startswith(("http://", "https://")):
            try:
                data = fetch(source)
            except Exception as exc:  # noqa: BLE001 - an unreachable feed is retried next pass
                print(f"marsad watch: {source}: cannot fetch ({type(exc).__name__}: {exc})", file=sys.stderr)
                continue
            stamp = hashlib.sha256(data).hexdigest()
            if state.stamps.get(source) == stamp:
                continue
            changed.append((source, stamp))
            for art in read_bytes(data, source, input_format):
                yield check_language(art, keep)
            continue
        if not Path(source).exists():
            print(f"marsad watch: {source}: no such file or directory", file=sys.stderr)
            continue
        if Path(source).is_dir():
            todo = [f for f in _files(source) if state.stamps.get(str(f)) != _stamp(f)]
            if not todo:
                continue
            changed.extend((str(f), _stamp(f)) for f in todo)
            # read the whole directory (feeds and their linked pages go together), skip seen items by hash
            yield from read_inputs([source], input_format, keep_non_arabic=keep)
            continue
        path = Path(source)
        stamp = _stamp(path)
        if state.stamps.get(str(path)) == stamp:
            continue
        changed.append((str(path), stamp))
        yield from read_inputs([source], input_format, keep_non_arabic=keep)


def run_pass(args: argparse.Namespace, state: State, store: Any, pipeline: Any, published) -> dict[str, int]:
    from marsad.process import process_article

    counts = {"new": 0, "seen": 0, "failed": 0, "skipped": 0}
    changed: list[tuple[str, str]] = []
    for art in new_articles(args.sources, state, args.input_format, args.keep_non_arabic, changed):
        if art.error:
            counts["skipped" if "skipped:" in art.error else "failed"] += 1
            print(f"marsad watch: {art.error}", file=sys.stderr)
            continue
        h = text_hash(art.text)
        if h in state.hashes or (store is not None and store.has_content(art.text) is not None):
            counts["seen"] += 1
            if h not in state.hashes:
                state.add_hash(h)
            continue
        doc, out = process_article(art, published, pipeline)
        if doc is None:
            counts["failed"] += 1
            print(f"marsad watch: {out.get('error')}", file=sys.stderr)
            state.add_hash(h)  # a failure is reported once, not at every pass
            continue
        if store is not None:
            try:
                store.add_document(doc)
            except Exception as exc:  # noqa: BLE001 - not recorded: retried next pass
                counts["failed"] += 1
                print(f"marsad watch: {art.origin}: not stored: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
        else:
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        state.add_hash(h)
        counts["new"] += 1
    for path, stamp in changed:
        state.set_stamp(path, stamp)
    return counts


def run(args: argparse.Namespace) -> int:
    from marsad.commands.ingest import build_pipeline

    try:
        published = parse_published(args.published)
    except ValueError as exc:
        print(f"marsad watch: {exc}", file=sys.stderr)
        return 2
    if args.interval <= 0:
        print("marsad watch: --interval must be positive", file=sys.stderr)
        return 2
    store = None
    if args.db:
        from marsad.store import Store

        try:
            store = Store.open(args.db)
        except Exception as exc:
            print(f"marsad watch: cannot open the database: {exc}", file=sys.stderr)
            return 2
    state = State(Path(args.state or DEFAULT_STATE))
    pipeline = build_pipeline({d.strip() for d in args.disable.split(",") if d.strip()})
    n = 0
    dedup_index, last_id = None, 0  # stories kept in memory between passes: only new articles indexed
    try:
        while True:
            n += 1
            t0 = time.perf_counter()
            counts = run_pass(args, state, store, pipeline, published)
            if store is not None and args.dedup and counts["new"]:
                from marsad.dedup.store import dedup_store
                from marsad.dedup.stories import StoryIndex

                if dedup_index is None:
                    dedup_index, last_id = StoryIndex(), 0
                stats = dedup_store(store, index=dedup_index, since_id=last_id)
                last_id = stats["last_id"]
                counts["events_merged"] = stats["events_merged"]
            print(f"marsad watch: pass {n}: {counts['new']} new, {counts['seen']} already handled, "
                  f"{counts['skipped']} skipped, {counts['failed']} failed ({time.perf_counter() - t0:.1f} s)",
                  file=sys.stderr)
            if args.once:
                return 1 if counts["failed"] else 0
            time.sleep(args.interval)
    finally:
        state.close()
        if store is not None:
            store.close()
