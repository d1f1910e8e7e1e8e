"""Rewrite the golden files from the current code (review the diff before committing!).

    python tests/regenerate_golden.py          # tests/data/seed_blocks.json
    python tests/regenerate_golden.py --rdf    # also tests/data/seed_graph.ttl and
                                               # tests/data/seed_relations.json (model)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docgraph.clean import clean
from docgraph.ingest import read

HERE = Path(__file__).parent
SEED = HERE.parent / "seeds" / "000_adf2444e3d603679.txt"


def golden_rows() -> list[dict[str, object]]:
    document = clean(read(SEED))
    return [
        {"kind": block.kind.value, "number": block.number, "level": block.level,
         "section": list(block.section), "text": block.text,
         "source": [block.span.start, block.span.end]}
        for block in document.blocks
    ]


def golden_relations() -> list[str]:
    from docgraph.graph import statements
    from docgraph.ner import build_pipeline, recognise
    from docgraph.resolve import resolve_document

    document = clean(read(SEED))
    [analysis] = list(recognise([document], build_pipeline()))
    entities = resolve_document(document, analysis.mentions)
    names = {e.key: e.name for e in entities}
    return sorted({f"{names[s.subject]} {s.predicate} {names[s.object]}"
                   for s in statements(entities, analysis.relations)})


def golden_graph() -> str:
    sys.path.insert(0, str(HERE))
    from docgraph.ner import build_pipeline
    from docgraph.rdf import to_string
    from helpers import extract, extraction_dataset

    (result,) = extract([SEED], build_pipeline())
    return to_string(extraction_dataset(result), "turtle")


if __name__ == "__main__":
    target = HERE / "data" / "seed_blocks.json"
    target.write_text(json.dumps(golden_rows(), indent=1, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    print(f"wrote {target}")  # noqa: T201
    if "--rdf" in sys.argv:
        target = HERE / "data" / "seed_graph.ttl"
        target.write_text(golden_graph(), encoding="utf-8")
        print(f"wrote {target}")  # noqa: T201
        target = HERE / "data" / "seed_relations.json"
        target.write_text(json.dumps(golden_relations(), indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        print(f"wrote {target}")  # noqa: T201
