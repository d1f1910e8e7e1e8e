"""Every command gives the same bytes whatever Python's hash seed.

Each command runs in a fresh interpreter under two ``PYTHONHASHSEED`` values, on the seed
and three real pages; the outputs must be identical: the graph in every RDF format,
``chairs``, an unordered ``query``, and the pictures' data (HTML, SVG, PNG).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CORPUS_PAGES, SEED

pytestmark = pytest.mark.model

SEEDS = ("1", "4242")
QUERY = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


def _docgraph(seed: str, *args: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "docgraph", *args], env=env,
                          capture_output=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    inputs = [str(SEED), *(str(p) for p in CORPUS_PAGES[7:10])]
    out = {}
    for seed in SEEDS:
        folder = tmp_path_factory.mktemp(f"seed{seed}")
        _docgraph(seed, "extract", *inputs, "--output", str(folder / "ttl"))
        _docgraph(seed, "extract", *inputs, "--output", str(folder / "trig"),
                  "--format", "trig")
        _docgraph(seed, "extract", *inputs, "--output", str(folder / "jsonld"),
                  "--format", "jsonld")
        _docgraph(seed, "extract", *inputs, "--output", str(folder / "xml"),
                  "--format", "xml")
        out[seed] = folder
    return out


@pytest.mark.parametrize("name", ["ttl/graph.ttl", "trig/graph.trig", "jsonld/graph.jsonld",
                                  "xml/graph.rdf"])
def test_extract(runs: dict[str, Path], name: str) -> None:
    first, second = (runs[seed] / name for seed in SEEDS)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("command", [
    ["chairs", "{graph}"], ["chairs", "{graph}", "--format", "json"],
    ["query", "{graph}", QUERY, "--format", "csv"],
])
def test_commands_that_print(runs: dict[str, Path], command: list[str]) -> None:
    graph = str(runs[SEEDS[0]] / "ttl" / "graph.ttl")
    outputs = [_docgraph(seed, *(graph if part == "{graph}" else part for part in command))
               for seed in SEEDS]
    assert outputs[0] == outputs[1]
    assert outputs[0]


@pytest.mark.parametrize("picture", [["x.html"], ["x.svg", "--view", "chairs"],
                                     ["x.png", "--view", "chairs"],
                                     ["x.svg", "--focus", "Singapore"]])
def test_pictures(runs: dict[str, Path], tmp_path: Path, picture: list[str]) -> None:
    graph = str(runs[SEEDS[0]] / "ttl" / "graph.ttl")
    files = []
    for seed in SEEDS:
        target = tmp_path / seed / picture[0]
        _docgraph(seed, "viz", graph, "--output", str(target), *picture[1:])
        files.append(target.read_bytes())
    assert files[0] == files[1]
