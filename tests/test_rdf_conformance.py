"""Every graph docgraph writes for the whole sample corpus conforms to its shapes.

The 59 real pages (`tests/data/isomer` and `tests/data/isomer-more`) go through
``extract --validate``, as one merged graph and one graph per document; the merged graph
also conforms under RDFS inference over docgraph's ontology, as a consumer running
``pyshacl -i rdfs`` would check it. Warnings name nodes by label and IRI, never by a blank
node's generated name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from docgraph.cli import app
from helpers import DATA, ISOMER

pytestmark = pytest.mark.model

PAGES = [ISOMER, DATA / "isomer-more"]
# pyshacl's and rdflib's names for blank nodes: "n" and 32 or more hexadecimal digits.
_BLANK = re.compile(r"\bn[0-9a-f]{32,}")


@pytest.mark.parametrize("per_document", [False, True])
def test_the_whole_corpus_conforms(tmp_path: Path, per_document: bool) -> None:
    out = tmp_path / "out"
    args = ["extract", *map(str, PAGES), "--output", str(out), "--validate"]
    result = CliRunner().invoke(app, args + (["--per-document"] if per_document else []))
    assert result.exit_code == 0, result.stderr
    assert "59 documents" in result.stderr
    assert "Violation" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": Warning: " in line]
    for line in warnings:
        assert re.search(r'Warning: "[^"]+" <https://', line), line
        assert not _BLANK.search(line), line
    outputs = sorted(out.glob("*.ttl"))
    assert len(outputs) == (59 if per_document else 1)
    if not per_document:
        _conforms_under_rdfs(outputs[0])


def _conforms_under_rdfs(path: Path) -> None:
    from pyshacl import validate

    from docgraph.rdf.validate import shapes_path
    from docgraph.vocab import ontology

    conforms, _, text = validate(Graph().parse(path), shacl_graph=Graph().parse(shapes_path()),
                                 ont_graph=ontology(), inference="rdfs", allow_warnings=True)
    assert conforms, text
