"""Relation rules as typed records, read from ``ontologies/relations.yaml``.

The YAML file is the lexicon of triggers: verbs with their nominalisations, role nouns,
group nouns and surface patterns, each with the relation it states and its argument
frame. Reading it checks every record (unknown keys, unknown relations, words that YAML
read as booleans), so a mistake in the data fails loudly when the pipeline is built, not
silently on some page later.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from docgraph.errors import ConfigurationError
from docgraph.resources import ontologies_dir


@dataclass(frozen=True, slots=True)
class Signature:
    """The entity groups a relation accepts as subject and as object."""

    subject: frozenset[str]
    object: frozenset[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A verb (and its nominalisations) that states a relation, with its argument frame.

    Attributes:
        relation: The relation stated.
        lemmas: Verb lemmas ("sign", "ink").
        confidence: How reliable the trigger is, in [0, 1].
        nouns: Nominalisations ("signing"): "the signing of X between A and B".
        partners: Prepositions whose objects are doers too ("signed X with Y").
        via: Prepositions whose object is the thing ("held in X", "builds on X").
        inverse: The relation runs from the thing to the doer ("negotiated by MTI").
        requires: A direct object the verb must have ("handed over the Chairmanship").
        particle: A particle that must follow the verb ("set up").
        default: What an implicit thing is ("meeting": the meeting just named).
        things: Classes the thing must have, when the verb says the relation only of
            them ("appointed a panel" sets it up; "appointed NUS to lead" does not).
        doers: Classes (coarse or fine) the doer must have, likewise ("the Ministers adopted the
            Declaration" launched it; "DBS adopted the framework" uses it).
        tags: The verb's fine-grained tags (Penn Treebank's, as spaCy's English models
            give them) that state the relation, if only some do; ``not_tags``, those
            that do not. "A and B form the Council" (VBP, the plural present) says what
            the Council is made of; "formed the Council" and "MCI forms a Council"
            (a headline's present) say that it was set up.
    """

    relation: str
    lemmas: frozenset[str]
    confidence: float
    nouns: frozenset[str] = frozenset()
    partners: frozenset[str] = frozenset()
    via: tuple[str, ...] = ()
    inverse: bool = False
    requires: frozenset[str] = frozenset()
    particle: str | None = None
    default: str | None = None
    things: frozenset[str] = frozenset()
    doers: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    not_tags: frozenset[str] = frozenset()

    def states_with(self, tag: str) -> bool:
        """Whether the verb, with the fine-grained tag ``tag``, states the relation."""
        return (not self.tags or tag in self.tags) and tag not in self.not_tags


@dataclass(frozen=True, slots=True)
class Gathering:
    """Verbs whose subject or object is a meeting and whose other entities attended it."""

    lemmas: frozenset[str]
    confidence: float
    particles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Presence:
    """Being at a meeting: prepositions and verbs of taking part (see relations.yaml)."""

    relation: str
    preps: frozenset[str]
    margins: frozenset[str]
    travel: frozenset[str]
    travel_preps: frozenset[str]
    partners: frozenset[str]
    confidence: float


@dataclass(frozen=True, slots=True)
class Delegations:
    """Delegation nouns and the words that introduce their members."""

    nouns: frozenset[str]
    members: frozenset[str]
    relation: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Appointments:
    """Verbs and nouns that give someone a post (see relations.yaml).

    Attributes:
        relation: The relation from the holder to the post.
        patient_verbs: The holder is the patient ("X was appointed CE").
        agent_verbs: The holder is the agent ("X served as CE").
        successions: Both the agent and the patient hold the post ("X succeeds Y as CE").
        nouns: The holder is the possessor or the "of" object ("X's appointment as CE").
        bodies: Prepositions naming a body the holder joins ("appointed to the Board").
        offices: Nouns for posts in general, whose "as" or "including" objects are the
            posts ("holds two appointments as A and B").
        confidence: How reliable the rule is.
        leaving: Verbs (with their particle) after which the "as" post is one the
            subject holds until then ("steps down as Chairman", "will relinquish her
            post as CE on 1 May").
    """

    relation: str
    patient_verbs: frozenset[str]
    agent_verbs: frozenset[str]
    successions: frozenset[str]
    nouns: frozenset[str]
    bodies: frozenset[str]
    offices: frozenset[str]
    confidence: float
    leaving: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Chairs:
    """Holding a chair: verbs that take a chair noun, and the nouns (relations.yaml)."""

    relation: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    default: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Pairs:
    """Nouns that stand for two entities named before: "both countries", "the two sides".

    Attributes:
        nouns: The noun and the entity groups it stands for.
        words: The words that make it a pair ("both", "two").
        sentences: How many sentences back (its own included) the two are looked for.
    """

    nouns: Mapping[str, frozenset[str]]
    words: frozenset[str]
    sentences: int


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun ("Chair", "Vice-Chair") and the relation holding it states.

    Attributes:
        relation: The relation from the holder to the thing.
        nouns: The role's nouns, longest phrase first when matched.
        default: What the thing is when the text leaves it implicit: ``meeting`` (the
            meeting being talked about) or ``main_organization``.
        confidence: How reliable the rule is.
    """

    relation: str
    nouns: tuple[str, ...]
    default: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Group:
    """A group noun followed by its members ("Dialogue Partners – US, China")."""

    relation: str
    nouns: tuple[str, ...]
    default: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Pattern:
    """A surface or copula pattern: its relation, confidence and the words it needs."""

    relation: str
    confidence: float
    words: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BodiesByRole:
    """Names an ambiguous head typed as works or meetings, that a relation shows to be bodies.

    "Peru participates in the Open Data Partnership": a body, not a pact.
    """

    heads: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    label: str = "Organization"
    meeting_rules: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Rules:
    """The contents of ``ontologies/relations.yaml``."""

    signatures: Mapping[str, Signature]
    verbs: tuple[Trigger, ...]
    gathering: Gathering
    passive_attendance: Gathering
    presence: Presence
    delegations: Delegations
    appointments: Appointments
    chairs: Chairs
    onlookers: frozenset[str]
    roles: tuple[Role, ...]
    groups: tuple[Group, ...]
    list_markers: frozenset[str]
    member_suffixes: tuple[str, ...]
    member_headings: frozenset[str]
    boards: tuple[str, ...]
    patterns: Mapping[str, Pattern]
    pronouns: Mapping[str, str]
    determiners: frozenset[str]
    demonstratives: frozenset[str]
    other_editions: frozenset[str]
    representatives: frozenset[str]
    other_words: frozenset[str]
    pairs: Pairs
    inclusions: frozenset[str]
    speaker_words: frozenset[str] = frozenset()
    """Words for a speech's speaker ("I", "my")."""
    speaker_cues: frozenset[str] = frozenset()
    """Words before the speaker's name in a heading ("Speech by ...")."""
    bodies_by_role: BodiesByRole = field(default_factory=lambda: BodiesByRole())
    triggers_by_lemma: Mapping[str, tuple[Trigger, ...]] = field(default_factory=dict)
    triggers_by_noun: Mapping[str, tuple[Trigger, ...]] = field(default_factory=dict)

    def role_for(self, words: str, head: str) -> Role | None:
        """The role a phrase names: the whole phrase first ("Vice Chair"), then its head."""
        for text in (words, head):
            for role in self.roles:
                if text in role.nouns:
                    return role
        return None


_WORD_LISTS = frozenset({"lemmas", "via", "nouns", "words", "particles", "requires", "skip",
                         "partners", "preps", "margins", "travel", "travel_preps", "members",
                         "representatives", "determiners", "demonstratives", "other",
                         "other_editions", "member_headings", "boards", "patient_verbs",
                         "agent_verbs", "successions", "bodies", "onlookers",
                         "inclusions", "offices"})


@functools.cache
def load_rules(path: Path | None = None) -> Rules:
    """Read relation rules (default: docgraph's ``ontologies/relations.yaml``).

    Raises:
        ConfigurationError: If the file is missing or malformed.
    """
    source = path or ontologies_dir() / "relations.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        _check_words(data, str(source))
        signatures = {name: Signature(frozenset(sig["subject"]), frozenset(sig["object"]))
                      for name, sig in data["relations"].items()}
        reader = _Reader(signatures, str(source))
        verbs = tuple(reader.trigger(spec) for spec in data["verbs"])
        by_lemma: dict[str, list[Trigger]] = {}
        by_noun: dict[str, list[Trigger]] = {}
        for trigger in verbs:
            for lemma in sorted(trigger.lemmas):
                by_lemma.setdefault(lemma, []).append(trigger)
            for noun in sorted(trigger.nouns):
                by_noun.setdefault(noun, []).append(trigger)
        groups = data["groups"]
        return Rules(
            signatures=signatures,
            verbs=verbs,
            gathering=reader.gathering(data["gathering_verbs"]),
            passive_attendance=reader.gathering(data["passive_attendance"]),
            presence=reader.presence(data["presence"]),
            delegations=reader.delegations(data["delegations"]),
            appointments=reader.appointments(data["appointments"]),
            chairs=reader.chairs(data["chairs"]),
            onlookers=frozenset(data["onlookers"]),
            roles=tuple(reader.role(spec) for spec in data["roles"]),
            groups=tuple(reader.group(spec) for spec in groups["rules"]),
            list_markers=frozenset(groups["list_markers"]),
            member_suffixes=tuple(groups["member_suffixes"]),
            member_headings=frozenset(groups["member_headings"]),
            boards=tuple(groups["boards"]),
            patterns={name: reader.pattern(name, spec)
                      for name, spec in data["patterns"].items()},
            pronouns=dict(data["coreference"]["pronouns"]),
            determiners=frozenset(data["coreference"]["determiners"]),
            demonstratives=frozenset(data["coreference"]["demonstratives"]),
            other_editions=frozenset(data["coreference"]["other_editions"]),
            representatives=frozenset(data["coreference"]["representatives"]),
            other_words=frozenset(data["coreference"]["other"]),
            pairs=reader.pairs(data["coreference"]["pairs"]),
            inclusions=frozenset(data["coreference"]["inclusions"]),
            speaker_words=frozenset(data["coreference"].get("speaker", {}).get("words", ())),
            speaker_cues=frozenset(data["coreference"].get("speaker", {}).get("cues", ())),
            bodies_by_role=BodiesByRole(
                heads=frozenset(data["bodies_by_role"]["heads"]),
                relations=frozenset(data["bodies_by_role"]["relations"]),
                label=str(data["bodies_by_role"]["label"]),
                meeting_rules=frozenset(data["bodies_by_role"]["meeting_rules"])),
            triggers_by_lemma={k: tuple(v) for k, v in by_lemma.items()},
            triggers_by_noun={k: tuple(v) for k, v in by_noun.items()},
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ConfigurationError(f"{source}: cannot read relation rules: {exc}") from exc


class _Reader:
    """Builds records from YAML mappings, refusing unknown keys and relations."""

    def __init__(self, signatures: Mapping[str, Signature], origin: str) -> None:
        self.signatures = signatures
        self.origin = origin

    def _keys(self, spec: Mapping[str, Any], allowed: set[str], what: str) -> None:
        unknown = set(spec) - allowed
        if unknown:
            raise ConfigurationError(f"{self.origin}: {what} has unknown keys "
                                     f"{', '.join(sorted(unknown))}")
        relation = spec.get("relation")
        if relation is not None and relation not in self.signatures:
            raise ConfigurationError(f"{self.origin}: {what} states {relation!r}, which is "
                                     "not under `relations`")

    def trigger(self, spec: Mapping[str, Any]) -> Trigger:
        self._keys(spec, {"relation", "lemmas", "confidence", "nouns", "partners", "via",
                          "inverse", "requires", "particle", "default", "things", "tags",
                          "not_tags", "doers"},
                   f"verb {spec.get('lemmas')}")
        return Trigger(
            relation=spec["relation"], lemmas=frozenset(spec["lemmas"]),
            confidence=float(spec["confidence"]), nouns=frozenset(spec.get("nouns", ())),
            partners=frozenset(spec.get("partners", ())),
            via=tuple(spec.get("via", ())), inverse=bool(spec.get("inverse", False)),
            requires=frozenset(spec.get("requires", ())), particle=spec.get("particle"),
            default=spec.get("default"), things=frozenset(spec.get("things", ())),
            doers=frozenset(spec.get("doers", ())),
            tags=frozenset(spec.get("tags", ())), not_tags=frozenset(spec.get("not_tags", ())))

    def gathering(self, spec: Mapping[str, Any]) -> Gathering:
        self._keys(spec, {"lemmas", "particles", "confidence"}, "gathering verbs")
        return Gathering(frozenset(spec["lemmas"]), float(spec["confidence"]),
                         frozenset(spec.get("particles", ())))

    def presence(self, spec: Mapping[str, Any]) -> Presence:
        self._keys(spec, {"relation", "preps", "margins", "travel", "travel_preps",
                          "partners", "confidence"}, "presence")
        return Presence(spec["relation"], frozenset(spec["preps"]),
                        frozenset(spec["margins"]), frozenset(spec["travel"]),
                        frozenset(spec["travel_preps"]), frozenset(spec["partners"]),
                        float(spec["confidence"]))

    def delegations(self, spec: Mapping[str, Any]) -> Delegations:
        self._keys(spec, {"nouns", "members", "relation", "confidence"}, "delegations")
        return Delegations(frozenset(spec["nouns"]), frozenset(spec["members"]),
                           spec["relation"], float(spec["confidence"]))

    def appointments(self, spec: Mapping[str, Any]) -> Appointments:
        self._keys(spec, {"relation", "patient_verbs", "agent_verbs", "successions",
                          "nouns", "bodies", "offices", "confidence", "leaving"},
                   "appointments")
        return Appointments(spec["relation"], frozenset(spec["patient_verbs"]),
                            frozenset(spec["agent_verbs"]), frozenset(spec["successions"]),
                            frozenset(spec["nouns"]), frozenset(spec["bodies"]),
                            frozenset(spec["offices"]), float(spec["confidence"]),
                            frozenset(spec.get("leaving", ())))

    def chairs(self, spec: Mapping[str, Any]) -> Chairs:
        self._keys(spec, {"relation", "verbs", "nouns", "default", "confidence"}, "chairs")
        return Chairs(spec["relation"], frozenset(spec["verbs"]), frozenset(spec["nouns"]),
                      spec["default"], float(spec["confidence"]))

    def pairs(self, spec: Mapping[str, Any]) -> Pairs:
        self._keys(spec, {"nouns", "words", "sentences"}, "pairs")
        return Pairs({noun: frozenset(groups) for noun, groups in spec["nouns"].items()},
                     frozenset(spec["words"]), int(spec["sentences"]))

    def role(self, spec: Mapping[str, Any]) -> Role:
        self._keys(spec, {"relation", "nouns", "default", "confidence"},
                   f"role {spec.get('nouns')}")
        return Role(spec["relation"], tuple(spec["nouns"]), spec["default"],
                    float(spec["confidence"]))

    def group(self, spec: Mapping[str, Any]) -> Group:
        self._keys(spec, {"relation", "nouns", "default", "confidence"},
                   f"group {spec.get('nouns')}")
        return Group(spec["relation"], tuple(spec["nouns"]), spec["default"],
                     float(spec["confidence"]))

    def pattern(self, name: str, spec: Mapping[str, Any]) -> Pattern:
        self._keys(spec, {"relation", "confidence", "words", "nouns", "skip"},
                   f"pattern {name}")
        return Pattern(spec["relation"], float(spec["confidence"]),
                       tuple(spec.get("words", ())), tuple(spec.get("nouns", ())),
                       tuple(spec.get("skip", ())))


def _check_words(data: object, origin: str, path: str = "") -> None:
    """Word lists must hold words: YAML reads a bare ``on`` or ``no`` as a boolean."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _WORD_LISTS and isinstance(value, list) and \
                    not all(isinstance(v, str) for v in value):
                raise ConfigurationError(f"{origin}: {path}/{key} must list words; quote "
                                         "on, off, yes and no")
            _check_words(value, origin, f"{path}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_words(value, origin, f"{path}[{index}]")
