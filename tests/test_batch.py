import json

import pyarrow.parquet as pq
import pytest

from marsad.batch.runner import make_client, run_batch
from marsad.io.article import Article

GOOD = "قال مسؤول محلي إن اشتباكات اندلعت أمس في البلدة وأسفرت عن مقتل ثلاثة مسلحين."


@pytest.fixture(scope="module")
def client():
    c = make_client(workers=1)
    yield c
    cluster = c.cluster
    c.close()
    cluster.close()


def articles(n: int) -> list[Article]:
    arts = [Article(id=f"a{i}", text=GOOD + f" رقم {i}", published="2021-03-04", origin=f"test:{i}") for i in range(n)]
    arts[3] = Article(id="a3", origin="test:3", error="test:3: invalid UTF-8 at byte 0")
    return arts


def test_batch_writes_partitions_and_records_failures(tmp_path, client):
    results = run_batch(articles(7), tmp_path, client=client, partition_size=3, progress=False)
    assert [r.index for r in results] == [0, 1, 2]
    assert sum(r.articles for r in results) == 7
    assert sum(r.failed for r in results) == 1
    table = pq.read_table(tmp_path / "articles").to_pylist()
    assert sorted(row["id"] for row in table) == [f"a{i}" for i in range(7)]
    bad = next(row for row in table if row["id"] == "a3")
    assert "invalid UTF-8" in bad["error"]
    good = next(row for row in table if row["id"] == "a0")
    assert good["error"] is None and good["published"] == "2021-03-04"
    assert isinstance(json.loads(good["timexes"]), list)


def test_rerun_skips_finished_partitions(tmp_path, client):
    run_batch(articles(6), tmp_path, client=client, partition_size=3, progress=False)
    (tmp_path / "articles" / "part-00001.parquet").unlink()  # as if killed before partition 1 finished
    again = run_batch(articles(6), tmp_path, client=client, partition_size=3, progress=False)
    assert [r.skipped for r in again] == [True, False]
    assert len(pq.read_table(tmp_path / "articles")) == 6


def test_batch_command(tmp_path, capsys):
    from marsad.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"x{i}", "text": GOOD}, ensure_ascii=False) for i in range(4)), encoding="utf-8")
    code = main(["batch", str(src), "--out", str(tmp_path / "out"), "--workers", "1", "--partition-size", "2", "--no-progress"])
    assert code == 0
    assert "4 articles processed" in capsys.readouterr().out
    assert len(pq.read_table(tmp_path / "out" / "articles")) == 4
