"""Run the whole pipeline over inputs: clean, recognise, resolve.

The contract: :func:`extract_paths` yields one :class:`Extraction` per readable input
(its document, mentions and entities) or a :class:`~docgraph.clean.Failure` naming the
input and the cause; a bad input never stops the others.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgraph.clean import Failure, clean_paths
from docgraph.resolve import resolve_document
from docgraph.types import Document, Entity, Mention, Relation

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class Extraction:
    """What docgraph found in one document."""

    document: Document
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...] = ()


def extract_paths(inputs: Iterable[str | Path], *, nlp: Language | None = None,
                  model: str | None = None, gazetteers: Sequence[str | Path] = (),
                  include: Sequence[str] = (), exclude: Sequence[str] = (),
                  html_parser: str = "lxml") -> Iterator[Extraction | Failure]:
    """Clean, recognise and resolve every document under ``inputs``.

    Args:
        inputs: Files, folders or ``-``.
        nlp: A pipeline from :func:`docgraph.ner.build_pipeline` (built if None).
        model: The spaCy model when ``nlp`` is None (see ``build_pipeline``).
        gazetteers: Extra gazetteer files when ``nlp`` is None.
        include: Glob patterns for files in folders.
        exclude: Glob patterns of files to skip.
        html_parser: Beautiful Soup tree builder for HTML.

    Yields:
        An :class:`Extraction` per document, or a :class:`Failure`.
    """
    from docgraph.ner import build_pipeline, recognise

    pipeline = nlp or build_pipeline(model, gazetteers=gazetteers)
    failures: deque[Failure] = deque()

    def documents() -> Iterator[Document]:
        for item in clean_paths(inputs, include=include, exclude=exclude,
                                html_parser=html_parser):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                yield item

    for analysis in recognise(documents(), pipeline):
        while failures:
            yield failures.popleft()
        yield Extraction(analysis.document, tuple(analysis.mentions),
                         tuple(resolve_document(analysis.document, analysis.mentions)),
                         tuple(analysis.relations))
    while failures:
        yield failures.popleft()


def same_as_links(gazetteers: Sequence[str | Path] = ()) -> dict[str, tuple[str, ...]]:
    """``owl:sameAs`` targets (Wikidata items) by entity IRI, from the gazetteers.

    Args:
        gazetteers: Extra gazetteer files, read after docgraph's own.
    """
    from docgraph.ner.lexicon import load_gazetteers

    return {entry.iri: entry.same_as for entry in load_gazetteers(map(Path, gazetteers))
            if entry.same_as}
