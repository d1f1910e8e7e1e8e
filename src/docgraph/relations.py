"""Find relations between the entities of a parsed document.

The contract: the spaCy component ``docgraph_relations_v1`` (after
``docgraph_repair_v1``) reads the chosen entity mentions and the dependency parse and
stores :class:`Found` relations in ``doc.user_data[RELATIONS]``; the driver
(:func:`docgraph.ner.recognise`) turns them into :class:`~docgraph.types.Relation`
records with their sentence, offsets, rule, confidence and dates.

The rules are data (``ontologies/relations.yaml``); this module holds one general
procedure per kind of rule: verbs (active, passive, participles, relative clauses and
coordinated verbs, with coordinated and "together with" arguments), "as <role>", group
nouns with lists of members, and surface patterns over the sequence of entities
(appositions, "X by Y", possessives, parenthetical places). Pronouns and definite nouns
("she", "the meeting", "the agreement") are resolved to the one entity they can refer
to, or not at all. Co-occurrence alone never makes a relation.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from docgraph.errors import ConfigurationError
from docgraph.ner.candidates import MENTIONS, Candidate
from docgraph.ner.lexicon import Lexicon, load_lexicon
from docgraph.resources import ontologies_dir
from docgraph.vocab import coarse_type

RELATIONS = "docgraph.relations"
"""Key in ``Doc.user_data`` of the relations found in the doc."""

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "obj", "attr", "oprd")
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})


def entity_group(label: str) -> str:
    """The group of a class for relation typing: Person, Organization, Work, ..."""
    return coarse_type(label)


@dataclass(frozen=True, slots=True)
class Found:
    """A relation found in a doc, between two chosen mentions."""

    subject: Candidate
    predicate: str
    object: Candidate
    rule: str
    confidence: float
    sentence: Span


@dataclass(slots=True)
class Rules:
    """The contents of ``ontologies/relations.yaml``."""

    signatures: dict[str, tuple[frozenset[str], frozenset[str]]]
    verbs: list[dict[str, Any]]
    gathering: dict[str, Any]
    passive_attendance: dict[str, Any]
    roles: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    list_markers: frozenset[str]
    member_suffixes: tuple[str, ...]
    patterns: dict[str, dict[str, Any]]
    pronouns: dict[str, str]
    determiners: frozenset[str]


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
        groups = data["groups"]
        return Rules(
            signatures={name: (frozenset(sig["subject"]), frozenset(sig["object"]))
                        for name, sig in data["relations"].items()},
            verbs=list(data["verbs"]),
            gathering=dict(data["gathering_verbs"]),
            passive_attendance=dict(data["passive_attendance"]),
            roles=list(data["roles"]),
            groups=list(groups["rules"]),
            list_markers=frozenset(groups["list_markers"]),
            member_suffixes=tuple(groups["member_suffixes"]),
            patterns=dict(data["patterns"]),
            pronouns=dict(data["coreference"]["pronouns"]),
            determiners=frozenset(data["coreference"]["determiners"]),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigurationError(f"{source}: cannot read relation rules: {exc}") from exc


def _check_words(data: object, origin: str, path: str = "") -> None:
    """Word lists must hold words: YAML reads a bare ``on`` or ``no`` as a boolean."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("lemmas", "via", "nouns", "words", "particles", "requires", "skip") \
                    and isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise ConfigurationError(f"{origin}: {path}/{key} must list words; quote "
                                         "on, off, yes and no")
            _check_words(value, origin, f"{path}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_words(value, origin, f"{path}[{index}]")


class _Context:
    """The entities of one doc, indexed by token, and what earlier text refers to."""

    def __init__(self, doc: Doc, mentions: Sequence[Candidate], rules: Rules,
                 lexicon: Lexicon) -> None:
        self.doc = doc
        self.rules = rules
        self.lexicon = lexicon
        self.top: list[Candidate | None] = [None] * len(doc)
        self.nested: list[Candidate | None] = [None] * len(doc)
        self.mentions = sorted(mentions, key=lambda c: (c.start, -c.end))
        for mention in self.mentions:
            target = self.nested if any(
                other is not mention and other.contains(mention) for other in self.mentions
            ) else self.top
            for index in range(mention.start, mention.end):
                if target[index] is None:
                    target[index] = mention
        self.main_organization = _main_organization(self.mentions)

    def at(self, token: Token) -> Candidate | None:
        """The entity a token belongs to, or refers to (pronouns, "the meeting")."""
        found = self.top[token.i]
        if found is not None:
            return found
        return self.refers_to(token)

    def refers_to(self, token: Token) -> Candidate | None:
        rules = self.rules
        if token.text in rules.pronouns:
            return self._pronoun(token, rules.pronouns[token.text])
        if token.pos_ in ("NOUN", "PROPN") and any(
                child.text in rules.determiners for child in token.children):
            label = self.lexicon.heads.get(token.text) or \
                self.lexicon.heads.get(token.text.capitalize())
            if label is not None:
                return self.last_before(token.i, entity_group(label), label)
        return None

    def _pronoun(self, token: Token, group: str) -> Candidate | None:
        """A pronoun refers to the one person named in its sentence or the one before."""
        sentence = token.sent
        start = sentence.start
        previous = self.doc[start - 1].sent.start if start > 0 else start
        people = [m for m in self.mentions if previous <= m.start < token.i
                  and entity_group(m.label) == group]
        if not people:
            return None
        last = people[-1]
        names = {self.doc[m.start : m.end].text for m in people}
        longest = max(names, key=len)
        # "Josephine Teo" and "Teo" are one person; two different names are ambiguous.
        if all(set(name.split()) <= set(longest.split()) for name in names):
            return last
        return None

    def last_before(self, index: int, group: str, label: str | None = None
                    ) -> Candidate | None:
        """The most recent entity of a group (and, if given, class) before a token."""
        best = None
        for mention in self.mentions:
            if mention.end > index:
                break
            if entity_group(mention.label) != group:
                continue
            # "the agreement" wants an Agreement, not any work.
            if label not in (None, "Work") and group == "Work" and mention.label != label:
                continue
            best = mention
        return best

    def salient(self, index: int, default: str) -> Candidate | None:
        """The object an implicit role refers to: a recent meeting, or the main body."""
        if default == "meeting":
            meetings = [m for m in self.mentions if m.end <= index
                        and entity_group(m.label) == "Meeting"]
            numbered = [m for m in meetings if m.ordinal is not None]
            pool = numbered or meetings
            return pool[-1] if pool else None
        return self.main_organization

    def expand(self, token: Token) -> list[Candidate]:
        """The entities a token stands for, with everything coordinated with it.

        A common noun with an "of" entity stands for that entity ("the physical facility
        of the ASEAN Regional CERT").
        """
        found: list[Candidate] = []
        for item in _coordinated(token):
            mention = self.at(item)
            if mention is None and item.pos_ == "NOUN":
                mention = next((self.at(p) for c in item.children if c.dep_ == "prep"
                                and c.lower_ == "of" for p in c.children
                                if p.dep_ == "pobj" and self.at(p) is not None), None)
            if mention is not None and mention not in found:
                found.append(mention)
        return found


def _main_organization(mentions: Sequence[Candidate]) -> Candidate | None:
    counts: dict[str, list[Candidate]] = {}
    for mention in mentions:
        if mention.label == "IntergovernmentalOrganization":
            counts.setdefault(mention.key or str(mention.start), []).append(mention)
    if not counts:
        return None
    return max(counts.values(), key=len)[0]


def _coordinated(token: Token) -> Iterator[Token]:
    """A token, its conjuncts and appositions, and "together with"/"as well as" partners."""
    seen = set()
    todo = [token]
    while todo:
        item = todo.pop(0)
        if item.i in seen:
            continue
        seen.add(item.i)
        yield item
        for child in item.children:
            if child.dep_ in ("conj", "appos"):
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ == "with" and any(
                    c.lower_ == "together" for c in child.children):
                todo.extend(c for c in child.children if c.dep_ == "pobj")


def _verb_read_as_noun(token: Token) -> bool:
    """Whether the tagger misread a verb as a noun ("The UKSDEA builds on ...").

    A sentence whose only head is a plural-looking noun after a name, with a
    preposition, is that; the name is its subject.
    """
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.text.endswith("s") and \
        any(c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"
            for c in token.children) and any(c.dep_ == "prep" for c in token.children)


def _subjects(verb: Token) -> list[Token]:
    """Subject tokens of a verb, inherited along coordination and relative clauses."""
    own = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if own:
        return own
    if _verb_read_as_noun(verb):
        return [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"][-1:]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    if verb.dep_ in ("acl", "relcl") or (verb.dep_ == "advcl" and verb.tag_ == "VBN"):
        return [verb.head]
    if verb.dep_ == "xcomp":
        return _subjects(verb.head)
    return []


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB":
        return _is_passive(verb.head)
    return verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN"


def _agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb, and partners "together with" them."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(c for c in child.children if c.dep_ == "pobj")
    if found:
        found.extend(_together_with(verb))
    return found


def _together_with(token: Token) -> list[Token]:
    return [c for child in token.children if child.dep_ == "prep" and child.lower_ == "with"
            and any(g.lower_ == "together" for g in child.children)
            for c in child.children if c.dep_ == "pobj"]


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in _OBJECTS]
    if not found and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        found = [c for c in verb.head.children if c.dep_ in _OBJECTS]
    return found


def _prep_objects(verb: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "prt", "dative") and child.lower_ in wanted:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    for child in verb.children:  # "held virtually from Kuala Lumpur"
        if child.dep_ == "advmod":
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in wanted:
                    found.extend(c for c in grand.children if c.dep_ == "pobj")
    return found


def _relative(token: Token) -> Token:
    """For "which"/"that" in a relative clause, the noun it stands for."""
    if token.lower_ in _RELATIVE:
        clause = token.head
        while clause.dep_ == "conj" and clause.head.dep_ != "relcl" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ == "conj":
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


class Extractor:
    """Applies the rules to one doc; see :func:`extract`."""

    def __init__(self, doc: Doc, mentions: Sequence[Candidate], rules: Rules,
                 lexicon: Lexicon) -> None:
        self.ctx = _Context(doc, mentions, rules, lexicon)
        self.rules = rules
        self.doc = doc
        self.found: dict[tuple[int, str, int], Found] = {}

    def run(self) -> list[Found]:
        """Apply every rule; return the relations found, in text order."""
        if self.doc.has_annotation("DEP"):
            for sentence in self.doc.sents:
                for token in sentence:
                    self._verb(token, sentence)
                    self._role(token, sentence)
            self._under_and_party()
        self._groups()
        self._surface()
        return sorted(self.found.values(), key=lambda f: (f.sentence.start, f.subject.start,
                                                          f.object.start, f.predicate))

    # Bookkeeping ---------------------------------------------------------------------

    def _add(self, subject: Candidate | None, predicate: str, obj: Candidate | None,
             rule: str, confidence: float, sentence: Span) -> None:
        if subject is None or obj is None or subject is obj:
            return
        if (subject.key and subject.key == obj.key) or \
                self.doc[subject.start : subject.end].text == self.doc[obj.start : obj.end].text:
            return
        domain, range_ = self.rules.signatures[predicate]
        if entity_group(subject.label) not in domain or entity_group(obj.label) not in range_:
            return
        key = (id(subject), predicate, id(obj))
        current = self.found.get(key)
        if current is None or current.confidence < confidence:
            self.found[key] = Found(subject, predicate, obj, rule, confidence, sentence)

    # Verbs ---------------------------------------------------------------------------

    def _verb(self, token: Token, sentence: Span) -> None:
        # The small model tags some verbs as nouns ("The UKSDEA builds on ..."); a word
        # with a subject of its own is acting as a verb.
        if token.pos_ not in ("VERB", "AUX") and not any(
                c.dep_ in _SUBJECTS for c in token.children) and not _verb_read_as_noun(token):
            return
        for frame in self.rules.verbs:
            if token.lemma_.lower() not in frame["lemmas"]:
                continue
            if "particle" in frame and not any(
                    c.dep_ == "prt" and c.lower_ == frame["particle"] for c in token.children):
                continue
            if "requires" in frame and not any(
                    c.lemma_.lower() in frame["requires"] for c in _objects(token)):
                continue
            self._apply_frame(token, frame, sentence)
        self._gathering(token, sentence)

    def _apply_frame(self, verb: Token, frame: dict[str, Any], sentence: Span) -> None:
        relation = frame["relation"]
        confidence = float(frame["confidence"])
        rule = f"verb:{verb.lemma_.lower()}"
        passive = _is_passive(verb)
        subjects = [self._relative(t) for t in _subjects(verb)]
        if passive:
            doers = [m for t in _agents(verb) for m in self.ctx.expand(t)]
            things = [m for t in subjects for m in self.ctx.expand(t)]
        else:
            doers = [m for t in subjects for m in self.ctx.expand(t)]
            things = [m for t in _objects(verb) for m in self.ctx.expand(self._relative(t))]
        if "via" in frame:
            heads = [verb] + ([o for o in _objects(verb) if o.lemma_.lower() in frame["requires"]]
                              if "requires" in frame else [])
            targets = [m for head in heads for t in _prep_objects(head, frame["via"])
                       for m in self.ctx.expand(t)]
            explicit = any(c.dep_ == "prep" and c.lower_ in frame["via"]
                           for head in heads for c in head.children)
            # "took part" names no meeting: the one just mentioned is meant; "participate
            # in the timely sharing" names something else, so nothing is.
            if not targets and not explicit and frame.get("default") == "meeting":
                salient = self.ctx.salient(verb.i, "meeting")
                targets = [salient] if salient is not None else []
            if relation in ("heldIn", "basedIn"):
                # "held in Singapore": the held thing relates to the place.
                holders = things if passive else (things or doers)
                for holder in holders:
                    for place in targets:
                        self._add(holder, relation, place, rule, confidence, sentence)
                return
            # "handed over the Chairmanship to Thailand": the object is the recipient.
            things = targets if "requires" in frame else (targets or things)
        for doer in doers:
            for thing in things:
                if frame.get("inverse"):
                    self._add(thing, relation, doer, rule, confidence, sentence)
                else:
                    self._add(doer, relation, thing, rule, confidence, sentence)

    def _gathering(self, verb: Token, sentence: Span) -> None:
        """"The 4th ADGMIN brought together X, Y and Z"; "was attended by X"."""
        lemma = verb.lemma_.lower()
        gathering = self.rules.gathering
        if lemma in gathering["lemmas"] and any(
                c.lower_ in gathering["particles"] for c in verb.children):
            meetings = [m for t in _subjects(verb) for m in self.ctx.expand(t)
                        if entity_group(m.label) == "Meeting"]
            if meetings:
                for mention in self._after(verb, sentence):
                    self._add(mention, "attended", meetings[0], f"verb:{lemma}",
                              float(gathering["confidence"]), sentence)
        attendance = self.rules.passive_attendance
        if lemma in attendance["lemmas"] and _is_passive(verb):
            meetings = [m for t in _subjects(verb) for m in self.ctx.expand(self._relative(t))]
            for agent in (m for t in _agents(verb) for m in self.ctx.expand(t)):
                for meeting in meetings:
                    self._add(agent, "attended", meeting, f"verb:{lemma}",
                              float(attendance["confidence"]), sentence)

    def _relative(self, token: Token) -> Token:
        """"which"/"that" stand for the noun before them.

        The parser's antecedent is used when it is an entity; otherwise the entity just
        before the pronoun ("the ADM2025, which succeeds ..."), skipping punctuation and
        a parenthesised acronym.
        """
        antecedent = _relative(token)
        if antecedent is token or self.ctx.top[antecedent.i] is not None:
            return antecedent
        index = token.i - 1
        while index >= 0 and self.doc[index].is_punct:
            index -= 1
        mention = self.ctx.top[index] if index >= 0 else None
        if mention is not None and index > 0 and self.doc[mention.start - 1].text == "(":
            before = mention.start - 2
            mention = self.ctx.top[before] if before >= 0 else mention
        return self.doc[mention.start] if mention is not None else antecedent

    def _after(self, verb: Token, sentence: Span) -> list[Candidate]:
        """Entities in the verb's clause after the verb, up to a clause of its own."""
        found = []
        for token in sentence[verb.i - sentence.start + 1 :]:
            if token.dep_ in ("relcl", "advcl", "ccomp") and token.head.i == verb.i:
                break
            if token.lower_ == "as" and token.dep_ == "prep":
                continue
            mention = self.ctx.top[token.i]
            if mention is not None and mention not in found and \
                    self.doc[mention.start].lower_ != "as":
                found.append(mention)
        return found

    # Roles: "as the Chair of X" ------------------------------------------------------

    def _role(self, token: Token, sentence: Span) -> None:
        if token.lower_ == "under":
            self._under_role(token, sentence)
            return
        if token.lower_ != "as":
            return
        role = next((c for c in token.children if c.dep_ == "pobj"), None)
        if role is None:
            return
        words = " ".join(t.text for t in role.subtree if (t.i <= role.i
                         and t.dep_ in ("compound", "amod")) or t.i == role.i)
        words = words.replace(" - ", "-")
        # "Vice-Chair" is a role of its own, not a "Chair": the whole phrase decides first.
        specs = [s for s in self.rules.roles if words in s["nouns"]] or \
            [s for s in self.rules.roles if role.text in s["nouns"]]
        for spec in specs[:1]:
            subject = self._role_holder(token)
            target = next((m for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"
                           for m in self.ctx.expand(p)), None)
            if target is None:
                target = self.ctx.salient(token.i, spec["default"])
            self._add(subject, spec["relation"], target, f"role:{words}",
                      float(spec["confidence"]), sentence)
            return

    def _under_role(self, under: Token, sentence: Span) -> None:
        """"held under the chairmanship of Singapore", "under Singapore's Chairmanship"."""
        role = next((c for c in under.children if c.dep_ == "pobj"), None)
        if role is None:
            return
        spec = next((s for s in self.rules.roles if role.text in s["nouns"]
                     and role.lower_.endswith("ship")), None)
        if spec is None:
            return
        holders = [m for c in role.children if c.dep_ == "poss" for m in self.ctx.expand(c)]
        holders += [m for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" for m in self.ctx.expand(p)]
        verb = under.head
        meetings = [m for t in _subjects(verb) for m in self.ctx.expand(self._relative(t))
                    if entity_group(m.label) == "Meeting"] if verb.pos_ in ("VERB", "AUX") \
            else []
        if not meetings:  # "Under Singapore's Chairmanship, AMS strengthened ...": of what?
            return
        target = meetings[0]
        for holder in holders:
            self._add(holder, spec["relation"], target, f"role:under {role.lower_}",
                      float(spec["confidence"]) - 0.1, sentence)

    def _role_holder(self, as_token: Token) -> Candidate | None:
        """Who holds a role: the entity just before "as", or the verb's subject."""
        index = as_token.i - 1
        while index >= 0 and self.doc[index].is_punct:
            index -= 1
        if index >= 0 and self.ctx.top[index] is not None:
            return self.ctx.top[index]
        head = as_token.head
        if head.pos_ in ("VERB", "AUX"):
            for subject in _subjects(head):
                found = self.ctx.expand(self._relative(subject))
                if found:
                    return found[0]
        return self.ctx.at(head)

    # Copula patterns: "a statutory board under X", "a party to X" -------------------

    def _under_and_party(self) -> None:
        patterns = self.rules.patterns
        under, party = patterns["under"], patterns["party_to"]
        for token in self.doc:
            if token.lemma_.lower() in under["nouns"] or token.text in under["nouns"]:
                owners = [m for c in token.children if c.dep_ == "prep"
                          and c.lower_ in under["words"] for p in c.children
                          if p.dep_ == "pobj" for m in self.ctx.expand(p)]
                for member in self._described(token):
                    for owner in owners:
                        self._add(member, under["relation"], owner, "pattern:under",
                                  float(under["confidence"]), token.sent)
            if token.lower_ in party["nouns"]:
                works = [m for c in token.children if c.dep_ == "prep"
                         and c.lower_ in party["words"] for p in c.children
                         if p.dep_ == "pobj" for m in self.ctx.expand(p)]
                partners = [m for c in token.head.children if c.dep_ == "prep"
                            and c.lower_ == "with" for m in self.ctx.expand(c)] + [
                    m for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                    for p in c.children if p.dep_ == "pobj" for m in self.ctx.expand(p)]
                for signer in self._described(token) + partners:
                    for work in works:
                        self._add(signer, party["relation"], work, "pattern:party-to",
                                  float(party["confidence"]), token.sent)

    def _described(self, noun: Token) -> list[Candidate]:
        """What a predicate noun describes: "X is a board", "X, a board"."""
        if noun.dep_ in ("attr", "acomp") and noun.head.lemma_ == "be":
            return [m for s in _subjects(noun.head) for m in self.ctx.expand(s)]
        if noun.dep_ == "appos":
            found = self.ctx.at(noun.head)
            return [found] if found else []
        return []

    # Groups with members: "Dialogue Partners – US, China and India" ----------------

    def _groups(self) -> None:
        doc = self.doc
        words = [t.text for t in doc]
        phrases = [(noun.split(), spec) for spec in self.rules.groups for noun in spec["nouns"]]
        for index, word in enumerate(words):
            for parts, spec in phrases:
                if word == parts[0] and words[index : index + len(parts)] == parts:
                    self._group_at(index, index + len(parts), spec)
        suffixes = self.rules.member_suffixes
        for mention in self.ctx.mentions:  # "ASEAN Member States" is a member of ASEAN
            text = doc[mention.start : mention.end].text
            for suffix in suffixes:
                if text.endswith(suffix) and text != suffix:
                    prefix = text[: -len(suffix)].strip()
                    owner = next((m for m in self.ctx.mentions if
                                  doc[m.start : m.end].text == prefix), None) or (
                        self.ctx.main_organization if self.ctx.main_organization is not None
                        and doc[self.ctx.main_organization.start :
                                self.ctx.main_organization.end].text == prefix else None)
                    self._add(mention, "memberOf", owner, "pattern:member-states", 0.8,
                              doc[mention.start].sent)

    def _group_at(self, start: int, end: int, spec: dict[str, Any]) -> None:
        doc = self.doc
        sentence = doc[start].sent
        index = end
        owner = None
        if index < sentence.end and doc[index].lower_ == "of":
            owner = self.ctx.top[index + 1] if index + 1 < sentence.end else None
            if owner is None and index + 2 < sentence.end and doc[index + 1].lower_ == "the":
                owner = self.ctx.top[index + 2]
            if owner is not None:
                index = owner.end
        # Skip to the list: a marker ("namely", "–", ":") within the clause.
        markers = self.rules.list_markers
        limit = min(sentence.end, index + 8)
        while index < limit and doc[index].text not in markers and \
                doc[index].lower_ not in markers:
            index += 1
        if index >= limit:
            return
        index += 1
        members = []
        while index < sentence.end:
            token = doc[index]
            mention = self.ctx.top[index]
            if mention is not None:
                if mention.end > index + 1 or mention.start == index:
                    members.append(mention)
                index = mention.end
                continue
            if token.text in (",", "and", "the", "The", "(", ")", "&") or \
                    token.lower_ in ("as", "well") or token.like_num:
                index += 1
                continue
            break
        owner = owner or self.ctx.salient(start, spec["default"])
        for member in members:
            self._add(member, spec["relation"], owner, f"group:{doc[start:end].text}",
                      float(spec["confidence"]), sentence)

    # Surface patterns over the sequence of entities ----------------------------------

    def _surface(self) -> None:
        doc = self.doc
        patterns = self.rules.patterns
        ordered = [m for m in self.ctx.mentions if self.ctx.top[m.start] is m]
        for first, middle, last in zip(ordered, ordered[1:], ordered[2:], strict=False):
            # "Mr Prasert, Thailand's Deputy Prime Minister": the country is the post's.
            if first.label == "Person" and middle.label == "Country" and \
                    last.label == "Post" and \
                    [t.text for t in doc[first.end : middle.start]] == [","] and \
                    [t.text for t in doc[middle.end : last.start]] in (["’s"], ["'s"]):
                self._apposition(ordered, first, last, [","], doc[first.start].sent)
        for left, right in itertools.pairwise(ordered):
            gap = doc[left.end : right.start]
            words = [t.text for t in gap]
            sentence = doc[left.start].sent
            if doc[right.start].sent.start != sentence.start:
                continue
            groups = (entity_group(left.label), entity_group(right.label))
            self._apposition(ordered, left, right, words, sentence)
            spec = patterns["made_by"]
            if [w.lower() for w in words if w not in ("the", "The")] == spec["words"] \
                    and groups[0] in ("Work", "Organization"):
                self._add(left, spec["relation"], right, "pattern:x-by-y",
                          float(spec["confidence"]), sentence)
            spec = patterns["possessive_work"]
            if words in (["’s"], ["'s"]) and groups[1] == "Work":
                self._add(right, spec["relation"], left, "pattern:possessive",
                          float(spec["confidence"]), sentence)
            spec = patterns["parenthetical_place"]
            if words == ["("] and right.end < len(doc) and doc[right.end].text == ")" and \
                    groups[1] in ("Country", "Place"):
                self._add(left, spec["relation"], right, "pattern:parenthetical-place",
                          float(spec["confidence"]), sentence)
            spec = patterns["meeting_place"]
            if groups[0] == "Meeting" and [w.lower() for w in words if w not in
                                           ("the", "The")] in [[w] for w in spec["words"]]:
                self._add(left, spec["relation"], right, "pattern:meeting-in-place",
                          float(spec["confidence"]), sentence)
            spec = patterns["place_country"]
            if words == [","] and left.label == "City" and right.label == "Country":
                self._add(left, spec["relation"], right, "pattern:place-country",
                          float(spec["confidence"]), sentence)
        self._post_organizations()

    def _apposition(self, ordered: list[Candidate], left: Candidate, right: Candidate,
                    words: list[str], sentence: Span) -> None:
        """Person and post(s) side by side: "Mr Gan, Minister for ..." or the reverse."""
        spec = self.rules.patterns["apposition_post"]
        skip = set(spec["skip"]) | self.ctx.lexicon.honorific_words | {
            w for h in self.ctx.lexicon.honorifics for w in h.split()}
        rest = [w for w in words if w not in skip and w not in (",", ".")]
        if rest:
            return
        person, post = (left, right) if left.label == "Person" else (right, left)
        if person.label != "Person":
            return
        if post.label == "Post":
            posts = self._coordinated_posts(ordered, post, forward=post is right)
        elif post.label == "Country" and post is right and words[-1:] in (["’s"], ["'s"]):
            return  # "Mr Gan, Singapore's Minister ...": the next pair has the post
        else:
            return
        for item in posts:
            self._add(person, spec["relation"], item, "pattern:apposition",
                      float(spec["confidence"]), sentence)

    def _coordinated_posts(self, ordered: list[Candidate], post: Candidate, *,
                           forward: bool) -> list[Candidate]:
        """"Deputy Prime Minister and Minister of ...": every post in the coordination."""
        posts = [post]
        index = ordered.index(post)
        step = 1 if forward else -1
        while 0 <= index + step < len(ordered):
            nxt = ordered[index + step]
            low, high = (posts[-1], nxt) if forward else (nxt, posts[-1])
            gap = [t.text for t in self.doc[low.end : high.start]]
            if nxt.label != "Post" or gap not in (["and"], ["&"], [","], [",", "and"]):
                break
            posts.append(nxt)
            index += step
        return posts

    def _post_organizations(self) -> None:
        """Whoever holds "Secretary-General of the Ministry X" is a member of X."""
        spec = self.rules.patterns["post_organization"]
        held = [f for f in self.found.values() if f.predicate == "holdsPost"]
        for relation in held:
            post = relation.object
            for mention in self.ctx.mentions:
                if post.contains(mention) and entity_group(mention.label) == "Organization" \
                        and mention.start > post.start:
                    self._add(relation.subject, spec["relation"], mention,
                              "pattern:post-of-organization", float(spec["confidence"]),
                              relation.sentence)


def extract(doc: Doc, mentions: Sequence[Candidate], rules: Rules | None = None,
            lexicon: Lexicon | None = None) -> list[Found]:
    """Find the relations between ``mentions`` in ``doc``.

    Args:
        doc: A parsed doc (without a parse, only the surface patterns apply).
        mentions: The chosen mentions (``doc.user_data[MENTIONS]``).
        rules: Relation rules (default: docgraph's).
        lexicon: The recogniser's lexicon (default: docgraph's).

    Returns:
        Relations in text order.
    """
    return Extractor(doc, mentions, rules or load_rules(), lexicon or load_lexicon()).run()


class RelationFinder:
    """The ``docgraph_relations_v1`` component."""

    def __init__(self, rules: str | None, lexicon: str | None) -> None:
        self.rules = load_rules(Path(rules) if rules else None)
        self.lexicon = load_lexicon(Path(lexicon) if lexicon else None)

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's relations."""
        doc.user_data[RELATIONS] = extract(doc, doc.user_data.get(MENTIONS, []), self.rules,
                                           self.lexicon)
        return doc


@Language.factory("docgraph_relations_v1", default_config={"rules": None, "lexicon": None},
                  assigns=["doc.user_data"], requires=["doc.ents"])
def make_relations(nlp: Language, name: str, rules: str | None, lexicon: str | None
                   ) -> RelationFinder:
    """Relations between the entities docgraph_repair_v1 chose."""
    return RelationFinder(rules, lexicon)
