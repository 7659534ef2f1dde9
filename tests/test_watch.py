"""marsad watch: new items only, across passes and restarts (fixtures written by us)."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from functools import partial
from pathlib import Path

import pytest

from marsad.cli import main

FIX = Path(__file__).parent / "fixtures" / "ingest"
LIGHT = ["--disable", "entities,dates,places,actors,events,quotes"]  # fast and independent of the models
ITEM = ('<item><title>{t}</title><link>https://nile.example/n/{n}</link><guid>n{n}</guid>'
        "<pubDate>Sun, 04 Aug 2024 09:00:00 GMT</pubDate><description>{d}</description></item>")
BODIES = [
    "أعلنت السلطات المحلية في الخرطوم إعادة فتح الجسور الرئيسية أمام حركة السيارات بعد إغلاق استمر يومين.",
    "قال مسؤول في وزارة الصحة إن حملة التطعيم ضد الحصبة ستشمل ثلاث ولايات خلال الأسبوع المقبل.",
    "وصلت إلى ميناء بورتسودان شحنة جديدة من القمح تبلغ ثلاثين ألف طن ضمن برنامج المساعدات الغذائية.",
]


def write_feed(path: Path, n: int) -> None:
    items = "".join(ITEM.format(t=f"خبر {i}", n=i, d=BODIES[i]) for i in range(n))
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نيل</title>{items}</channel></rss>',
                    encoding="utf-8")


def watch(capsys, *args):
    code = main(["watch", *args, "--once", *LIGHT])
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines()], out.err


def test_only_new_items_across_passes_and_restarts(tmp_path, capsys):
    feed, state = tmp_path / "nile.rss", tmp_path / "w.state"
    write_feed(feed, 2)
    code, rows, err = watch(capsys, str(feed), "--state", str(state))
    assert code == 0 and [r["id"] for r in rows] == ["n0", "n1"]
    assert "2 new" in err
    # unchanged feed: nothing (the file is not even reread)
    assert watch(capsys, str(feed), "--state", str(state))[1] == []
    # the feed gains an entry: only it comes out, also after a "restart" (a new process reads the state)
    write_feed(feed, 3)
    code, rows, err = watch(capsys, str(feed), "--state", str(state))
    assert [r["id"] for r in rows] == ["n2"] and "2 already handled" in err


def test_a_cut_state_line_is_redone_not_lost(tmp_path, capsys):
    feed, state = tmp_path / "nile.rss", tmp_path / "w.state"
    write_feed(feed, 2)
    watch(capsys, str(feed), "--state", str(state))
    lines = state.read_text(encoding="utf-8").splitlines()
    # a crash while writing the second article's record: its line is half written, the stamp is missing
    hashes = [ln for ln in lines if '"h"' in ln]
    state.write_text(hashes[0] + "\n" + hashes[1][:20], encoding="utf-8")
    code, rows, _ = watch(capsys, str(feed), "--state", str(state))
    assert [r["id"] for r in rows] == ["n1"]


def test_directory_and_store(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FIX / "aid_utf8.html", src)
    shutil.copy(FIX / "crawl.warc.gz", src)
    db, state = tmp_path / "m.db", tmp_path / "w.state"
    code, rows, err = watch(capsys, str(src), "--db", str(db), "--state", str(state))
    assert code == 0 and rows == [] and "3 new" in err
    # a new state file (state lost): the store's content hashes still prevent a second copy
    shutil.copy(FIX / "quake_cp1256.txt", src)
    code, _, err = watch(capsys, str(src), "--db", str(db), "--state", str(tmp_path / "other.state"))
    assert "1 new" in err and "3 already handled" in err
    from marsad.store import Store

    with Store.open(str(db)) as store:
        assert store.counts()["articles"] == 4


def test_feed_over_http(tmp_path, capsys):
    write_feed(tmp_path / "feed.rss", 1)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
        code, rows, _ = watch(capsys, url, "--state", str(tmp_path / "w.state"))
        assert [r["id"] for r in rows] == ["n0"]
        assert watch(capsys, url, "--state", str(tmp_path / "w.state"))[1] == []
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("bad", [["--interval", "0"], ["--published", "yesterday"]])
def test_usage_errors(tmp_path, capsys, bad):
    assert main(["watch", str(tmp_path), "--once", *bad]) == 2
