"""The gazetteer component: names from docgraph's SKOS gazetteers, typed by their entry.

Every surface form of an entry (preferred and alternative labels, with both kinds of
apostrophe) is matched exactly; the entry's IRI becomes the mention's key, so that
resolution can tell "Viet Nam" and "Vietnam" are one country.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from docgraph.lexicon import GazetteerEntry, load_gazetteers
from docgraph.ner import candidates as cands
from docgraph.vocab import coarse_type

# A version after a work's name: "2.0", "3", "v2".
_VERSION = re.compile(r"^(?:v?\d+(?:\.\d+)+|v\d+)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class GazetteerIndex:
    """Gazetteer entries by surface form, and meeting series by name and acronym."""

    entries: tuple[GazetteerEntry, ...]
    by_form: dict[str, GazetteerEntry]

    @classmethod
    def build(cls, entries: Sequence[GazetteerEntry]) -> GazetteerIndex:
        """Index entries by every surface form, with both kinds of apostrophe."""
        by_form: dict[str, GazetteerEntry] = {}
        for entry in entries:
            for form in (entry.name, *entry.aliases):
                for variant in _apostrophe_variants(form):
                    by_form.setdefault(variant, entry)
        # Headings and datelines in capitals ("SINGAPORE, 14 December", "PRIME MINISTER'S
        # OFFICE") name the same things; written forms come first, so an acronym that
        # spells another entry's name in capitals keeps its own entry.
        for entry in entries:
            for form in (entry.name, *entry.aliases):
                if len(form) > 3 and not form.isupper() and sum(c.isalpha() for c in form) > 3:
                    for variant in _apostrophe_variants(form.upper()):
                        by_form.setdefault(variant, entry)
        return cls(tuple(entries), by_form)

    def forms(self) -> list[str]:
        """Every surface form, apostrophe variants included."""
        return list(self.by_form)

    def series(self, form: str) -> GazetteerEntry | None:
        """The meeting series called ``form``, if any."""
        entry = self.by_form.get(form)
        return entry if entry is not None and entry.label == "MeetingSeries" else None


def _apostrophe_variants(form: str) -> set[str]:
    return {form, form.replace("'", "\u2019"), form.replace("\u2019", "'")}


@functools.cache
def gazetteer_index(paths: tuple[str, ...]) -> GazetteerIndex:
    """One index per set of gazetteer files, shared by the components that need it."""
    return GazetteerIndex.build(load_gazetteers(Path(p) for p in paths))


class Gazetteer:
    """Names from the gazetteers, typed by the class of their entry."""

    def __init__(self, nlp: Language, paths: list[str]) -> None:
        self.index = gazetteer_index(tuple(paths))
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("gazetteer", [nlp.make_doc(form) for form in self.index.forms()])

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        found = []
        for _, start, end in self.matcher(doc):
            entry = self.index.by_form.get(doc[start:end].text)
            if entry is None:
                continue
            if end < len(doc) and _VERSION.match(doc[end].text) and \
                    coarse_type(entry.label) == "Work":
                # "Smart Nation 2.0": another edition of the work, a thing of its own.
                found.append(cands.Candidate(start, end + 1, entry.label, "gazetteer"))
                continue
            if end < len(doc) and _YEAR.match(doc[end].text) and \
                    entry.label == "MeetingSeries":
                # "Committee of Supply 2022": that year's meeting of the series.
                found.append(cands.Candidate(start, end + 1, "Meeting", "gazetteer"))
                continue
            if coarse_type(entry.label) == "Organization" and \
                    self._compound_acronym(doc, start, end):
                # "NUS-ISS" is the NUS's Institute of Systems Science, a body of its own;
                # "EU-US" (both known) stays a pair.
                found.append(cands.Candidate(start, end + 2, "Organization", "gazetteer"))
                continue
            found.append(cands.Candidate(start, end, entry.label, "gazetteer",
                                         key=entry.iri, name=entry.name))
        cands.add(doc, found)
        return doc

    def _compound_acronym(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the acronym ``doc[start:end]`` is glued by a hyphen to an unknown one."""
        if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or \
                doc[end].whitespace_ or not doc[start:end].text.isupper():
            return False
        after = doc[end + 1].text
        return 2 <= len(after) <= 6 and after.isalpha() and after.isupper() and \
            after not in self.index.by_form
