"""The people component: names after honorifics and titles ("Mrs. Josephine Teo").

A name runs over capitalised words, name particles ("bin", "von") and initials; the
honorific or title before it is kept as an attribute, not as part of the name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.lexicon import Lexicon, lexicon_setting
from docgraph.ner.tokens import CAMEL, POSSESSIVE, Phrases, joined, name_like


def find_people(doc: Doc, lexicon: Lexicon, honorifics: Phrases, titles: Phrases,
                blocked: set[int]) -> list[Candidate]:
    """Names after an honorific or a title: "Mrs. Josephine Teo", "Minister Teo".

    The honorific is kept as an attribute, not as part of the name; a suffix such as
    "SC" stays in the mention but not in the name. Names that a gazetteer already
    claims ("Minister Singapore") are not people.
    """
    found = []
    non_names = _non_name_words(lexicon)
    index = 0
    while index < len(doc):
        size = honorifics.match(doc, index) or titles.match(doc, index)
        if not size:
            index += 1
            continue
        first = index
        while size:  # chains such as "H.E. Mr", "Datuk Dr"
            index += size
            size = honorifics.match(doc, index) if index < len(doc) else 0
        start = index
        end = _name_end(doc, start, lexicon, non_names)
        if end > start and not any(i in blocked for i in range(start, end)) \
                and doc[start].text[:1].isupper() and \
                (not doc[start].is_upper or len(doc[start].text) == 1):
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


def _name_end(doc: Doc, start: int, lexicon: Lexicon, non_names: frozenset[str]) -> int:
    index = start
    while index < len(doc) and index - start < 6:
        token = doc[index]
        if (token.text in non_names and index == start) or \
                (token.text in lexicon.name_suffixes and index > start):
            break
        if name_like(token) and token.text not in non_names and (
                not token.is_upper or len(token.text) <= 2 or CAMEL.match(token.text)):
            index += 1
            if index < len(doc) and doc[index].text in POSSESSIVE:
                break
            continue
        if token.text in lexicon.name_particles and index > start and \
                index + 1 < len(doc) and name_like(doc[index + 1]):
            index += 1
            continue
        if token.text == "/" and index > start and len(doc[index - 1].text) == 1 and \
                index + 1 < len(doc) and len(doc[index + 1].text) == 1 and \
                joined(doc, index) and joined(doc, index + 1):
            index += 2  # "Ching Thoo A/L Kim"
            continue
        if token.text == "-" and index > start and joined(doc, index) and \
                index + 1 < len(doc) and joined(doc, index + 1) and name_like(doc[index + 1]):
            index += 1
            continue
        break
    return index


def _non_name_words(lexicon: Lexicon) -> frozenset[str]:
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
