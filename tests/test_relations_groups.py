"""Groups and lists: delegations, members under a heading, group nouns with members.

Sentences and pages written for these tests (with the model).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from docgraph.clean import clean
from docgraph.graph import statements
from docgraph.ingest import read_bytes
from docgraph.ner import recognise
from docgraph.resolve import resolve_document
from helpers import triples

pytestmark = pytest.mark.model


def test_a_delegation_attends_with_its_leader_and_members(nlp: Language) -> None:
    found = triples(nlp, "The 12th Chile-Peru Annual Exchange of Visits was held in Lima. Ms "
                         "Ana Quispe, Minister of Environment, led the Peru delegation "
                         "comprising Mr Luis Rojas, Permanent Secretary, and senior officials "
                         "from the Ministry of Environment and the National Water Authority.")
    meeting = "12th Chile-Peru Annual Exchange of Visits"
    assert {("Ana Quispe", "attended", meeting), ("Luis Rojas", "attended", meeting),
            ("Peru", "attended", meeting), ("Ministry of Environment", "attended", meeting),
            ("National Water Authority", "attended", meeting),
            ("Ana Quispe", "basedIn", "Peru")} <= found


def test_a_delegation_led_by_someone(nlp: Language) -> None:
    found = triples(nlp, "The 3rd Baltic Energy Dialogue took place in Riga. The Estonia "
                         "delegation led by Mr Jaan Tamm comprised Ms Kadri Lepp and officials "
                         "from the Energy Agency.")
    meeting = "3rd Baltic Energy Dialogue"
    assert {("Jaan Tamm", "attended", meeting), ("Kadri Lepp", "attended", meeting),
            ("Estonia", "attended", meeting)} <= found


def test_people_listed_under_a_members_heading_belong_to_the_board(nlp: Language) -> None:
    page = ("<p>The Ministry announced changes to the Board of the Harbour Authority.</p>"
            "<p><strong>New Board Members</strong></p>"
            "<ul><li>Mr Aaron Tay (Chairman), Partner, Tay &amp; Co</li>"
            "<li>Ms Bella Ong, Chief Executive, Ong Logistics Pte Ltd</li>"
            "<li>Mr Dev Pillai (Chairman, Coral Design Pte Ltd)</li>"
            "<li>Deputy Chairman – Mr Evan Lee (Founder, Blue Reef Pte Ltd)</li></ul>"
            "<p><strong>Outgoing Auditors</strong></p>"
            "<ul><li>Mr Carl Ng, Director, Ng Audit Pte Ltd</li></ul>")
    document = clean(read_bytes(page.encode("utf-8"), "board.html"))
    [analysis] = list(recognise([document], nlp))
    entities = resolve_document(document, analysis.mentions)
    names = {e.key: e.name for e in entities}
    found = {(names[s.subject], s.predicate, names[s.object])
             for s in statements(entities, analysis.relations)}
    board = "Board of the Harbour Authority"
    assert {("Aaron Tay", "memberOf", board), ("Aaron Tay", "chairOf", board),
            ("Bella Ong", "memberOf", board), ("Bella Ong", "holdsPost", "Chief Executive"),
            ("Bella Ong", "memberOf", "Ong Logistics Pte Ltd")} <= found
    assert ("Carl Ng", "memberOf", board) not in found
    assert ("Bella Ong", "chairOf", board) not in found
    assert ("Dev Pillai", "memberOf", board) in found
    assert ("Dev Pillai", "chairOf", board) not in found
    assert {("Evan Lee", "memberOf", board), ("Evan Lee", "holdsPost", "Deputy Chairman")} \
        <= found


def test_members_of_which(nlp: Language) -> None:
    found = triples(nlp, "This supports the Global Ocean Data Network, of which both Chile and "
                         "Norway are members.")
    assert {("Chile", "memberOf", "Global Ocean Data Network"),
            ("Norway", "memberOf", "Global Ocean Data Network")} <= found


def test_rules_only_never_reads_a_parse_it_does_not_have(tmp_path: Path) -> None:
    # Two paragraphs of MDDI press releases (../shared/corpus/mddi-posts): with no parse,
    # reading a "delegations" token's children crashed the process (SIGSEGV inside
    # spaCy), so this runs in a process of its own.
    page = tmp_path / "two.md"
    page.write_text(
        "---\ntitle: Two paragraphs\n---\n\n"
        "Said Mr Ngiam Shih Chun, Chief Executive of the Energy Market Authority (EMA): "
        "\"Advanced electricity meters can help consumers use energy in smarter ways to do "
        "their part for a greener future. For instance, households with advanced "
        "electricity meters today can already access their half-hourly electricity usage "
        "using the SP Utilities app. This helps them better understand their consumption "
        "patterns, take steps to manage their usage and be more energy efficient.\"\n\n"
        "I am delighted that both our delegations and the various project teams are able "
        "to meet today for our Singapore - China (Shenzhen) Smart Cities Initiative (SCI) "
        "Joint Implementation Committee (JIC) Meeting.\n", encoding="utf-8")
    code = ("import warnings; warnings.simplefilter('ignore')\n"
            "from docgraph.pipeline import Extraction, extract_paths\n"
            f"[r] = extract_paths([{str(page)!r}], model='blank')\n"
            "assert isinstance(r, Extraction)\n"
            "print(sorted({e.name for e in r.entities}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Energy Market Authority" in done.stdout
