"""RDF writing and reading: docgraph's writer and reader against plain rdflib.

Extracts the sample corpus once (one named graph per document, provenance and all),
then times, best of ``--repeat`` in this process: docgraph's Turtle writer
(``docgraph.rdf.to_string``: the union of the document graphs, then rdflib) against
rdflib's own ``Graph.serialize`` of the same triples, and docgraph's reader
(``from_string``) against ``Graph.parse``; as triples/s and as a ratio. Then, for every
format, the size of the output per input word and its write and read times.

    python benchmarks/bench_rdf.py [CORPUS_DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import corpus_dir, installed_model, load_documents, texts_of


def best(job: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    seconds, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        seconds = min(seconds, time.perf_counter() - start)
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from rdflib import Graph

    from docgraph.graph import from_extractions
    from docgraph.ner import build_pipeline
    from docgraph.pipeline import Extraction, extract_paths, same_as_links
    from docgraph.rdf import FORMATS, from_string, read_networkx, to_dataset, to_string, union
    from docgraph.rdf import write as write_file

    corpus = corpus_dir(args.corpus)
    words = sum(len(text.split()) for text in texts_of(load_documents(corpus)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = [r for r in extract_paths([corpus], nlp=build_pipeline(installed_model()),
                                            include=["*.md"]) if isinstance(r, Extraction)]
    entities, found = from_extractions((r.entities, r.relations) for r in results)
    documents = {r.document.id: r.document for r in results}
    build_seconds, dataset = best(lambda: to_dataset(entities, documents, found,
                                                     links=same_as_links()), args.repeat)
    plain = union(dataset)
    triples = len(plain)
    print(f"corpus: {corpus} ({len(results)} documents, {words} words, {len(found)} "
          f"relations); {triples} triples, {triples / words:.2f} per input word")
    print(f"building the dataset (to_dataset): {build_seconds:.2f} s, "
          f"{triples / build_seconds:,.0f} triples/s")

    ours_write, text = best(lambda: to_string(dataset, "turtle"), args.repeat)
    rdflib_write, _ = best(lambda: plain.serialize(format="turtle"), args.repeat)
    ours_read, _ = best(lambda: from_string(text, "turtle"), args.repeat)
    rdflib_read, _ = best(lambda: Graph().parse(data=text, format="turtle"), args.repeat)
    print(f"\n{'Turtle':34} {'seconds':>8} {'triples/s':>11} {'vs rdflib':>10}")
    for name, ours, theirs in (("write: docgraph to_string", ours_write, rdflib_write),
                               ("write: rdflib Graph.serialize", rdflib_write, rdflib_write),
                               ("read: docgraph from_string", ours_read, rdflib_read),
                               ("read: rdflib Graph.parse", rdflib_read, rdflib_read)):
        print(f"{name:34} {ours:8.2f} {triples / ours:11,.0f} {theirs / ours:10.2f}")

    print(f"\n{'format':10} {'MB':>7} {'bytes/word':>11} {'write s':>8} {'read s':>8}")
    folder = Path("/tmp/docgraph-bench-rdf")
    for fmt, spec in FORMATS.items():
        path = folder / f"graph{spec.extension}"
        start = time.perf_counter()
        write_file(dataset, path, fmt)
        write_seconds = time.perf_counter() - start
        start = time.perf_counter()
        if spec.rdflib:
            from_string(path.read_text(encoding="utf-8"), fmt)
        else:
            read_networkx(path)
        read_seconds = time.perf_counter() - start
        size = path.stat().st_size
        print(f"{fmt:10} {size / 1e6:7.2f} {size / words:11.1f} {write_seconds:8.2f} "
              f"{read_seconds:8.2f}")

if __name__ == "__main__":
    main()
