"""Readers: every fixture format ingests with the right text and metadata (fixtures written by us,
see tests/build_ingest_fixtures.py)."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from marsad.io.lang import detect_language
from marsad.io.readers import detect_format, read_bytes, read_inputs, read_path, sniff_format

FIX = Path(__file__).parent / "fixtures" / "ingest"


def one(path: Path, **kw):
    arts = list(read_inputs([str(path)], **kw))
    assert len(arts) == 1, [a.error for a in arts]
    return arts[0]


def test_html_utf8_main_text_and_metadata():
    art = one(FIX / "aid_utf8.html")
    assert art.error is None
    assert art.text.startswith("أعلنت الأمم المتحدة، اليوم الثلاثاء")
    assert "دون شروط" in art.text
    # boilerplate (menu, "most read", footer) and the repeated headline are not in the text
    for junk in ("الرئيسية", "الأكثر قراءة", "جميع الحقوق", "قافلة مساعدات أممية تصل"):
        assert junk not in art.text
    assert art.title == "قافلة مساعدات أممية تصل إلى حمص"
    assert art.published == "2024-03-05"
    assert art.source == "وكالة الأنباء العربية"
    assert art.meta["author"] == "سلمى الحسن"
    assert art.meta["lang"] == "ar" and art.meta["format"] == "html"


@pytest.mark.parametrize(
    "name, encoding, start",
    [
        ("diplomacy_cp1256.html", "cp1256", "التقى وزير الخارجية الأردني نظيره المصري في العاصمة عمّان"),
        ("election_iso88596.htm", "iso8859_6", "أعلنت الهيئة العليا المستقلة للانتخابات في تونس"),
        ("quake_cp1256.txt", "cp1256", "ضرب زلزال بقوة خمس درجات"),
        ("refugees_iso88596.txt", "iso8859_6", "قالت المفوضية السامية لشؤون اللاجئين"),
    ],
)
def test_legacy_arabic_encodings_are_detected(name, encoding, start):
    art = one(FIX / name)
    assert art.error is None
    assert art.meta["encoding"] == encoding
    assert art.text.startswith(start)
    assert "\ufffd" not in art.text


def test_html_without_a_date_has_none_rather_than_a_guess():
    art = one(FIX / "election_iso88596.htm")
    assert art.published is None  # the dates stage infers it from the text


def test_rss_entries_with_linked_page_on_disk():
    arts = list(read_inputs([str(FIX / "feed" / "nile.rss")]))
    assert [a.error for a in arts] == [None, None, None]
    flood, protest, economy = arts
    # the entry's own description is one line; the page next to the feed has the full story
    assert flood.meta["page"].endswith("flood-sudan.html")
    assert "فرق الإنقاذ تواصل البحث" in flood.text
    assert flood.title == "سيول جارفة في شمال السودان"
    assert flood.published == "2024-08-02" and flood.url == "https://nile.example/news/pages/flood-sudan.html"
    assert flood.source == "النيل نيوز"
    # content:encoded HTML becomes paragraphs of text
    assert protest.text.split("\n")[1].startswith("وأغلق المتظاهرون")
    assert "<p>" not in protest.text
    assert protest.published == "2024-08-03"
    assert economy.meta["author"] == "desk@nile.example (قسم الاقتصاد)"


def test_atom_feed_in_windows_1256():
    art = one(FIX / "refugees.atom")
    assert art.error is None
    assert art.id == "urn:refugees:1" and art.url == "https://refugees.example/a/1"
    assert art.text.startswith("قالت المفوضية السامية")
    assert art.published == "2024-05-19" and art.source == "مرصد اللاجئين" and art.meta["author"] == "فريق التحرير"


def test_directory_reads_feed_pages_once():
    arts = [a for a in read_inputs([str(FIX / "feed")])]
    assert len(arts) == 3  # the linked page is read through its entry, not again on its own


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_only(name):
    arts = list(read_inputs([str(FIX / name)]))
    # warcinfo, request, the 404 and the PNG are skipped
    assert [a.error for a in arts] == [None, None]
    drone, parliament = arts
    assert drone.url == "https://yemen.example/news/drone"
    assert drone.id == "00000000-0000-4000-8000-000000000001"
    assert drone.text.startswith("قتل أربعة أشخاص يشتبه في انتمائهم إلى تنظيم القاعدة")
    assert drone.published == "2024-06-13"  # no date in the page: the WARC-Date
    assert drone.meta["crawl_date"] == "2024-06-13T05:12:09Z"
    assert drone.source == "yemen.example" and drone.meta["format"] == "warc"
    # charset only in the HTTP header
    assert parliament.meta["encoding"] == "cp1256"
    assert parliament.text.startswith("عقد مجلس الأمة الكويتي جلسة طارئة")
    assert parliament.source == "kuwait.example" and parliament.published == "2024-06-10"


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz"])
def test_jsonl_fields_and_errors(name):
    arts = list(read_inputs([str(FIX / name)]))
    assert len(arts) == 4  # the blank line is no article
    a1, bad, notext, a3 = arts
    assert (a1.id, a1.source, a1.url, a1.published, a1.title) == ("a1", "alwafd", "https://alwafd.example/1", "2024-01-15", "زلزال المغرب")
    assert a1.meta["author"] == "مراسلنا"
    assert "invalid JSON" in bad.error
    assert notext.id == "a2" and "no 'text'" in notext.error
    assert a3.published == "2024-03-05"  # RFC 2822 date normalised


def test_json_array_and_sniffing_without_extension(tmp_path):
    rec = {"id": "x", "text": "قال مسؤول إن الاجتماع سيعقد في الرياض الأسبوع المقبل لبحث الملفات العالقة."}
    f = tmp_path / "dump"
    f.write_text(json.dumps([rec, rec | {"id": "y"}], ensure_ascii=False), encoding="utf-8")
    assert [a.id for a in read_path(str(f))] == ["x", "y"]
    page = tmp_path / "noext"
    page.write_bytes((FIX / "aid_utf8.html").read_bytes())
    assert next(read_path(str(page))).title == "قافلة مساعدات أممية تصل إلى حمص"
    warc = tmp_path / "crawl.bin"
    warc.write_bytes((FIX / "crawl.warc.gz").read_bytes())
    assert len(list(read_path(str(warc)))) == 2  # gzip sniffed, then WARC sniffed inside


def test_input_format_forces_the_reader(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes((FIX / "aid_utf8.html").read_bytes())
    assert "<p>" in next(read_path(str(f))).text  # .txt: read as text
    assert "<p>" not in next(read_path(str(f), "html")).text
    bad = list(read_path(str(f), "pdf"))
    assert "unknown input format" in bad[0].error


def test_detect_and_sniff():
    assert detect_format("x.warc.gz") == "warc" and detect_format("x.ndjson") == "jsonl"
    assert detect_format("x.atom") == "rss" and detect_format("x.htm") == "html"
    assert sniff_format(b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">') == "rss"
    assert sniff_format(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>") == "rss"
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(b"WARC/1.0\r\n") == "warc"
    assert sniff_format("خبر عاجل".encode()) == "txt"


def test_non_arabic_is_skipped_with_a_message_unless_kept(monkeypatch):
    art = one(FIX / "english.txt")
    assert art.meta["lang"] == "en" and art.error.startswith("skipped:") and "not Arabic" in art.error
    kept = one(FIX / "english.txt", keep_non_arabic=True)
    assert kept.error is None and kept.meta["lang"] == "en"
    monkeypatch.setenv("MARSAD_KEEP_NON_ARABIC", "1")
    assert one(FIX / "english.txt").error is None


def test_size_limits(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_BYTES", "500")
    big = tmp_path / "big.txt"
    big.write_text("خبر " * 400, encoding="utf-8")
    assert "MARSAD_MAX_BYTES" in one(big).error
    lines = tmp_path / "big.jsonl"
    ok = json.dumps({"id": "ok", "text": "نص قصير عن اجتماع الحكومة"}, ensure_ascii=False)
    lines.write_text(json.dumps({"id": "huge", "text": "خبر " * 400}) + "\n" + ok + "\n", encoding="utf-8")
    arts = list(read_inputs([str(lines)]))
    assert "limit" in arts[0].error and arts[1].id == "ok" and arts[1].error is None


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_decompression_bomb_is_refused(tmp_path, monkeypatch, compress):
    monkeypatch.setenv("MARSAD_MAX_DECOMPRESSED", "100000")
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(compress(b" " * 5_000_000))  # 5 MB of nothing, a few KB compressed
    arts = list(read_inputs([str(bomb)]))
    assert len(arts) == 1 and "compression bomb" in arts[0].error and "MARSAD_MAX_DECOMPRESSED" in arts[0].error


def test_truncated_gzip_and_warc_end_with_an_error(tmp_path):
    data = (FIX / "crawl.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    arts = list(read_inputs([str(cut)]))
    assert arts[0].error is None  # what came before the cut is kept
    assert arts[-1].error and "cut.warc.gz" in arts[-1].error


def test_feed_links_never_escape_the_feed_folder(tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><p>سر لا يجب أن يقرأ أبدا من خلال خلاصة الأخبار هذه</p></body></html>", encoding="utf-8")
    feed_dir = tmp_path / "feeds"
    feed_dir.mkdir()
    rss = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
           "<item><title>عنوان</title><link>../secret.html</link><description>ملخص الخبر كما ورد في الخلاصة</description></item>"
           "</channel></rss>")
    (feed_dir / "f.rss").write_text(rss, encoding="utf-8")
    art = one(feed_dir / "f.rss")
    assert "سر" not in art.text and art.text.startswith("ملخص الخبر")


def test_read_bytes_and_missing_files():
    assert next(read_bytes("خبر عن اجتماع".encode())).text == "خبر عن اجتماع"
    missing = list(read_inputs(["/nonexistent/x.html"]))
    assert "no such file" in missing[0].error


@pytest.mark.parametrize(
    "text, lang",
    [
        ("قال مسؤول إن الاجتماع سيعقد في الرياض الأسبوع المقبل لبحث الملفات العالقة بين البلدين", "ar"),
        ("پیش از این گفته شده است که این طرح برای کاهش هزینه‌های دولت اجرا می‌شود و مردم را یاری می‌کند", "fa"),
        ("The ministry said on Tuesday that the new bridge over the river will open next month", "en"),
        ("Le ministre a dit que le pont sera ouvert dans une semaine pour la circulation des voitures", "fr"),
        # an Arabic article followed by CSS the scraper kept is still Arabic
        ("أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وقسما للطوارئ والعناية المركزة "
         "ويخدم أكثر من مئة ألف نسمة في الأحياء الشرقية والقرى المجاورة لها. "
         + ".box_vote { background: #fff; padding: 18px; margin-bottom: 10px; overflow: hidden; border-radius: 5px } " * 6, "ar"),
        ("خبر", "und"),
    ],
)
def test_language_check(text, lang):
    assert detect_language(text) == lang


def _warc(tmp_path, records) -> Path:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "x.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for kind, uri, body, headers in records:
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1") if kind == "response" else None
            warc_headers = {"WARC-Date": "2024-02-01T10:00:00Z"}
            if kind != "response":
                warc_headers["Content-Type"] = dict(headers)["Content-Type"]
            rec = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), length=len(body), http_headers=http,
                                            warc_headers_dict=warc_headers)
            writer.write_record(rec)
    return path


def test_warc_gzip_content_encoding_and_wet_conversion(tmp_path):
    page = (FIX / "aid_utf8.html").read_bytes()
    text = "قال شهود عيان إن حريقا كبيرا اندلع في سوق الخضار القديم وسط المدينة فجر اليوم.".encode()
    path = _warc(tmp_path, [
        ("response", "https://a.example/1", gzip.compress(page),
         [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]),
        ("conversion", "https://b.example/2", text, [("Content-Type", "text/plain")]),
    ])
    html_art, wet_art = list(read_inputs([str(path)]))
    assert html_art.error is None and html_art.title == "قافلة مساعدات أممية تصل إلى حمص"
    assert wet_art.error is None and wet_art.text.startswith("قال شهود عيان") and wet_art.published == "2024-02-01"
