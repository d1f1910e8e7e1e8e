"""Draw relations at random for a precision audit: each with the sentence it came from.

    python benchmarks/audit_relations.py PATH... [--count 50] [--seed 10] [--exclude DIR]
                                         [--jobs N]

Extracts the documents under PATH (skipping those whose file name is also under
``--exclude``, such as the dev set), draws ``--count`` relations with a fixed seed, and
prints each as ``subject | relation | object | rule`` followed by its sentence, numbered,
for a person to judge right or wrong against the sentence. The draw depends only on the
documents and the seed, so the same command gives the same sample.
"""

from __future__ import annotations

import argparse
import random
import sys
import warnings
from pathlib import Path

from _common import audited_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a folder whose files are left out, by name or content "
                             "(repeatable)")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)

    from docgraph.clean import Failure
    from docgraph.graph import statements
    from docgraph.pipeline import extract_paths

    files = audited_files(args.paths, args.exclude, (".md", ".html", ".htm", ".txt"))
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for item in extract_paths(files, jobs=args.jobs):
            if isinstance(item, Failure):
                continue
            names = {e.key: e.name for e in item.entities}
            for found in statements(item.entities, item.relations):
                relation = found.relation
                rows.append((Path(item.document.path).name, names[found.subject],
                             found.predicate, names[found.object], relation.rule,
                             " ".join(relation.text.split())))
    rows.sort()
    print(f"{len(files)} documents, {len(rows)} relations; {args.count} drawn with seed "
          f"{args.seed}")
    for number, row in enumerate(random.Random(args.seed).sample(rows, min(args.count,
                                                                         len(rows))), 1):
        document, subject, predicate, obj, rule, sentence = row
        print(f"\n{number:2d}. {subject} | {predicate} | {obj} | {rule}   [{document[:60]}]")
        print(f"    {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
