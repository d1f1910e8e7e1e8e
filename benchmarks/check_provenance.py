"""Check that every statement's source range reproduces its sentence.

Extracts the pages given and, for each sentence that states a relation, compares the
visible text of its range in the source file (markup aside: tags, entities, footnote
markers, Markdown link targets) with the sentence docgraph read. Prints the count and
each mismatch; exits 1 if there is any.

    python benchmarks/check_provenance.py ../shared/corpus/mddi-posts [--show 20]
"""

from __future__ import annotations

import argparse
import sys

from docgraph.evaluate import range_mismatches
from docgraph.pipeline import Extraction, extract_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--show", type=int, default=20, help="mismatches to print")
    args = parser.parse_args(argv)
    pages = sentences = 0
    mismatches = []
    for result in extract_paths(args.inputs):
        if not isinstance(result, Extraction):
            continue
        pages += 1
        sentences += len({(r.block, r.sentence) for r in result.relations})
        mismatches.extend(range_mismatches(result))
    print(f"pages {pages}  sentences with relations {sentences}  "
          f"ranges that do not reproduce their sentence {len(mismatches)}")
    for item in mismatches[: args.show]:
        print(f"  {item.path}\n    sentence: {item.sentence[:160]!r}\n"
              f"    source:   {item.source[:160]!r}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
