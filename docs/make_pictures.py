"""Make the pictures the README shows, from the data in the repository.

    python docs/make_pictures.py        (or: make pictures)

- ``docs/images/seed-chairs.png``: the seed's who-chaired-what timeline
  (``docgraph viz --view chairs``);
- ``docs/images/corpus-graph.png``: the interactive page of the 59 sample pages in
  ``tests/data`` as one graph, as headless Chromium shows it when it opens.

Needs the statistical model and Debian's chromium (``make test`` installs both).
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    """Write both pictures."""
    from playwright.sync_api import sync_playwright

    from docgraph.kg import KnowledgeGraph, from_extractions
    from docgraph.ner import build_pipeline
    from docgraph.pipeline import Extraction, extract_paths
    from docgraph.viz.static import chairs_figure, save

    IMAGES.mkdir(parents=True, exist_ok=True)
    nlp = build_pipeline()

    def graph_of(paths: list[Path]) -> KnowledgeGraph:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = [r for r in extract_paths([str(p) for p in paths], nlp=nlp)
                       if isinstance(r, Extraction)]
        return from_extractions(results)

    seed = graph_of(sorted((ROOT / "seeds").glob("*")))
    save(chairs_figure(seed.chairs()), IMAGES / "seed-chairs.png")
    pages = sorted((ROOT / "tests" / "data" / "isomer").glob("*.md")) + \
        sorted((ROOT / "tests" / "data" / "isomer-more").glob("*.md"))
    corpus = graph_of(pages)
    with tempfile.TemporaryDirectory() as folder:
        page_file = corpus.show().save(Path(folder) / "graph.html")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(page_file.as_uri())
            page.wait_for_function("window.docgraphReady === true", timeout=60_000)
            page.locator("main").screenshot(path=str(IMAGES / "corpus-graph.png"))
            browser.close()
    for name in ("seed-chairs.png", "corpus-graph.png"):
        print(f"wrote {IMAGES / name}")


if __name__ == "__main__":
    main()
