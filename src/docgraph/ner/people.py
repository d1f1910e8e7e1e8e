"""The people component: names after honorifics and titles ("Mrs. Josephine Teo").

A name runs over capitalised words, name particles ("bin", "von") and initials; the
honorific or title before it is kept as an attribute, not as part of the name.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.lexicon import Lexicon, lexicon_setting
from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.model import model_candidates_of
from docgraph.ner.tokens import (
    CAMEL,
    POSSESSIVE,
    Phrases,
    joined,
    name_like,
    proper_word,
    words,
)
from docgraph.vocab import coarse_type

_MAX_NAME_WORDS = 8
# An initial before a name: "K Shanmugam", "S. Iswaran" ("A" and "I" are words).
_INITIAL = re.compile(r"^[B-HJ-Z]\.?$")
# Initials written together: "S.S. Sarma", "J.Y. Pillay".
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")


def find_people(doc: Doc, lexicon: Lexicon, honorifics: Phrases, titles: Phrases,
                blocked: set[int]) -> list[Candidate]:
    """Names after an honorific or a title: "Mrs. Josephine Teo", "Minister Teo".

    The honorific is kept as an attribute, not as part of the name; a suffix such as
    "SC" stays in the mention but not in the name. Names that a gazetteer already
    claims ("Minister Singapore") and names ending in a head noun ("General Hospital",
    "General Assembly") are not people.
    """
    found = []
    non_names = non_name_words(lexicon)
    texts = words(doc)
    index = 0
    while index < len(doc):
        size = honorifics.match_words(texts, index) or titles.match_words(texts, index)
        if not size:
            index += 1
            continue
        first = index
        while size:  # chains such as "H.E. Mr", "Datuk Dr"
            index += size
            size = honorifics.match_words(texts, index) if index < len(doc) else 0
        start = index
        end = name_end(doc, start, lexicon, non_names)
        start, end = _titled_chain(doc, start, end, lexicon, honorifics, non_names)
        given = _given_names_before(doc, first, lexicon, non_names, blocked)
        if given < first and end > start:
            first = start = given
        if start - first == 1 and len(doc[first].text) == 1 and end > start and (
                not proper_word(doc[start]) or
                (first > 0 and (name_like(doc[first - 1]) or doc[first - 1].text == "&"))):
            # Myanmar's "U": a honorific before a name, not in "NTUC U Live" or before a
            # common word ("Smart Nation & U Event").
            end = start
        # A gazetteer's name ends a person's name only after a given name of its own
        # ("Mr Simon Israel"); one that starts it is no one's ("Minister Singapore").
        if end > start and start not in blocked \
                and (end - start > 1 or not any(i in blocked for i in range(start, end))) \
                and doc[end - 1].text not in lexicon.heads \
                and not any(_names_a_body(doc[i].text, lexicon) for i in range(start, end)) \
                and doc[start].text[:1].isupper() and \
                (not doc[start].is_upper or len(doc[start].text) == 1 or
                 _INITIALS.match(doc[start].text)):
            stop = end
            if end < len(doc) and doc[end].text in lexicon.name_suffixes:
                stop = end + 1
            found.append(Candidate(start, stop, "Person", "people",
                                   name=doc[start:end].text,
                                   honorific=doc[first:start].text))
            index = stop
        else:
            index = max(index, first + 1)
    return found


def _given_names_before(doc: Doc, first: int, lexicon: Lexicon, non_names: frozenset[str],
                        blocked: set[int]) -> int:
    """Where a name starts that an honorific at ``first`` continues (``first`` if none).

    In "Mohd Riza Dato Paduka Haji Mohd Yunos" the rank is the father's, inside the
    name: two or more capitalised given names, joined by single spaces, come right
    before it.
    """
    if doc[first].text not in lexicon.patronym_honorifics:
        return first
    index = first
    while index > 0 and first - index < _MAX_GIVEN_WORDS:
        token = doc[index - 1]
        if not (name_like(token) and token.whitespace_ == " " and token.is_alpha) or \
                token.text in non_names or token.is_stop or index - 1 in blocked or \
                token.text in lexicon.honorific_parts:
            break
        index -= 1
    return index if first - index >= 2 else first


_MAX_GIVEN_WORDS = 3


def _names_a_body(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a head noun of a body's name.

    "Premier League Pack" after the title "Premier" is no one's name: a body's head noun
    is taken for no given name or surname, unlike a work's ("Bill", "Mark").
    """
    label = lexicon.heads.get(word)
    return label is not None and coarse_type(label) == "Organization"


_MAX_TITLE_WORDS = 2


def _titled_chain(doc: Doc, start: int, end: int, lexicon: Lexicon, honorifics: Phrases,
                  non_names: frozenset[str]) -> tuple[int, int]:
    """Skip a conferred title's words between two honorifics of one chain.

    Brunei's "Pehin Orang Kaya Seri Kerna Dato Seri Setia Awang Haji Abdul Mutalib":
    the words between "Pehin Orang Kaya" and "Dato Seri Setia" are the title conferred
    with the rank ("Seri Kerna"), not a name; the name follows the last honorific. A
    few capitalised words with single spaces and no stop between two honorifics are
    read so when the honorific after them is one of several words ("Dato Seri Setia",
    "Dato Paduka"), as Malay ranks are; a name must follow the chain.
    """
    while start < end <= start + _MAX_TITLE_WORDS and end < len(doc) and \
            honorifics.match(doc, end) > 1 and \
            all(doc[i].whitespace_ == " " and doc[i].is_alpha for i in range(start, end)):
        index = end
        size = honorifics.match(doc, index)
        while size:
            index += size
            size = honorifics.match(doc, index) if index < len(doc) else 0
        after = name_end(doc, index, lexicon, non_names)
        if after <= index:
            break
        start, end = index, after
    return start, end


def name_end(doc: Doc, start: int, lexicon: Lexicon, non_names: frozenset[str]) -> int:
    """Where a person's name starting at ``start`` ends (``start`` if none starts there).

    A name is up to six capitalised words, initials, hyphenated parts and particles
    ("von der", "bin", "A/L"); after a particle, a father's honorific belongs to the name
    ("Juanda bin Haji Abdul Rashid").
    """
    index = start
    while index < len(doc) and index - start < _MAX_NAME_WORDS:
        token = doc[index]
        after_particle = index > start and doc[index - 1].text in lexicon.name_particles
        if (token.text in non_names and index == start and not after_particle) or \
                (token.text in lexicon.name_suffixes and index > start):
            break
        if name_like(token) and (token.text not in non_names or after_particle) and (
                not token.is_upper or len(token.text) <= 2 or CAMEL.match(token.text) or
                _INITIALS.match(token.text)):
            index += 1
            if index < len(doc) and doc[index].text in POSSESSIVE:
                break
            continue
        if token.text in lexicon.name_particles and index > start and \
                index + 1 < len(doc) and (name_like(doc[index + 1]) or (
                    doc[index + 1].text in lexicon.name_particles and index + 2 < len(doc)
                    and name_like(doc[index + 2]))):
            index += 1
            continue
        if token.text == "/" and index > start and len(doc[index - 1].text) == 1 and \
                index + 1 < len(doc) and len(doc[index + 1].text) == 1 and \
                joined(doc, index) and joined(doc, index + 1):
            index += 2  # "Ching Thoo A/L Kim"
            continue
        if token.text == "-" and index > start and joined(doc, index) and \
                index + 1 < len(doc) and joined(doc, index + 1) and (
                    name_like(doc[index + 1]) or doc[index + 1].text.isalpha()):
            index += 2  # "Anne-Marie", "Ji-woo"
            continue
        break
    while index > start and doc[index - 1].text in lexicon.name_particles:
        index -= 1
    return index


def non_name_words(lexicon: Lexicon) -> frozenset[str]:
    """Words that end a name: titles and one-word honorifics.

    The first word of a longer honorific is not one of them: "Tan" of "Tan Sri" is
    also a surname.
    """
    words = set(lexicon.post_modifiers)
    for phrase in (*lexicon.post_titles, *lexicon.titles):
        words.add(phrase.split()[0])
    words.update(h for h in lexicon.honorifics if " " not in h)
    return frozenset(words | {"The", "For", "Of", "And"})


class People:
    """Names after honorifics and titles ("Mrs. Josephine Teo", "Minister Teo")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = lexicon_setting(lexicon)
        self.honorifics = Phrases(nlp, self.lexicon.honorifics)
        self.titles = Phrases(nlp, self.lexicon.titles)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        blocked = cands.covered(doc, ["gazetteer"])
        cands.add(doc, find_people(doc, self.lexicon, self.honorifics, self.titles,
                                         blocked))
        return doc


def person_starts(doc: Doc, lexicon: Lexicon) -> set[int]:
    """Tokens where, by evidence other than a title, a person's name starts.

    The evidence: a name found after an honorific, a word of such a name met again
    ("Mr Chan said" makes "Chan" a name everywhere in the document), a name of two
    words or more the statistical model found, and an initial before a capitalised word
    ("K Shanmugam").
    A post's remit ends where a name starts: "Minister for Law K Shanmugam".
    """
    starts: set[int] = set()
    known: set[str] = set()
    for candidate in cands.candidates(doc):
        if candidate.label == "Person" and candidate.source == "people":
            starts.add(candidate.start)
            known.update(t.text for t in doc[candidate.start : candidate.end]
                         if name_like(t) and t.text not in lexicon.name_suffixes
                         and t.text not in lexicon.honorific_words)
    for candidate in model_candidates_of(doc, lexicon):
        # One word alone is weak evidence: the small model calls "Parks" a person.
        if candidate.label == "Person" and candidate.end - candidate.start > 1:
            starts.add(candidate.start)
    texts = words(doc)
    for index, text in enumerate(texts):
        repeated = text in known and (index == 0 or texts[index - 1] not in known)
        initial = _INITIAL.match(text) is not None and index + 1 < len(doc) and \
            name_like(doc[index + 1]) and not doc[index + 1].is_upper
        if repeated or initial:
            starts.add(index)
    return starts
