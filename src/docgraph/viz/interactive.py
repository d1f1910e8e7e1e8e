"""The interactive picture: one HTML file that works offline.

The contract: :func:`page` turns a graph (from :func:`docgraph.rdf.to_networkx`) into a
complete HTML page with vis-network's JavaScript inlined (no CDN), nodes coloured and
shaped by type with a legend, edges labelled by relation, a search box, filters by type
and relation, a panel showing an entity's or a relation's sentences with the names
highlighted, and the who-chaired-what table. The data travels as JSON inside a
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
from collections.abc import Mapping
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
"""Above this many entities a whole-graph page is slow in a browser: docgraph warns."""
SHOWN = 150
"""At most this many entities drawn at first, the most connected; the reader asks for more."""


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

    nodes = []
    for iri in sorted(graph.nodes):
        data = graph.nodes[iri]
        nodes.append({"id": iri, "label": data["label"], "type": data["type"],
                      "group": coarse_type(data["type"]), "aliases": list(data["aliases"]),
                      "documents": sorted({str(path_of(d)) for d in data["documents"]})})
    edges = []
    for subject, obj, key, data in sorted(graph.edges(keys=True, data=True)):
        edge = {name: data[name] for name in ("relation", "sentence", "rule", "confidence",
                                             "start", "end", "subject_span", "object_span")
                if data.get(name) is not None}
        edges.append({"id": f"{subject} {obj} {key}", "from": subject, "to": obj,
                      "document": path_of(data.get("document")), **edge})
    if len(nodes) > LARGE:
        warnings.warn(f"the picture has {len(nodes)} entities and will be slow to lay out "
                      "in a browser; draw a part with --focus/--depth or --types",
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
