"""Every statement points at the bytes of its sentence in the source file.

Over all 59 sample pages (HTML and Markdown laid out with <br>, &nbsp;, tabs in styled
spans and <strong> lead-ins), and on small pages of our own for each layout family.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from docgraph.evaluate import range_mismatches
from helpers import clean_text

pytestmark = pytest.mark.model


def test_every_range_of_the_sample_pages_reproduces_its_sentence(
        corpus_extractions: list[Any]) -> None:
    mismatches = [m for result in corpus_extractions for m in range_mismatches(result)]
    assert mismatches == []
    assert sum(len(r.relations) for r in corpus_extractions) > 200  # something was checked


@pytest.mark.parametrize("html", [
    # A paragraph number, then tabs in a styled span (the parser turns them into one
    # space, which once matched the space after the next word).
    ('<p>10.<span style="white-space: pre;">\t\t</span>At the summit, Singapore '
    "signed the Digital Economy Agreement with Chile.</p>"),
    ("<p>Singapore&nbsp;signed the <strong>Digital Economy Agreement</strong> with "
    "Chile.<br><br>Thailand chaired the 5th ASEAN Digital Ministers' Meeting.</p>"),
])
def test_layouts_that_moved_ranges(nlp: Language, html: str) -> None:
    from docgraph.ner import recognise
    from docgraph.pipeline import Extraction

    document = clean_text(html)
    [analysis] = list(recognise([document], nlp))
    assert analysis.relations
    result = Extraction(document, tuple(analysis.mentions), (), tuple(analysis.relations))
    assert range_mismatches(result) == []


def test_the_aligner_never_lets_whitespace_swallow_a_word() -> None:
    document = clean_text("<p>10.<span>\t\t</span>At the height of it.</p>")
    [block] = document.blocks
    start = block.text.index("At")
    span = block.offsets.span(start, start + 2)
    assert document.text[span.start : span.end] == "At"
