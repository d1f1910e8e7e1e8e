"""Static pictures for reports, slides and papers: PNG or SVG, drawn with matplotlib.

The contract: :func:`neighbourhood_figure` draws the entities around one (coloured and
shaped by type, with a legend, edges labelled by relation); :func:`chairs_figure`
draws who chaired what over time (meetings down, dates across, chairs, vice-chairs and
handovers marked and named); :func:`save` writes either as PNG or SVG. Figures use
matplotlib's object API, never pyplot, so nothing global changes.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgraph.errors import ConfigurationError
from docgraph.query import records
from docgraph.viz import meeting_label, styles
from docgraph.vocab import coarse_type

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg")


def neighbourhood_figure(graph: nx.MultiDiGraph[str], focus: str | None = None, *,
                         title: str | None = None) -> Figure:
    """Draw ``graph`` (a neighbourhood), the ``focus`` entity in the middle."""
    import networkx as nx
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    size = max(6.0, min(16.0, 3.0 + graph.number_of_nodes() ** 0.5 * 1.6))
    # A fixed frame: labels and arrows live in data space, which a layout engine
    # would try (and fail) to fit around.
    figure = Figure(figsize=(size, size * 0.75))
    axes = figure.add_axes((0.02, 0.02, 0.96, 0.9))
    axes.set_axis_off()
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, "No entities to draw.", ha="center", va="center")
        return figure
    # Nodes and edges in sorted order: the layout depends on it, and the same graph must
    # always give the same picture.
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges()))
    fixed: dict[str, tuple[float, float]] | None = \
        {focus: (0.0, 0.0)} if focus is not None and focus in graph else None
    positions = nx.spring_layout(simple, seed=7, pos=fixed,
                                 fixed=list(fixed) if fixed else None,
                                 k=1.8 / max(1, graph.number_of_nodes()) ** 0.5)
    kinds = styles()["types"]
    for (subject, obj), relations in sorted(_edge_labels(graph).items()):
        (x1, y1), (x2, y2) = positions[subject], positions[obj]
        axes.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                      arrowprops={"arrowstyle": "-|>", "color": "#9aa3ad", "lw": 1,
                                  "shrinkA": 12, "shrinkB": 12})
        axes.text((x1 + x2) / 2, (y1 + y2) / 2, "\n".join(sorted(relations)), fontsize=7,
                  color="#444444", ha="center", va="center", zorder=2,
                  bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                        "alpha": 0.8})
    shown = set()
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        kind = coarse_type(data["type"])
        shown.add(kind)
        style = kinds.get(kind, {"color": "#999999", "marker": "o"})
        x, y = positions[node]
        axes.scatter([x], [y], s=420 if node == focus else 220, c=style["color"],
                     marker=style["marker"], edgecolors="#333333", linewidths=1.5
                     if node == focus else 0.8, zorder=3)
        axes.text(x, y - 0.07, textwrap.fill(data["label"], 24), fontsize=8.5,
                  ha="center", va="top", zorder=4,
                  fontweight="bold" if node == focus else "normal")
    handles = [Line2D([], [], marker=kinds[k]["marker"], color="none",
                      markerfacecolor=kinds[k]["color"], markeredgecolor="#333333",
                      markersize=9, label=k) for k in kinds if k in shown]
    axes.legend(handles=handles, loc="upper left", frameon=False, fontsize=8)
    axes.margins(0.12)
    if title:
        axes.set_title(title, fontsize=12)
    return figure


def chairs_figure(chairs: pd.DataFrame, *, title: str = "Who chaired what") -> Figure:
    """Who chaired what over time.

    One row per meeting, a mark per chair, vice-chair or handover at its date, labelled
    with the holder.
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    dated = [row for row in records(chairs) if row["start"] is not None]
    meetings = list(dict.fromkeys(meeting_label(row) for row in dated))
    figure = Figure(figsize=(11, 2.8 + 0.6 * max(1, len(meetings))), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=12)
    if not dated:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No dated chair, vice-chair or handover in these documents.",
                  ha="center", va="center")
        return figure
    roles = styles()["roles"]
    rows = {name: index for index, name in enumerate(reversed(meetings))}
    seen = set()
    first = min(row["start"] for row in dated)
    last = max(row["start"] for row in dated)
    # Holders marked on one row close together in time (co-chairs; a chair and a
    # vice-chair; handovers a day apart) share one label, a line each, at the first
    # mark, instead of printing over one another.
    near = max(dt.timedelta(days=1), (last - first) * 0.04)
    labels: dict[int, list[tuple[Any, list[str]]]] = {}
    for row in sorted(dated, key=lambda r: (r["start"], str(r["role"]))):
        kind = str(row["role"]).replace(" ", "-")
        role = roles.get(kind, roles["chair"])
        seen.add(kind)
        y = rows[meeting_label(row)]
        # A vice-chair's mark sits just below the chair's of the same day, not on it.
        axes.scatter([row["start"]], [y - 0.15 if kind == "vice-chair" else y],
                     marker=role["marker"], s=120, c=role["color"], edgecolors="#333333",
                     zorder=3)
        who = str(row["holder"])
        if row["handed_over_by"]:
            who = f"{who} (takes over from {row['handed_over_by']})"
        elif kind != "chair":
            who = f"{who} ({role['label']})"
        clusters = labels.setdefault(y, [])
        if not clusters or row["start"] - clusters[-1][0] > near:
            clusters.append((row["start"], []))
        if textwrap.shorten(who, 56) not in clusters[-1][1]:
            clusters[-1][1].append(textwrap.shorten(who, 56))
    middle = first + (last - first) / 2
    for y, clusters in labels.items():
        for start, lines in clusters:
            # Labels of the later marks go to their left, so that none runs off the page.
            left = last > first and start > middle
            axes.annotate("\n".join(lines), (start, y), xytext=(-8 if left else 8, 6),
                          va="top", ha="right" if left else "left",
                          textcoords="offset points", fontsize=8.5)
    room = max(dt.timedelta(days=60), (last - first) * 0.08)
    axes.set_xlim(first - room, last + room)
    axes.set_yticks(list(rows.values()), [textwrap.shorten(m, 60) for m in rows])
    axes.set_ylim(-0.8, len(rows) - 0.2)
    # Few enough ticks that their dates never run into one another.
    axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))  # type: ignore[no-untyped-call]
    axes.grid(axis="x", color="#e3e6ea")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    handles = [Line2D([], [], marker=roles[k]["marker"], color="none",
                      markerfacecolor=roles[k]["color"], markeredgecolor="#333333",
                      markersize=9, label=roles[k]["label"]) for k in roles if k in seen]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                frameon=False, fontsize=8)
    return figure


def save(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` as PNG or SVG, by the extension of ``path``.

    Raises:
        ConfigurationError: For any other extension.
    """
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise ConfigurationError(f"{target}: a static picture is .png or .svg")
    import matplotlib as mpl

    target.parent.mkdir(parents=True, exist_ok=True)
    svg = target.suffix.lower() == ".svg"
    # SVG keeps its words as text (searchable, selectable, escaped), not as outlines; no
    # date and fixed element ids, so the same graph always gives the same file.
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "docgraph"}):
        figure.savefig(target, dpi=150, metadata={"Creator": "docgraph", "Date": None}
                       if svg else {"Software": "docgraph"})
    return target


def _edge_labels(graph: nx.MultiDiGraph[str]) -> dict[tuple[str, str], set[str]]:
    labels: dict[tuple[str, str], set[str]] = {}
    for subject, obj, data in graph.edges(data=True):
        labels.setdefault((subject, obj), set()).add(str(data["relation"]))
    return labels
