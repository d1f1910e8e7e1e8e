"""Argument distribution: the members of the list a relation's argument is.

Every rule family asks the same question of an argument: which entities does it stand
for? The answer comes from the surface as much as from the parse, because the small
model's parse of long titled names is often wrong ("Singapore's Minister for Culture,
Community and Youth, and Second Minister for Law Mr Edwin Tong SC and India's Minister
for Law and Justice Mr Arjun Ram Meghwal have signed ..."):

- a *unit* is an entity with its description: a person absorbs the posts, bodies and
  countries said of them (:mod:`~docgraph.relations.descriptions`), so "Minister for Law
  K Shanmugam" is one unit standing for the person;
- a *list* is units joined by commas, "and", "&", "as well as", "together with",
  "including", "namely", "comprising", dashes and colons;
- :meth:`Arguments.before` is the list ending right before a word (a verb's subject,
  allowing auxiliaries and adverbs between), :meth:`Arguments.after` the list starting
  right after one (allowing determiners and adjectives).

One relation is stated per member.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from docgraph.ner.candidates import Candidate
from docgraph.relations.context import Context, entity_group

# Words that join the members of a list, and phrases that do.
_JOINERS = frozenset({",", "and", "&", "or", "including", "namely", "comprising", ":",
                      "-", "–", "—"})
_JOINING_PHRASES = ("as well as", "together with", "along with", "such as")
# Words that may come with a joiner but do not join on their own.
_ALSO = frozenset({"the", "The", "its", "their", "other", "both", "also"})
_MAX_JOIN = 5
# Words between a subject and its verb, or a verb and its object.
_FILLER_POS = frozenset({"AUX", "ADV", "PART"})
_OBJECT_POS = frozenset({"DET", "ADJ", "NUM"})
_MAX_FILLER = 4


class Arguments:
    """Units (entities with their descriptions) of one doc, and the lists they form."""

    def __init__(self, ctx: Context, holders: dict[int, Candidate]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self._holders = holders
        # An honorific before a member's name is part of the member: "and Mr X".
        self._also = _ALSO | ctx.lexicon.honorific_parts
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for mention in ctx.outer:
            head = holders.get(id(mention), mention)
            starts[id(head)] = min(starts.get(id(head), mention.start), mention.start)
            ends[id(head)] = max(ends.get(id(head), mention.end), mention.end)
        heads = {id(holders.get(id(m), m)): holders.get(id(m), m) for m in ctx.outer}
        units = sorted(((starts[key], ends[key], head) for key, head in heads.items()),
                       key=lambda u: (u[0], -u[1]))
        self.units = _with_acronyms(units, [t.text for t in self.doc])
        self._starts = [u[0] for u in self.units]
        self._by_end: dict[int, int] = {}
        for position, (_, end, _) in enumerate(self.units):
            self._by_end.setdefault(end, position)

    def holder(self, mention: Candidate) -> Candidate:
        """The person a post, body or country describes, or the mention itself."""
        return self._holders.get(id(mention), mention)

    def _unit_starting(self, index: int) -> int | None:
        position = bisect_left(self._starts, index)
        if position < len(self.units) and self.units[position][0] == index:
            return position
        return None

    def before(self, index: int, sentence: Span) -> list[Candidate]:
        """The list of units ending right before token ``index`` (a verb, a marker).

        Auxiliaries, adverbs and "today" may stand between ("have also signed").
        """
        end = index
        steps = 0
        while end - 1 >= sentence.start and steps < _MAX_FILLER and \
                end - 1 not in self._by_end and (
                    self.doc[end - 1].pos_ in _FILLER_POS or
                    self.doc[end - 1].dep_ == "npadvmod"):
            end -= 1
            steps += 1
        position = self._by_end.get(end)
        if position is None or self.units[position][0] < sentence.start:
            return []
        members = [self.units[position][2]]
        while position > 0:
            previous = self.units[position - 1]
            gap = self.doc[previous[1] : self.units[position][0]]
            if previous[1] > self.units[position][0] or previous[0] < sentence.start or \
                    not _joins([t.text for t in gap], self._also):
                break
            members.append(previous[2])
            position -= 1
        members.reverse()
        return members

    def after(self, index: int, sentence: Span) -> list[Candidate]:
        """The list of units starting right after token ``index`` (a verb, a preposition).

        Determiners, adjectives, numbers and honorifics may stand between ("signed a new
        MOU", "signed by Ms X").
        """
        start = index + 1
        steps = 0
        while start < sentence.end and steps < _MAX_FILLER and \
                self._unit_starting(start) is None and (
                    self.doc[start].pos_ in _OBJECT_POS or self.doc[start].text in self._also):
            start += 1
            steps += 1
        position = self._unit_starting(start)
        if position is None:
            return []
        members = [self.units[position][2]]
        commas_only = True
        while position + 1 < len(self.units):
            nxt = self.units[position + 1]
            gap = [t.text for t in self.doc[self.units[position][1] : nxt[0]]]
            if nxt[0] < self.units[position][1] or nxt[1] > sentence.end or \
                    not _joins(gap, self._also) or \
                    self._subject_elsewhere(nxt[0], nxt[1], index):
                break
            commas_only = commas_only and not any(w in _JOINERS and w != "," for w in gap) \
                and not any(phrase in " ".join(gap) for phrase in _JOINING_PHRASES)
            members.append(nxt[2])
            position += 1
        # A person and others set off by commas alone make no list: "chaired by
        # Indonesia, Professor Yeo, Minister for X, called for ...", where Yeo starts the
        # main clause ("delegates from Brunei, Cambodia, Lao PDR" is one).
        mixed = len({entity_group(m.label) == "Person" for m in members}) > 1
        return members[:1] if commas_only and mixed else members

    def _subject_elsewhere(self, start: int, end: int, index: int) -> bool:
        """Whether tokens ``[start, end)`` hold the subject of a verb after them.

        "chaired by Indonesia, Professor Yeo, Minister for X, called for ...": the list
        after "by" ends where the main clause's subject begins.
        """
        doc = self.doc
        return any(doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i >= end
                   and doc[i].head.pos_ in ("VERB", "AUX") and doc[i].head.i != index
                   for i in range(start, end))


    def listed(self, first: Candidate, sentence: Span) -> list[Candidate]:
        """``first`` and the mentions of its class listed right after it.

        "Chief Executive of A, Deputy Chairman of B and Director-General of C": the list
        of posts a copula or an appointment gives, however the parser attached the
        later ones. Outermost mentions, as written (not their holders).
        """
        ctx, doc = self.ctx, self.doc
        if ctx.top[first.start] is not first:
            return [first]
        found = [first]
        for item in ctx.outer[ctx.outer_index(first) + 1 :]:
            if item.start >= sentence.end or item.label != first.label or \
                    not _joins([t.text for t in doc[found[-1].end : item.start]], self._also):
                break
            found.append(item)
        return found


def _with_acronyms(units: list[tuple[int, int, Candidate]], words: list[str]
                   ) -> list[tuple[int, int, Candidate]]:
    """Units with the bracketed acronym after a name taken into the name's unit.

    "the Ministry of Sustainability and the Environment (MSE) and the Ministry of X": the
    acronym names the unit before it, so the list goes on past it.
    """
    out: list[tuple[int, int, Candidate]] = []
    for start, end, head in units:
        if out and start == out[-1][1] + 1 and words[start - 1] == "(" and \
                end < len(words) and words[end] == ")":
            previous = out[-1]
            out[-1] = (previous[0], end + 1, previous[2])
            continue
        out.append((start, end, head))
    return out


def _joins(gap: list[str], also: frozenset[str]) -> bool:
    """Whether the words between two units join them into one list."""
    if not gap or len(gap) > _MAX_JOIN:
        return False
    text = " ".join(gap)
    for phrase in _JOINING_PHRASES:
        text = text.replace(phrase, ",")
    words = text.split()
    return all(w in _JOINERS or w in also for w in words) and \
        any(w in _JOINERS for w in words)
