"""`marsad ingest` groups reprints of one story and keeps different stories apart."""

import json

from marsad.cli import main
from marsad.store import Store

STORY = ("أعلنت وزارة الداخلية أن قوات الأمن أحبطت هجوما بسيارة مفخخة كان يستهدف نقطة تفتيش عند المدخل "
         "الجنوبي للمدينة صباح الثلاثاء، وأن عنصرين من المهاجمين قتلا خلال تبادل لإطلاق النار. وقال المتحدث "
         "باسم الوزارة في مؤتمر صحافي إن التحقيقات جارية لمعرفة الجهة التي تقف وراء المحاولة، مشيرا إلى أن "
         "السيارة كانت محملة بكمية كبيرة من المتفجرات وأن خبراء الهندسة فككوها دون وقوع إصابات بين المدنيين.")
REPRINT = "(وكالات) " + STORY.replace("صباح الثلاثاء", "صباح يوم الثلاثاء") + " وتشهد المنطقة توترا منذ أشهر."
OTHER = ("افتتح وزير التعليم العالي أمس معرضا دوليا للكتاب بمشاركة أكثر من مئتي دار نشر من عشرين دولة، "
         "ويستمر المعرض عشرة أيام تقام خلالها ندوات فكرية وأمسيات شعرية وورش عمل للأطفال في قاعات المعارض.")


def test_reprints_share_a_story_and_other_stories_do_not(tmp_path, capsys):
    src = tmp_path / "wire.jsonl"
    rows = [{"id": "a", "text": STORY, "published": "2016-03-01", "source": "Outlet A"},
            {"id": "b", "text": REPRINT, "published": "2016-03-01", "source": "Outlet B"},
            {"id": "c", "text": OTHER, "published": "2016-03-01", "source": "Outlet A"}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert main(["ingest", str(src), "--db", db, "--no-progress"]) == 0
    store = Store.open(db)
    try:
        stories = {a: store.get_article(a)["story_id"] for a in ("a", "b", "c")}
    finally:
        store.close()
    assert stories["a"] and stories["a"] == stories["b"]
    assert stories["c"] != stories["a"]
