"""The entities of one doc, indexed by token, and what words refer back to them.

:class:`Context` answers "which entity is this token part of?" for every rule family,
and resolves the words that stand for an entity named elsewhere: pronouns ("she"),
definite nouns ("the meeting", "the agreement"), and the implicit object of a role ("as
Chair": of the meeting being talked about). Every lookup is a bisection over mentions
sorted once, so no rule costs more than linear time in the length of a document.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy
import numpy.typing
from spacy.tokens import Doc, Token

from docgraph.clauses.parse import Lemmas, coordination, relative_antecedent
from docgraph.lexicon import Lexicon
from docgraph.ner.candidates import HEADINGS, Candidate
from docgraph.ner.tokens import words
from docgraph.relations.rules import Rules
from docgraph.vocab import coarse_type

_PERSON_REACH = 4
"""Sentences back (its own included) a "he" or "she" looks for the person it stands for."""


def entity_group(label: str) -> str:
    """The group of a class for relation typing: Person, Organization, Work, ..."""
    return coarse_type(label)


def subject_of_a_verb(doc: Doc, mention: Candidate, *, after: bool = False) -> bool:
    """Whether a mention is the subject of a verb outside it (with ``after``, after it).

    A subject is a clause's, not a title's nor an apposition's: "At the X, Permanent
    Secretary Ms Y"; "As part of the Tata Group, Tata Communications has ...".
    """
    return any(token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX")
               and (token.head.i >= mention.end if after
                    else not mention.start <= token.head.i < mention.end)
               for token in doc[mention.start : mention.end])


def _person_and_other(one: Candidate | None, other: Candidate | None) -> bool:
    """Whether one of two mentions is a person and the other of another kind."""
    if one is None or other is None:
        return False
    groups = {entity_group(one.label), entity_group(other.label)}
    return len(groups) == 2 and "Person" in groups


class _Timeline:
    """Mentions sorted by where they end, for "the last X before token i"."""

    def __init__(self, mentions: Sequence[Candidate]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.end, m.start))
        self.ends = [m.end for m in self.mentions]

    def last_before(self, index: int) -> Candidate | None:
        """The mention ending last at or before token ``index``."""
        position = bisect_right(self.ends, index)
        return self.mentions[position - 1] if position else None


class Context:
    """The chosen mentions of one doc and what refers to them."""

    def __init__(self, doc: Doc, mentions: Sequence[Candidate], rules: Rules,
                 lexicon: Lexicon, lemma: Lemmas | None = None) -> None:
        self.doc = doc
        self.lemma = lemma or Lemmas()
        """Each token's lemma, worked out for the tokens the rules read."""
        self.rules = rules
        self.lexicon = lexicon
        self.mentions = sorted(mentions, key=lambda c: (c.start, -c.end))
        self.starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self.top: list[Candidate | None] = [None] * len(doc)
        """The outermost mention each token is part of."""
        self._words = words(doc)
        self._meeting_heads = frozenset(word for word, label in lexicon.heads.items()
                                        if entity_group(label) == "Meeting")
        self.nested: list[Candidate | None] = [None] * len(doc)
        """A mention inside another one ("ASEAN" in "Secretary-General of ASEAN")."""
        for mention in self.mentions:
            target = self.nested if self._inside_another(mention) else self.top
            for index in range(mention.start, mention.end):
                if target[index] is None:
                    target[index] = mention
        grouped: dict[str, list[Candidate]] = {}
        labelled: dict[tuple[str, str], list[Candidate]] = {}
        for mention in self.mentions:
            group = entity_group(mention.label)
            grouped.setdefault(group, []).append(mention)
            labelled.setdefault((group, mention.label), []).append(mention)
        self._by_group = {k: _Timeline(v) for k, v in grouped.items()}
        self._by_label = {k: _Timeline(v) for k, v in labelled.items()}
        meetings = grouped.get("Meeting", [])
        self._numbered_meetings = _Timeline([m for m in meetings if m.ordinal is not None])
        self.main_organization = _main_organization(self.mentions)
        self.outer = [m for m in self.mentions if self.top[m.start] is m]
        """The outermost mentions, in text order."""
        self._outer_index = {id(m): i for i, m in enumerate(self.outer)}
        self._texts: dict[int, str] = {}
        self._heads: dict[tuple[tuple[str, ...], tuple[str, ...] | None], frozenset[int]] = {}
        self._arcs: numpy.typing.NDArray[numpy.int64] | None = None
        self.holders: dict[int, Candidate] = {}
        """The person a post, body or country in a description belongs to, by its id."""

    def heads_of(self, deps: tuple[str, ...], words: tuple[str, ...] | None = None
                 ) -> frozenset[int]:
        """The tokens with a child whose relation is in ``deps``, by index.

        With ``words``, only a child that is one of them (lowercase) counts. Found once
        per doc from arrays, so that a rule asked of every token can pass over those
        without such a child before it builds anything.
        """
        key = (deps, words)
        found = self._heads.get(key)
        if found is None:
            strings = self.doc.vocab.strings
            if self._arcs is None:  # read once, for every question asked of the doc
                self._arcs = self.doc.to_array(["HEAD", "DEP", "LOWER"]).astype(numpy.int64)
            table = self._arcs
            labels = numpy.array([strings.add(d) for d in deps], dtype=numpy.uint64)
            chosen = numpy.isin(table[:, 1].astype(numpy.uint64), labels)
            if words is not None:
                hashes = numpy.array([strings.add(w) for w in words], dtype=numpy.uint64)
                chosen &= numpy.isin(table[:, 2].astype(numpy.uint64), hashes)
            # HEAD is the offset from the child to its head.
            found = frozenset((numpy.flatnonzero(chosen) + table[chosen, 0]).tolist())
            self._heads[key] = found
        return found

    def _inside_another(self, mention: Candidate) -> bool:
        # Sorted by (start, -end): a container starts at most the longest mention's
        # length before it, so only that window is searched.
        position = bisect_left(self.starts, mention.start - self._longest)
        for other in self.mentions[position:]:
            if other.start > mention.start:
                break
            if other is not mention and other.contains(mention):
                return True
        return False

    def may_state(self, start: int, end: int) -> bool:
        """Whether tokens ``[start, end)`` name or point to any entity at all.

        A sentence without a mention, a pronoun, a head noun that may point back ("the
        meeting") or a name in another script gives no rule an argument: reading its
        clauses would find nothing.
        """
        top, rules, heads = self.top, self.rules, self.lexicon.heads
        texts = self._words
        for index in range(start, end):
            text = texts[index]
            if top[index] is not None or text in rules.pronouns or text in heads or \
                    text.capitalize() in heads or _other_script(text):
                return True
        return False

    def names_meeting(self, start: int, end: int) -> bool:
        """Whether tokens ``[start, end)`` name a meeting or may point to one ("the Summit")."""
        if any(entity_group(m.label) == "Meeting" for m in self.within(start, end)):
            return True
        heads = self._meeting_heads
        return any(w in heads or w.capitalize() in heads for w in self._words[start:end])

    def at(self, token: Token) -> Candidate | None:
        """The entity a token belongs to, or refers to (pronouns, "the meeting")."""
        found = self.top[token.i]
        if found is not None:
            return found
        if token.i > 0 and _other_script(token.text):
            # "Mr Lee Seow Hiang 李绍贤 is ...": the name written in another script is
            # the same person's.
            before = self.top[token.i - 1]
            if before is not None and before.label == "Person":
                return before
        return self.refers_to(token)

    @functools.cached_property
    def speaker(self) -> Candidate | None:
        """Who speaks on the page: the person a heading says it is by, if one.

        "Speech by SMS Janil Puthucheary at the Committee of Supply Debate 2023".
        """
        doc = self.doc
        cues = self.rules.speaker_cues
        found: list[Candidate] = []
        for start, end in sorted(doc.user_data.get(HEADINGS, ()))[:3]:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            cue = next((t.i for t in span if t.text in cues), None)
            if cue is None:
                continue
            found += [m for m in self.within(cue + 1, span.end)
                      if m.label == "Person" and self.top[m.start] is m][:1]
        names = {self.text(m) for m in found}
        return found[0] if len(names) == 1 else None

    def refers_to(self, token: Token) -> Candidate | None:
        """What a pronoun or a definite head noun ("the agreement") stands for, if clear."""
        rules = self.rules
        if token.text in rules.speaker_words:
            return self.speaker  # "the Panel that I co-chair", in a speech
        if token.text in rules.pronouns:
            return self._pronoun(token, rules.pronouns[token.text])
        # "the (virtual) meeting", but not "the next meeting" nor "the Council meeting":
        # a name or a word of sequence makes it another thing of the kind.
        if token.pos_ in ("NOUN", "PROPN") and any(
                child.text in rules.determiners for child in token.children) and all(
                child.dep_ in ("det", "punct", "prep", "relcl", "acl", "appos") or (
                    child.dep_ == "amod" and child.pos_ == "ADJ"
                    and child.lower_ not in rules.other_words)
                for child in token.children):
            label = self.lexicon.heads.get(token.text) or \
                self.lexicon.heads.get(token.text.capitalize())
            if label is None:
                return None
            found = self.last_before(token.i, entity_group(label), label)
            if found is not None and any(child.text in rules.demonstratives
                                         for child in token.children):
                sentence = token.sent.start
                previous = self.doc[sentence - 1].sent.start if sentence > 0 else sentence
                return found if found.start >= previous else None
            return found
        return None

    def _pronoun(self, token: Token, group: str) -> Candidate | None:
        """A pronoun refers to the one entity of its kind named just before it.

        "she": the one person named in its sentence or the one before; "its" (groups
        written "Country|Organization"): the one country or body named before it in its
        own sentence ("Singapore's approach, as outlined in its Blueprint").
        """
        groups = set(group.split("|"))
        start = token.sent.start
        high = bisect_left(self.starts, token.i)
        # A person may be named a few sentences back in a biography ("Mr Lee is ...
        # He also sits on ..."): the nearest sentence that names anyone decides.
        reach = _PERSON_REACH if groups == {"Person"} else 1
        people: list[Candidate] = []
        for _ in range(reach):
            low = bisect_left(self.starts, start)
            people = [m for m in self.mentions[low:high] if entity_group(m.label) in groups
                      and self.top[m.start] is m]
            if people or start == 0:
                break
            high = low
            start = self.doc[start - 1].sent.start
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
        """The most recent entity of a group (and, for works, class) before a token.

        "the agreement" wants an Agreement, not any work.
        """
        if label not in (None, "Work") and group == "Work":
            timeline = self._by_label.get((group, label))
        elif label not in (None, "Organization") and group == "Organization":
            # "the company" is a company, or a body the page leaves untyped (the model
            # types most companies no further); not the university named just before
            # ("fresh out of NUS when he founded the company"). "the workgroup" is a
            # working group, not whatever body came last.
            keys = ((group, label), (group, "Organization")) if label == "Company" else \
                ((group, label),)
            found = [m for key in keys
                     for timeline in [self._by_label.get(key)] if timeline is not None
                     for m in [timeline.last_before(index)] if m is not None]
            return max(found, key=lambda m: (m.end, m.start), default=None)
        else:
            timeline = self._by_group.get(group)
        return timeline.last_before(index) if timeline is not None else None

    def salient(self, index: int, default: str) -> Candidate | None:
        """The object an implicit role refers to: a recent meeting, or the main body."""
        if default == "meeting":
            return self._numbered_meetings.last_before(index) or \
                self.last_before(index, "Meeting")
        return self.main_organization

    def expand(self, token: Token) -> list[Candidate]:
        """The entities a token stands for, with everything coordinated with it.

        A common noun with an "of" entity stands for that entity ("the physical facility
        of the ASEAN Regional CERT").
        """
        found: list[Candidate] = []
        first = self.at(token)
        conjunction: bool | None = None
        for item, how in coordination(token):
            mention = self.at(item)
            if how == "appos" and _person_and_other(first, mention):
                # "Dr X serves on the boards of A, the B and C" parsed with B as X's
                # apposition: a person is not a body, nor a body a person.
                continue
            if mention is None and item.lower_ in self.rules.pairs.nouns:
                pair = self._pair(item)
                if pair:
                    found += [m for m in pair if m not in found]
                    continue
            if mention is None and item.pos_ in ("NOUN", "PROPN"):
                # "46 States, including the United States and China": the members named.
                found += [m for c in item.children if c.dep_ == "prep" and (
                    c.lower_ in self.rules.inclusions or (
                        c.lower_ == "as" and any(g.lower_ == "such" for g in c.children)))
                    for p in c.children if p.dep_ == "pobj" for m in self.expand(p)
                    if m not in found]
            if mention is None and item.text in self.rules.representatives:
                for member in self._represented(item):
                    if member not in found:
                        found.append(member)
                continue
            if mention is None and item.pos_ == "NOUN" and item.dep_ == "attr" and \
                    self.lemma(item.head) == "be":
                # "WIPO is a specialised agency based in Geneva": the agency is WIPO;
                # but a noun set off by a comma right after a name is that name's
                # apposition, however the parser hung it: "PDD will offer it through
                # the Open Digital Platform (ODP), a platform co-developed by X".
                mention = self.set_off_by(item) or next(
                    (m for s in item.head.children if s.dep_ in ("nsubj", "nsubjpass")
                     for m in [self.top[s.i]] if m is not None), None)
            if mention is None and item.pos_ in ("NOUN", "PROPN"):
                # "the boards of A, B and C": every body the "of" object lists.
                of = [m for c in item.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" and self.at(p) is not None
                      for m in self.expand(p)]
                found += [m for m in of if m not in found]
                continue
            if mention is not None:
                mention = self.holders.get(id(mention), mention)
                if how == "conj" and _person_and_other(first, mention):
                    if conjunction is None:
                        conjunction = any(c.dep_ in ("cc", "preconj") for t in token.subtree
                                          if t.dep_ == "conj" or t.i == token.i
                                          for c in t.children)
                    if not conjunction:
                        # "chaired by Peru, Professor Ana Lima, Minister for Data, called
                        # for ...": a country and a person (or the holder of a post) set
                        # off by commas alone make no list.
                        continue
                if mention not in found:
                    found.append(mention)
        return found

    def _pair(self, noun: Token) -> list[Candidate]:
        """What "both countries" or "the two sides" stand for: the last two named.

        Only when exactly two different entities of the kind are named in the sentences
        before (and the noun's own, up to it); otherwise the pair is not clear.
        """
        spec = self.rules.pairs
        if not any(c.lower_ in spec.words for c in noun.children if c.dep_ in (
                "det", "nummod", "predet", "amod")):
            return []
        groups = spec.nouns[noun.lower_]
        start = noun.sent.start
        for _ in range(spec.sentences - 1):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        named: dict[str, Candidate] = {}
        for mention in self.within(start, noun.i):
            if self.top[mention.start] is not mention or \
                    entity_group(mention.label) not in groups:
                continue
            mention = self.holders.get(id(mention), mention)
            named.setdefault(mention.key or self.text(mention), mention)
        return list(named.values()) if len(named) == 2 else []

    def _represented(self, noun: Token) -> list[Candidate]:
        """Who "Ministers of China, Japan and Korea", "ASEAN Ministers" stand for."""
        found: list[Candidate] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                found += [m for p in child.children if p.dep_ == "pobj"
                          for m in self.expand(p)]
            elif child.dep_ in ("compound", "amod", "nmod") and self.top[child.i] is not None:
                found.append(self.top[child.i])  # type: ignore[arg-type]
        return [m for m in found if entity_group(m.label) in ("Country", "Organization")]

    def set_off_by(self, noun: Token) -> Candidate | None:
        """The name a noun phrase follows, set off by a comma: "the ODP (ODP), a platform".

        The name must end right before the comma (or before its bracketed acronym).
        """
        doc = self.doc
        index = noun.left_edge.i - 1
        if index < 1 or doc[index].text != ",":
            return None
        index -= 1
        if doc[index].text == ")":
            while index > 0 and doc[index].text != "(":
                index -= 1
            index -= 1
        mention = self.top[index] if index >= 0 else None
        return mention if mention is not None and mention.end == index + 1 else None

    def expand_children(self, preposition: Token) -> list[Candidate]:
        """The entities the objects of a preposition stand for."""
        return [m for child in preposition.children if child.dep_ == "pobj"
                for m in self.expand(child)]

    def antecedent(self, token: Token) -> Token:
        """What "which"/"that" stand for: the noun before them (other tokens: themselves).

        The parser's antecedent is used when it is an entity; otherwise the entity just
        before the pronoun ("the ADM2025, which succeeds ..."), skipping punctuation and
        a parenthesised acronym.
        """
        found = relative_antecedent(token)
        if found.i == token.i or self.top[found.i] is not None:
            return found
        index = token.i - 1
        while index >= 0 and self.doc[index].is_punct:
            index -= 1
        mention = self.top[index] if index >= 0 else None
        if mention is not None and index > 0 and self.doc[mention.start - 1].text == "(":
            before = mention.start - 2
            mention = self.top[before] if before >= 0 else mention
        return self.doc[mention.start] if mention is not None else found

    def within(self, start: int, end: int) -> list[Candidate]:
        """Mentions starting in tokens ``[start, end)``, in text order."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def outer_index(self, mention: Candidate) -> int:
        """Where an outermost mention is in :attr:`outer`."""
        return self._outer_index[id(mention)]

    def text(self, mention: Candidate) -> str:
        """The mention's text."""
        found = self._texts.get(id(mention))
        if found is None:
            found = self._texts[id(mention)] = self.doc[mention.start : mention.end].text
        return found


def _other_script(text: str) -> bool:
    """Whether a word is written wholly in a script other than Latin (李绍贤, 黄子鹏)."""
    return bool(text) and all(char.isalpha() and ord(char) > 0x2FF for char in text)


def _main_organization(mentions: Sequence[Candidate]) -> Candidate | None:
    counts: dict[str, list[Candidate]] = {}
    for mention in mentions:
        if mention.label == "IntergovernmentalOrganization":
            counts.setdefault(mention.key or str(mention.start), []).append(mention)
    if not counts:
        return None
    return max(counts.values(), key=len)[0]
