"""A short-lived in-process cache of JSON GET responses (ASGI middleware).

An analyst's UI sends the same few queries over and over (the facets, the timeline, the first
page of a filter); the store changes only when articles are ingested. Answers under /api/ are
kept for ``ttl`` seconds (``MARSAD_API_CACHE_TTL``, default 15; 0 turns caching off), keyed by
path and query string, at most ``size`` of them; concurrent identical misses wait for the first
one instead of all querying the store (single flight). A write through this API clears it;
another process's ingest shows within ``ttl`` seconds.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 4_000_000  # larger answers (e.g. 50,000 map points) are cheap enough to recompute


class ResponseCache:
    def __init__(self, app: ASGIApp, ttl: float = 15.0, size: int = 512,
                 skip: tuple[str, ...] = (".csv", ".geojson", "/api/config")) -> None:
        self.app, self.ttl, self.size, self.skip = app, ttl, size, skip
        self.entries: OrderedDict[bytes, tuple[float, int, list, bytes]] = OrderedDict()
        self.inflight: dict[bytes, asyncio.Future] = {}
        self.hits = self.misses = 0

    def clear(self) -> None:
        self.entries.clear()

    def _cacheable(self, scope: Scope) -> bool:
        path: str = scope["path"]
        return (self.ttl > 0 and scope["type"] == "http" and scope["method"] == "GET"
                and path.startswith("/api/") and not path.endswith(self.skip))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
                await self.app(scope, receive, send)
                return

            async def clear_on_success(message: Message) -> None:
                if message["type"] == "http.response.start" and 200 <= message["status"] < 300:
                    self.clear()  # a write went through: what was cached may be stale
                await send(message)

            await self.app(scope, receive, clear_on_success)
            return
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        now = time.monotonic()
        hit = self.entries.get(key)
        if hit is None and key in self.inflight:
            try:
                await asyncio.shield(self.inflight[key])
            except Exception:  # the first request failed: compute our own answer
                pass
            hit = self.entries.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            self.hits += 1
            self.entries.move_to_end(key)
            await send({"type": "http.response.start", "status": hit[1], "headers": hit[2] + [(b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": hit[3]})
            return
        self.misses += 1
        done: asyncio.Future = asyncio.get_running_loop().create_future()
        self.inflight[key] = done
        start: Message | None = None
        parts: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":  # copied now: outer middleware edits headers in place
                start = dict(message, headers=list(message.get("headers", [])))
            elif message["type"] == "http.response.body" and size <= MAX_BODY:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
            await send(message)

        try:
            await self.app(scope, receive, capture)
            if start is not None and start["status"] == 200 and size <= MAX_BODY:
                self.entries[key] = (time.monotonic(), 200, start["headers"], b"".join(parts))
                self.entries.move_to_end(key)
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
        finally:
            self.inflight.pop(key, None)
            if not done.done():
                done.set_result(None)
