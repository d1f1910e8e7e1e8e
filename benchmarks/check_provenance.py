"""Check that every statement's source range reproduces its sentence.

Extracts the pages given and, for each sentence that states a relation, compares the
visible text of its range in the source file (markup aside: tags, entities, footnote
markers, Markdown link targets) with the sentence docgraph read, and checks that its
byte range, cut from the file's bytes and decoded, is the same text as its character
range (for a PDF or a Word document: that its pieces on each page or paragraph have its
letters, see ``docgraph.evaluate.region_mismatches``). Prints the counts and each
mismatch; exits 1 if there is any.

    python benchmarks/check_provenance.py ../shared/corpus/mddi-posts [--show 20]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docgraph.evaluate import range_mismatches, region_mismatches
from docgraph.pipeline import Extraction, extract_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--show", type=int, default=20, help="mismatches to print")
    args = parser.parse_args(argv)
    pages = sentences = 0
    mismatches = []
    byte_mismatches = []
    for result in extract_paths(args.inputs):
        if not isinstance(result, Extraction):
            continue
        pages += 1
        sentences += len({(r.block, r.sentence) for r in result.relations})
        mismatches.extend(range_mismatches(result))
        byte_mismatches.extend(_byte_mismatches(result))
    print(f"pages {pages}  sentences with relations {sentences}  "
          f"ranges that do not reproduce their sentence {len(mismatches)}  "
          f"byte ranges that differ from their character range {len(byte_mismatches)}")
    for path, start in byte_mismatches[: args.show]:
        print(f"  {path}: the byte range of the sentence at character {start}")
    for item in mismatches[: args.show]:
        print(f"  {item.path}\n    sentence: {item.sentence[:160]!r}\n"
              f"    source:   {item.source[:160]!r}")
    return 1 if mismatches or byte_mismatches else 0


def _byte_mismatches(result: Extraction) -> list[tuple[str, int]]:
    """Relations whose byte range in the file is not their character range's text.

    A PDF's and a Word document's ranges are checked against their pages and paragraphs
    instead (:func:`docgraph.evaluate.region_mismatches`).
    """
    document = result.document
    if document.pages is not None or document.package is not None:
        return [(document.path, start) for start in region_mismatches(result)]
    data = Path(document.path).read_bytes()
    # As docgraph.ingest decodes: cp1252's five undefined bytes as C1 controls.
    errors = "docgraph-c1" if document.encoding == "cp1252" else "surrogatepass"
    found = []
    for relation in result.relations:
        span = document.byte_span(relation.source)
        text = data[span.start : span.end].decode(document.encoding, errors)
        if text != document.text[relation.source.start : relation.source.end]:
            found.append((document.path, relation.source.start))
    return found


if __name__ == "__main__":
    sys.exit(main())
