"""Database URL resolution (--db / MARSAD_DB / default file)."""

from __future__ import annotations

from pathlib import Path

from marsad.store.db import display_url, resolve_url


def test_default_is_a_file_in_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("MARSAD_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'marsad.db'}"


def test_argument_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("/env.db")
    assert resolve_url("other.db") == f"sqlite:///{Path('other.db').resolve()}"


def test_postgres_urls_use_psycopg3():
    assert resolve_url("postgresql://u:secret@h:5432/db") == "postgresql+psycopg://u:secret@h:5432/db"
    assert resolve_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert resolve_url("postgresql+psycopg://h/db") == "postgresql+psycopg://h/db"
    assert "secret" not in display_url(resolve_url("postgresql://u:secret@h/db"))


def test_in_memory_store_is_shared_across_connections():
    from marsad.store import Store
    from test_store_support import make_document

    store = Store.open(":memory:")
    store.add_document(make_document(1))
    assert store.count_events() == 1 and store.search("الموصل")
    store.close()
