"""The interactive picture: one HTML file that works offline.

The contract: :func:`page` turns a graph (from :func:`docgraph.rdf.to_networkx`) into a
complete HTML page with vis-network's JavaScript inlined (no CDN), nodes coloured and
shaped by type with a legend, edges labelled by relation, a search box, filters by type
and relation, a panel showing an entity's or a relation's sentences with the names
highlighted, and the who-chaired-what table. The layout is computed here
(:func:`positions`), so the page shows a still picture as soon as it loads; its script
names entities and relations only where a label meets no other. The data travels as JSON inside a
``<script type="application/json">`` block, escaped so that no text in it can close the
block, and the page's script writes it with ``textContent`` only: a name such as
``<img src=x onerror=alert(1)>`` is shown, never run.
"""

from __future__ import annotations

import functools
import html
import json
import re
import warnings
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgraph._version import __version__
from docgraph.errors import ConfigurationError, DocgraphWarning
from docgraph.query import records
from docgraph.viz import meeting_label, styles
from docgraph.vocab import coarse_type

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd


LARGE = 1500
"""Above this many entities a whole-graph page is slow to lay out and draw: docgraph warns."""
SHOWN = 150
"""At most this many entities drawn at first, the most connected; the reader asks for more."""
SPACING = 70.0
"""About how far apart (in vis-network's units) neighbouring entities are drawn."""


class Picture:
    """An HTML page that Jupyter shows inline (in a sandboxed iframe) and can be saved."""

    def __init__(self, text: str) -> None:
        self.html = text

    def __repr__(self) -> str:
        return f"<Picture: {len(self.html) // 1024} KB of HTML; .save(path) to keep it>"

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path``."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.html, encoding="utf-8")
        return target

    def _repr_html_(self) -> str:
        # An iframe keeps the page's script and styles apart from the notebook's.
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                'style="width:100%;height:720px;border:1px solid #ddd" '
                'sandbox="allow-scripts"></iframe>')


def page(graph: nx.MultiDiGraph[str], documents: Mapping[str, Mapping[str, str]],
         chairs: pd.DataFrame | None = None, *, title: str = "docgraph") -> str:
    """The complete HTML page for ``graph``.

    Args:
        graph: Entities and assertions, as :func:`docgraph.rdf.to_networkx` builds them.
        documents: Document IRI -> its ``path`` and ``title``, to name sources.
        chairs: The table of :meth:`docgraph.kg.KnowledgeGraph.chairs`, if any.
        title: The page's title.
    """
    def path_of(iri: str | None) -> str | None:
        return documents.get(iri, {}).get("path", iri) if iri else None

    order = ranked(graph)
    rank = {iri: index for index, iri in enumerate(order)}
    where = positions(graph, order[:SHOWN], order)
    nodes = []
    for iri in sorted(graph.nodes):
        data = graph.nodes[iri]
        x, y = where[iri]
        nodes.append({"id": iri, "label": data["label"], "type": data["type"],
                      "group": coarse_type(data["type"]), "aliases": list(data["aliases"]),
                      "documents": sorted({str(path_of(d)) for d in data["documents"]}),
                      "rank": rank.get(iri), "x": x, "y": y})
    edges = []
    for subject, obj, key, data in sorted(graph.edges(keys=True, data=True)):
        edge = {name: data[name] for name in ("relation", "sentence", "rule", "confidence",
                                             "start", "end", "subject_span", "object_span",
                                             "pages", "paragraphs")
                if data.get(name) is not None}
        edges.append({"id": f"{subject} {obj} {key}", "from": subject, "to": obj,
                      "document": path_of(data.get("document")), **edge})
    if len(nodes) > LARGE:
        warnings.warn(f"the picture has {len(nodes)} entities and will be slow to lay out "
                      "and show; draw a part with --focus/--depth or --types",
                      DocgraphWarning, stacklevel=2)
    payload = {"nodes": nodes, "edges": edges, "limit": SHOWN,
               "styles": {name: {"color": s["color"], "shape": s["shape"],
                                 "font": s.get("font", "#1d2329")}
                          for name, s in styles()["types"].items()}}
    summary = (f"{len(nodes)} entities, {len(edges)} statements from {len(documents)} "
               f"document{'s' if len(documents) != 1 else ''}.")
    template = _asset("page.html")
    has_chairs = chairs is not None and len(chairs) > 0
    section = ('<section id="chairs">\n  <h2>Who chaired what</h2>\n  '
               f"{chairs_table(chairs)}\n</section>")
    replacements = {
        "@@VERSION@@": html.escape(__version__),
        "@@TITLE@@": html.escape(title),
        "@@SUMMARY@@": html.escape(summary),
        # Over several documents, who chaired what is what a reader came for: first.
        "@@CHAIRS_FIRST@@": section if len(documents) > 1 and has_chairs else "",
        "@@CHAIRS_LAST@@": "" if len(documents) > 1 and has_chairs else section,
        "@@DATA@@": script_json(payload),
        "@@VIS@@": vis_network_js(),
        "@@APP@@": _asset("app.js"),
    }
    # One pass, so that nothing inserted is itself searched for placeholders.
    return re.sub(r"@@[A-Z_]+@@", lambda match: replacements[match.group(0)], template)


def ranked(graph: nx.MultiDiGraph[str]) -> list[str]:
    """The entities that take part in a statement, the most connected first.

    The page draws the first :data:`SHOWN` of them at first, and names them in this order
    when there is no room for every name.
    """
    degree = dict.fromkeys(graph.nodes, 0)
    for subject, obj in graph.edges():
        degree[subject] += 1
        degree[obj] += 1
    return sorted((iri for iri, count in degree.items() if count),
                  key=lambda iri: (-degree[iri], str(graph.nodes[iri]["label"]).casefold(), iri))


def positions(graph: nx.MultiDiGraph[str], core: list[str], connected: list[str]
              ) -> dict[str, tuple[float, float]]:
    """Where the page draws each entity: computed here, so that it shows a still picture at once.

    The ``core`` (the entities drawn at first) is laid out part by part (its connected
    components), the largest on top and the others in rows under it. The rest of the
    ``connected`` entities joined to the core go around it, with the core held still (so
    that drawing more moves nothing); parts not joined to it, then entities with no
    statement, go in rows below. In vis-network's units, rounded: the same graph always
    gives the same page.
    """
    import networkx as nx

    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(sorted(connected))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges()
                                 if u != v and u in simple and v in simple))
    placed: dict[str, tuple[float, float]] = {}
    shelf = _Shelf()
    for part in _parts(_within(simple, core)):
        placed.update(shelf.put(_spring(_within(simple, part))))
    inner = set(core)
    joined = [part for part in _parts(simple) if inner.intersection(part)]
    if any(len(part) > len(inner.intersection(part)) for part in joined):
        around = _within(simple, [n for part in joined for n in part])
        layout = nx.spring_layout(around, seed=7, pos=placed, fixed=sorted(placed),
                                  k=SPACING)
        placed.update({n: (float(x), float(y)) for n, (x, y) in layout.items()})
    xs = [x for x, _ in placed.values()] or [0.0]
    ys = [y for _, y in placed.values()] or [0.0]
    shelf = _Shelf(width=max(xs) - min(xs), left=min(xs), below=max(ys) + 2 * SPACING)
    for part in _parts(simple):
        if not inner.intersection(part):
            placed.update(shelf.put(_spring(_within(simple, part))))
    ys = [y for _, y in placed.values()] or [0.0]
    alone = sorted(set(graph.nodes) - set(placed))
    # Rows about as wide as the picture, or a square if that is wider.
    shelf = _Shelf(gap=3 * SPACING, left=min(xs), below=max(ys) + 2 * SPACING,
                   width=max(max(xs) - min(xs), 3 * SPACING * len(alone) ** 0.5))
    for entity in alone:
        placed.update(shelf.put({entity: (0.0, 0.0)}))
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in placed.items()}


def _within(graph: nx.Graph[str], nodes: Iterable[str]) -> nx.Graph[str]:
    """The subgraph of ``nodes``, in sorted order.

    A subgraph view would follow the order of a set, which changes with Python's hash
    seed, and so would the layout.
    """
    import networkx as nx

    keep = set(nodes)
    sub: nx.Graph[str] = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    sub.add_edges_from(sorted((u, v) for u, v in graph.edges() if u in keep and v in keep))
    return sub


def _parts(graph: nx.Graph[str]) -> list[list[str]]:
    """The connected components, the largest first, each sorted."""
    import networkx as nx

    return sorted((sorted(part) for part in nx.connected_components(graph)),
                  key=lambda part: (-len(part), part))


def _spring(part: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    """One connected part laid out, taking room in proportion to its size."""
    import networkx as nx

    if len(part) == 1:
        return dict.fromkeys(part, (0.0, 0.0))
    spread = SPACING * len(part) ** 0.5
    return {n: (float(x) * spread, float(y) * spread)
            for n, (x, y) in nx.spring_layout(part, seed=7).items()}


class _Shelf:
    """Parts of a picture set in rows, left to right, each row under the one before.

    The first part sets the rows' width unless ``width`` does; ``gap`` is kept around
    each part.
    """

    def __init__(self, *, gap: float = SPACING, width: float | None = None,
                 left: float = 0.0, below: float = 0.0) -> None:
        self.gap = gap
        self.width = width
        self.left = self.x = left
        self.y = below
        self.row = 0.0

    def put(self, part: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        xs = [x for x, _ in part.values()]
        ys = [y for _, y in part.values()]
        wide, tall = max(xs) - min(xs) + self.gap, max(ys) - min(ys) + self.gap
        if self.width is None:
            self.width = max(wide, 12 * SPACING)
        elif self.x + wide > self.left + self.width and self.x > self.left:
            self.x, self.y, self.row = self.left, self.y + self.row, 0.0
        shift_x, shift_y = self.x - min(xs), self.y - min(ys)
        self.x += wide
        self.row = max(self.row, tall)
        return {n: (x + shift_x, y + shift_y) for n, (x, y) in part.items()}


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    No ``<``, ``>`` or ``&`` can close the element or start a comment, and line
    separators cannot end a string.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def chairs_table(chairs: pd.DataFrame | None) -> str:
    """Who chaired what as an HTML matrix: meetings down, years across (escaped)."""
    if chairs is None or chairs.empty:
        return "<p>No chair, vice-chair or handover is stated in these documents.</p>"
    table = records(chairs)
    years = sorted({str(row["start"].year) for row in table if row["start"] is not None})
    rows: dict[str, dict[str, list[str]]] = {}
    for row in table:
        meeting = meeting_label(row)
        year = str(row["start"].year) if row["start"] is not None else "undated"
        role = str(row["role"])
        holder = f"{row['holder']} ({row['holder_type']})"
        if row["handed_over_by"]:
            holder += f", from {row['handed_over_by']}"
        cell = (f'<div class="role-{html.escape(role.replace(" ", "-"))}" '
                f'title="{html.escape(str(row["sentence"]), quote=True)}">'
                f"{html.escape(role)}: {html.escape(holder)}</div>")
        cells = rows.setdefault(meeting, {}).setdefault(year, [])
        if cell not in cells:  # several sentences may say the same
            cells.append(cell)
    if any("undated" in cells for cells in rows.values()):
        years.append("undated")
    head = "".join(f"<th>{html.escape(y)}</th>" for y in years)
    body = "".join(
        f"<tr><th>{html.escape(meeting)}</th>"
        + "".join(f"<td>{''.join(cells.get(y, []))}</td>" for y in years) + "</tr>"
        for meeting, cells in rows.items())
    return (f'<table class="chairs"><thead><tr><th>meeting</th>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


@functools.cache
def vis_network_js() -> str:
    """vis-network's JavaScript, from the copy the pyvis package ships.

    Raises:
        ConfigurationError: If pyvis (a dependency of docgraph) is not installed.
    """
    try:
        library = resources.files("pyvis").joinpath("lib")
        versions = sorted((p for p in library.iterdir() if p.name.startswith("vis-")),
                          key=lambda p: tuple(int(x) for x in p.name[4:].split(".")))
        text = versions[-1].joinpath("vis-network.min.js").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, IndexError, ValueError) as exc:
        raise ConfigurationError("the interactive picture needs vis-network, which comes "
                                 "with the pyvis package: pip install pyvis") from exc
    # Inline, the library must not end its own <script> element.
    return text.replace("</script", "<\\/script")


def _asset(name: str) -> str:
    return resources.files("docgraph.viz").joinpath(name).read_text("utf-8")
