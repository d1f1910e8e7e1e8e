"""Resolution on hand-made mentions: what merges, what does not, and why."""

from __future__ import annotations

from docgraph.resolve import merge, resolve_document
from docgraph.types import Document, Entity, InputFormat, Mention, Metadata, Span


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
