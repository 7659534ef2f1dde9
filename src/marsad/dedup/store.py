"""Apply dedup to a Store through its public API: story ids for near-duplicate articles, then
cross-article event merging (every merged event keeps its article and evidence span in the
store's ``event_sources``). Safe to rerun: stories are recomputed in article order (so ids are
stable) and already merged events are hidden from ``iter_events``."""

from __future__ import annotations

import time
from typing import Any

from marsad.dedup.events import group_events
from marsad.dedup.stories import StoryIndex


def dedup_store(store: Any, radius_km: float = 25.0, days: int = 2, index: StoryIndex | None = None,
                since_id: int = 0, **story_params: Any) -> dict[str, Any]:
    """Set story ids and merge events across articles; returns counts and ``last_id``.

    Incremental use (``marsad watch``): pass back the same ``index`` and the ``last_id`` of the
    previous call; only articles added since are indexed and given a story id (earlier ids never
    change, stories are not merged)."""
    t0 = time.perf_counter()
    if index is None:
        index, since_id = StoryIndex(**story_params), 0
    new: dict[Any, str] = {}
    last = since_id
    for article_id, title, text in store.iter_article_texts(since_id=since_id):
        new[article_id] = index.add(article_id, f"{title or ''}\n{text}")
        last = max(last, article_id)
    store.set_story_ids(new)
    rows = list(store.iter_events())
    merged = 0
    for group in group_events(rows, radius_km=radius_km, days=days):
        if len(group) > 1:
            ids = sorted(rows[i]["id"] for i in group)
            merged += store.merge_events(ids[0], ids[1:])
    sizes: dict[str, int] = {}
    for story in index.stories.values():
        sizes[story] = sizes.get(story, 0) + 1
    return {
        "articles": len(index.stories),
        "new_articles": len(new),
        "stories": len(sizes),
        "multi_article_stories": sum(1 for n in sizes.values() if n > 1),
        "events_merged": merged,
        "last_id": last,
        "seconds": round(time.perf_counter() - t0, 3),
    }
