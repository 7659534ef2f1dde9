import json
import subprocess
import sys

import pytest

from marsad.cli import main

ARTICLE = "أعلن الجيش أمس السيطرة على البلدة بعد اشتباكات عنيفة."


def run_cli(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_jsonl_one_object_per_article_in_order_with_errors(tmp_path, capsys):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        "\n".join([
            json.dumps({"id": "a", "text": ARTICLE, "published": "2020-05-01"}, ensure_ascii=False),
            "{not json",
            json.dumps({"id": "c", "text": "   "}),
            json.dumps({"id": "d", "title": "no text"}),
            json.dumps({"id": "e", "text": ARTICLE}, ensure_ascii=False),
        ]),
        encoding="utf-8",
    )
    code, out, err = run_cli(["extract", "--format", "jsonl", str(jsonl)], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "batch:2", "c", "d", "e"]
    assert rows[0]["error"] is None and rows[0]["published"] == "2020-05-01"
    assert "invalid JSON" in rows[1]["error"]
    assert "empty" in rows[2]["error"]
    assert "no 'text'" in rows[3]["error"]
    assert rows[4]["error"] is None
    assert code == 1
    assert "invalid JSON" in err


@pytest.mark.parametrize(
    "payload, message",
    [(b"\xff\xfe\xfa broken", "invalid UTF-8"), (b"", "empty"), (b"\x00\x01\x02binary", "binary")],
)
def test_bad_files_get_clear_errors_and_the_batch_goes_on(tmp_path, capsys, payload, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(payload)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_cli(["extract", "--format", "jsonl", str(bad), str(good)], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert message in rows[0]["error"]
    assert rows[1]["error"] is None and rows[1]["id"] == "good"
    assert code == 1


def test_huge_input_is_refused(tmp_path, capsys, monkeypatch):
    import marsad.io.article as article

    monkeypatch.setattr(article, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("كلمة " * 1000, encoding="utf-8")
    code, out, _ = run_cli(["extract", "--format", "jsonl", str(big)], capsys)
    assert "limit" in json.loads(out)["error"] and code == 1


def test_published_override_and_usage_errors(tmp_path, capsys):
    f = tmp_path / "one.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_cli(["extract", "--published", "2019-02-03", str(f)], capsys)
    assert code == 0 and json.loads(out)["published"] == "2019-02-03"
    code, _, err = run_cli(["extract", "--published", "yesterday", str(f)], capsys)
    assert code == 2 and "YYYY-MM-DD" in err
    with pytest.raises(SystemExit) as exc:
        main(["extract"])
    assert exc.value.code == 2


def test_stdin_through_the_installed_command():
    proc = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "extract", "--format", "jsonl", "-"],
        input=ARTICLE.encode(), capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    row = json.loads(proc.stdout)
    assert row["id"] == "stdin" and row["error"] is None
