"""docgraph's RDF vocabulary, one namespace object checked against the ontology.

Standard vocabularies come from rdflib (``FOAF``, ``SKOS``, ``PROV``, ``SDO``, ``DCTERMS``,
``ORG``, ``TIME``); never type their IRIs by hand. :class:`DG` lists docgraph's own terms
and refuses any other (``_fail``), and a test checks it against ``ontologies/docgraph.ttl``
so the code cannot use a term the ontology lacks.
"""

from __future__ import annotations

import functools

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = "https://w3id.org/docgraph/ontology"
ID_BASE = "https://w3id.org/docgraph/id/"
"""Default base of the IRIs docgraph mints for entities and documents."""


class DG(DefinedNamespace):
    """docgraph's ontology, ``https://w3id.org/docgraph/ontology#``."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Classes
    Person: URIRef
    Organization: URIRef
    GovernmentAgency: URIRef
    Ministry: URIRef
    WorkingGroup: URIRef
    IntergovernmentalOrganization: URIRef
    Company: URIRef
    EducationalOrganization: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    Meeting: URIRef
    MeetingSeries: URIRef
    Work: URIRef
    Agreement: URIRef
    Law: URIRef
    Framework: URIRef
    Guideline: URIRef
    Declaration: URIRef
    Plan: URIRef
    Programme: URIRef
    Project: URIRef
    Product: URIRef
    Report: URIRef
    Post: URIRef
    SourceDocument: URIRef
    Block: URIRef
    Assertion: URIRef
    Tenure: URIRef
    NameMerge: URIRef
    # Entity properties
    mentionedIn: URIRef
    series: URIRef
    ordinal: URIRef
    honorific: URIRef
    # Why names are one entity
    merged: URIRef
    form: URIRef
    mergeRule: URIRef
    evidence: URIRef
    # Relations
    chairOf: URIRef
    viceChairOf: URIRef
    handedOverChairTo: URIRef
    holdsPost: URIRef
    attended: URIRef
    hosted: URIRef
    heldIn: URIRef
    memberOf: URIRef
    partnerOf: URIRef
    established: URIRef
    convened: URIRef
    partOf: URIRef
    derivedFrom: URIRef
    developedBy: URIRef
    basedIn: URIRef
    launched: URIRef
    signed: URIRef
    # Documents and blocks
    sourcePath: URIRef
    permalink: URIRef
    sourceURL: URIRef
    attachment: URIRef
    blockIndex: URIRef
    blockKind: URIRef
    paragraphNumber: URIRef
    # Provenance of assertions
    block: URIRef
    inText: URIRef
    inSource: URIRef
    page: URIRef
    part: URIRef
    subjectSpan: URIRef
    objectSpan: URIRef
    rule: URIRef
    confidence: URIRef
    status: URIRef
    sentence: URIRef
    startDate: URIRef
    endDate: URIRef
    # Roles held during a period
    tenureRole: URIRef
    roleIn: URIRef
    reportedOn: URIRef
    datedBy: URIRef
    roles: URIRef
    chair: URIRef
    viceChair: URIRef
    postHolder: URIRef


COARSE_TYPES = {
    "Person": "Person", "Country": "Country", "Place": "Place", "City": "Place",
    "Meeting": "Meeting", "MeetingSeries": "Meeting", "Post": "Post",
    "Organization": "Organization", "GovernmentAgency": "Organization",
    "Ministry": "Organization", "WorkingGroup": "Organization",
    "IntergovernmentalOrganization": "Organization", "Company": "Organization",
    "EducationalOrganization": "Organization",
}
"""Each entity class's coarse type: Person, Organization, Country, Place, Meeting, Post;
every other class is a kind of Work. A test checks this against the ontology's
subclass hierarchy."""


RECORD_CLASSES = frozenset({DG.SourceDocument, DG.Block, DG.Assertion, DG.Tenure,
                            DG.NameMerge})
"""docgraph's bookkeeping classes: records about entities and documents, never entities."""


def coarse_type(label: str) -> str:
    """The coarse type of one of the ontology's classes, given by local name.

    One of Person, Organization, Country, Place, Meeting, Work and Post.
    """
    return COARSE_TYPES.get(label, "Work")


@functools.cache
def ontology() -> Graph:
    """The OWL ontology (``ontologies/docgraph.ttl``), parsed once; do not change it.

    Raises:
        ConfigurationError: If ``ontologies/docgraph.ttl`` cannot be read.
    """
    from docgraph.errors import ConfigurationError
    from docgraph.resources import ontology_path

    path = ontology_path()
    graph = Graph()
    try:
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
        raise ConfigurationError(f"{path}: cannot read the ontology: {exc}") from exc
    return graph


@functools.cache
def tenure_roles() -> dict[str, URIRef]:
    """The relations that are also tenures, by local name, and their role (``dg:chair``).

    Read from the ontology's ``dg:tenureRole`` annotations.
    """
    graph = ontology()
    namespace = str(DG._NS)
    return {str(prop)[len(namespace):]: URIRef(str(role))
            for prop, role in graph.subject_objects(DG.tenureRole)
            if str(prop).startswith(namespace)}


def term(name: str) -> URIRef:
    """The IRI of one of docgraph's terms by name; an unknown name raises AttributeError."""
    value = getattr(DG, name)
    # A namespace helper such as "_NS" is no term: report it like any unknown term.
    if not isinstance(value, URIRef):
        raise AttributeError(f"{name!r} is not a term of docgraph's ontology")  # noqa: TRY004
    return value


OA = Namespace("http://www.w3.org/ns/oa#")
"""W3C Web Annotation vocabulary (selectors); rdflib does not ship it."""
WD = Namespace("http://www.wikidata.org/entity/")
"""Wikidata entities, the targets of the gazetteers' owl:sameAs links."""

PREFIXES = {
    prefix: str(namespace) for prefix, namespace in (
        ("dg", DG._NS), ("skos", SKOS._NS), ("dcterms", DCTERMS._NS), ("prov", PROV._NS),
        ("org", ORG._NS), ("foaf", FOAF._NS), ("schema", SDO._NS), ("time", TIME._NS),
        ("oa", OA), ("owl", OWL._NS), ("xsd", XSD._NS), ("wd", WD))
}
"""The one prefix map for everything docgraph writes."""
