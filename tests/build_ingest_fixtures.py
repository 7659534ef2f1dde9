"""Writes the ingestion fixtures (run: python tests/build_ingest_fixtures.py).

Every text here was written for these tests in the style of Arabic wire news; none is copied
from a real article. The WARC, feeds and legacy-encoded files are generated so that their
bytes are exactly what the tests expect (fixed record ids and dates).
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

HERE = Path(__file__).parent / "fixtures" / "ingest"

AID = (
    "أعلنت الأمم المتحدة، اليوم الثلاثاء، وصول قافلة مساعدات إنسانية تضم اثنتين وعشرين شاحنة إلى مدينة حمص "
    "بعد أسابيع من الانتظار على الحواجز.\n"
    "وقال المتحدث باسم مكتب تنسيق الشؤون الإنسانية إن القافلة تحمل أغذية وأدوية تكفي نحو خمسة عشر ألف شخص، "
    "مشيرا إلى أن فرق الهلال الأحمر ستتولى توزيعها خلال الأيام المقبلة.\n"
    "وأضاف أن المنظمة تطالب جميع الأطراف بتسهيل وصول المساعدات إلى المناطق المحاصرة دون شروط."
)
DIPLOMACY = (
    "التقى وزير الخارجية الأردني نظيره المصري في العاصمة عمّان يوم الأحد، وبحث الجانبان تطورات الأوضاع في المنطقة "
    "وسبل تعزيز التعاون الاقتصادي بين البلدين.\n"
    "وأكد الوزيران في مؤتمر صحفي مشترك أهمية التنسيق المستمر لمواجهة التحديات الأمنية، وأعلنا عن اجتماع "
    "للجنة العليا المشتركة في القاهرة الشهر المقبل."
)
ELECTION = (
    "أعلنت الهيئة العليا المستقلة للانتخابات في تونس أن نسبة المشاركة في الانتخابات البلدية بلغت ثلاثة وثلاثين "
    "في المئة عند إغلاق مكاتب الاقتراع مساء الأحد.\n"
    "وقال رئيس الهيئة إن عملية الفرز بدأت في جميع الدوائر وإن النتائج الأولية ستعلن خلال ثمان وأربعين ساعة."
)
FLOOD = (
    "لقي أحد عشر شخصا حتفهم وأصيب العشرات جراء سيول جارفة اجتاحت عدة قرى في ولاية نهر النيل شمالي السودان.\n"
    "وقال مسؤول في الدفاع المدني إن فرق الإنقاذ تواصل البحث عن مفقودين، وإن مئات المنازل انهارت بالكامل."
)
PROTEST = (
    "تظاهر مئات المحتجين وسط بيروت مساء السبت احتجاجا على تدهور الأوضاع المعيشية وانقطاع الكهرباء لساعات طويلة.\n"
    "وأغلق المتظاهرون عددا من الطرق الرئيسية بالإطارات المشتعلة قبل أن تتدخل قوات الأمن لفتحها."
)
ECONOMY = (
    "ارتفع مؤشر البورصة المصرية الرئيسي بنسبة اثنين في المئة في ختام تعاملات الأربعاء مدفوعا بمشتريات المستثمرين "
    "الأجانب، وسط توقعات بخفض أسعار الفائدة."
)
DRONE = (
    "قتل أربعة أشخاص يشتبه في انتمائهم إلى تنظيم القاعدة في غارة نفذتها طائرة مسيرة على سيارة كانت تقلهم في "
    "محافظة شبوة جنوبي اليمن فجر الخميس، بحسب مصادر محلية.\n"
    "وقالت المصادر إن السيارة احترقت بالكامل وإن الجثث نقلت إلى مستشفى عتق."
)
PARLIAMENT = (
    "عقد مجلس الأمة الكويتي جلسة طارئة يوم الإثنين لمناقشة مشروع قانون الموازنة العامة للدولة، وسط خلافات بين "
    "النواب والحكومة حول بند الدعم.\n"
    "وقرر رئيس المجلس رفع الجلسة إلى الأسبوع المقبل بعد انسحاب عدد من النواب احتجاجا على جدول الأعمال."
)
QUAKE = (
    "ضرب زلزال بقوة خمس درجات على مقياس ريختر منطقة الحسيمة شمالي المغرب ليلة الجمعة، دون أن ترد أنباء عن "
    "وقوع إصابات.\nوقال المعهد الوطني للجيوفيزياء إن مركز الزلزال كان على عمق عشرة كيلومترات."
)
REFUGEES = (
    "قالت المفوضية السامية لشؤون اللاجئين إن أكثر من ثلاثة آلاف لاجئ عبروا الحدود خلال الأسبوع الماضي، "
    "وإن مخيمات الاستقبال تجاوزت طاقتها الاستيعابية.\nودعت المفوضية الدول المانحة إلى زيادة تمويلها العاجل."
)
ENGLISH = (
    "The ministry said on Tuesday that the new bridge over the river will open to traffic next month, "
    "and that the works were completed ahead of schedule."
)


def page(title: str, body: str, *, charset: str | None = "utf-8", site: str | None = None, author: str | None = None,
         date: str | None = None) -> str:
    head = []
    if charset:
        head.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    head.append(f"<title>{title} | {site or 'أخبار'}</title>")
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if author:
        head.append(f'<meta name="author" content="{author}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}">')
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n"))
    return (
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head>" + "".join(head) + "</head><body>"
        "<nav><a href='/'>الرئيسية</a> | <a href='/politics'>سياسة</a> | <a href='/economy'>اقتصاد</a></nav>"
        f"<article><h1>{title}</h1>\n{paras}</article>"
        "<aside>الأكثر قراءة: اقرأ أيضا</aside><footer>جميع الحقوق محفوظة 2024</footer></body></html>"
    )


def write_html() -> None:
    (HERE / "aid_utf8.html").write_text(
        page("قافلة مساعدات أممية تصل إلى حمص", AID, site="وكالة الأنباء العربية", author="سلمى الحسن",
             date="2024-03-05T09:30:00+03:00"), encoding="utf-8")
    (HERE / "diplomacy_cp1256.html").write_bytes(
        page("وزيرا خارجية الأردن ومصر يبحثان التعاون", DIPLOMACY, charset="windows-1256", site="صحيفة الغد",
             date="2024-02-11").encode("cp1256"))
    # no declaration at all: the encoding has to be detected from the bytes
    (HERE / "election_iso88596.htm").write_bytes(
        page("نسبة المشاركة في الانتخابات البلدية", ELECTION, charset=None).encode("iso8859_6"))


def write_text() -> None:
    (HERE / "quake_cp1256.txt").write_bytes(QUAKE.encode("cp1256"))
    (HERE / "refugees_iso88596.txt").write_bytes(REFUGEES.encode("iso8859_6"))
    (HERE / "english.txt").write_text(ENGLISH, encoding="utf-8")


def write_feeds() -> None:
    feed_dir = HERE / "feed"
    (feed_dir / "pages").mkdir(parents=True, exist_ok=True)
    (feed_dir / "pages" / "flood-sudan.html").write_text(
        page("سيول جارفة في شمال السودان", FLOOD, site="النيل نيوز", date="2024-08-02"), encoding="utf-8")
    items = [
        ("سيول جارفة في شمال السودان", "https://nile.example/news/pages/flood-sudan.html", "Fri, 02 Aug 2024 07:15:00 GMT",
         "<description>لقي أحد عشر شخصا حتفهم في سيول.</description>"),
        ("احتجاجات في بيروت على انقطاع الكهرباء", "https://nile.example/news/beirut-protest", "Sat, 03 Aug 2024 20:40:00 GMT",
         "<content:encoded><![CDATA[" + "".join(f"<p>{p}</p>" for p in PROTEST.split("\n")) + "]]></content:encoded>"),
        ("البورصة المصرية ترتفع", "https://nile.example/news/egx", "Wed, 07 Aug 2024 14:05:00 GMT",
         f"<description>{ECONOMY}</description><author>desk@nile.example (قسم الاقتصاد)</author>"),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{d}</pubDate>{extra}</item>"
        for t, link, d, extra in items
    )
    (feed_dir / "nile.rss").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>النيل نيوز</title><link>https://nile.example/</link><language>ar</language>{body}</channel></rss>",
        encoding="utf-8",
    )
    atom = (
        '<?xml version="1.0" encoding="windows-1256"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>مرصد اللاجئين</title><id>urn:refugees-feed</id><updated>2024-05-20T08:00:00Z</updated>"
        "<entry><title>آلاف اللاجئين يعبرون الحدود</title><id>urn:refugees:1</id>"
        '<link href="https://refugees.example/a/1"/><published>2024-05-19T12:00:00Z</published>'
        "<updated>2024-05-19T12:00:00Z</updated><author><name>فريق التحرير</name></author>"
        f'<content type="html">{REFUGEES}</content></entry></feed>'
    )
    (HERE / "refugees.atom").write_bytes(atom.encode("cp1256"))


def write_warc() -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def records(writer: WARCWriter) -> None:
        def response(n: int, uri: str, body: bytes, ctype: str, status: str = "200 OK", date: str = "2024-06-13T05:12:09Z"):
            http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"},
            )
            writer.write_record(rec)

        info = writer.create_warcinfo_record("crawl.warc", {"software": "marsad fixtures", "format": "WARC File Format 1.0"})
        writer.write_record(info)
        req = writer.create_warc_record("https://yemen.example/news/drone", "request", payload=io.BytesIO(b"GET /news/drone HTTP/1.1\r\n\r\n"))
        writer.write_record(req)
        response(1, "https://yemen.example/news/drone",
                 page("غارة بطائرة مسيرة في شبوة", DRONE, site=None).encode("utf-8"), "text/html; charset=utf-8")
        # charset only in the HTTP header, none in the page
        response(2, "https://www.kuwait.example/parliament/session",
                 page("جلسة طارئة لمجلس الأمة", PARLIAMENT, charset=None).encode("cp1256"), "text/html; charset=windows-1256",
                 date="2024-06-10T18:00:00Z")
        response(3, "https://yemen.example/missing", b"<html><body>not found</body></html>", "text/html", status="404 Not Found")
        response(4, "https://yemen.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png")

    with (HERE / "crawl.warc.gz").open("wb") as fh:
        records(WARCWriter(fh, gzip=True))
    with (HERE / "crawl.warc").open("wb") as fh:
        records(WARCWriter(fh, gzip=False))


def write_jsonl() -> None:
    rows = [
        json.dumps({"id": "a1", "source": "alwafd", "url": "https://alwafd.example/1", "published": "2024-01-15",
                    "title": "زلزال المغرب", "author": "مراسلنا", "content": QUAKE}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"id": "a2", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps({"id": "a3", "date": "Tue, 05 Mar 2024 10:00:00 GMT", "text": AID}, ensure_ascii=False),
    ]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    (HERE / "articles.jsonl").write_bytes(data)
    (HERE / "articles.jsonl.gz").write_bytes(gzip.compress(data, mtime=0))


if __name__ == "__main__":
    write_html()
    write_text()
    write_feeds()
    write_warc()
    write_jsonl()
