"""Where docgraph's data files are: the ``ontologies/`` folder, installed or in a checkout.

A wheel carries ``ontologies/`` inside the package (``docgraph/ontologies``); an
editable install or a source checkout reads it from the repository root.
"""

from __future__ import annotations

import functools
from pathlib import Path

from docgraph.errors import ConfigurationError


@functools.cache
def ontologies_dir() -> Path:
    """The folder holding the ontology, gazetteers and lexicon.

    Raises:
        ConfigurationError: If neither an installed nor a checked-out copy exists.
    """
    package = Path(__file__).resolve().parent
    for candidate in (package / "ontologies", package.parent.parent / "ontologies"):
        if (candidate / "docgraph.ttl").is_file():
            return candidate
    raise ConfigurationError("docgraph's ontologies/ folder is missing from this installation")


def ontology_path() -> Path:
    """The OWL ontology, ``ontologies/docgraph.ttl``."""
    return ontologies_dir() / "docgraph.ttl"


def gazetteer_paths() -> list[Path]:
    """The gazetteer files docgraph ships, in a stable order."""
    return sorted((ontologies_dir() / "gazetteer").glob("*.ttl"))


def lexicon_path() -> Path:
    """The lexicon of honorifics, titles, head nouns and non-entities."""
    return ontologies_dir() / "lexicon.yaml"
