"""Static pictures for reports, slides and papers: PNG or SVG, drawn with matplotlib.

The contract: :func:`neighbourhood_figure` draws the entities around one (coloured and
shaped by type, with a legend, edges labelled by relation); :func:`chairs_figure`
draws who chaired what over time (meetings down, dates across, chairs, vice-chairs and
handovers marked and named); :func:`save` writes either as PNG or SVG. Figures use
matplotlib's object API, never pyplot, so nothing global changes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from docgraph.errors import ConfigurationError
from docgraph.query import records
from docgraph.viz import meeting_label, styles
from docgraph.vocab import coarse_type

if TYPE_CHECKING:
    from collections.abc import Callable

    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox

FORMATS = (".png", ".svg")

# Sizes in points: names, relations and the note under the picture; the room kept clear
# around every text; the area of the focus's and other entities' markers (points²).
NAME, RELATION, NOTE = 8.5, 7.0, 7.0
PAD = 2.0
FOCUS, ENTITY = 420.0, 220.0
# The timeline: holders' labels, their marks (points²), how far a vice-chair's mark sits
# under the chair's, a label's distance beside its mark and its top above the row's
# line, and the least height of a row.
HOLDER, MARK, VICE, GAP, LIFT, ROW = 8.5, 120.0, 11.0, 8.0, 6.0, 43.0
# Behind a label, so that an edge passing under it does not strike it through.
_BACKGROUND = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}


def neighbourhood_figure(graph: nx.MultiDiGraph[str], focus: str | None = None, *,
                         title: str | None = None) -> Figure:
    """Draw ``graph`` (a neighbourhood), the ``focus`` entity in the middle.

    Every name and relation is placed where it touches no other text and no entity and
    stays inside the picture: the focus first, then the most connected entities, then the
    relations. What finds no room is left unlabelled, and a note at the bottom says so.
    """
    import networkx as nx
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    size = max(6.0, min(16.0, 3.0 + graph.number_of_nodes() ** 0.5 * 1.6))
    figure = Figure(figsize=(size, size * 0.75))
    # Text is measured as it will be drawn; the canvas also draws the PNG.
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    if graph.number_of_nodes() == 0:
        axes = figure.add_axes((0.02, 0.02, 0.96, 0.9))
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No entities to draw.", ha="center", va="center")
        return figure
    kinds = styles()["types"]
    shown = {coarse_type(graph.nodes[node]["type"]) for node in graph.nodes}
    handles = [Line2D([], [], marker=kinds[k]["marker"], color="none",
                      markerfacecolor=kinds[k]["color"], markeredgecolor="#333333",
                      markersize=9, label=k) for k in kinds if k in shown]
    # The title above, the legend and a note below, the graph in between: a fixed frame,
    # as labels and arrows live in data space, which a layout engine would try (and fail)
    # to fit around.
    top = _title(figure, renderer, title) if title else figure.bbox.height * 0.03
    bottom = _legend(figure, renderer, handles)
    height = figure.bbox.height
    axes = figure.add_axes((0.01, bottom / height, 0.98, 1 - (bottom + top) / height))
    axes.set_axis_off()
    # Nodes and edges in sorted order: the layout depends on it, and the same graph must
    # always give the same picture.
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges()))
    fixed: dict[str, tuple[float, float]] | None = \
        {focus: (0.0, 0.0)} if focus is not None and focus in graph else None
    layout = nx.spring_layout(simple, seed=7, pos=fixed, fixed=list(fixed) if fixed else None,
                              k=1.8 / max(1, graph.number_of_nodes()) ** 0.5)
    positions = {node: (float(x), float(y)) for node, (x, y) in layout.items()}
    names = {node: textwrap.fill(graph.nodes[node]["label"], 24) for node in graph.nodes}
    extents = [_extent(figure, renderer, name, fontsize=NAME) for name in names.values()]
    gap = _pixels(figure, _radius(FOCUS) + PAD)
    _fit(axes, positions, sideways=max(e.width for e in extents) / 2 + gap,
         down=max(e.height for e in extents) + 2 * gap, up=gap)

    room = _Room(axes.bbox, _pixels(figure, PAD))
    for subject, obj in sorted(_edge_labels(graph)):
        axes.annotate("", xy=positions[obj], xytext=positions[subject], zorder=1,
                      arrowprops={"arrowstyle": "-|>", "color": "#9aa3ad", "lw": 1,
                                  "shrinkA": 12, "shrinkB": 12})
        room.lines.append((*axes.transData.transform(positions[subject]),
                           *axes.transData.transform(positions[obj])))
    for node in sorted(graph.nodes):
        style = kinds.get(coarse_type(graph.nodes[node]["type"]),
                          {"color": "#999999", "marker": "o"})
        area = FOCUS if node == focus else ENTITY
        x, y = positions[node]
        axes.scatter([x], [y], s=area, c=style["color"], marker=style["marker"],
                     edgecolors="#333333", linewidths=1.5 if node == focus else 0.8,
                     zorder=3)
        room.take(_marker(axes, positions[node], _pixels(figure, _radius(area))))
    # The focus, then the most connected: they keep their names when not all fit.
    order = sorted(graph.nodes, key=lambda n: (n != focus, -simple.degree(n),
                                               graph.nodes[n]["label"], n))
    unnamed = sum(not _name(axes, room, renderer, positions[node], node == focus,
                            (names[node], _short(graph.nodes[node]["label"])))
                  for node in order)
    # Relations of the focus first; one label for the relations between two entities.
    pairs = sorted(_pair_labels(graph).items(), key=lambda item: (focus not in item[0], item))
    untold = sum(not _relation(axes, room, renderer, positions[a], positions[b], text)
                 for (a, b), text in pairs)
    if unnamed or untold:
        what = " and ".join(f"{count} {kind}" for count, kind in
                            ((unnamed, "names"), (untold, "relations")) if count)
        figure.text(0.01, _pixels(figure, PAD) / height,
                    f"Left unlabelled for want of room: {what}. The interactive page "
                    "(.html) names them all.", fontsize=NOTE, color="#5b6470",
                    ha="left", va="bottom")
    return figure


def chairs_figure(chairs: pd.DataFrame, *, title: str = "Who chaired what") -> Figure:
    """Who chaired what over time.

    One row per meeting, a mark per chair, vice-chair or handover at its date, labelled
    with the holder. A label goes beside its mark, on the side where it stays inside the
    picture; labels that would meet go one under the other, and each row is as tall as
    its labels need.
    """
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    dated = [row for row in records(chairs) if row["start"] is not None]
    meetings = list(dict.fromkeys(meeting_label(row) for row in dated))
    figure = Figure(figsize=(11, 2.8 + 0.6 * max(1, len(meetings))), layout="constrained")
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=12)
    if not dated:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No dated chair, vice-chair or handover in these documents.",
                  ha="center", va="center")
        return figure
    roles = styles()["roles"]
    first = min(row["start"] for row in dated)
    last = max(row["start"] for row in dated)
    # Holders marked on one row close together in time (co-chairs; a chair and a
    # vice-chair; handovers a day apart) share one label, a line each, at the first mark.
    near = max(dt.timedelta(days=1), (last - first) * 0.04)
    marks: dict[str, list[tuple[Any, str]]] = {meeting: [] for meeting in meetings}
    labels: dict[str, list[tuple[Any, list[str]]]] = {meeting: [] for meeting in meetings}
    for row in sorted(dated, key=lambda r: (r["start"], str(r["role"]))):
        kind = str(row["role"]).replace(" ", "-")
        kind = kind if kind in roles else "chair"
        meeting = meeting_label(row)
        marks[meeting].append((row["start"], kind))
        who = str(row["holder"])
        if row["handed_over_by"]:
            who = f"{who} (takes over from {row['handed_over_by']})"
        elif kind != "chair":
            who = f"{who} ({roles[kind]['label']})"
        clusters = labels[meeting]
        if not clusters or row["start"] - clusters[-1][0] > near:
            clusters.append((row["start"], []))
        if textwrap.shorten(who, 56) not in clusters[-1][1]:
            clusters[-1][1].append(textwrap.shorten(who, 56))
    margin = max(dt.timedelta(days=60), (last - first) * 0.08)
    axes.set_xlim(first - margin, last + margin)
    # Few enough ticks that their dates never run into one another.
    axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))  # type: ignore[no-untyped-call]
    axes.grid(axis="x", color="#e3e6ea")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    seen = {kind for row in marks.values() for _, kind in row}
    handles = [Line2D([], [], marker=roles[k]["marker"], color="none",
                      markerfacecolor=roles[k]["color"], markeredgecolor="#333333",
                      markersize=9, label=roles[k]["label"]) for k in roles if k in seen]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                frameon=False, fontsize=8)
    # The meetings' names (the first at the top) take room on the left, the legend on
    # the right: lay the figure out once with them to know where each date is.
    names = [textwrap.shorten(m, 60) for m in reversed(meetings)]
    axes.set_yticks(range(len(names)), names)
    figure.draw_without_rendering()
    points = 72 / figure.dpi

    def across(day: Any) -> float:
        x = axes.transData.transform((mdates.date2num(day), 0))[0]  # type: ignore[no-untyped-call]
        return float(x - axes.bbox.x0) * points

    def size(text: str) -> tuple[float, float]:
        extent = _extent(figure, renderer, text, fontsize=HOLDER)
        return extent.width * points, extent.height * points

    rows = []
    for meeting in reversed(meetings):
        laid = _Row([(across(day), kind) for day, kind in marks[meeting]],
                    axes.bbox.width * points)
        for day, lines in labels[meeting]:
            laid.place(across(day), lines, size)
        rows.append(laid)
    # From the bottom up, each row far enough above the one below for both their labels.
    heights = [0.0]
    for below, above in itertools.pairwise(rows):
        heights.append(heights[-1] + max(ROW, above.depth + below.top + 2 * PAD))
    for y, meeting, laid in zip(heights, reversed(meetings), rows, strict=True):
        for day, kind in marks[meeting]:
            role = roles[kind]
            # A vice-chair's mark sits just below the chair's of the same day, not on it.
            axes.scatter([day], [y - VICE if kind == "vice-chair" else y],
                         marker=role["marker"], s=MARK, c=role["color"],
                         edgecolors="#333333", zorder=3)
        for (day, _), (text, dx, top, align) in zip(labels[meeting], laid.placed,
                                                    strict=True):
            axes.annotate(text, (day, y), xytext=(dx, top), textcoords="offset points",
                          va="top", ha=align, fontsize=HOLDER)
    low, high = -rows[0].depth - ROW / 2, heights[-1] + rows[-1].top + ROW / 2
    axes.set_yticks(heights, names)
    axes.set_ylim(low, high)
    # A unit up the axes is a point, as labels are measured: make the figure as tall as
    # that needs (the layout's margins hardly change with the height, so this settles).
    for _ in range(4):
        figure.draw_without_rendering()
        missing = (high - low) / 72 - axes.bbox.height / figure.dpi
        if abs(missing) < 0.002:
            break
        figure.set_figheight(figure.get_figheight() + missing)
    return figure


class _Row:
    """One row of the timeline: where its labels go among its marks.

    In points, across from the axes' left edge and up from the row's line; labels hang
    from their top.
    """

    def __init__(self, marks: list[tuple[float, str]], width: float) -> None:
        radius = _radius(MARK)
        self.width = width
        self.boxes = [(x - radius, y - radius, x + radius, y + radius) for x, y in
                      ((x, -VICE if kind == "vice-chair" else 0.0) for x, kind in marks)]
        self.placed: list[tuple[str, float, float, Literal["left", "right"]]] = []
        self.top = max(box[3] for box in self.boxes)
        self.depth = max(-box[1] for box in self.boxes)

    def place(self, x: float, lines: list[str],
              size: Callable[[str], tuple[float, float]]) -> None:
        """Label the mark at ``x`` as high as there is room, whole if it fits across.

        Labels of the later marks go to their left first, so that none runs off the page;
        one that meets another label or a mark goes below it.
        """
        sides = (-1, 1) if x > self.width / 2 else (1, -1)
        texts = ("\n".join(lines), "\n".join(textwrap.fill(line, 28) for line in lines),
                 "\n".join(textwrap.shorten(line, 24, placeholder=" \u2026")
                           for line in lines))
        best: tuple[float, str, int, tuple[float, float, float, float]] | None = None
        for text in texts:
            wide, tall = size(text)
            for side in sides:
                x0 = x + GAP if side > 0 else x - GAP - wide
                if x0 < 0 or x0 + wide > self.width:
                    continue
                top = LIFT
                while hit := [b for b in self.boxes if _meet((x0, top - tall, x0 + wide, top),
                                                             b)]:
                    top = min(b[1] for b in hit) - PAD
                if best is None or top > best[0]:
                    best = (top, text, side, (x0, top - tall, x0 + wide, top))
            if best is not None:
                break
        if best is None:
            raise ConfigurationError("the timeline is too narrow for its labels")
        top, text, side, box = best
        self.placed.append((text, GAP * side, top, "left" if side > 0 else "right"))
        self.boxes.append(box)
        self.depth = max(self.depth, -box[1])


def _meet(one: tuple[float, float, float, float], other: tuple[float, float, float, float]
          ) -> bool:
    return (one[0] < other[2] + PAD and other[0] < one[2] + PAD
            and one[1] < other[3] + PAD and other[1] < one[3] + PAD)


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



class _Room:
    """Where text may go: inside a frame, clear of what is already there (in pixels).

    Lines (the edges) are crossed only when there is no other place.
    """

    def __init__(self, frame: Bbox, pad: float) -> None:
        self.frame = frame
        self.pad = pad
        self.taken: list[Bbox] = []
        self.lines: list[tuple[float, float, float, float]] = []

    def free(self, box: Bbox, *, crossing: bool = True) -> bool:
        frame = self.frame
        if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1:
            return False
        wide = box.padded(self.pad)
        if any(wide.overlaps(other) for other in self.taken):
            return False
        return crossing or not any(_crosses(wide, *line) for line in self.lines)

    def take(self, box: Bbox) -> None:
        self.taken.append(box)


def _crosses(box: Bbox, x1: float, y1: float, x2: float, y2: float) -> bool:
    """Whether the segment (x1, y1)-(x2, y2) passes through ``box`` (Liang-Barsky)."""
    low, high = 0.0, 1.0
    for step, start, near, far in ((x2 - x1, x1, box.x0, box.x1),
                                   (y2 - y1, y1, box.y0, box.y1)):
        if step == 0:
            if not near <= start <= far:
                return False
            continue
        a, b = (near - start) / step, (far - start) / step
        low, high = max(low, min(a, b)), min(high, max(a, b))
    return low < high


def _pixels(figure: Figure, points: float) -> float:
    return points * figure.dpi / 72


def _radius(area: float) -> float:
    """The radius in points of a marker of ``area`` points² (as ``scatter`` sizes them)."""
    return float(area ** 0.5 / 2)


def _extent(figure: Figure, renderer: Any, text: str, **style: Any) -> Bbox:
    """How much room ``text`` takes, in pixels."""
    probe = figure.text(0, 0, text, **style)
    extent = probe.get_window_extent(renderer)
    probe.remove()
    return extent


def _title(figure: Figure, renderer: Any, title: str) -> float:
    """Write ``title`` at the top, shortened to the picture's width; the pixels it takes."""
    margin = _pixels(figure, 8)
    text = figure.text(0.5, 1 - margin / figure.bbox.height, title, fontsize=12,
                       ha="center", va="top")
    width = len(title)
    while text.get_window_extent(renderer).width > figure.bbox.width - 2 * margin \
            and width > 10:
        width -= 4
        text.set_text(textwrap.shorten(title, width, placeholder=" \u2026"))
    return float(text.get_window_extent(renderer).height + 2 * margin)


def _legend(figure: Figure, renderer: Any, handles: list[Any]) -> float:
    """The legend in rows at the bottom, over a line for the note; the pixels it takes."""
    above_note = _pixels(figure, PAD + NOTE * 1.4)
    columns = len(handles)
    while True:
        legend = figure.legend(handles=handles, loc="lower left", frameon=False,
                               fontsize=8, ncols=max(1, columns),
                               bbox_to_anchor=(0.0, above_note / figure.bbox.height))
        extent = legend.get_window_extent(renderer)
        if extent.width <= figure.bbox.width or columns <= 1:
            return float(extent.y1 + _pixels(figure, PAD))
        legend.remove()
        columns = -(-columns // 2)


def _fit(axes: Axes, positions: dict[str, Any], *, sideways: float, down: float,
         up: float) -> None:
    """Set the axes' limits so that the nodes leave room (pixels) for labels at the edges."""
    frame = axes.bbox
    for values, span, before, after, limit in (
            ([float(x) for x, _ in positions.values()], frame.width, sideways, sideways,
             axes.set_xlim),
            ([float(y) for _, y in positions.values()], frame.height, down, up,
             axes.set_ylim)):
        low, high = min(values), max(values)
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        before, after = min(before, span * 0.3), min(after, span * 0.3)
        scale = (span - before - after) / (high - low)
        limit(low - before / scale, high + after / scale)


def _marker(axes: Axes, position: Any, radius: float) -> Bbox:
    from matplotlib.transforms import Bbox

    x, y = axes.transData.transform(position)
    return Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)


def _name(axes: Axes, room: _Room, renderer: Any, position: Any, focus: bool,
          texts: tuple[str, ...]) -> bool:
    """Name an entity beside its marker where there is room; whether there was.

    Below, above, at a side or a corner; whole, or shortened if only that fits.
    """
    away = _radius(FOCUS if focus else ENTITY) + 2 * PAD
    places: tuple[tuple[float, float, Literal["left", "center", "right"],
                        Literal["top", "center", "bottom"]], ...] = (
              (0, -away, "center", "top"), (0, away, "center", "bottom"),
              (away, 0, "left", "center"), (-away, 0, "right", "center"),
              (away, -away, "left", "top"), (-away, -away, "right", "top"),
              (away, away, "left", "bottom"), (-away, away, "right", "bottom"))
    # A whole name over an edge (its background hides the line) before a shortened one.
    for text in texts:
        label = axes.annotate(text, position, xytext=(0, 0), textcoords="offset points",
                              fontsize=NAME, fontweight="bold" if focus else "normal",
                              zorder=4, bbox=_BACKGROUND)
        for crossing, (dx, dy, across, down) in itertools.product((False, True), places):
            label.set_position((dx, dy))
            label.set_horizontalalignment(across)
            label.set_verticalalignment(down)
            box = label.get_window_extent(renderer)
            if room.free(box, crossing=crossing):
                room.take(box)
                return True
        label.remove()
    return False


def _relation(axes: Axes, room: _Room, renderer: Any, start: Any, end: Any,
              text: str) -> bool:
    """Label an edge at its middle, or a little either side of it, where there is room."""
    label = axes.text(0, 0, text, fontsize=RELATION, color="#444444", ha="center",
                      va="center", zorder=2, bbox=_BACKGROUND)
    for along in (0.5, 0.4, 0.6, 0.3, 0.7):
        label.set_position((start[0] + (end[0] - start[0]) * along,
                            start[1] + (end[1] - start[1]) * along))
        box = label.get_window_extent(renderer)
        if room.free(box):
            room.take(box)
            return True
    label.remove()
    return False


def _short(label: str) -> str:
    return textwrap.shorten(label, 24, placeholder=" \u2026")


def _pair_labels(graph: nx.MultiDiGraph[str]) -> dict[tuple[str, str], str]:
    """The relations between two entities, either way, one per line."""
    pairs: dict[tuple[str, str], set[str]] = {}
    for subject, obj, data in graph.edges(data=True):
        relation = data["relation"]
        pairs.setdefault((min(subject, obj), max(subject, obj)), set()).add(str(relation))
    return {pair: "\n".join(sorted(relations)) for pair, relations in pairs.items()}
