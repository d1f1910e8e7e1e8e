"""Rewrite tests/data/seed_blocks.json from the current cleaner (review the diff!)."""

from __future__ import annotations

import json
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


if __name__ == "__main__":
    target = HERE / "data" / "seed_blocks.json"
    target.write_text(json.dumps(golden_rows(), indent=1, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    print(f"wrote {target}")  # noqa: T201
