"""Entity candidates that docgraph's spaCy components propose, and how one is chosen.

Each component appends :class:`Candidate` records to ``doc.user_data`` instead of
writing ``doc.ents`` directly, because the rules overlap each other and the statistical
model: the last component (``docgraph_repair_v1``) chooses among all of them at once
with :func:`select`, so no component's order silently decides.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from docgraph.types import Naming

CANDIDATES = "docgraph.candidates"
"""Key in ``Doc.user_data`` of the list of candidates."""
MENTIONS = "docgraph.mentions"
"""Key in ``Doc.user_data`` of the chosen candidates, one per entity in ``doc.ents``."""
DOCUMENT = "docgraph.document"
"""Key in ``Doc.user_data`` of the id of the document a doc (or chunk of it) belongs to."""
MODEL = "docgraph.model_candidates"
"""Key in ``Doc.user_data`` of the statistical model's entities as candidates."""
HEADINGS = "docgraph.headings"
"""Key in ``Doc.user_data`` of the character ranges of headings (run-in ones included)."""
PERSON_STARTS = "docgraph.person_starts"
"""Key in ``Doc.user_data`` of the tokens where a person's name starts (set by posts)."""
BLOCKS = "docgraph.blocks"
"""Key in ``Doc.user_data`` of each block's character range, kind and heading."""
QUIET = "docgraph.quiet"
"""Key in ``Doc.user_data`` of the character ranges (datelines) that state no relation."""
TERMS = "docgraph.terms"
"""Key in ``Doc.user_data`` of the acronyms the document defines by lower-case words."""
RETYPED = "docgraph.retyped"
"""Key in ``Doc.user_data`` of the chosen candidates a relation retyped: id to label."""

# How much each source is trusted when candidates overlap; higher wins.
PRIORITY = {
    "people": 90,
    "meetings": 85,
    "posts": 80,
    "acronym-definition": 75,
    "acronym": 71,  # a defined acronym carries its long form; the gazetteer's may not
    "gazetteer": 70,
    "names": 60,
    "model": 50,
}


@dataclass(frozen=True, slots=True)
class Candidate(Naming):
    """A proposed entity mention: tokens ``[start, end)`` of a doc, with what is known.

    Attributes:
        start: First token.
        end: Token after the last.
        label: Class local name in docgraph's ontology (``Person``, ``Country``, ...).
        source: The component that proposed it; its key in :data:`PRIORITY`.
        name: The entity's name when it differs from the text (honorifics, suffixes).
        typed_by_head: The label came from a head noun such as "Authority".

    The rest, from :class:`~docgraph.types.Naming`, are keywords; the mention each chosen
    candidate becomes carries them over.
    """

    start: int
    end: int
    label: str
    source: str
    name: str | None = None
    typed_by_head: bool = False

    @property
    def priority(self) -> int:
        """How much the candidate's source is trusted."""
        return PRIORITY[self.source]

    def overlaps(self, other: Candidate) -> bool:
        """Whether the two share a token."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        """Whether ``other`` lies strictly inside this candidate."""
        return self.start <= other.start and other.end <= self.end and \
            (self.end - self.start) > (other.end - other.start)


def candidates(doc: Doc) -> list[Candidate]:
    """The doc's candidate list, created on first use."""
    found = doc.user_data.get(CANDIDATES)
    if found is None:
        found = []
        doc.user_data[CANDIDATES] = found
    return found


def add(doc: Doc, new: Iterable[Candidate]) -> None:
    """Append candidates to the doc's list."""
    candidates(doc).extend(new)


def covered(doc: Doc, sources: Iterable[str]) -> set[int]:
    """Token indices already inside candidates from ``sources``."""
    wanted = set(sources)
    return {i for c in candidates(doc) if c.source in wanted for i in range(c.start, c.end)}


def select(found: list[Candidate]) -> list[Candidate]:
    """Choose non-overlapping candidates: most trusted first, then longest.

    Two exceptions come first: a name typed by its head noun ("Singapore Business
    Federation", "AI Verify Foundation") beats a shorter gazetteer match inside it
    ("Singapore", "AI Verify"), because the head noun shows the longer name is the thing
    meant; and a post beats the meeting it names ("Chairman of the 7th ... Meeting"),
    which stays a mention inside it.
    """
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    starts = [found[i].start for i in order]
    dropped: set[int] = set()
    for outer in found:
        if outer.typed_by_head:
            beaten: tuple[str, ...] = ("gazetteer", "acronym")
        elif outer.label == "Post":
            beaten = ("meetings",)
        else:
            continue
        for index in order[bisect_left(starts, outer.start) : bisect_left(starts, outer.end)]:
            inner = found[index]
            if inner.source in beaten and outer.contains(inner):
                dropped.add(index)
    ranked = sorted((c for i, c in enumerate(found) if i not in dropped),
                    key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    # A set of taken tokens, not a scan of the chosen list, keeps this linear in a
    # document's length.
    taken: set[int] = set()
    for candidate in ranked:
        tokens = range(candidate.start, candidate.end)
        if taken.isdisjoint(tokens):
            chosen.append(candidate)
            taken.update(tokens)
    # A name dropped for a longer one that lost in turn comes back: in "the Joint
    # Declaration on Online Safety with Singapore" the model's span beat "Singapore",
    # then lost to the shorter "Joint Declaration on Online Safety".
    for candidate in sorted((found[i] for i in dropped),
                            key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        tokens = range(candidate.start, candidate.end)
        if taken.isdisjoint(tokens):
            chosen.append(candidate)
            taken.update(tokens)
    return sorted(chosen, key=lambda c: c.start)


def relabel(candidate: Candidate, label: str, **changes: object) -> Candidate:
    """A copy of ``candidate`` with another label (and other changes)."""
    return replace(candidate, label=label, **changes)  # type: ignore[arg-type]
