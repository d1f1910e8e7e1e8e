r"""Load the recogniser's data: gazetteer entries (RDF) and the lexicon (YAML).

Gazetteers are SKOS: each entry is a resource with an ``rdf:type`` from docgraph's
ontology, a ``skos:prefLabel`` and any number of ``skos:altLabel``\\ s. Users add their
own files in the same shape. The lexicon holds the words the rules rely on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from docgraph.errors import ConfigurationError
from docgraph.resources import gazetteer_paths, lexicon_path

DG = "https://w3id.org/docgraph/ontology#"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One named thing from a gazetteer."""

    iri: str
    label: str
    """The class's local name in docgraph's ontology, such as ``Country``."""
    name: str
    """The preferred label."""
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    """IRIs of the same thing elsewhere (``owl:sameAs``), such as its Wikidata item."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists for the rule components; see ``ontologies/lexicon.yaml``."""

    honorifics: tuple[str, ...]
    titles: tuple[str, ...]
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    post_modifiers: frozenset[str]
    post_titles: tuple[str, ...]
    standalone_posts: frozenset[str]
    ordinals: Mapping[str, int]
    heads: Mapping[str, str]
    """Head noun (possibly several words) -> class local name."""
    leading_heads: Mapping[str, str]
    product_suffixes: tuple[str, ...]
    made_verbs: frozenset[str]
    not_entities: frozenset[str]
    head_starts: frozenset[str] = frozenset()
    """First words of the head nouns ("Memorandum" of "Memorandum of Understanding")."""
    lowercase_heads: Mapping[str, str] = field(default_factory=dict)
    """Lower-case nouns that end a name and type it ("OneService app")."""
    possessors: frozenset[str] = frozenset()
    """Words whose possessive belongs inside a name ("Prime Minister's Office")."""
    honorific_words: frozenset[str] = frozenset()
    """Words of honorifics and titles that never start a name ("Datuk", "Dr"); the
    first words of longer honorifics that are also surnames ("Tan" Sri) are left out."""
    honorific_parts: frozenset[str] = frozenset()
    """Every word of every honorific ("Yang", "Berhormat", "Dato")."""
    single_tokens: tuple[str, ...] = ()
    """Terms the tokenizer keeps whole ("5G")."""
    not_entity_patterns: tuple[re.Pattern[str], ...] = ()
    """Shapes of text that never name an entity ("Section 61MA", "Annex C")."""
    slogan_cues: frozenset[str] = frozenset()
    """Words before a quoted phrase that make it a slogan ("the theme")."""
    former_words: frozenset[str] = frozenset()
    """Words before a title that say it is held no more ("Immediate Past Chairman")."""
    chairmanships: frozenset[str] = frozenset()
    """Nouns after a meeting's name that mean its chair ("the ADGMIN Chairmanship")."""
    business_words: frozenset[str] = frozenset()
    """Last words of businesses' names that end no person's name ("Alibaba Cloud")."""
    chair_titles: frozenset[str] = frozenset()
    """Titles of whoever chairs a body ("Chairperson"): what they are of is a body."""
    patronym_honorifics: frozenset[str] = frozenset()
    """Honorifics that, right after a given name, open the father's name within a name
    ("Mohd Riza Dato Paduka Haji Mohd Yunos")."""
    degrees: frozenset[str] = frozenset()
    """Words that open the name of a degree ("Master of Business Administration"), whose
    complement is a field, not a body."""
    address_titles: frozenset[str] = frozenset()
    """One-word titles that, right before a name, address a person by rank rather than
    name an office ("Minister Teo", "Secretary Raimondo")."""
    shared_titles: frozenset[str] = frozenset()
    """Titles that countries and bodies hold too ("Singapore, as the Chair of the
    Meeting"): posts only when said of a person."""
    hypernyms: Mapping[str, str] = field(default_factory=dict)
    """Common nouns (lower case) and the class of the names listed after them with
    "such as" ("programmes such as X")."""
    title_starts: frozenset[str] = field(init=False)
    """The first words of :attr:`post_titles`."""

    def __post_init__(self) -> None:
        # A frozen dataclass sets a derived field through object's own setter.
        object.__setattr__(self, "title_starts",
                           frozenset(title.split()[0] for title in self.post_titles))


def load_gazetteers(paths: Iterable[Path] = ()) -> tuple[GazetteerEntry, ...]:
    """Read docgraph's gazetteers and any extra files, in that order.

    Raises:
        ConfigurationError: If a file cannot be parsed or names an unknown class.
    """
    entries = list(_default_gazetteer())
    for path in paths:
        entries.extend(_read_gazetteer(Path(path)))
    return tuple(entries)


@functools.cache
def _default_gazetteer() -> tuple[GazetteerEntry, ...]:
    entries: list[GazetteerEntry] = []
    for path in gazetteer_paths():
        entries.extend(_read_gazetteer(path))
    return tuple(entries)


def _read_gazetteer(path: Path) -> list[GazetteerEntry]:
    import rdflib
    from rdflib.namespace import OWL, RDF, SKOS

    graph = rdflib.Graph()
    try:
        graph.parse(path)
    except (OSError, SyntaxError, ValueError, rdflib.exceptions.Error) as exc:
        raise ConfigurationError(f"{path}: cannot read gazetteer: {exc}") from exc
    entries = []
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None)), key=str):
        types = [str(t) for t in graph.objects(subject, RDF.type) if str(t).startswith(DG)]
        if not types:
            raise ConfigurationError(f"{path}: {subject} has no rdf:type in docgraph's "
                                     "ontology (https://w3id.org/docgraph/ontology#)")
        name = str(next(iter(graph.objects(subject, SKOS.prefLabel))))
        aliases = tuple(sorted(str(a) for a in graph.objects(subject, SKOS.altLabel)))
        same_as = tuple(sorted(str(o) for o in graph.objects(subject, OWL.sameAs)))
        entries.append(GazetteerEntry(str(subject), sorted(types)[0][len(DG):], name, aliases,
                                      same_as))
    return entries


@functools.cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the lexicon (default: docgraph's own ``ontologies/lexicon.yaml``).

    Raises:
        ConfigurationError: If the file is missing or malformed.
    """
    source = path or lexicon_path()
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        posts = data["posts"]
        heads = {head: label for label, words in data["heads"].items() for head in words}
        leading = {head: label for label, words in data["leading_heads"].items()
                   for head in words}
        return Lexicon(
            honorifics=tuple(data["honorifics"]),
            titles=tuple(data["titles"]),
            name_particles=frozenset(data["name_particles"]),
            name_suffixes=frozenset(data["name_suffixes"]),
            post_modifiers=frozenset(posts["modifiers"]),
            post_titles=tuple(posts["titles"]),
            standalone_posts=frozenset(posts["standalone"]),
            address_titles=frozenset(posts.get("address", ())),
            shared_titles=frozenset(posts.get("shared", ())),
            ordinals={str(k): int(v) for k, v in data["ordinals"].items()},
            heads=heads,
            leading_heads=leading,
            product_suffixes=tuple(data["product_suffixes"]),
            made_verbs=frozenset(data["made_verbs"]),
            not_entities=frozenset(data["not_entities"]),
            single_tokens=tuple(data.get("single_tokens", ())),
            not_entity_patterns=tuple(re.compile(p) for p in
                                      data.get("not_entity_patterns", ())),
            head_starts=frozenset(head.split()[0] for head in heads),
            possessors=frozenset(data.get("possessors", ())),
            slogan_cues=frozenset(data.get("slogan_cues", ())),
            degrees=frozenset(data.get("degrees", ())),
            patronym_honorifics=frozenset(data.get("patronym_honorifics", ())),
            chair_titles=frozenset(data.get("chair_titles", ())),
            business_words=frozenset(data.get("business_words", ())),
            former_words=frozenset(data.get("former_words", ())),
            chairmanships=frozenset(data.get("chairmanships", ())),
            lowercase_heads={head: label for label, words in
                             data.get("lowercase_heads", {}).items() for head in words},
            hypernyms={noun: label for label, nouns in data.get("hypernyms", {}).items()
                       for noun in nouns},
            honorific_parts=frozenset(word for phrase in data["honorifics"]
                                      for word in phrase.split()),
            honorific_words=frozenset(
                word for phrase in (*data["honorifics"], *data["titles"])
                for position, word in enumerate(phrase.split())
                if word[:1].isupper() and (" " not in phrase or position > 0)),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ConfigurationError(f"{source}: cannot read the lexicon: {exc}") from exc


def lexicon_setting(path: str | None) -> Lexicon:
    """The lexicon a component's ``lexicon`` setting names (None for docgraph's own)."""
    return load_lexicon(Path(path) if path else None)


@functools.cache
def common_words() -> frozenset[str]:
    """English words more often written in lower case (data/common_words.txt)."""
    text = resources.files("docgraph").joinpath("data/common_words.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))
