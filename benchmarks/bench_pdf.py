"""What a PDF page costs: reading its text layer and its lines, against spaCy on its words.

Times, in one process and best of ``--repeat``: (a) reading and cleaning every PDF under
the folder that has a text layer (PDFium's text layer, each line's box and font, lines
into blocks), (b) bare
spaCy ``nlp.pipe`` over the cleaned text of the same PDFs, and (c) docgraph's whole job
on them (clean, recognise, relations, resolve). Prints pages, words, each time and the
ratios (a)/(b) and (c)/(b): the issue asks that a PDF page cost no more than twice the
spaCy time of its words. PDFs without a text layer are read by OCR where tesseract is
installed; that costs seconds a page and is printed apart.

    python benchmarks/bench_pdf.py [../shared/corpus/pdf/files] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

from _common import installed_model, texts_of


def main(argv: list[str] | None = None) -> int:
    """Measure and print; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=Path("../shared/corpus/pdf/files"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import spacy

    from docgraph.clean import clean
    from docgraph.ingest import read
    from docgraph.ner import build_pipeline
    from docgraph.pipeline import Extraction, extract_paths

    model = installed_model()
    files = sorted(args.folder.glob("*.pdf"))
    warnings.simplefilter("ignore")
    import shutil

    import docgraph.pdftext

    # Pages without a text layer are timed apart: OCR is another cost altogether.
    which = shutil.which
    tesseract = which("tesseract")
    docgraph.pdftext.shutil.which = lambda name: None  # type: ignore[attr-defined]
    scanned = [path for path in files if not clean(read(path)).text.strip()]
    files = [path for path in files if path not in scanned]

    def read_all() -> list[object]:
        return [clean(read(path)) for path in files]

    documents = read_all()
    texts = texts_of(documents)  # type: ignore[arg-type]
    pages = sum(d.pages.page_count for d in documents if d.pages)  # type: ignore[attr-defined]
    words = sum(len(text.split()) for text in texts)
    bare = spacy.load(model)
    nlp = build_pipeline(model)

    def best(job: object) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            job()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times)

    reading = best(read_all)
    spacy_time = best(lambda: list(bare.pipe(texts)))
    whole = best(lambda: [r for r in extract_paths(files, nlp=nlp)
                          if isinstance(r, Extraction)])
    print(f"{len(files)} PDFs, {pages} pages, {words:,} words; model {model}; "
          f"best of {args.repeat}")
    print(f"  read and clean (text layer, lines, blocks) {reading:6.2f} s  "
          f"{1000 * reading / pages:5.1f} ms a page")
    print(f"  bare spaCy nlp.pipe on their text           {spacy_time:6.2f} s")
    print(f"  docgraph, whole job                          {whole:6.2f} s")
    print(f"  reading / spaCy {reading / spacy_time:.2f}x   "
          f"whole job / spaCy {whole / spacy_time:.2f}x   "
          f"(a page's reading costs {reading / spacy_time:.2f}x the spaCy time of its words)")
    if tesseract and scanned:
        docgraph.pdftext.shutil.which = which  # type: ignore[attr-defined]
        start = time.perf_counter()
        layouts = [clean(read(path)).pages for path in scanned]
        read_pages = sum(layout.page_count for layout in layouts if layout is not None)
        print(f"  OCR (tesseract) of {len(scanned)} PDFs without a text layer: "
              f"{(time.perf_counter() - start) / read_pages:.2f} s a page, {read_pages} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
