"""The IRIs docgraph mints: readable, stable, safe for any input.

Entities get ``{base}{kind}/{slug}`` (``.../id/person/josephine-teo``) unless a
gazetteer names them, in which case its IRI is kept whatever the base, so that graphs
made with different bases still share the well-known things. What is named only on one
page (a title alone, a surname alone) gets ``{base}document/{id}/{kind}/{slug}``
(``.../id/document/3f2a.../post/chairman``): a node of that page. Documents are named by the
hash of their bytes, their blocks are fragments of the document's IRI, and assertions,
tenures and the parts of each are named by a hash of what they say, so the same input
always gives the same IRIs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from docgraph._version import __version__
from docgraph.errors import ConfigurationError
from docgraph.resolve import group, page_scoped, stable_hash
from docgraph.types import STDIN, Entity
from docgraph.vocab import ID_BASE

_KINDS = {"person": "person", "country": "country", "place": "place", "meeting": "meeting",
          "meeting-series": "meeting", "post": "post", "organization": "organization",
          "work": "work"}
_MAX_SLUG = 80


def check_base(base: str) -> str:
    """Return ``base`` if it can prefix docgraph's IRIs.

    Raises:
        ConfigurationError: Unless it is an absolute http(s) IRI ending in ``/`` or ``#``
            with no character an IRI cannot hold.
    """
    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.netloc \
            or not base.endswith(("/", "#")) or re.search(r"[\s<>\"{}|\\^`]", base):
        raise ConfigurationError(
            f"base IRI {base!r} must be an absolute http(s) IRI ending in '/' or '#', "
            "such as https://example.org/kg/")
    return base


def check_site_url(url: str) -> str:
    """Return a site's address, ending in ``/``, if pages' paths can be joined to it.

    Raises:
        ConfigurationError: Unless it is an absolute http(s) URL without a query or a
            fragment.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query \
            or parts.fragment or re.search(r"[\s<>\"{}|\\^`]", url):
        raise ConfigurationError(
            f"site URL {url!r} must be an absolute http(s) URL such as "
            "https://www.example.gov.sg/, without a query or a fragment")
    return url if url.endswith("/") else url + "/"


# Characters a URL keeps as they are: reserved ones, and % so that escapes stay escapes.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"


def source_url(source_path: str, permalink: str | None, site_url: str | None) -> str | None:
    """Where a document is published, if its page or the site's address tells.

    A permalink that is a URL is the address; a site-relative one (Isomer's
    ``/media-centre/...``) is joined to ``site_url``, and so is the source path of a
    page that gives none.

    Example:
        >>> source_url("a b.md", "/news/x/", "https://www.example.gov.sg/")
        'https://www.example.gov.sg/news/x/'
        >>> source_url("news/a b.html", None, "https://www.example.gov.sg/")
        'https://www.example.gov.sg/news/a%20b.html'
    """
    if permalink:
        parts = urlsplit(permalink.strip())
        if parts.scheme in {"http", "https"} and parts.netloc:
            return quote(permalink.strip(), safe=_URL_SAFE)
        if site_url:
            return site_url + quote(permalink.strip().lstrip("/"), safe=_URL_SAFE)
    if site_url and source_path != STDIN:
        return site_url + quote(source_path, safe="/")
    return None


def slug(text: str) -> str:
    """A readable IRI segment: ASCII, lower case, hyphens; hashed if long or lossy.

    Example:
        >>> slug("Josephine Teo")
        'josephine-teo'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    # Hash when folding lost letters (a name in another script), or the slug is empty
    # or too long, so that different names never share an IRI by accident.
    lossy = sum(c.isalnum() for c in folded) < sum(c.isalnum() for c in text)
    if not base or len(base) > _MAX_SLUG or lossy:
        digest = stable_hash(text, 8)
        base = f"{base[:_MAX_SLUG].rstrip('-')}-{digest}" if base else digest
    return base


def entity_iris(entities: Iterable[Entity], base: str = ID_BASE) -> dict[str, URIRef]:
    """IRIs for entities by key; unique even when two names fold to the same slug."""
    taken: dict[str, str] = {}
    iris: dict[str, URIRef] = {}
    for entity in sorted(entities, key=lambda e: e.key):
        if entity.iri:
            iris[entity.key] = URIRef(entity.iri)
            continue
        candidate = f"{base}{_KINDS[group(entity.label)]}/{slug(entity.name)}"
        if page_scoped(entity):
            # Named only on its page (a title or a surname alone): its IRI is under the
            # page's, so that no other page's "Chairman" or "Mr Lee" can share it.
            page = document_iri(entity.documents[0], base)
            candidate = f"{page}/{_KINDS[group(entity.label)]}/{slug(entity.name)}"
        if candidate in taken and taken[candidate] != entity.key:
            candidate = f"{candidate}-{stable_hash(entity.key, 6)}"
        taken[candidate] = entity.key
        iris[entity.key] = URIRef(candidate)
    return iris


def document_iri(document_id: str, base: str = ID_BASE) -> URIRef:
    """The IRI of a source document."""
    return URIRef(f"{base}document/{document_id}")


def block_iri(document_id: str, index: int, base: str = ID_BASE) -> URIRef:
    """The IRI of one block of a document: a fragment of the document's IRI."""
    return URIRef(f"{document_iri(document_id, base)}#block-{index}")


def graph_iri(document_id: str, base: str = ID_BASE) -> URIRef:
    """The name of the graph that holds what one document says (TriG, N-Quads)."""
    return URIRef(f"{base}graph/{document_id}")


def agent_iri(base: str = ID_BASE) -> URIRef:
    """The software agent: this version of docgraph."""
    return URIRef(f"{base}agent/docgraph-{__version__}")


def activity_iri(rule: str, base: str = ID_BASE) -> URIRef:
    """The extraction activity: one rule applied by this version of docgraph.

    Readable, and unique by construction: the slug is followed by a hash of the exact
    rule name, because slugs alone fold "role:Vice Chair" and "role:Vice-Chair" together.
    """
    return URIRef(f"{base}activity/docgraph-{__version__}/{slug(rule)}-{stable_hash(rule, 8)}")


def hashed_iri(kind: str, key: str, base: str = ID_BASE) -> URIRef:
    """An IRI named by a hash of ``key``: ``{base}{kind}/{hash}``."""
    return URIRef(f"{base}{kind}/{stable_hash(key, 16)}")


def part(iri: URIRef, name: str) -> URIRef:
    """A node that belongs to ``iri``: its fragment ``#name``."""
    return URIRef(f"{iri}#{name}")
