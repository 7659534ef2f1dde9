"""The pipeline: stages in data-flow order, each declaring what it needs and what it adds.

normalise → segment → entities → dates → places → actors → events → quotes

A stage is any object with ``name``, ``needs``, ``adds`` and ``__call__(doc)``. An exception
in one stage on one document is recorded in ``doc.errors[stage]`` and the later stages still
run (those whose needs are missing are skipped and say so).
"""

from __future__ import annotations

import functools
import importlib
import logging
import time
from collections.abc import Iterable
from typing import Protocol

from marsad.document import Document

log = logging.getLogger(__name__)

# name -> "module:Class"; the order is the data flow.
STAGES: dict[str, str] = {
    "normalise": "marsad.text.normalise:Normalise",
    "segment": "marsad.text.segment:Segment",
    "entities": "marsad.entities.stage:Entities",
    "dates": "marsad.dates.stage:Dates",
    "places": "marsad.places.stage:Places",
    "actors": "marsad.actors.stage:Actors",
    "events": "marsad.events.stage:Events",
    "quotes": "marsad.events.quotes:Quotes",
}


class Stage(Protocol):
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, doc: Document) -> None: ...


def load_stage(name: str) -> Stage:
    module_name, _, class_name = STAGES[name].partition(":")
    return getattr(importlib.import_module(module_name), class_name)()


class UnavailableStage:
    """Stands in for a stage that could not be loaded (missing model or data file): every
    document records why, and the stages that need its output are skipped, not failed."""

    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason

    def __call__(self, doc: Document) -> None:
        raise RuntimeError(f"stage unavailable: {self.reason}")


class Pipeline:
    def __init__(self, stages: Iterable[Stage]):
        self.stages = list(stages)
        provided: set[str] = set()
        for stage in self.stages:
            missing = set(stage.needs) - provided
            if missing and not any(isinstance(s, UnavailableStage) for s in self.stages):
                raise ValueError(f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage adds")
            provided.update(stage.adds)
        self.timings: dict[str, float] = {s.name: 0.0 for s in self.stages}

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        available: set[str] = set()
        for stage in self.stages:
            missing = [n for n in stage.needs if n not in available]
            if missing:
                doc.errors.setdefault(stage.name, f"skipped: needs {', '.join(missing)} (an earlier stage failed)")
                continue
            t0 = time.perf_counter()
            try:
                stage(doc)
            except Exception as exc:  # stage isolation: record and go on
                log.warning("stage %s failed on document %s: %s", stage.name, doc.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
                doc.errors[stage.name] = f"{type(exc).__name__}: {exc}"
            else:
                available.update(stage.adds)
                doc.done.append(stage.name)
            finally:
                self.timings[stage.name] += time.perf_counter() - t0
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for doc in docs:
            yield self(doc)


def build(names: Iterable[str] | None = None, disable: Iterable[str] = (), strict: bool = False) -> Pipeline:
    """The named stages (default: all) in data-flow order. A stage that fails to load is logged
    and replaced by an UnavailableStage unless ``strict``, so one broken stage never fails every
    document."""
    wanted = list(names) if names is not None else list(STAGES)
    skip = set(disable)
    stages: list[Stage] = []
    for name in wanted:
        if name in skip:
            continue
        try:
            stages.append(load_stage(name))
        except Exception as exc:
            if strict:
                raise
            reason = f"{type(exc).__name__}: {exc}"
            log.error("stage %s could not be loaded and is left out: %s", name, reason)
            stages.append(UnavailableStage(name, reason))
    return Pipeline(stages)


@functools.cache
def default_pipeline() -> Pipeline:
    """The full pipeline, built once per process (models and gazetteer load once)."""
    return build()
