"""Pictures of the graph.

An interactive, self-contained HTML page (:mod:`docgraph.viz.interactive`) and static
PNG/SVG figures for reports (:mod:`docgraph.viz.static`): a neighbourhood, and who
chaired what over time.

Colours and shapes come from ``docgraph/data/styles.toml``.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def styles() -> dict[str, Any]:
    """How each coarse type and each chair role is drawn (``data/styles.toml``)."""
    text = resources.files("docgraph").joinpath("data/styles.toml").read_text("utf-8")
    return tomllib.loads(text)


def meeting_label(row: dict[str, Any]) -> str:
    """How a row of the chairs table names its meeting: "series: meeting"."""
    meeting = row["meeting"] or "(meeting not named)"
    series = row["series"]
    return f"{series}: {meeting}" if series and series != meeting else str(meeting)
