from marsad.actors.stage import complete_entities
from marsad.document import ActorMention, Document, Entity


def test_named_actors_and_group_references_become_entities_composites_do_not():
    text = "قال أبو محمد إن التنظيم هاجم القوات العراقية وجبهة النصرة"
    doc = Document(text)
    person = text.index("أبو محمد")
    group = text.index("جبهة النصرة")
    doc.entities = [Entity(person, person + len("أبو محمد"), "PER")]
    doc.actors = [
        ActorMention(person, person + 8, "per:x", "Abu Muhammad", "person", link="romanized"),
        ActorMention(text.index("التنظيم"), text.index("التنظيم") + 7, "isis", "Islamic State", "jihadist group",
                     generic=True, link="generic"),
        ActorMention(text.index("القوات"), text.index("القوات") + len("القوات العراقية"), "mil:IQ",
                     "Military Forces of Iraq", "military", "IQ", 1, link="composite"),
        ActorMention(group, group + len("جبهة النصرة"), "nusra", "Nusra Front", "jihadist group", link="alias"),
    ]
    complete_entities(doc)
    assert [(text[e.start:e.end], e.label, e.source) for e in doc.entities] == [
        ("أبو محمد", "PER", "model"), ("التنظيم", "ORG", "kb"), ("جبهة النصرة", "ORG", "kb")]


def test_a_place_inside_an_organisation_name_is_not_a_place():
    from marsad.actors.stage import drop_places_inside_names
    from marsad.document import Place

    text = "تبنت سرايا القدس القصف على عسقلان"
    doc = Document(text)
    org = text.index("سرايا القدس")
    quds = text.index("القدس")
    town = text.index("عسقلان")
    doc.actors = [ActorMention(org, org + len("سرايا القدس"), "qb", "Al-Quds Brigades", "militia", link="alias")]
    doc.places = [Place(quds, quds + 5, "Jerusalem", 31.77, 35.21, "PS"), Place(town, town + 6, "Ashkelon", 31.67, 34.57, "IL")]
    drop_places_inside_names(doc)
    assert [p.name for p in doc.places] == ["Ashkelon"]
