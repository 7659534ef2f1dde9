"""Fuzzing the input readers (hypothesis): malformed, truncated, corrupted and binary inputs for
JSONL, HTML, WARC and RSS. Whatever the bytes, no exception escapes, and every item is an
Article that either has text or a clear error. Set MARSAD_FUZZ_EXAMPLES for a longer run."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.io.article import Article
from marsad.io.readers import read_bytes

FIX = Path(__file__).parent / "fixtures" / "ingest"
N = int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FORMATS = [None, "txt", "jsonl", "html", "rss", "warc"]
SEEDS = {
    "jsonl": (FIX / "articles.jsonl").read_bytes(),
    "html": (FIX / "aid_utf8.html").read_bytes(),
    "html-cp1256": (FIX / "diplomacy_cp1256.html").read_bytes(),
    "rss": (FIX / "feed" / "nile.rss").read_bytes(),
    "atom": (FIX / "refugees.atom").read_bytes(),
    "warc": (FIX / "crawl.warc").read_bytes(),
    "warc.gz": (FIX / "crawl.warc.gz").read_bytes(),
    "jsonl.gz": (FIX / "articles.jsonl.gz").read_bytes(),
}
SEED_FORMAT = {"jsonl": "jsonl", "html": "html", "html-cp1256": "html", "rss": "rss", "atom": "rss", "warc": "warc",
               "warc.gz": "warc", "jsonl.gz": "jsonl"}


def check(data: bytes, fmt: str | None, name: str = "fuzz") -> list[Article]:
    arts = list(read_bytes(data, name, fmt))  # must not raise
    for art in arts:
        assert isinstance(art, Article)
        if art.error is not None:
            assert isinstance(art.error, str) and len(art.error) > 10, art.error
            assert not art.text
        else:
            assert isinstance(art.text, str) and art.text.strip() and "\x00" not in art.text
            if art.published is not None:
                dt.date.fromisoformat(art.published)
        assert isinstance(art.meta, dict)
    return arts


@st.composite
def mutated(draw) -> tuple[bytes, str | None]:
    """A valid fixture, truncated, with bytes flipped, inserted or deleted, or chunks repeated."""
    key = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[key])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "truncate":
            data = data[:pos]
        elif op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 200))]
        elif op == "repeat":
            data[pos:pos] = data[pos:pos + draw(st.integers(1, 500))] * draw(st.integers(1, 5))
    fmt = draw(st.sampled_from([SEED_FORMAT[key], None]))
    return bytes(data), fmt


@FUZZ
@given(mutated())
def test_mutated_fixtures_never_crash(case):
    check(*case)


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(FORMATS))
def test_arbitrary_bytes_never_crash(data, fmt):
    check(data, fmt)


@FUZZ
@given(st.sampled_from([b"\x1f\x8b\x08\x00", b"BZh9", b"WARC/1.0\r\n", b"<?xml version='1.0'?><rss>", b"<html><body>",
                        b'{"text": "', b"[{"]), st.binary(max_size=2048), st.sampled_from(FORMATS))
def test_magic_prefix_then_garbage(prefix, tail, fmt):
    check(prefix + tail, fmt)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "id", "title", "url", "published",
                                                                                   "date", "source", "html", "x"]), inner, max_size=5),
    max_leaves=12,
)


@FUZZ
@given(st.lists(JSON_VALUES, min_size=1, max_size=6))
def test_jsonl_of_any_json_values(values):
    data = "\n".join(json.dumps(v, ensure_ascii=False) for v in values).encode("utf-8")
    arts = check(data, "jsonl")
    if isinstance(values[0], list) and len(values) == 1:
        assert len(arts) == max(1, len(values[0]))  # a JSON array: one Article per element
    else:
        assert len(arts) == len(values)  # one Article (text or error) per line


TOKENS = list("<>/=\"' abcdivpfeedrsitem&;!-[]?\n") + ["خبر", "<p>", "</p>", "<item>", "<![CDATA[", "]]>", "<entry>",
                                                        "<rss>", "<feed>", "<html>", "&amp;", "&#x0;", "<!--"]


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=300).map("".join), st.sampled_from(["html", "rss", None]))
def test_markup_soup(text, fmt):
    check(text.encode("utf-8"), fmt)


def test_pathological_inputs_get_clear_errors(monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_DECOMPRESSED", "1000000")
    cases = {
        "binary": (b"\x00\x01\x02" * 100, "txt", "binary"),
        "deep json": (b"[" * 100_000 + b"]" * 100_000, "jsonl", "too deeply"),
        "bad json": (b'{"text": "abc', "jsonl", "invalid JSON"),
        "not a feed": ("مجرد نص وليس خلاصة أخبار".encode(), "rss", "not a readable RSS/Atom feed"),
        "not a warc": (b"hello world, no warc here", "warc", "not a WARC file"),
        "truncated gzip": (gzip.compress(b'{"text": "x"}\n' * 1000)[:-12], "jsonl", "truncated or corrupt compressed"),
        "gzip bomb": (gzip.compress(b"\n" * 5_000_000), "jsonl", "compression bomb"),
        "empty html": (b"<html><body><script>x()</script></body></html>", "html", "no main text"),
    }
    for what, (data, fmt, message) in cases.items():
        arts = check(data, fmt)
        assert arts, what
        assert any(a.error and message in a.error for a in arts), (what, [a.error for a in arts])


def test_deeply_nested_html_is_survived():
    data = ("<html><body>" + "<div>" * 50_000 + "<p>نص عربي في عمق الصفحة</p>" + "</div>" * 50_000 + "</body></html>").encode()
    check(data, "html")


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_truncation_point_of_small_fixtures(key):
    data = SEEDS[key]
    step = max(1, len(data) // 40)
    for cut in range(0, len(data), step):
        check(data[:cut], SEED_FORMAT[key])


def test_feeds_do_not_expand_external_or_exponential_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]><rss version="2.0"><channel>'
           "<title>t</title><item><title>x</title><description>&xxe; خبر عاجل في المدينة</description></item></channel></rss>")
    arts = check(xxe.encode(), "rss")
    assert all("SECRET" not in a.text for a in arts)
    laughs = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss version="2.0"><channel><title>t</title>'
            "<item><title>x</title><description>&lol9;</description></item></channel></rss>")
    arts = check(bomb.encode(), "rss")
    assert all(len(a.text) < 10_000 for a in arts)
