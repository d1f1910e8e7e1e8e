"""RDF: docgraph's graphs in its ontology, in every syntax, validated.

- :mod:`docgraph.rdf.iris`: the IRIs docgraph mints (``--base-iri``).
- :mod:`docgraph.rdf.build`: entities, statements and documents as a dataset with one
  named graph per document (:func:`to_dataset`) or as one graph (:func:`to_rdf`).
- :mod:`docgraph.rdf.formats`: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML,
  GraphML and node-link JSON, written and read back.
- :mod:`docgraph.rdf.validate`: SHACL validation against ``ontologies/shapes.ttl`` and an
  OWL-RL consistency check.
"""

from docgraph.rdf.build import from_rdf, to_dataset, to_rdf, union
from docgraph.rdf.formats import (
    FORMATS,
    Format,
    format_for,
    from_string,
    guess_format,
    read,
    read_networkx,
    to_string,
    write,
)
from docgraph.rdf.iris import (
    block_iri,
    check_base,
    check_site_url,
    document_iri,
    entity_iris,
    graph_iri,
    slug,
    source_url,
)
from docgraph.rdf.network import to_networkx

__all__ = [
    "FORMATS",
    "Format",
    "block_iri",
    "check_base",
    "check_site_url",
    "document_iri",
    "entity_iris",
    "format_for",
    "from_rdf",
    "from_string",
    "graph_iri",
    "guess_format",
    "read",
    "read_networkx",
    "slug",
    "source_url",
    "to_dataset",
    "to_networkx",
    "to_rdf",
    "to_string",
    "union",
    "write",
]
