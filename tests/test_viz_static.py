"""Static pictures: valid PNG and SVG files of non-trivial size, whose text never overlaps
other text or leaves the picture."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
import pytest
from matplotlib.text import Text
from spacy.language import Language

from docgraph.errors import ConfigurationError
from docgraph.kg import KnowledgeGraph
from docgraph.rdf import to_dataset
from docgraph.viz.interactive import chairs_table, script_json
from docgraph.viz.static import chairs_figure, neighbourhood_figure, save
from helpers import SEED, XSS_NAME, extract, hostile_dataset, tiny_extraction

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph(to_dataset(*tiny_extraction()))


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_neighbourhood_and_chairs_pictures_are_valid_files(kg: KnowledgeGraph,
                                                           tmp_path: Path, suffix: str) -> None:
    figures = {"neighbourhood": neighbourhood_figure(kg.neighbourhood("Singapore"),
                                                     kg.resolve("Singapore")),
               "chairs": chairs_figure(kg.chairs())}
    for name, figure in figures.items():
        path = save(figure, tmp_path / f"{name}{suffix}")
        data = path.read_bytes()
        if suffix == ".png":
            assert data.startswith(PNG)
            assert len(data) > 10_000, name
        else:
            root = ET.fromstring(data)
            assert root.tag.endswith("svg")
            assert len(data) > 3_000, name
            texts = [e.text for e in root.iter() if e.tag.endswith("text")]
            assert "Singapore" in texts, name


def test_an_empty_table_still_draws_a_picture(kg: KnowledgeGraph, tmp_path: Path) -> None:
    empty = kg.chairs().iloc[0:0]
    assert save(chairs_figure(empty), tmp_path / "empty.png").stat().st_size > 1000
    with pytest.raises(ConfigurationError, match=r"\.png or \.svg"):
        save(chairs_figure(empty), tmp_path / "x.gif")


def test_markup_in_names_is_text_in_every_picture(tmp_path: Path) -> None:
    hostile = KnowledgeGraph(hostile_dataset())
    path = save(neighbourhood_figure(hostile.to_networkx()), tmp_path / "n.svg")
    svg = path.read_text(encoding="utf-8")
    assert "<img" not in svg
    assert "&lt;img src=x" in svg  # the name is wrapped over two lines
    assert "onerror=alert(1)&gt;" in svg
    assert XSS_NAME not in hostile.show().html
    encoded = script_json({"name": XSS_NAME, "alias": "</script><!--"})
    assert "<" not in encoded
    assert ">" not in encoded


def test_the_chairs_table_is_escaped_and_says_when_empty(kg: KnowledgeGraph) -> None:
    table = chairs_table(kg.chairs())
    assert "<th>2024</th>" in table
    assert "chair: Singapore (Country)" in table
    assert "No chair" in chairs_table(kg.chairs().iloc[0:0])


def test_holders_of_one_day_share_one_label(kg: KnowledgeGraph) -> None:
    chairs = kg.chairs()
    second = chairs.iloc[0].copy()
    second["holder"], second["role"] = "Norway", "vice-chair"
    both = pd.concat([chairs.iloc[[0]], second.to_frame().T], ignore_index=True)
    figure = chairs_figure(both)
    labels = [t.get_text() for t in figure.axes[0].texts]
    assert labels == ["Singapore\nNorway (vice-chair)"]


def _drawn_texts(figure: Any) -> list[tuple[Text, Any]]:
    """Every text matplotlib draws in ``figure`` (titles, labels, legends, ticks), with its
    extent on the canvas: read while drawing, so that texts of an axis that is switched
    off or ticks outside the view do not count."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    drawn: dict[int, Text] = {}
    draw = Text.draw

    def recording(text: Text, renderer: Any) -> None:
        if text.get_visible() and text.get_text().strip():
            drawn[id(text)] = text
        draw(text, renderer)

    with mock.patch.object(Text, "draw", recording):
        canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    return [(t, t.get_window_extent(renderer)) for t in drawn.values()]


def _overlaps(figure: Any) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap, and texts cut off by the picture's edge,
    read from matplotlib's renderer."""
    boxes = [(t.get_text(), box.padded(-0.5)) for t, box in _drawn_texts(figure)]
    page = figure.bbox
    outside = [(text, "outside the picture") for text, box in boxes
               if box.x0 < page.x0 or box.x1 > page.x1 or box.y0 < page.y0 or box.y1 > page.y1]
    return outside + [(a, b) for i, (a, one) in enumerate(boxes) for b, other in boxes[i + 1 :]
                      if one.overlaps(other)]


@pytest.fixture(scope="module")
def seed_graph(nlp: Language) -> KnowledgeGraph:
    from docgraph.kg import from_extractions

    return from_extractions(extract([SEED], nlp))


def _focus_figure(kg: KnowledgeGraph, focus: str) -> Any:
    """What ``docgraph viz --focus FOCUS --depth 1 -o F.png`` draws."""
    return neighbourhood_figure(kg.subgraph(focus, 1), kg.resolve(focus),
                                title=kg.resolve_label(focus))


def _texts(figure: Any) -> list[str]:
    return [t.get_text() for t, _ in _drawn_texts(figure)]


def _struck_through(figure: Any, names: set[str]) -> list[str]:
    """The names (drawn in ``figure``) that an edge's line or arrow runs through."""
    from matplotlib.path import Path as MplPath
    from matplotlib.text import Annotation

    boxes = [(text.get_text(), box.padded(-0.5)) for text, box in _drawn_texts(figure)
             if " ".join(text.get_text().split()) in names]
    arrows = [a.arrow_patch for a in figure.findobj(Annotation) if a.arrow_patch]
    # Each arrow as its stroke and its head, in pixels.
    lines = [MplPath(polygon) for arrow in arrows for polygon in
             arrow.get_transform().transform_path(arrow.get_path()).to_polygons(
                 closed_only=False)]
    return [name for name, box in boxes if any(line.intersects_bbox(box, filled=False)
                                               for line in lines)]


@pytest.mark.model
def test_the_seeds_neighbourhood_names_everything_without_overlap(
        seed_graph: KnowledgeGraph) -> None:
    figure = _focus_figure(seed_graph, "Josephine Teo")
    assert _overlaps(figure) == []
    graph = seed_graph.subgraph("Josephine Teo", 1)
    # Few enough entities that no edge need run through a name...
    names = {graph.nodes[node]["label"] for node in graph.nodes}
    assert _struck_through(figure, names) == []
    # ...and every name and every relation has room.
    drawn = " ".join(_texts(figure)).replace("\n", " ")
    for node in graph.nodes:
        assert graph.nodes[node]["label"] in drawn
    for _, _, data in graph.edges(data=True):
        assert data["relation"] in drawn


@pytest.mark.model
@pytest.mark.parametrize("focus", ["Josephine Teo", "Singapore",
                                   "Ministry of Digital Development and Information"])
def test_a_busy_neighbourhood_has_no_overlapping_text(corpus_graph: KnowledgeGraph,
                                                      focus: str) -> None:
    figure = _focus_figure(corpus_graph, focus)
    assert _overlaps(figure) == []
    texts = [" ".join(text.split()) for text in _texts(figure)]
    assert texts.count(focus) == 2  # in the title, and next to it in the middle


def _timeline(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """A chairs table of (meeting, role, holder, ISO date) rows."""
    return pd.DataFrame([{"meeting": meeting, "series": None, "role": role, "holder": holder,
                          "handed_over_by": None, "start": dt.date.fromisoformat(day)}
                         for meeting, role, holder, day in rows])


CROWDED = {
    "a handover a few months after the first chair": _timeline(
        ("Board of the Agency", "chair", "Ng Chee Khern", "2018-04-09"),
        ("Board of the Agency", "chair", "Joseph Leong Wee Kiat", "2018-09-30"),
        ("Council", "chair", "S Iswaran", "2025-01-01")),
    "many co-chairs next to a busy row": _timeline(
        *[("Dialogue", "chair", name, "2024-07-31") for name in
          ("Antony Blinken", "Jake Sullivan", "Josephine Teo", "Vivian Balakrishnan",
           "Gina Raimondo", "Gan Kim Yong", "Tan See Leng", "Janil Puthucheary",
           "Alvin Tan")],
        ("Working Group", "chair", "Sharon Ong", "2024-08-02"),
        ("Working Group", "vice-chair", "Prasert Janthararuangthong", "2024-08-02"),
        ("Board", "chair", "Yeoh Oon Jin", "2020-01-01")),
    "a long name just before the middle": _timeline(
        ("Ministerial Meeting", "chair",
         "Minister for Digital Development and Information of the Republic", "2019-12-20"),
        ("Ministerial Meeting", "chair", "S Iswaran", "2019-01-01"),
        ("Ministerial Meeting", "chair", "Josephine Teo", "2021-01-01")),
}


@pytest.mark.parametrize("name", list(CROWDED))
def test_a_crowded_timeline_has_no_overlapping_text(name: str) -> None:
    table = CROWDED[name]
    figure = chairs_figure(table)
    assert _overlaps(figure) == []
    drawn = " ".join(_texts(figure))
    assert all(holder.split()[0] in drawn for holder in table["holder"])


@pytest.mark.model
def test_the_seeds_timeline_has_no_overlapping_text(seed_graph: KnowledgeGraph) -> None:
    chairs = seed_graph.chairs()
    assert len(chairs) == 5  # two handovers on one day, and the chair one of them hands on
    assert _overlaps(chairs_figure(chairs)) == []


@pytest.mark.model
def test_the_corpus_timeline_has_no_overlapping_text(corpus_graph: KnowledgeGraph) -> None:
    chairs = corpus_graph.chairs()
    assert len(chairs) >= 10
    assert _overlaps(chairs_figure(chairs)) == []
