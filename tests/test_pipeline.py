"""The library's driver: extract_paths over files and folders, GraphWriter's files."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from docgraph.clean import Failure
from docgraph.pipeline import Extraction, GraphWriter, Merger, extract_paths, merge


def _pages(folder: Path) -> list[Extraction | Failure]:
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    (folder / "a" / "news.html").write_text("<p>Singapore met Malaysia.</p>", "utf-8")
    (folder / "b" / "news.md").write_text("Thailand hosted **ASEAN**.", "utf-8")
    (folder / "b" / "bad.html").write_bytes(b"\x00\x01binary")
    return list(extract_paths([folder / "a", folder / "b"], model="blank"))


def test_a_bad_input_is_a_failure_among_extractions(tmp_path: Path) -> None:
    results = _pages(tmp_path)
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(failures) == 1
    assert "binary data" in str(failures[0].error)
    assert len([r for r in results if isinstance(r, Extraction)]) == 2


def test_the_writer_never_writes_one_document_over_another(tmp_path: Path) -> None:
    results = [r for r in _pages(tmp_path) if isinstance(r, Extraction)]
    writer = GraphWriter(tmp_path / "out", "turtle", validate=True)
    first, second = (writer.document(r) for r in results)
    assert (first.path.name, second.path.name) == ("news.ttl", "news-2.ttl")
    assert (first.clash, second.clash) == (None, str(tmp_path / "a" / "news.html"))
    assert second.report is not None
    assert second.report.conforms
    labels = {str(o) for o in Graph().parse(second.path).objects(None, RDFS.label)}
    assert {"Thailand", "ASEAN"} <= labels


def test_the_writer_merges_documents_into_one_graph(tmp_path: Path) -> None:
    results = [r for r in _pages(tmp_path) if isinstance(r, Extraction)]
    written = GraphWriter(tmp_path / "out", "nt").merged(results)
    assert written.path == tmp_path / "out" / "graph.nt"
    assert written.report is None  # not asked for
    labels = {str(o) for o in Graph().parse(written.path).objects(None, RDFS.label)}
    assert {"Singapore", "Malaysia", "Thailand", "ASEAN"} <= labels


def test_a_merge_keeps_outlines_and_gives_the_graph_the_documents_give() -> None:
    from docgraph.graph import from_extractions
    from docgraph.rdf.build import to_graphs
    from docgraph.types import Outline

    pages = Path(__file__).parent / "data" / "isomer"
    results = [r for r in extract_paths([pages], model="blank") if isinstance(r, Extraction)]
    merger = Merger()
    for result in results:
        merger.add(result)
    merged = merger.merged()
    assert len(merger) == len(results) > 10
    assert all(isinstance(d, Outline) for d in merged.documents.values())
    entities, found = from_extractions((r.entities, r.relations) for r in results)
    whole = to_graphs(entities, {r.document.id: r.document for r in results}, found)
    assert any("source-bytes" in str(s) for g in whole[1].values() for s, _, _ in g)
    assert to_graphs(merged.entities, merged.documents, merged.found) == whole
    assert merge(results) == merged
