"""Draw entities of a merged site at random for a reader to judge: each with a sentence.

    python benchmarks/audit_entities.py PATH... [--count 100] [--seed 1207] [--jobs 2]
                                        [--exclude DIR]

Extracts the documents under PATH (skipping those also under ``--exclude``, by name or
content), merges them as ``docgraph extract`` does, draws ``--count`` of the merged
entities with a fixed seed, and prints each as ``name | class (label) | documents |
aliases`` followed by the first sentence that names it, the mention between ``[[`` and
``]]``, for a person to judge: is the name exactly one thing's, and the class right?
The draw depends only on the documents and the seed.
"""

from __future__ import annotations

import argparse
import random
import warnings
from pathlib import Path

from _common import audited_files


def main(argv: list[str] | None = None) -> int:
    """Extract, merge, draw and print; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1207)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    args = parser.parse_args(argv)

    from docgraph.pipeline import Extraction, Merger, extract_paths
    from docgraph.vocab import coarse_type

    files = audited_files(args.paths, args.exclude, (".md", ".html", ".htm", ".txt", ".json"))
    merger = Merger()
    # The merge keeps no mentions; a sentence for each entity is taken while reading.
    seen: dict[str, tuple[str, str]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for item in extract_paths(files, jobs=args.jobs):
            if not isinstance(item, Extraction):
                continue
            blocks = item.document.blocks
            for entity in item.entities:
                if not entity.mentions:
                    continue
                mention = entity.mentions[0]
                text = blocks[mention.block].text
                low, high = mention.sentence.start, mention.sentence.end
                marked = (text[low:mention.start] + "[[" + text[mention.start:mention.end]
                          + "]]" + text[mention.end:high])
                for key in (entity.key, entity.name):
                    seen.setdefault(key, (" ".join(marked.split()),
                                          Path(item.document.path).name))
            merger.add(item)
    entities = sorted(merger.merged().entities, key=lambda e: e.key)
    print(f"{len(files)} documents, {len(entities)} entities; {args.count} drawn with seed "
          f"{args.seed}")
    drawn = random.Random(args.seed).sample(entities, min(args.count, len(entities)))
    for number, entity in enumerate(drawn, 1):
        sentence, page = seen.get(entity.key) or seen.get(entity.name) or ("", "")
        aliases = ", ".join(entity.aliases[:5])
        print(f"\n{number:3}. {entity.name} | {coarse_type(entity.label)} ({entity.label}) | "
              f"{len(entity.documents)} documents | {aliases}   [{page[:60]}]")
        print(f"     {sentence[:400]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
