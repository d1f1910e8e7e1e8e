"""The interactive picture in a real browser: headless Chromium opens the page from
disk, finds and clicks nodes, reads their sentences, and no name runs script; the page
is drawn as soon as it loads, and its labels never overlap, when it opens or after a
search."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset
from spacy.language import Language

from docgraph.kg import KnowledgeGraph
from helpers import (
    ARTIFACTS,
    ROOT,
    SEED,
    XSS_NAME,
    extract,
    extraction_dataset,
    hostile_dataset,
)

pytestmark = [pytest.mark.browser, pytest.mark.model]


@pytest.fixture(scope="module")
def page_file(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    (result,) = extract([SEED], nlp)
    dataset = Dataset()
    for source in (extraction_dataset(result), hostile_dataset()):
        for graph in source.graphs():
            target = dataset.graph(graph.identifier)
            for triple in graph:
                target.add(triple)
    path = tmp_path_factory.mktemp("viz") / "graph.html"
    KnowledgeGraph(dataset).show().save(path)
    return path


def test_the_page_loads_nothing_from_the_network(page_file: Path) -> None:
    text = page_file.read_text("utf-8")
    assert not re.search(r"<script[^>]*\bsrc=|<link[^>]*\bhref=|@import", text)
    assert XSS_NAME not in text  # only ever as escaped JSON


def test_a_reader_finds_clicks_and_reads_the_source(chromium: Any, page_file: Path) -> None:
    dialogs: list[str] = []
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_function("window.docgraphReady === true", timeout=30_000)

    found = {label: page.evaluate("label => window.docgraphView.find(label)", label)
             for label in ("Josephine Teo", "Working Group on AI Governance")}
    assert all(found.values()), found
    teo = found["Josephine Teo"]
    page.mouse.click(teo["x"], teo["y"])
    details = page.locator("#details")
    assert details.locator("h2").first.inner_text() == "Josephine Teo"
    marks = details.locator("mark.subject").all_inner_texts()
    assert any("Teo" in mark for mark in marks), marks
    sentence = details.locator(".sentence").first.inner_text()
    assert "Josephine" in sentence

    details.locator("#statements li").first.click()
    assert details.locator(".sentence").count() == 1
    assert " \u2192 " in details.locator("h2").first.inner_text()

    page.fill("#search", "WG-AI")
    items = page.locator("#entities li")
    assert items.all_inner_texts() == ["Working Group on AI Governance"]
    items.first.click()
    assert details.locator("h2").first.inner_text() == "Working Group on AI Governance"

    page.fill("#search", "<img")
    page.locator("#entities li").first.click()
    assert details.locator("h2").first.inner_text() == XSS_NAME
    assert page.locator("img").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert dialogs == []
    assert errors == []
    page.close()


def test_filters_hide_types_and_relations(chromium: Any, page_file: Path) -> None:
    page = chromium.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_function("window.docgraphReady === true", timeout=30_000)
    shown = page.evaluate("window.docgraphView.network.body.data.nodes.length")
    page.locator("#types input[value='Country']").uncheck()
    fewer = page.evaluate("window.docgraphView.network.body.data.nodes.length")
    assert 0 < fewer < shown
    assert page.evaluate("window.docgraphView.find('Singapore')") is None or \
        page.locator("#entities li", has_text="Singapore").count() == 0
    edges = page.evaluate("window.docgraphView.network.body.data.edges.length")
    page.locator("#relations input[value='attended']").uncheck()
    assert page.evaluate("window.docgraphView.network.body.data.edges.length") < edges
    page.close()


@pytest.fixture(scope="module")
def corpus_page(corpus_graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory
                ) -> Path:
    """The interactive page of all 59 sample pages, as one merged graph."""
    path = tmp_path_factory.mktemp("viz59") / "graph.html"
    corpus_graph.show().save(path)
    return path


def test_a_real_folder_opens_on_what_matters(chromium: Any, corpus_page: Path) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(corpus_page.as_uri())
    page.wait_for_function("window.docgraphReady === true", timeout=60_000)
    # Over several documents, who chaired what comes first.
    assert page.evaluate("document.querySelector('#chairs').compareDocumentPosition("
                         "document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING")
    notice = page.locator("#notice").inner_text()
    assert re.search(r"Showing the 150 most connected of \d+ connected entities", notice)
    assert re.search(r"Show \d+ entities with no statement", notice)
    drawn = page.evaluate("window.docgraphView.network.body.data.nodes.length")
    assert drawn == 150
    # The most connected entities are named and drawn inside the picture.
    names = [label["text"] for label in _labels(page) if label["kind"] != "edge"]
    assert len(names) >= 10
    assert "Singapore" in names
    box = page.locator("#graph").bounding_box()
    assert box is not None
    singapore = page.evaluate("window.docgraphView.find('Singapore')")
    assert singapore is not None
    assert box["x"] <= singapore["x"] <= box["x"] + box["width"]
    assert box["y"] <= singapore["y"] <= box["y"] + box["height"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("main").screenshot(path=str(ARTIFACTS / "graph-59-pages.png"))
    # An entity with no statement is behind the toggle, and searching brings it back.
    page.locator("#show-isolated").check()
    assert page.evaluate("window.docgraphView.network.body.data.nodes.length") > drawn
    page.locator("#show-all").click()
    assert page.evaluate("window.docgraphView.network.body.data.nodes.length") > drawn
    assert errors == []
    page.close()


# What the label layer drew, and how much ink a part of the canvas holds.
LABELS = "window.docgraphView.labels()"
INK = """([x, y, width, height]) => {
  const canvas = document.querySelector('#graph canvas');
  const frame = canvas.getBoundingClientRect(), ratio = canvas.width / frame.width;
  const pixels = canvas.getContext('2d').getImageData(
    Math.round((x - frame.left) * ratio), Math.round((y - frame.top) * ratio),
    Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio))).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 0 && Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) < 160) ink++;
  }
  return ink;
}"""


def _labels(page: Any) -> list[dict[str, Any]]:
    labels: list[dict[str, Any]] = page.evaluate(LABELS)
    return labels


def _clashes(page: Any) -> list[tuple[str, str]]:
    """Labels that overlap another, or that are not wholly inside the picture."""
    frame = page.locator("#graph canvas").bounding_box()
    labels = _labels(page)
    assert labels, "no label drawn"
    outside = [(label["text"], "outside the picture") for label in labels
               if label["x"] < frame["x"] or label["y"] < frame["y"]
               or label["x"] + label["width"] > frame["x"] + frame["width"]
               or label["y"] + label["height"] > frame["y"] + frame["height"]]
    return outside + [
        (one["text"], other["text"]) for i, one in enumerate(labels) for other in labels[i + 1 :]
        if one["x"] < other["x"] + other["width"] and other["x"] < one["x"] + one["width"]
        and one["y"] < other["y"] + other["height"] and other["y"] < one["y"] + one["height"]]


def test_the_page_shows_a_still_picture_at_once(chromium: Any, corpus_page: Path) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(corpus_page.as_uri())  # returns on the load event
    # Drawn by then, not after seconds of physics: a screenshot now is not blank.
    assert page.evaluate("window.docgraphReady") is True
    box = page.locator("#graph canvas").bounding_box()
    assert page.evaluate(INK, [box["x"], box["y"], box["width"], box["height"]]) > 5000
    assert len(_labels(page)) >= 10
    # And nothing moves afterwards.
    before = page.evaluate("window.docgraphView.network.getPositions()")
    page.wait_for_timeout(500)
    assert page.evaluate("window.docgraphView.network.getPositions()") == before
    page.close()


@pytest.mark.parametrize("name", ["Josephine Teo", "Singapore",
                                  "Ministry of Digital Development and Information"])
def test_labels_never_overlap_when_opened_or_after_a_search(chromium: Any, corpus_page: Path,
                                                            name: str) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(corpus_page.as_uri())
    assert _clashes(page) == []
    page.fill("#search", name)
    page.press("#search", "Enter")
    assert _clashes(page) == []
    labels = _labels(page)
    # The entity found is in view, highlighted and named at a readable size...
    found = page.evaluate("label => window.docgraphView.find(label)", name)
    frame = page.locator("#graph canvas").bounding_box()
    assert frame["x"] < found["x"] < frame["x"] + frame["width"]
    assert frame["y"] < found["y"] < frame["y"] + frame["height"]
    [label] = [label for label in labels if label["kind"] == "selected"]
    assert label["text"] == name
    assert 12 <= label["size"] <= 24
    assert 12 <= label["height"] <= 32
    assert page.evaluate(INK, [label["x"], label["y"], label["width"], label["height"]]) > 30
    # ...and so are most of its neighbours, at the size of every other name.
    around = set(page.evaluate("id => window.docgraphView.network.getConnectedNodes(id)",
                               found["id"]))
    named = {label["id"] for label in labels if label["kind"] == "node"}
    assert len(named & around) >= min(len(around), 4)
    assert {label["size"] for label in labels if label["kind"] == "node"} == {13}
    assert errors == []
    page.close()


def test_a_statement_from_a_pdf_links_to_its_page(chromium: Any, nlp: Language,
                                                 tmp_path: Path) -> None:
    (result,) = extract([ROOT / "tests" / "data" / "pdf" / "sla-board-2024.pdf"], nlp)
    path = tmp_path / "graph.html"
    KnowledgeGraph(extraction_dataset(result)).show().save(path)
    name = result.relations[0].subject.name
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(path.as_uri())
    page.wait_for_function("window.docgraphReady === true", timeout=30_000)
    page.fill("#search", name)
    page.locator("#entities li").first.click()
    details = page.locator("#details")
    details.locator("#statements li").first.click()
    link = details.locator("a.page").first
    assert re.fullmatch(r"page \d+", link.inner_text())
    assert re.search(r"#page=\d+&viewrect=[\d.]+,[\d.]+,[\d.]+,[\d.]+$",
                     link.get_attribute("href") or "")
