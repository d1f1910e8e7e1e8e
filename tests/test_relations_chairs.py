"""Who chairs what, read from the statement itself (issue 12's families).

Sentences and pages written for these tests (with the model).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from docgraph.pipeline import Extraction, extract_paths
from helpers import triples

pytestmark = pytest.mark.model


def _chairs(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {t for t in found if t[1] in ("chairOf", "viceChairOf")}


def _page_chairs(page: Path, text: str) -> set[tuple[str, str]]:
    """The (holder, meeting) rows of ``docgraph chairs`` for one page written for a test."""
    from docgraph.kg import extract

    page.write_text(text, encoding="utf-8")
    chairs = extract(page).chairs()
    return set(zip(chairs["holder"], chairs["meeting"], strict=True))


def test_the_body_in_a_co_chairs_description_did_not_chair(nlp: Language) -> None:
    found = triples(nlp, "Permanent Secretary, Ministry of Transport of Ruritania, Ms Anna "
                         "Berg and the Secretary-General, Ministry of Works of Freedonia, "
                         "Mr Paul Otis co-chaired the 3rd Joint Committee Meeting.")
    chairs = _chairs(found)
    assert ("Anna Berg", "chairOf", "3rd Joint Committee Meeting") in chairs
    assert not any(s.startswith("Ministry") for s, _, _ in chairs)


def test_a_deputy_chairman_is_a_vice_chair(nlp: Language) -> None:
    found = triples(nlp, "Mr Omar Haddad, Deputy Chairman of the Harbour Arts Council, spoke.")
    assert _chairs(found) == {("Omar Haddad", "viceChairOf", "Harbour Arts Council")}
    # Also with words before "Deputy": the body's acronym, "Executive".
    titled = triples(nlp, "HAC Executive Deputy Chairman, Mr Omar Haddad said, “We are "
                          "ready.” The Harbour Arts Council (HAC) agreed.")
    assert ("Omar Haddad", "chairOf", "Harbour Arts Council") not in _chairs(titled)


def test_the_owner_of_a_chaired_committee_is_not_chaired(nlp: Language) -> None:
    found = triples(nlp, "Ms Lena Fischer, Chairperson of IMDA's Audit Sub-Committee, spoke.")
    assert ("Lena Fischer", "chairOf", "Infocomm Media Development Authority") not in found


def test_a_chair_title_ends_before_members_of_another_body(nlp: Language) -> None:
    found = triples(nlp, "Mr Ivan Petrov, Chairman of the Film Heritage Council, and "
                         "Members of the Heritage Council, good morning.")
    assert _chairs(found) == {("Ivan Petrov", "chairOf", "Film Heritage Council")}


def test_a_meeting_named_right_before_chaired_by_is_the_one_chaired(nlp: Language) -> None:
    found = triples(nlp, "The Harbour Data Dialogue was launched last year. The launch of "
                         "the Harbour Data Dialogue was announced at the 12th Joint Council "
                         "for Trade (JCT) meeting co-chaired by Mr Ivan Petrov.")
    assert ("Ivan Petrov", "chairOf", "Harbour Data Dialogue") not in found


def test_chair_for_a_meeting_is_its_chair(nlp: Language) -> None:
    found = triples(nlp, "As Chair for the ASEAN Digital Ministers Meeting (ADGMIN) in 2024, "
                         "Singapore worked on data governance. The Data Week was held.")
    assert ("Singapore", "chairOf", "ASEAN Digital Ministers' Meeting") in found


def test_a_chairman_and_co_founder_of_a_company_does_not_chair_the_board(
        tmp_path: Path) -> None:
    rows = _page_chairs(
        tmp_path / "board.html",
        "<h1>New Board of the Harbour Authority</h1><p>The Minister has appointed a new "
        "Board of the Harbour Authority.</p><h2>Members</h2><ul>"
        "<li>Mr Ivan Petrov (Chairman), Permanent Secretary, Ministry of Ports</li>"
        "<li>Mr Omar Haddad, Chairman and Co-Founder, Deep Sea Labs Inc</li></ul>")
    boards = {meeting for holder, meeting in rows if holder == "Ivan Petrov"}
    assert any("Board of the Harbour Authority" in str(b) for b in boards)
    assert not any(holder == "Omar Haddad" and "Board" in str(meeting)
                   for holder, meeting in rows)


def test_a_handover_is_not_joined_to_what_its_giver_chaired_elsewhere(
        tmp_path: Path) -> None:
    from docgraph.kg import extract

    (tmp_path / "a.txt").write_text(
        "Norway chaired the 2nd Harbour Ministers Meeting in Oslo on 3 May 2023.",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "On 1 June 2024, Norway handed over the Chairmanship of the Ocean Data Forum "
        "to Chile.", encoding="utf-8")
    chairs = extract(tmp_path).chairs()
    handover = chairs[chairs["role"] == "next chair"]
    assert list(handover["holder"]) == ["Chile"]
    # The chairmanship handed over is the forum's the sentence names; what Norway chaired
    # on another page is no clue.
    assert list(handover["meeting"]) == ["Ocean Data Forum"]


def test_a_chairs_title_then_the_body_chairs_it(nlp: Language) -> None:
    # A salutation's "Name, Chair, Body": the title without "of", then the body.
    found = triples(nlp, "Mr Omar Haddad, Chair, Harbour Arts Council")
    assert ("Omar Haddad", "chairOf", "Harbour Arts Council") in _chairs(found)
    member = triples(nlp, "Mr Omar Haddad, Director, Harbour Arts Council")
    assert not _chairs(member)


def test_a_possessive_the_parser_misses_still_gets_the_post(nlp: Language) -> None:
    found = triples(nlp, "1. The Ministry of Ports announced today two leadership changes – "
                         "Mr Tan Wei Ming’s appointment as Chairman of the Harbour Arts "
                         "Council (HAC) with effect from 1 January 2020; and Ms Amina "
                         "Otieno’s appointment as the Chief Executive Officer of the HAC.")
    assert ("Tan Wei Ming", "chairOf", "Harbour Arts Council") in _chairs(found)


def test_the_person_a_post_is_said_of_chairs_not_the_post_or_its_body(
        nlp: Language) -> None:
    found = triples(nlp, "Co-chaired by Senior Minister of State for Ports (MOP), Tan Wei "
                         "Ming, and Director of the Coastal Data Agency, Amina Otieno, the "
                         "Harbour Policy Dialogue gathered participants from industry.")
    chairs = _chairs(found)
    assert ("Tan Wei Ming", "chairOf", "Harbour Policy Dialogue") in chairs
    assert not any(s.startswith(("Minister", "Senior")) for s, _, _ in chairs)
    affiliated = triples(nlp, "Permanent Secretary, Ministry of Ports (MOP) of Kenya, Mr "
                              "Tan Wei Ming and the Secretary-General, Ministry of Trade of "
                              "Ghana, Ms Amina Otieno co-chaired the 8th Harbour Joint "
                              "Committee Meeting.")
    assert not any(s.startswith("Ministry") for s, _, _ in _chairs(affiliated))


def test_heading_a_body_is_leading_it_not_chairing(nlp: Language) -> None:
    found = triples(nlp, "Ms Amina Otieno heads the Coastal Data Agency. Mr Tan Wei Ming, "
                         "who heads the Port Authority, spoke.")
    assert not _chairs(found)
    meeting = triples(nlp, "The 3rd Harbour Policy Dialogue was headed by Mr Tan Wei Ming.")
    assert ("Tan Wei Ming", "chairOf", "3rd Harbour Policy Dialogue") in _chairs(meeting)


def test_i_in_a_speech_is_its_speaker(nlp: Language, tmp_path: Path) -> None:
    page = tmp_path / "speech.md"
    page.write_text("---\ntitle: Speech by SMS Tan Wei Ming at the Harbour Budget Debate\n"
                    "date: 2023-02-28\n---\n\n# Speech by SMS Tan Wei Ming at the Harbour "
                    "Budget Debate\n\n1. Mr Chairman, last year I chaired the 3rd Harbour "
                    "Data Dialogue.\n", encoding="utf-8")
    no_speaker = tmp_path / "release.md"
    no_speaker.write_text("---\ntitle: Harbour Data Dialogue\ndate: 2023-02-28\n---\n\n"
                          "# Harbour Data Dialogue\n\nMr Tan Wei Ming spoke. Later, I chaired "
                          "the 3rd Harbour Data Dialogue.\n", encoding="utf-8")
    found = {(Path(result.document.path).stem, r.subject.name, r.predicate, r.object.name)
             for result in extract_paths([page, no_speaker], nlp=nlp)
             if isinstance(result, Extraction) for r in result.relations}
    assert ("speech", "Tan Wei Ming", "chairOf", "3rd Harbour Data Dialogue") in found
    assert not any(d == "release" and p == "chairOf" for d, _, p, _ in found)


def test_a_chairmanship_is_of_the_meeting_its_sentence_names(nlp: Language) -> None:
    found = triples(nlp, "Under the theme of trust for HDMM 2024, Kenya’s chairmanship "
                         "underscores the commitment of Kenya and the African Union. The "
                         "Harbour Digital Ministers Meeting (HDMM) met in Nairobi.")
    chairs = _chairs(found)
    assert not any(o == "African Union" for _, _, o in chairs)


def test_a_unit_named_after_its_bodys_acronym_is_what_is_chaired(nlp: Language) -> None:
    found = triples(nlp, "Ms Amina Otieno, Chair of the Harbour Business Advisory Council "
                         "(HBAC) Digital Workgroup, spoke.")
    chairs = _chairs(found)
    assert ("Amina Otieno", "chairOf", "Digital Workgroup") in chairs
    assert ("Amina Otieno", "chairOf", "Harbour Business Advisory Council") not in chairs


def test_a_succession_as_chairman_gives_both_chairs(nlp: Language) -> None:
    found = triples(nlp, "Mr Tan Wei Ming will succeed Mr Kofi Boateng as HAC's new "
                         "Chairman. The Harbour Arts Council (HAC) welcomed him.")
    chairs = _chairs(found)
    assert {("Tan Wei Ming", "chairOf", "Harbour Arts Council"),
            ("Kofi Boateng", "chairOf", "Harbour Arts Council")} <= chairs


def test_a_sectors_chairmanship_and_an_unnamed_workgroup_chair_nothing_named(
        nlp: Language) -> None:
    sector = triples(nlp, "The Guide was endorsed during Kenya’s African Union Digital "
                          "Chairmanship this year.")
    assert not _chairs(sector)
    whole = triples(nlp, "Kenya will hold the African Union Chairmanship in 2027.")
    assert ("Kenya", "chairOf", "African Union") in _chairs(whole)
    workgroup = triples(nlp, "The workgroup is co-chaired by the Minister of State for "
                             "Ports, Mr Tan Wei Ming, and President of HAC, Ms Amina Otieno.")
    assert not any(o == "HAC" or o.startswith("Harbour") for _, _, o in _chairs(workgroup))


def test_a_chair_held_once_ends_and_a_period_keeps_its_start(
        nlp: Language, tmp_path: Path) -> None:
    page = tmp_path / "speech.md"
    page.write_text("---\ntitle: Speech at the Harbour Forum\ndate: 2018-10-02\n---\n\n"
                    "Twelve years ago I met Mr Kofi Boateng, who was the Chairman of Harbour "
                    "Logistics Pte Ltd.\n\nMr Tan Wei Ming was the Chairman of the Port "
                    "Authority from 2010 to 2014.\n", encoding="utf-8")
    dates = {(r.subject.name, r.start, r.end)
             for result in extract_paths([page], nlp=nlp) if isinstance(result, Extraction)
             for r in result.relations if r.predicate == "chairOf"}
    assert ("Kofi Boateng", None, dt.date(2018, 10, 2)) in dates
    assert ("Tan Wei Ming", dt.date(2010, 1, 1), dt.date(2014, 12, 31)) in dates


@pytest.mark.parametrize("text", [
    "Norway is pleased to hand over the HDMM Chairmanship to Chile.",
    "At the 5th HDMM, Norway handed over the Chairmanship of the HDMM to Chile.",
])
def test_the_chairmanship_handed_over_is_the_one_its_noun_names(nlp: Language,
                                                                text: str) -> None:
    found = triples(nlp, "The Harbour Digital Ministers Meeting (HDMM) met in 2023. " + text)
    assert ("Norway", "handedOverChairTo", "Chile") in found
    assert any(s == "Chile" and p == "chairOf" and "Harbour Digital Ministers" in o
               for s, p, o in found)


def test_what_a_chair_is_of_is_a_body_whatever_its_words(nlp: Language) -> None:
    found = triples(nlp, "Dr Anna Berg, Chairperson of HB Women in Harbours, spoke.")
    assert ("Anna Berg", "chairOf", "HB Women in Harbours") in _chairs(found)
    # A field is no body, and a head noun alone is the page's board, named elsewhere.
    for text in ("Mr Paul Otis, Chairman of Research, spoke.",
                 "Mr Paul Otis, Chairman of the Board, spoke."):
        assert not _chairs(triples(nlp, text))


@pytest.mark.parametrize(("text", "chair"), [
    ("Dr Anna Berg, Co-Chair of Harbour Unbound, spoke.",
     ("Anna Berg", "chairOf", "Harbour Unbound")),
    ("Mr Paul Otis, Chairman and Co-Founder, Deep Kelp Labs Inc",
     ("Paul Otis", "chairOf", "Deep Kelp Labs Inc")),
    ("Chairman of the Harbour Business Federation (HBF) Mr Omar Haddad",
     ("Omar Haddad", "chairOf", "Harbour Business Federation")),
    ("The Harbour Arts Council (HAC) met. Mr Omar Haddad, HAC Chairman, said so.",
     ("Omar Haddad", "chairOf", "Harbour Arts Council")),
])
def test_salutations_name_the_chair(nlp: Language, text: str,
                                    chair: tuple[str, str, str]) -> None:
    assert chair in _chairs(triples(nlp, text))


def test_people_on_the_lines_under_a_co_chairs_line_chair_its_body(tmp_path: Path) -> None:
    rows = _page_chairs(tmp_path / "speech.md",
                        "---\ntitle: Speech at the Harbour Forum\ndate: 2024-05-16\n---\n\n"
                        "<p>The Co-chairs of the Harbour Arts Council</p>\n"
                        "<p>Mr Paul Otis, Managing Director, Kelp Express</p>\n"
                        "<p>Ms Anna Berg, Editor, the Harbour Times</p>\n"
                        "<p>Colleagues and Friends</p>\n<p>1. Good evening.</p>\n")
    assert {("Paul Otis", "Harbour Arts Council"), ("Anna Berg", "Harbour Arts Council")} <= rows


def test_a_past_chair_chairs_nothing_now(nlp: Language) -> None:
    assert not _chairs(triples(nlp, "Mr Paul Otis, Immediate Past Chairman, Kelp Tech "
                                    "Association, spoke."))
