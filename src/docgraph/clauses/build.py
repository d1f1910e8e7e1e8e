"""Read a parsed sentence into frames: each predicate with its arguments, voice and status.

One procedure for every predicate, whatever the clause's shape:

- active and passive verbs ("X chaired Y", "Y was chaired by X"), with a hyphenated
  prefix the tokenizer split off ("co-chaired");
- participles after a noun ("the meeting, co-chaired by X") and before a clause
  ("Chaired by X, the Committee agreed"; "Speaking at Y, X said");
- relative clauses ("the Working Group, which Singapore established");
- coordinated verbs sharing a subject or an object ("hosted and chaired the meeting");
- infinitives and their controllers ("X was invited to attend Y"; "X agreed to sign Y");
- nouns naming an act ("the signing of X by A and B", "X's appointment as Y"), whose
  doer may be the subject of the verb they are the object of ("A announced the launch
  of X").

The status of each predicate comes from what governs it: a modal ("will sign":
planned; "could sign": possible), a negation, a verb or noun of intention ("intend to
establish", "the proposal to set up": intended) or of decision ("agreed to establish":
planned), and is inherited down a chain of complements. The cues are data
(``ontologies/clauses.yaml``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy.symbols
import yaml
from spacy.tokens import Doc, Span, Token

from docgraph.clauses.frames import Argument, Frame, Role, Status
from docgraph.clauses.parse import RELATIVE, verb_read_as_noun
from docgraph.errors import ConfigurationError
from docgraph.resources import ontologies_dir

_SUBJECT = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
_OBJECT = frozenset({"dobj", "obj"})
_ATTRIBUTE = frozenset({"oprd", "attr"})
_MARKED = frozenset({"prep", "agent", "dative"})
# Dependencies through which a complement's status comes from what governs it.
_COMPLEMENT = frozenset({"xcomp", "ccomp", "pcomp", "prep", "dobj", "acl", "advcl", "conj",
                         "relcl", "pobj"})
_MAX_GOVERNORS = 4
# Dependencies that attach a clause's verb to the sentence.
_CLAUSAL = frozenset({"ROOT", "acl", "advcl", "relcl", "conj", "xcomp", "ccomp", "pcomp"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Parts of speech a predicate can have: verbs, and nouns naming an act.
_PREDICATE_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})
_PREDICATE_POS_IDS = frozenset(int(spacy.symbols.IDS[tag]) for tag in _PREDICATE_POS)


@dataclass(frozen=True, slots=True)
class Cues:
    """The words the clause layer reads status and predicates from (clauses.yaml)."""

    prefixes: frozenset[str]
    planned_modals: frozenset[str]
    possible_modals: frozenset[str]
    planned_verbs: frozenset[str]
    intended_verbs: frozenset[str]
    intended_nouns: frozenset[str]
    negations: frozenset[str]
    negating_verbs: frozenset[str]
    negating_adjectives: frozenset[str]


@functools.cache
def load_cues(path: Path | None = None) -> Cues:
    """Read the clause layer's cues (default: docgraph's ``ontologies/clauses.yaml``).

    Raises:
        ConfigurationError: If the file is missing or malformed.
    """
    source = path or ontologies_dir() / "clauses.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        status = data["status"]
        _check_words([data["prefixes"], *status.values()])
        return Cues(
            prefixes=frozenset(data["prefixes"]),
            planned_modals=frozenset(status["planned_modals"]),
            possible_modals=frozenset(status["possible_modals"]),
            planned_verbs=frozenset(status["planned_verbs"]),
            intended_verbs=frozenset(status["intended_verbs"]),
            intended_nouns=frozenset(status["intended_nouns"]),
            negations=frozenset(status["negations"]),
            negating_verbs=frozenset(status["negating_verbs"]),
            negating_adjectives=frozenset(status["negating_adjectives"]),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ConfigurationError(f"{source}: cannot read the clause cues: {exc}") from exc


def _check_words(groups: list[list[object]]) -> None:
    if not all(isinstance(w, str) for group in groups for w in group):
        raise ValueError("every cue must be a word; quote on, off, yes and no")


class ClauseReader:
    """Reads the frames of one doc's sentences.

    Args:
        lemma: A token's lemma (the doc's own, or worked out when asked).
        nouns: Nouns that name an act and get frames of their own ("signing").
        cues: The status and predicate cues (default: docgraph's).
    """

    def __init__(self, lemma: Callable[[Token], str], nouns: Collection[str] = (),
                 cues: Cues | None = None) -> None:
        self.lemma = lemma
        self.nouns = frozenset(nouns)
        self.cues = cues or load_cues()
        self._status: dict[int, Status] = {}
        # The word a predicate noun ends its head on ("setting" of "setting up",
        # "creation" of "co-creation"): only those tokens are looked at more closely.
        self._noun_heads = frozenset(n.split()[0].split("-")[-1] for n in self.nouns)
        self._doc_arrays: tuple[Doc, list[int], list[int], frozenset[int]] | None = None

    # Predicates --------------------------------------------------------------------------

    def frames(self, sentence: Span, verbs: Collection[str] | None = None) -> list[Frame]:
        """Every predicate of ``sentence`` with its arguments, in text order.

        With ``verbs``, only the verbs with those lemmas (and every noun predicate) are
        read: building a verb's frame is the larger part of reading a clause.
        """
        doc = sentence.doc
        pos, lowers, prefixes = self._arrays(doc)
        found: list[Frame] = []
        absorbed: set[int] = set()
        for index in range(sentence.start, sentence.end):
            # What :meth:`frame` rules out first, read from arrays: a Token is built only
            # for the few words that may be predicates.
            if index in absorbed or (pos[index] not in _PREDICATE_POS_IDS and
                                     lowers[index] not in prefixes):
                continue
            frame = self.frame(doc[index], verbs)
            if frame is not None:
                absorbed.update(frame.tokens)
                found.append(frame)
        return found

    def _arrays(self, doc: Doc) -> tuple[list[int], list[int], frozenset[int]]:
        """Each token's coarse tag and lower-case form (as ids), and the prefixes' ids."""
        if self._doc_arrays is None or self._doc_arrays[0] is not doc:
            prefixes = frozenset(doc.vocab.strings.add(p) for p in self.cues.prefixes)
            self._doc_arrays = (doc, doc.to_array("POS").tolist(),
                                doc.to_array("LOWER").tolist(), prefixes)
        return self._doc_arrays[1], self._doc_arrays[2], self._doc_arrays[3]

    def frame(self, token: Token, verbs: Collection[str] | None = None) -> Frame | None:
        """The frame ``token`` heads, if it is a predicate (a verb of ``verbs``, if given)."""
        pos, lower = token.pos_, token.lower_
        if pos not in _PREDICATE_POS and lower not in self.cues.prefixes:
            return None  # most tokens: read nothing more of them
        if lower in self._noun_heads and (pos in ("NOUN", "PROPN") or _gerund(token)) and \
                self._noun_lemma(token) in self.nouns and \
                not any(c.dep_ in _SUBJECT for c in token.children):
            return self._noun(token)  # "the signing of X", "the setting up of X by Y"
        if pos == "PROPN" and lower not in self.cues.prefixes:
            return None
        pieces = self._pieces(token)
        if pieces is None:
            return None
        lemma = self.lemma(pieces[-1]).lower()
        if len(pieces) > 1:
            lemma = f"{pieces[0].lower_}-{lemma}"
        if verbs is not None and lemma not in verbs:
            return None
        return self._verb(token, pieces, lemma)

    def _noun_lemma(self, noun: Token) -> str:
        """A noun as a predicate: "creation", "co-creation", "setting up"."""
        doc = noun.doc
        lemma = noun.lower_
        if noun.i >= 2 and doc[noun.i - 1].text in _HYPHENS and \
                doc[noun.i - 2].lower_ in self.cues.prefixes:
            lemma = f"{doc[noun.i - 2].lower_}-{lemma}"
        particle = next((c.lower_ for c in noun.children if c.dep_ == "prt"), None)
        return f"{lemma} {particle}" if particle else lemma

    def _pieces(self, token: Token) -> tuple[Token, ...] | None:
        """The tokens of the verb ``token`` begins: "co", "-", "chaired"; or None."""
        doc = token.doc
        if token.lower_ in self.cues.prefixes and token.i + 2 < len(doc) and \
                doc[token.i + 1].text in _HYPHENS and _verbal(doc[token.i + 2]):
            return token, doc[token.i + 1], doc[token.i + 2]
        if token.i >= 2 and doc[token.i - 1].text in _HYPHENS and \
                doc[token.i - 2].lower_ in self.cues.prefixes:
            return None  # read with its prefix, from the prefix
        if token.pos_ == "VERB" or verb_read_as_noun(token) or (
                token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "relcl", "advcl")
                and not any(c.dep_ in ("acomp", "attr") for c in token.children)
                and any(c.dep_ in _OBJECT for c in token.children)):
            return (token,)
        return None

    def _verb(self, token: Token, pieces: tuple[Token, ...], lemma: str) -> Frame:
        # The piece that carries the clause: "co", "-", "chaired" may be parsed with any
        # of them as the one attached to the sentence.
        own = {p.i for p in pieces}
        head = next((p for p in pieces if p.dep_ in _CLAUSAL and p.head.i not in own),
                    pieces[0])
        verb = pieces[-1]
        children = [c for piece in pieces for c in piece.children if c.i not in own]
        # The parser sometimes hangs the subject on the auxiliary: "The Meeting was
        # co-chaired by X" with "Meeting" under "was".
        children += [g for c in children if c.dep_ in ("aux", "auxpass")
                     for g in c.children if g.dep_ in _SUBJECT | _PASSIVE_SUBJECT]
        passive = _passive(head, verb, children)
        subjects = [c for c in children if c.dep_ in _SUBJECT | _PASSIVE_SUBJECT]
        objects = [c for c in children if c.dep_ in _OBJECT]
        arguments = [Argument(Role.PATIENT if passive else Role.AGENT, c.i) for c in subjects]
        arguments += [Argument(Role.PATIENT, obj.i) for obj in objects]
        arguments += [Argument(Role.ATTRIBUTE, c.i) for c in children if c.dep_ in _ATTRIBUTE
                      and not (c.dep_ == "attr" and self.lemma(token).lower() == "be")]
        arguments += _marked(children)
        if not subjects:
            arguments += self._borrowed_subject(head, verb, passive)
        if head.dep_ == "relcl" and not objects and not passive and \
                not any(relative(c) for c in children) and \
                not any(a.role is Role.PATIENT for a in arguments):
            # "the MOU Singapore signed": the noun is the verb's object.
            arguments.append(Argument(Role.PATIENT, head.head.i, inherited=True))
        if not objects and not passive:
            arguments += self._shared_object(head)
        if passive and not any(a.role is Role.AGENT for a in arguments):
            # "the meeting, chaired by X and co-hosted with Y"
            arguments += [Argument(Role.AGENT, a.head, a.marker, a.inherited)
                          for a in arguments if a.role is Role.OBLIQUE and a.marker == "by"]
        return Frame(head=head.i, lemma=lemma, kind="verb", passive=passive,
                     status=self.status(head), arguments=tuple(_ordered(arguments)),
                     tokens=tuple(p.i for p in pieces))

    def _borrowed_subject(self, head: Token, verb: Token, passive: bool) -> list[Argument]:
        """A subject the verb's own clause does not give, from the clause around it."""
        dep = head.dep_
        governor = head.head
        role = Role.PATIENT if passive else Role.AGENT
        if dep == "conj" and governor.i != head.i and _verbal(governor):
            # "Singapore hosted and chaired X"; "X was set up in 2019 and is chaired by
            # Y": the shared subject, in the role this verb's voice gives it.
            found = [c for c in governor.children if c.dep_ in _SUBJECT | _PASSIVE_SUBJECT]
            found += [g for c in governor.children if c.dep_ in ("aux", "auxpass")
                      for g in c.children if g.dep_ in _SUBJECT | _PASSIVE_SUBJECT]
            if not found and governor.dep_ in ("conj", "xcomp", "acl", "relcl", "advcl"):
                return self._borrowed_subject(governor, governor, passive)
            return [Argument(role, c.i, inherited=True) for c in found]
        if dep == "xcomp" and governor.pos_ == "ADJ" and _verbal(governor.head):
            # "Ms X was unable to attend", "X is ready to sign": the subject of "be".
            found = [c for c in governor.head.children if c.dep_ in _SUBJECT]
            return [Argument(role, c.i, inherited=True) for c in found]
        if dep == "xcomp" and _verbal(governor):
            # Control: "X was invited to attend" (X attends); "invited X to attend";
            # "X agreed to sign".
            objects = [c for c in governor.children if c.dep_ in _OBJECT]
            passive_subjects = [c for c in governor.children if c.dep_ in _PASSIVE_SUBJECT]
            active_subjects = [c for c in governor.children if c.dep_ in _SUBJECT]
            controller = objects or passive_subjects or active_subjects
            if not controller and governor.dep_ in ("conj", "xcomp"):
                return self._borrowed_subject(governor, governor, passive)
            return [Argument(role, c.i, inherited=True) for c in controller]
        if dep == "pcomp" and governor.dep_ == "prep" and _verbal(governor.head):
            # "Both sides look forward to signing X": the sides sign.
            found = [c for c in governor.head.children if c.dep_ in _SUBJECT]
            return [Argument(Role.AGENT, c.i, inherited=True) for c in found if not passive]
        if dep == "pcomp" and governor.dep_ == "prep" and \
                governor.head.pos_ in ("NOUN", "PROPN"):
            # "Singapore's efforts in setting up X": the noun's possessor does it.
            found = [c for c in governor.head.children if c.dep_ == "poss"]
            return [Argument(Role.AGENT, c.i, inherited=True) for c in found if not passive]
        if dep == "acl" and governor.lower_ in self.cues.intended_nouns:
            return []  # "the proposal to establish X": the proposal establishes nothing
        if dep in ("acl", "relcl") and governor.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            # "the meeting, co-chaired by X": the noun is what the participle says;
            # "delegates representing X": the noun does it.
            participle_role = Role.PATIENT if passive else Role.AGENT
            return [Argument(participle_role, governor.i, inherited=True)]
        if dep == "advcl" and verb.tag_ in ("VBN", "VBG") and _verbal(governor):
            # "Chaired by X, the Committee agreed"; "Speaking at Y, Minister X said".
            found = [c for c in governor.children if c.dep_ in _SUBJECT | _PASSIVE_SUBJECT]
            return [Argument(role, c.i, inherited=True) for c in found]
        return []

    def _shared_object(self, head: Token) -> list[Argument]:
        """The object a coordinated verb shares: "hosted and chaired the meeting"."""
        partners = [c for c in head.children if c.dep_ == "conj" and _verbal(c)]
        if head.dep_ == "conj" and _verbal(head.head):
            partners.append(head.head)
        for partner in partners:
            objects = [c for c in partner.children if c.dep_ in _OBJECT]
            if objects:
                return [Argument(Role.PATIENT, c.i, inherited=True) for c in objects]
        return []

    def _noun(self, noun: Token) -> Frame:
        """A noun naming an act: "the signing of X by A", "X's appointment as Y"."""
        arguments: list[Argument] = []
        for child in noun.children:
            if child.dep_ == "poss":
                arguments.append(Argument(Role.POSSESSOR, child.i))
            elif child.dep_ in _MARKED:
                marker = child.lower_
                role = Role.PATIENT if marker in ("of", "on") else \
                    Role.AGENT if marker in ("by", "between", "among", "amongst") else \
                    Role.ATTRIBUTE if marker == "as" else Role.OBLIQUE
                arguments += [Argument(role, target.i, marker, marker_at=child.i)
                              for target in child.children if target.dep_ == "pobj"]
        doc = noun.doc
        if not any(a.role is Role.POSSESSOR for a in arguments) and noun.i >= 2 and \
                doc[noun.i - 1].text in ("’", "'", "’s", "'s") and \
                doc[noun.i - 2].pos_ in ("PROPN", "NOUN"):
            # "the Ministry of Information and Communications’ signature of X", "Mr Lee
            # Seow Hiang’s appointment as Chairman": a possessive the parser did not read
            # as one.
            arguments.append(Argument(Role.POSSESSOR, noun.i - 2))
        governor = noun.head
        if noun.dep_ == "pobj" and governor.lower_ in ("in", "through", "via") and \
                _verbal(governor.head):
            governor = governor.head  # "will build on X in partnership with Y"
        if not any(a.role in (Role.AGENT, Role.POSSESSOR) for a in arguments) and \
                (noun.dep_ in _OBJECT or governor is not noun.head) and _verbal(governor):
            # "Singapore and the UK concluded negotiations on X"; "A announced the
            # launch of X": the verb's subject did it.
            arguments += [Argument(Role.AGENT, c.i, inherited=True)
                          for c in governor.children if c.dep_ in _SUBJECT]
        return Frame(head=noun.i, lemma=self._noun_lemma(noun), kind="noun", passive=False,
                     status=self.status(noun), arguments=tuple(_ordered(arguments)),
                     tokens=(noun.i,))

    # Status ------------------------------------------------------------------------------

    def status(self, token: Token) -> Status:
        """Whether what ``token`` predicates is done, planned, intended, possible or not."""
        known = self._status.get(token.i)
        if known is None:
            known = self._status[token.i] = self._own_status(token, 0)
        return known

    def _own_status(self, token: Token, depth: int) -> Status:
        cues = self.cues
        children = list(token.children)
        if token.i + 2 < len(token.doc) and token.lower_ in cues.prefixes:
            children += list(token.doc[token.i + 2].children)
        if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in cues.negations)
               for c in children):
            return Status.NEGATED
        modals = {c.lower_ for c in children if c.dep_ == "aux" and c.tag_ == "MD"}
        if modals & cues.possible_modals:
            return Status.POSSIBLE
        if modals & cues.planned_modals:
            return Status.PLANNED
        governor = token.head
        if governor.i == token.i or depth >= _MAX_GOVERNORS or token.dep_ not in _COMPLEMENT:
            # "New Chairman to be appointed": an infinitive nothing governs is scheduled.
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
                return Status.PLANNED
            return Status.DONE
        if token.dep_ == "conj" and modals == set() and _verbal(governor):
            return self._own_status(governor, depth + 1)
        verbal = _verbal(governor)
        # The lemma is asked for only where a complement's status hangs on it.
        lemma = self.lemma(governor).lower() if verbal and token.dep_ in (
            "xcomp", "ccomp", "pcomp", "prep", "dobj", "advcl") else governor.lower_
        if token.dep_ == "xcomp" and (lemma in cues.negating_verbs or
                                      governor.lower_ in cues.negating_adjectives):
            return Status.NEGATED  # "failed to sign", "was unable to attend"
        if verbal and token.dep_ in ("xcomp", "ccomp", "pcomp", "prep", "dobj", "advcl"):
            if lemma in cues.intended_verbs:
                return Status.INTENDED
            if lemma in cues.planned_verbs and token.dep_ != "advcl":
                return Status.PLANNED
        if governor.pos_ in ("NOUN", "PROPN") and governor.lower_ in cues.intended_nouns and \
                token.dep_ in ("acl", "pobj", "prep", "pcomp"):
            return Status.INTENDED  # "the proposal to establish X", "plans for X"
        if token.dep_ in ("xcomp", "ccomp", "pcomp", "prep", "pobj") or (
                token.dep_ == "dobj" and token.tag_ == "VBG"):
            inherited = self._own_status(governor, depth + 1)
            if inherited is not Status.DONE:
                return inherited
        return Status.DONE


def _gerund(token: Token) -> bool:
    """A gerund used as a noun: "the setting up of X" parsed as a verb."""
    return token.tag_ == "VBG" and token.dep_ in _SUBJECT | _PASSIVE_SUBJECT | {
        "pobj", "dobj"} and any(c.dep_ == "prep" and c.lower_ == "of"
                                for c in token.children)


def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG", "VB", "VBZ",
                                                          "VBP")


def _passive(head: Token, verb: Token, children: list[Token]) -> bool:
    """Whether a verb is passive, or a past participle used as one ("the meeting, held").

    ``head`` is the piece attached to the sentence, ``verb`` the verb's own word.
    """
    if any(c.dep_ in _PASSIVE_SUBJECT or c.dep_ == "auxpass" for c in children):
        return True
    if any(c.dep_ in _SUBJECT for c in children) or \
            any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had") for c in children):
        return False
    if any(c.dep_ in _OBJECT for c in children):
        return False  # "X, Minister of Y, handed over the chair to Z": an object, so active
    if verb.tag_ == "VBN" and min(head.i, verb.i - 2) <= head.sent.start and \
            any(c.dep_ == "agent" or c.lower_ == "by" for c in children):
        return True  # "Co-chaired by X, the meeting agreed ...", however it was parsed
    if head.dep_ == "conj" and verb.tag_ == "VBN" and _verbal(head.head):
        return any(c.dep_ in _PASSIVE_SUBJECT or c.dep_ == "auxpass"
                   for c in head.head.children) or (
            head.head.dep_ in ("acl", "advcl") and head.head.tag_ == "VBN")
    return head.dep_ in ("acl", "advcl") and verb.tag_ == "VBN"


def _marked(children: list[Token]) -> Iterator[Argument]:
    """Arguments a preposition introduces: "by X" agents, "as X" attributes, obliques."""
    for child in children:
        if child.dep_ in _MARKED or (child.dep_ == "prt" and any(
                c.dep_ == "pobj" for c in child.children)):
            marker = child.lower_
            for target in (c for c in child.children if c.dep_ == "pobj"):
                head = target.i
                if child.dep_ == "agent" or marker == "by":
                    yield Argument(Role.AGENT, head, "by", marker_at=child.i)
                elif marker == "with" and any(c.lower_ in ("together", "along")
                                              for c in child.children):
                    # "negotiated by MTI together with IMDA": a doer beside the others
                    yield Argument(Role.AGENT, head, "with", marker_at=child.i)
                elif marker == "as":
                    yield Argument(Role.ATTRIBUTE, head, "as", marker_at=child.i)
                else:
                    yield Argument(Role.OBLIQUE, head, marker, marker_at=child.i)
            if child.dep_ == "dative" and not any(c.dep_ == "pobj" for c in child.children):
                yield Argument(Role.OBLIQUE, child.i, "to")  # "gave them the chair"
        elif child.dep_ == "advmod":  # "held virtually from Kuala Lumpur"
            for grand in child.children:
                if grand.dep_ == "prep":
                    yield from (Argument(Role.OBLIQUE, c.i, grand.lower_, marker_at=grand.i)
                                for c in grand.children if c.dep_ == "pobj")


def _ordered(arguments: list[Argument]) -> list[Argument]:
    seen: set[tuple[Role, int, str]] = set()
    out = []
    for argument in sorted(arguments, key=lambda a: a.head):
        key = (argument.role, argument.head, argument.marker)
        if key not in seen:
            seen.add(key)
            out.append(argument)
    return out


def relative(token: Token) -> bool:
    """Whether a token is a relative pronoun ("which", "that", "who")."""
    return token.lower_ in RELATIVE
