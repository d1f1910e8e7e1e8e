"""docgraph: turn press releases and speeches into a knowledge graph with provenance.

The pipeline is ingest -> clean -> NER -> resolve -> relations -> graph -> RDF ->
query / pictures; each stage is a module of this package and exchanges the plain
records of :mod:`docgraph.types`. ``docgraph.extract(paths)`` runs it all,
``docgraph.load(files)`` reads graph files back and ``docgraph.open(folder)`` opens a
store, each as a :class:`KnowledgeGraph`. Heavy dependencies are imported only when
first used, so ``import docgraph`` stays cheap.

Example:
    >>> import docgraph
    >>> doc = docgraph.clean(docgraph.read_bytes(b"<h2>Intro</h2><p>2. Hi.</p>", "a.html"))
    >>> [(b.kind.value, b.section, b.number, b.text) for b in doc.blocks]
    [('heading', (), None, 'Intro'), ('paragraph', ('Intro',), 2, 'Hi.')]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from docgraph._version import __version__

if TYPE_CHECKING:
    from docgraph.clean import Failure, clean, clean_paths, to_html
    from docgraph.errors import (
        BinaryInputError,
        ConfigurationError,
        DecodeError,
        DocgraphError,
        DocgraphWarning,
        InputError,
        InputWarning,
        QueryError,
        UnknownEntityError,
    )
    from docgraph.ingest import iter_inputs, iter_paths, read, read_bytes
    from docgraph.kg import KnowledgeGraph, extract, load, open
    from docgraph.types import (
        Block,
        BlockKind,
        Document,
        Footnote,
        InputFile,
        InputFormat,
        Link,
        Metadata,
        RawDocument,
        SourceMap,
        Span,
        TableCell,
    )

__all__ = [
    "BinaryInputError",
    "Block",
    "BlockKind",
    "ConfigurationError",
    "DecodeError",
    "DocgraphError",
    "DocgraphWarning",
    "Document",
    "Failure",
    "Footnote",
    "InputError",
    "InputFile",
    "InputFormat",
    "InputWarning",
    "KnowledgeGraph",
    "Link",
    "Metadata",
    "QueryError",
    "RawDocument",
    "SourceMap",
    "Span",
    "TableCell",
    "UnknownEntityError",
    "__version__",
    "clean",
    "clean_paths",
    "extract",
    "iter_inputs",
    "iter_paths",
    "load",
    "open",
    "read",
    "read_bytes",
    "to_html",
]

_LOCATIONS = {
    "clean": "docgraph.clean", "clean_paths": "docgraph.clean", "Failure": "docgraph.clean",
    "to_html": "docgraph.clean", "iter_inputs": "docgraph.ingest",
    "iter_paths": "docgraph.ingest", "read": "docgraph.ingest", "read_bytes": "docgraph.ingest",
    **dict.fromkeys(("BinaryInputError", "ConfigurationError", "DecodeError",
                     "DocgraphError", "DocgraphWarning", "InputError", "InputWarning",
                     "QueryError", "UnknownEntityError"), "docgraph.errors"),
    **dict.fromkeys(("KnowledgeGraph", "extract", "load", "open"), "docgraph.kg"),
    **dict.fromkeys(("Block", "BlockKind", "Document", "Footnote", "InputFile", "InputFormat",
                     "Link", "Metadata", "RawDocument", "SourceMap", "Span", "TableCell"),
                    "docgraph.types"),
}


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'docgraph' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
