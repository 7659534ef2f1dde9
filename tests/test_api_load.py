"""A shortened, bounded run of benchmarks/api_load.py: `marsad serve` in a subprocess on
loopback, concurrent clients over the read endpoints, and not one failed request."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "api_load.py"


@pytest.fixture(scope="module")
def api_load():
    spec = importlib.util.spec_from_file_location("api_load", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_load_on_loopback_has_no_errors(api_load, tmp_path, capsys):
    db = str(tmp_path / "load.db")
    n_events, _ = api_load.build_store(db, articles=300, events_per_article=4)
    assert n_events == 1200
    res = api_load.run(db, clients=16, seconds=3.0, latency_n=30)
    api_load.report(res, 16)
    print(capsys.readouterr().out)
    assert res["errors"] == 0, res["examples"]
    assert res["events"] == 1200
    assert res["requests"] >= 30
    assert set(res["per_endpoint"]) >= {"events?country", "events?type+date", "facets", "timeline"}
    assert res["single_n"] == 30 and res["single_p50"] > 0
