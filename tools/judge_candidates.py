"""Draw the entities docgraph chooses on corpus pages, for people to label (the judge's data).

    python tools/judge_candidates.py PAGES_DIR --pages 120 --seed 2312 \
        --exclude ../shared/eval/dev --out training/judge/candidates --batches 8

Draws ``--pages`` pages at random (fixed seed) from ``PAGES_DIR``, leaving out the dev
set's pages, runs the pipeline with the entity judge switched off (so every candidate
the rules and the model choose is shown), and writes each chosen mention as one JSON
line (a page's repeats of a name from one source once, with their count): its page
(relative to ``PAGES_DIR``), block and character range, text, class and source as
docgraph has them, and its sentence with the mention between ``[[`` and
``]]``. Pages are dealt round-robin into ``--batches`` files, so a page's mentions stay
in one file; the first file's pages are the held-out set (labelled first, never
trained on). See ``training/judge/GUIDELINE.md`` for how to label them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import warnings
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Draw the pages, extract them and write the candidates; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("--pages", dest="count", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2312)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=8)
    args = parser.parse_args(argv)

    from docgraph.clean import clean
    from docgraph.ingest import read
    from docgraph.ner import build_pipeline, recognise
    from docgraph.resources import default_model

    left_out = {_digest(p) for folder in args.exclude for p in folder.rglob("*") if p.is_file()}
    files = sorted(p for p in args.pages.rglob("*") if p.is_file() and
                   p.suffix in (".md", ".html", ".htm") and _digest(p) not in left_out)
    drawn = sorted(random.Random(args.seed).sample(  # noqa: S311 (a fixed draw)
        files, min(args.count, len(files))))
    nlp = build_pipeline(default_model(), judge=False)
    args.out.mkdir(parents=True, exist_ok=True)
    outputs = [(args.out / f"batch-{n:02d}.jsonl").open("w", encoding="utf-8")
               for n in range(args.batches)]
    total = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        documents = [clean(read(path)) for path in drawn]
        for number, analysis in enumerate(recognise(documents, nlp)):
            page = drawn[number].relative_to(args.pages).as_posix()
            blocks = analysis.document.blocks
            seen: dict[tuple[str, str], dict[str, object]] = {}
            for mention in analysis.mentions:
                # A page's repeats of one name from one source are labelled once: the
                # first, with how often the page has it.
                if (mention.text, mention.source) in seen:
                    counted = seen[mention.text, mention.source]
                    counted["count"] = int(str(counted["count"])) + 1
                    continue
                text = blocks[mention.block].text
                low, high = mention.sentence.start, mention.sentence.end
                marked = (text[low:mention.start] + "[[" + text[mention.start:mention.end]
                          + "]]" + text[mention.end:high])
                row = {"page": page, "block": mention.block, "start": mention.start,
                       "end": mention.end, "text": mention.text, "system": mention.label,
                       "source": mention.source, "count": 1,
                       "sentence": " ".join(marked.split())}
                seen[mention.text, mention.source] = row
            for row in seen.values():
                outputs[number % args.batches].write(json.dumps(row, ensure_ascii=False)
                                                     + "\n")
            total += len(seen)
    for output in outputs:
        output.close()
    print(f"{len(drawn)} pages, {total} mentions in {args.batches} files under {args.out}")
    return 0


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
