"""Resolution: one node per real-world thing, within a document and across documents.

:func:`resolve_document` groups one document's mentions into entities
(:mod:`docgraph.resolve.document`); :func:`merge` joins the entities of many documents
into one node per thing (:mod:`docgraph.resolve.site`). Both record every merge with its
rule.
"""

from docgraph.resolve.document import (
    generic_prefix,
    group,
    page_scoped,
    resolve_document,
    stable_hash,
)
from docgraph.resolve.site import fold, merge

__all__ = ["fold", "generic_prefix", "group", "merge", "page_scoped", "resolve_document",
           "stable_hash"]
