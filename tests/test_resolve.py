"""Resolution on hand-made mentions: what merges, what does not, and why."""

from __future__ import annotations

import dataclasses

from docgraph.resolve import merge, resolve_document
from docgraph.types import Document, Entity, InputFormat, Mention, Merge, Metadata, Span


def _doc(doc_id: str = "d1") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.html", format=InputFormat.HTML,
                    metadata=Metadata(), blocks=(), text="")


def _m(text: str, label: str, source: str = "model", **extra: object) -> Mention:
    return Mention(text=text, label=label, block=0, start=0, end=len(text),
                   sentence=Span(0, len(text)), source=source,
                   name=str(extra.pop("name", text)), **extra)  # type: ignore[arg-type]


def _names(entities: list[Entity]) -> dict[str, tuple[str, ...]]:
    return {e.name: e.aliases for e in entities}


def test_acronyms_join_their_long_form_and_say_why() -> None:
    mentions = [_m("Working Group on AI Governance", "WorkingGroup", "names"),
                _m("WG-AI", "WorkingGroup", "acronym", key="working group on ai governance",
                   acronym_of="Working Group on AI Governance"),
                _m("WG-AI", "WorkingGroup", "acronym", key="working group on ai governance",
                   acronym_of="Working Group on AI Governance")]
    [entity] = resolve_document(_doc(), mentions)
    assert (entity.name, entity.aliases) == ("Working Group on AI Governance", ("WG-AI",))
    assert {m.rule for m in entity.merges} == {"acronym"}
    assert len(entity.mentions) == 3


def test_short_names_join_the_one_person_who_has_them() -> None:
    mentions = [_m("Josephine Teo", "Person", "people", honorific="Mrs."),
                _m("Teo", "Person", "people", honorific="Minister")]
    [entity] = resolve_document(_doc(), mentions)
    assert entity.name == "Josephine Teo"
    assert entity.honorifics == ("Mrs.", "Minister")
    assert [m.rule for m in entity.merges] == ["short-name"]


def test_two_people_sharing_a_surname_are_not_merged_without_evidence() -> None:
    mentions = [_m("Lee Hsien Loong", "Person"), _m("Lee Kuan Yew", "Person"),
                _m("Lee", "Person", "people", honorific="Mr")]
    assert sorted(_names(resolve_document(_doc(), mentions))) == [
        "Lee", "Lee Hsien Loong", "Lee Kuan Yew"]


def test_head_noun_anaphors_need_exactly_one_antecedent() -> None:
    one = [_m("Working Group on AI Governance", "WorkingGroup", "names"),
           _m("Working Group", "WorkingGroup", "names", anaphor=True)]
    [entity] = resolve_document(_doc(), one)
    assert [m.rule for m in entity.merges] == ["head-noun"]
    two = [_m("ASEAN Guide on AI Governance", "Guideline", "names"),
           _m("Expanded Guide", "Guideline", "names"),
           _m("Guide", "Guideline", "names", anaphor=True)]
    assert sorted(_names(resolve_document(_doc(), two))) == [
        "ASEAN Guide on AI Governance", "Expanded Guide"]


def test_gazetteer_forms_are_one_entity_with_the_preferred_label() -> None:
    iri = "https://w3id.org/docgraph/id/country/viet-nam"
    mentions = [_m("Vietnam", "Country", "gazetteer", key=iri, name="Viet Nam"),
                _m("Viet Nam", "Country", "gazetteer", key=iri, name="Viet Nam")]
    [entity] = resolve_document(_doc(), mentions)
    assert (entity.name, entity.iri, entity.aliases) == ("Viet Nam", iri, ("Vietnam",))


def test_meetings_of_a_series_by_number() -> None:
    series = "https://w3id.org/docgraph/id/meeting/asean-digital-ministers-meeting"
    mentions = [_m("4th ASEAN Digital Ministers Meeting", "Meeting", "meetings", series=series,
                   series_name="ASEAN Digital Ministers' Meeting", ordinal=4),
                _m("4th ADGMIN", "Meeting", "meetings", series=series,
                   series_name="ASEAN Digital Ministers' Meeting", ordinal=4),
                _m("5th ADGMIN", "Meeting", "meetings", series=series,
                   series_name="ASEAN Digital Ministers' Meeting", ordinal=5)]
    entities = resolve_document(_doc(), mentions)
    names = _names(entities)
    assert set(names) == {"4th ASEAN Digital Ministers' Meeting",
                          "5th ASEAN Digital Ministers' Meeting",
                          "ASEAN Digital Ministers' Meeting"}
    assert {e.label for e in entities if e.key == series} == {"MeetingSeries"}


def test_a_lone_word_the_model_called_a_person_is_dropped() -> None:
    assert resolve_document(_doc(), [_m("Tech", "Person")]) == []


def test_merging_documents_later_gives_the_same_entities() -> None:
    a = resolve_document(_doc("a"), [_m("Singapore", "Country", "gazetteer", key="x:sg")])
    b = resolve_document(_doc("b"), [_m("Singapore", "Country", "gazetteer", key="x:sg"),
                                     _m("ITU", "Organization")])
    c = resolve_document(_doc("c"), [_m("ITU", "Organization")])
    together = merge([a, b, c])
    stepwise = merge([merge([a, b]), c])
    assert together == stepwise
    assert {e.name: e.documents for e in together} == {"Singapore": ("a", "b"),
                                                       "ITU": ("b", "c")}


def test_spelling_variants_of_a_person_merge_across_documents() -> None:
    a = resolve_document(_doc("a"), [_m("Prasert Jantararuangtong", "Person", "people")])
    b = resolve_document(_doc("b"), [_m("Prasert Janthararuangthong", "Person", "people")])
    c = resolve_document(_doc("c"), [_m("Prasert Somsak", "Person", "people")])
    merged = merge([a, b, c])
    assert sorted(e.name for e in merged) == ["Prasert Janthararuangthong", "Prasert Somsak"]
    variant = next(e for e in merged if e.name == "Prasert Janthararuangthong")
    assert variant.aliases == ("Prasert Jantararuangtong",)
    assert [m.rule for m in variant.merges] == ["spelling-variant"]
    assert merge([merge([a, b]), c]) == merged


def _mention(text: str, label: str, start: int, name: str | None = None,
             source: str = "names", block: int = 0) -> Mention:
    return Mention(text=text, label=label, block=block, start=start, end=start + len(text),
                   sentence=Span(0, 400), source=source, name=name or text)


def test_a_bare_post_joins_its_one_qualified_form() -> None:
    document = _doc()
    mentions = [_mention("Norway", "Country", 0, source="gazetteer"),
                _mention("Norway Prime Minister", "Post", 0, source="posts"),
                _mention("Prime Minister", "Post", 60, source="posts")]
    posts = [e for e in resolve_document(document, mentions) if e.label == "Post"]
    assert len(posts) == 1
    assert Merge("Prime Minister", "qualified-post") in posts[0].merges


def test_a_bare_post_with_two_qualified_forms_stays_apart() -> None:
    document = _doc()
    mentions = [_mention("Norway", "Country", 0, source="gazetteer"),
                _mention("Norway Prime Minister", "Post", 0, source="posts"),
                _mention("Chile", "Country", 30, source="gazetteer"),
                _mention("Chile Prime Minister", "Post", 30, source="posts"),
                _mention("Prime Minister", "Post", 90, source="posts")]
    posts = [e for e in resolve_document(document, mentions) if e.label == "Post"]
    assert len(posts) == 3


def test_a_generic_name_joins_the_one_specific_name_it_opens() -> None:
    document = _doc()
    mentions = [_mention("Memorandum of Understanding", "Agreement", 0),
                Mention(text="MOU", label="Agreement", block=0, start=40, end=43,
                        sentence=Span(0, 400), source="acronym", name="MOU",
                        key="memorandum of understanding",
                        acronym_of="Memorandum of Understanding"),
                _mention("MOU on Ocean Data", "Agreement", 90)]
    [entity] = resolve_document(document, mentions)
    assert entity.name == "MOU on Ocean Data"
    assert Merge("Memorandum of Understanding", "generic-name") in entity.merges


def test_a_generic_name_opening_two_names_stays_apart() -> None:
    document = _doc()
    mentions = [_mention("Agreement", "Agreement", 0),
                _mention("Agreement on Trade", "Agreement", 40),
                _mention("Agreement on Data", "Agreement", 90)]
    assert len(resolve_document(document, mentions)) == 3


def test_a_bilateral_name_joins_its_short_form() -> None:
    document = _doc()
    mentions = [_mention("Chile-Norway Data Principles", "Framework", 0),
                _mention("Data Principles", "Framework", 60)]
    [entity] = resolve_document(document, mentions)
    assert Merge("Data Principles", "bilateral-name") in entity.merges


def test_one_title_of_one_body_is_one_post() -> None:
    long = "Chief Executive (CE) of the Harbour Data Agency"
    mentions = [
        _mention(long, "Post", 0, source="posts",
                 name="Chief Executive of the Harbour Data Agency"),
        _mention("Harbour Data Agency", "GovernmentAgency", long.index("Harbour")),
        _mention("CE of HDA", "Post", 100, name="Chief Executive of HDA", source="posts"),
        dataclasses.replace(_mention("HDA", "GovernmentAgency", 106, source="acronym"),
                            acronym_of="Harbour Data Agency", key="harbour data agency"),
        _mention("Chief Executive", "Post", 200, source="posts"),
        _mention("Chief Executive of the Port Board", "Post", 300, source="posts"),
        _mention("Port Board", "Organization", 323)]
    posts = {e.name: e for e in resolve_document(_doc(), mentions) if e.label == "Post"}
    # The bare "Chief Executive" could be either body's, so it joins neither.
    assert sorted(posts) == ["Chief Executive", "Chief Executive of the Harbour Data Agency",
                             "Chief Executive of the Port Board"]
    merged = posts["Chief Executive of the Harbour Data Agency"]
    assert [m.rule for m in merged.merges] == ["qualified-post"]
    assert len(merged.mentions) == 2


def test_a_remit_is_not_a_body() -> None:
    mentions = [_mention("Minister for Trade", "Post", 0, source="posts"),
                _mention("Trade", "Organization", 13),
                _mention("Minister", "Post", 100, source="posts")]
    posts = [e for e in resolve_document(_doc(), mentions) if e.label == "Post"]
    assert len(posts) == 2


def test_only_a_title_alone_is_scoped_to_its_page() -> None:
    def at(text: str, label: str, start: int, source: str = "posts") -> Mention:
        return Mention(text=text, label=label, block=0, start=start, end=start + len(text),
                       sentence=Span(0, 300), source=source, name=text)

    mentions = [at("Chief Executive", "Post", 0), at("Senior Minister of State", "Post", 20),
                at("NHB Chairperson", "Post", 50), at("NHB", "Organization", 50, "acronym"),
                at("Permanent Secretary (Health)", "Post", 70),
                at("Head, Emerging Technologies", "Post", 100),
                at("Minister of State for Trade", "Post", 130),
                at("Chief of Staff", "Post", 160)]
    keys = {e.name: e.key for e in resolve_document(_doc("p1"), mentions)}
    scoped = {name for name, key in keys.items() if key.endswith("@p1")}
    assert scoped == {"Chief Executive", "Senior Minister of State", "Chief of Staff"}


def test_a_form_of_address_picks_among_people_sharing_a_surname() -> None:
    mentions = [_m("Ng Cher Wei", "Person", "people", honorific="Mr"),
                _m("Alicia Ng", "Person", "people", honorific="Mrs"),
                _m("Ng", "Person", "people", honorific="Mr"),
                _m("Ng", "Person", "people", honorific="Mrs")]
    entities = resolve_document(_doc(), mentions)
    assert _names(entities) == {"Ng Cher Wei": ("Ng",), "Alicia Ng": ("Ng",)}
    # Among two people with the surname, "Mr Lee" is the one the page calls "Mr".
    mentions = [_m("Lee Wen Hao", "Person", "people", honorific="Mr"),
                _m("Lee Kong Chian", "Person", "people", honorific="Minister Mentor"),
                _m("Lee", "Person", "people", honorific="Mr")]
    assert _names(resolve_document(_doc(), mentions))["Lee Wen Hao"] == ("Lee",)


def test_a_surname_without_address_joins_its_one_addressed_form() -> None:
    mentions = [_m("Tan", "Person", "people", honorific="Mr"), _m("Tan", "Person", "people")]
    assert len(resolve_document(_doc(), mentions)) == 1
    mentions.append(_m("Tan", "Person", "people", honorific="Ms"))
    assert len(resolve_document(_doc(), mentions)) == 3


def test_a_name_with_its_kind_word_or_its_year_is_the_same_thing() -> None:
    [entity] = resolve_document(_doc(), [
        _m("SkillsBridge", "Organization", "names"),
        _m("SkillsBridge movement", "Programme", "names")])
    assert entity.label == "Programme"
    assert [m.rule for m in entity.merges] == ["kind-word"]
    [meeting] = resolve_document(_doc(), [_m("Harbour Symposium 2019", "Meeting", "names"),
                                          _m("Harbour Symposium", "Meeting", "names")])
    assert meeting.name == "Harbour Symposium 2019"


def test_a_lower_case_kind_word_is_not_part_of_the_name() -> None:
    # "the Lumo programme" says what Lumo is; "Lumo Programme" would be its name.
    [entity] = resolve_document(_doc(), [_m("Lumo programme", "Programme", "names"),
                                         _m("Lumo programme", "Programme", "names")])
    assert entity.name == "Lumo"
    assert "Lumo programme" in entity.aliases
    [named] = resolve_document(_doc(), [_m("Lumo Programme", "Programme", "names")])
    assert named.name == "Lumo Programme"


def test_meetings_named_by_their_series_acronym_join_the_meeting() -> None:
    series = "https://example.org/series/pdc"
    mentions = [
        _m("2nd Port Data Committee", "Meeting", "meetings", series=series, ordinal=2,
           series_name="Port Data Committee"),
        _m("PDC", "MeetingSeries", "acronym", key=series, acronym_of="Port Data Committee"),
        _m("OPI", "Programme", "acronym", key="ocean port initiative",
           acronym_of="Ocean Port Initiative"),
        _m("2nd OPI PDC meeting", "Meeting", "meetings", series="name:opi pdc meeting",
           ordinal=2, series_name="OPI PDC meeting"),
        _m("OPI PDC meeting", "Meeting", "names")]
    entities = resolve_document(_doc(), mentions)
    [meeting] = [e for e in entities if e.label == "Meeting"]
    assert set(meeting.aliases) == {"2nd OPI PDC meeting", "OPI PDC meeting"}
    assert [e.name for e in entities if e.label == "MeetingSeries"] == ["Port Data Committee"]
    # With two meetings of the series on the page, the series's name alone is neither.
    mentions.append(_m("third PDC", "Meeting", "meetings", series="acronym:PDC", ordinal=3,
                       series_name="PDC"))
    entities = resolve_document(_doc(), mentions)
    meetings = {e.name: e for e in entities if e.label == "Meeting"}
    assert set(meetings) == {"2nd Port Data Committee", "third PDC", "OPI PDC meeting"}
    assert meetings["third PDC"].series == series


def test_an_undefined_acronym_joins_the_one_name_it_spells() -> None:
    [entity] = resolve_document(_doc(), [_m("Harbour Data Summit", "Meeting", "names"),
                                         _m("HDS", "Organization", "model")])
    assert entity.label == "Meeting"
    assert entity.aliases == ("HDS",)


def test_initials_need_title_case_words_and_leave_an_entity_they_spell() -> None:
    entities = resolve_document(_doc(), [_m("Data+AI Boost SME programme", "Programme", "names"),
                                         _m("DBS", "Organization", "model")])
    assert len(entities) == 2
    series = "https://example.org/series/pmc"
    entities = resolve_document(_doc(), [
        _m("Ports Ministerial Conference", "MeetingSeries", "gazetteer", key=series),
        _m("PMC", "MeetingSeries", "acronym", key=series,
           acronym_of="Ports Ministerial Conference"),
        _m("9th Ports Ministerial Conference", "Meeting", "meetings", series=series,
           ordinal=9, series_name="Ports Ministerial Conference")])
    assert {e.label for e in entities} == {"Meeting", "MeetingSeries"}
