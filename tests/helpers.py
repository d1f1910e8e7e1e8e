"""Paths of the test data and small helpers shared by the tests."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import settings
from rdflib import Dataset

from docgraph.clean import clean
from docgraph.graph import Statement, statements
from docgraph.ingest import read_bytes
from docgraph.pipeline import Extraction, extract_paths, same_as_links
from docgraph.rdf import to_dataset
from docgraph.types import Block, Document, Entity, Mention, Relation, Span

if TYPE_CHECKING:
    from spacy.language import Language

DATA = Path(__file__).parent / "data"
ISOMER = DATA / "isomer"
SEED = Path(__file__).parent.parent / "seeds" / "000_adf2444e3d603679.txt"
CORPUS_PAGES = sorted(ISOMER.glob("*.md"))
ALL_PAGES = CORPUS_PAGES + sorted((DATA / "isomer-more").glob("*.md"))
"""All 59 pages of the sample corpus."""


def examples(count: int) -> int:
    """A property test's number of examples, scaled by the Hypothesis profile loaded.

    ``count`` is for the default profile (100 examples); ``explore`` asks for more.
    """
    loaded = settings.default
    return count if loaded is None else max(1, count * loaded.max_examples // 100)


def clean_text(text: str, name: str = "test.html", html_parser: str = "lxml") -> Document:
    """Clean a document given as a string; the name only labels it."""
    return clean(read_bytes(text.encode("utf-8"), name), html_parser=html_parser)


def tiny_extraction(html: str | None = None) -> tuple[list[Entity], dict[str, Document],
                                                      list[Statement]]:
    """A hand-made extraction of one short page, without spaCy.

    Singapore chaired the 4th ASEAN Digital Ministers' Meeting (with a date) and Mrs
    Josephine Teo holds a post; the offsets are computed from the text, so the test data
    cannot drift from the page.
    """
    page = html or (
        "---\ntitle: Singapore chairs ADGMIN\ndate: 2024-02-02\n"
        "permalink: /media/adgmin\n---\n"
        "<p>Singapore chaired the 4th ASEAN Digital Ministers' Meeting in February 2024."
        "</p>\n<p>Mrs Josephine Teo, Minister for Digital Development and Information, "
        "spoke.</p>\n")
    document = clean(read_bytes(page.encode("utf-8"), "adgmin.html"))
    first, second = document.blocks[0], document.blocks[1]

    def mention(block: Block, text: str, label: str) -> Mention:
        start = block.text.index(text)
        return Mention(text, label, block.index, start, start + len(text),
                       Span(0, len(block.text)), "test", text)

    sg = mention(first, "Singapore", "Country")
    meeting = mention(first, "4th ASEAN Digital Ministers' Meeting", "Meeting")
    teo = mention(second, "Josephine Teo", "Person")
    post = mention(second, "Minister for Digital Development and Information", "Post")
    entities = [
        Entity(SG_IRI, "Country", "Singapore", (), (sg,), (document.id,), iri=SG_IRI),
        Entity("meeting:4th adgmin", "Meeting", meeting.text, ("4th ADGMIN",), (meeting,),
               (document.id,), ordinal=4),
        Entity("person:josephine teo", "Person", "Josephine Teo", (), (teo,),
               (document.id,), honorifics=("Mrs",)),
        Entity("post:mddi", "Post", post.text, (), (post,), (document.id,)),
    ]

    def relation(subject: Mention, predicate: str, obj: Mention, block: Block,
                 start: dt.date | None = None, end: dt.date | None = None) -> Relation:
        return Relation(subject, predicate, obj, document.id, block.index,
                        Span(0, len(block.text)), block.text, block.span, f"test:{predicate}",
                        0.9, start, end)

    relations = [relation(sg, "chairOf", meeting, first, dt.date(2024, 2, 1),
                          dt.date(2024, 2, 29)),
                 relation(teo, "holdsPost", post, second)]
    found = statements(entities, relations)
    return entities, {document.id: document}, found


SG_IRI = "https://w3id.org/docgraph/id/country/singapore"


ROOT = Path(__file__).parent.parent
GOLDEN_GRAPH = DATA / "seed_graph.ttl"
RDF_PAGES = [CORPUS_PAGES[i] for i in (0, 4, 7, 10, 13)]
"""Five real pages (press releases and speeches) for the RDF round trips."""


def extract(paths: list[Path], nlp: Language) -> list[Extraction]:
    """Extract documents given relative to the repository root, as a user would."""
    with contextlib.chdir(ROOT):
        results = list(extract_paths([str(p.relative_to(ROOT)) for p in paths], nlp=nlp))
    assert all(isinstance(r, Extraction) for r in results)
    return [r for r in results if isinstance(r, Extraction)]


def extraction_dataset(result: Extraction) -> Dataset:
    """The RDF ``docgraph extract --per-document`` writes for one document."""
    return to_dataset(result.entities, {result.document.id: result.document},
                      statements(result.entities, result.relations), links=same_as_links())


ARTIFACTS = ROOT / "test-artifacts"
"""Where tests leave files for people to look at (screenshots); not committed."""
XSS_NAME = "<img src=x onerror=alert(1)>"


def hostile_dataset() -> Dataset:
    """The tiny extraction with a person whose name and alias are markup and script."""
    entities, documents, found = tiny_extraction()
    renamed = [dataclasses.replace(e, name=XSS_NAME,
                                   aliases=("</script><script>alert(2)</script>",))
               if e.label == "Person" else e for e in entities]
    return to_dataset(renamed, documents, found)


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """The relations the pipeline finds in ``text``, as (subject, relation, object) names."""
    from docgraph.ner import recognise
    from docgraph.resolve import resolve_document

    document = clean(read_bytes(text.encode("utf-8"), "t.txt"))
    [analysis] = list(recognise([document], nlp))
    entities = resolve_document(document, analysis.mentions)
    names = {e.key: e.name for e in entities}
    return {(names[s.subject], s.predicate, names[s.object])
            for s in statements(entities, analysis.relations)}


def entity_names(nlp: Language, text: str) -> set[tuple[str, str]]:
    """The entities the pipeline finds in ``text``, as (class, name)."""
    from docgraph.ner import recognise
    from docgraph.resolve import resolve_document

    document = clean(read_bytes(text.encode("utf-8"), "t.txt"))
    [analysis] = list(recognise([document], nlp))
    return {(e.label, e.name) for e in resolve_document(document, analysis.mentions)}
