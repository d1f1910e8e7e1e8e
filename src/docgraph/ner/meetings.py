"""The meetings component: numbered meetings linked to their series ("5th ADGMIN").

A meeting with an ordinal ("4th ASEAN Digital Ministers Meeting", "ADGMIN5", "the
inaugural taskforce meeting") is one edition of a series: a gazetteer series, an
acronym, or the name after the ordinal.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.lexicon import Lexicon, lexicon_setting
from docgraph.names import looks_like_acronym, normalise_name
from docgraph.ner import candidates as cands
from docgraph.ner.acronyms import with_acronyms
from docgraph.ner.candidates import Candidate
from docgraph.ner.gazetteer import GazetteerIndex, gazetteer_index
from docgraph.ner.heads import list_continues, located_names
from docgraph.ner.tokens import (
    CONNECTORS,
    POSSESSIVE,
    Phrases,
    bracketed_acronym,
    joined,
    name_like,
    proper_word,
    words,
)
from docgraph.vocab import coarse_type

_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)
_SERIES_NUMBER = re.compile(r"^([A-Z][A-Za-z-]*[A-Za-z])(\d{1,3})$")
_MEETING_WORDS = frozenset({"meeting", "summit", "session", "conference", "dialogue",
                            "forum", "retreat", "roundtable", "workshop"})


def find_meetings(doc: Doc, lexicon: Lexicon, gazetteer: GazetteerIndex,
                  series_phrases: Phrases, persons: Iterable[int] = (),
                  located: Iterable[int] = ()) -> list[Candidate]:
    """Meetings with a number.

    "4th ASEAN Digital Ministers Meeting", "5th ADGMIN", "ADGMIN5", "the inaugural
    taskforce meeting".

    Each is linked to its series (a gazetteer series, an acronym, or the name after
    the ordinal) with its number in the series. ``persons`` are tokens where a
    person's name starts, which a meeting's name never runs into; ``located`` those
    where a place's or body's name starts, which "in" before them locates.
    """
    persons = frozenset(persons)
    places = frozenset(located)
    found = []
    # Acronyms the document defines after a head noun of another class: "Digital Economy
    # Agreement (DEA)" makes "Singapore's third DEA" an agreement, not a meeting.
    texts = words(doc)
    not_meetings = {texts[i + 1] for i in range(1, len(doc)) if texts[i] == "(" and
                    bracketed_acronym(doc, i) and
                    coarse_type(lexicon.heads.get(texts[i - 1]) or "Meeting") != "Meeting"}
    for index, text in enumerate(texts):
        series_number = _SERIES_NUMBER.match(text)
        if series_number:
            entry = gazetteer.series(series_number.group(1))
            if entry is not None:
                found.append(Candidate(index, index + 1, "Meeting", "meetings",
                                       series=entry.iri, series_name=entry.name,
                                       ordinal=int(series_number.group(2))))
            continue
        number = _ordinal(text, lexicon)
        if number is None or index + 1 >= len(doc):
            continue
        after = index + 1
        size = series_phrases.match(doc, after)
        if size:
            entry = gazetteer.series(doc[after : after + size].text)
            if entry is not None:
                found.append(Candidate(index, _meeting_word_end(doc, after + size, lexicon),
                                       "Meeting", "meetings",
                                       series=entry.iri, series_name=entry.name,
                                       ordinal=number))
                continue
        nxt = doc[after]
        known = gazetteer.by_form.get(nxt.text)
        # "the 5th ADGMIN", but not "the first UN treaty": the acronym of a known body, or
        # one a noun follows, names no meeting.
        if looks_like_acronym(nxt.text) and not (after + 1 < len(doc) and (
                name_like(doc[after + 1]) or doc[after + 1].pos_ == "NOUN")) and (
                known is None or known.label == "MeetingSeries") and \
                nxt.text not in not_meetings:
            found.append(Candidate(index, after + 1, "Meeting", "meetings",
                                   series=f"acronym:{nxt.text}", series_name=nxt.text,
                                   ordinal=number))
            continue
        end = _meeting_name_end(doc, after, lexicon, persons, places)
        if end:
            name = with_acronyms(doc, after, end)
            entry = gazetteer.series(name)
            if entry is not None:  # "... (ASEAN) Digital Ministers' Meeting" is ADGMIN
                found.append(Candidate(index, end, "Meeting", "meetings", series=entry.iri,
                                       series_name=entry.name, ordinal=number))
                continue
            found.append(Candidate(index, end, "Meeting", "meetings",
                                   series=f"name:{normalise_name(name)}", series_name=name,
                                   ordinal=number))
            continue
        if not text[0].isdigit():  # "the inaugural taskforce meeting"
            for width in (2, 3, 4):
                end = after + width - 1
                if end < len(doc) and doc[end].lower_ in _MEETING_WORDS and \
                        all(t.is_alpha for t in doc[after : end + 1]):
                    found.append(Candidate(index, end + 1, "Meeting", "meetings",
                                           ordinal=number))
                    break
    return found


def _meeting_word_end(doc: Doc, end: int, lexicon: Lexicon) -> int:
    """Take in the series's acronym and a lower-case meeting word after a series's name.

    "the 2nd Joint Implementation Committee (JIC) meeting": one mention.
    """
    after = end + bracketed_acronym(doc, end) if end < len(doc) else end
    if after < len(doc) and lexicon.lowercase_heads.get(doc[after].text) == "Meeting":
        return after + 1
    return end


def _ordinal(text: str, lexicon: Lexicon) -> int | None:
    match = _ORDINAL.match(text)
    if match:
        return int(match.group(1))
    return lexicon.ordinals.get(text)


def _meeting_name_end(doc: Doc, start: int, lexicon: Lexicon, persons: Iterable[int] = (),
                      located: Iterable[int] = ()) -> int | None:
    """End of a capitalised name from ``start`` whose head is a meeting word.

    The longest such name wins: "the 2nd Pacific Ocean Ministerial Meeting", not "... Ocean
    Ministerial"; a capitalised complement after the head belongs to it
    (:func:`complement_end`), and a head inside a complement does not end the name
    ("the 14th Meeting of the Ministerial Committee on Trade", not "... of the
    Ministerial").
    """
    index = start
    heads: list[int] = []
    while index < len(doc) and index - start < 15:
        token = doc[index]
        if index > start and lexicon.lowercase_heads.get(token.text) == "Meeting" and \
                name_like(doc[index - 1]):
            return index + 1  # "the 2nd Joint Implementation Committee meeting"
        if name_like(token) or token.like_num:
            index += 1
            for size in (3, 2, 1):
                head = " ".join(t.text for t in doc[max(start, index - size) : index])
                if lexicon.heads.get(head) == "Meeting":
                    heads.append(index)
                    break
        elif token.text in ("of", "on", "for", "and", "&", "the", "-") or \
                token.text in POSSESSIVE:
            index += 1
        elif index > start and bracketed_acronym(doc, index):
            index += 3  # "Association of Southeast Asian Nations (ASEAN) Digital ..."
        else:
            break
    return max((complement_end(doc, head, persons, lexicon, located) for head in heads),
               default=None)


# Days and months: a complement never starts with one ("the 5th Summit on Monday").
_TIME_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:],
                         *calendar.month_abbr[1:], "Sept"])


def complement_end(doc: Doc, start: int, persons: Iterable[int] = (),
                   lexicon: Lexicon | None = None, located: Iterable[int] = ()) -> int:
    """End of the "of/on/for X" complement that belongs to a name ending at ``start``.

    "the 7th Ministerial Roundtable on Online Safety", "the 9th Meeting of the ASEAN
    Working Group on Data Governance": capitalised words after "of", "on" or "for" (and
    "the") belong to the meeting's name. The complement runs over capitalised words,
    numbers after them, further "of/on/for" complements and, after one, "in" before a
    field ("Workshop on Regional Cooperation in Cybersecurity"; not before a place or
    body in ``located``: "... in Singapore"), "and"/"&" between capitalised words,
    possessives ("Citizens' Panel"), comma lists ("on Science, Technology and
    Innovation", with a ``lexicon``), hyphens and bracketed acronyms, and ends before
    lower-case text, a date, "and the" (another name) or a person's name. ``start``
    itself when there is none.
    """
    people = set(persons)
    places = set(located)
    index = start
    last = start
    while index < len(doc) and (doc[index].text in CONNECTORS or (
            doc[index].text == "in" and index > start and
            not {index + 1, index + 2} & places)):
        after = index + 1
        if after < len(doc) and doc[after].text == "the":
            after += 1
        if after >= len(doc) or not name_like(doc[after]) or \
                doc[after].text in _TIME_WORDS or after in people:
            break
        index = after
        while index < len(doc):
            token = doc[index]
            if index in people and index > after:
                break
            if name_like(token) or (token.like_num and index > after):
                index += 1
                last = index
            elif token.text in ("and", "&", "-") and index + 1 < len(doc) and \
                    name_like(doc[index + 1]) and index + 1 not in people:
                index += 1
            elif token.text == "-" and index == last and index + 1 < len(doc) and \
                    joined(doc, index) and joined(doc, index + 1) and \
                    doc[index + 1].is_alpha:
                index += 2  # "on Digital Co-operation": one word with its hyphen
                last = index
            elif bracketed_acronym(doc, index) and index + 3 < len(doc) and \
                    name_like(doc[index + 3]):
                index += 3  # "Sanitary and Phytosanitary (SPS) Cooperation"
            elif index == last and index + 1 < len(doc) and joined(doc, index) and \
                    name_like(doc[index + 1]) and (
                        (token.text in ("'", "’") and doc[index - 1].text.endswith("s")) or
                        (lexicon is not None and token.text in ("'s", "’s") and
                         doc[index - 1].text in lexicon.possessors)):
                index += 1  # "the Citizens' Panel on ...", "the People's Republic"
            elif lexicon is not None and index == last and token.text == "," and \
                    list_continues(doc, index + 1, lexicon):
                index += 1  # "on Science, Technology and Innovation"
            else:
                break
        if index != last:
            break
    if last > start and doc[start].text != "on" and doc[start + 1].text == "the" and \
            not any(proper_word(t) for t in doc[start + 2 : last]):
        # "the 1st Session for the Sitting": common words, no name; a topic is named so
        # ("the 17th Exchange of Visits on the Environment").
        return start
    return last


class Meetings:
    """Numbered meetings linked to their series ("5th ADGMIN", "ADGMIN5")."""

    def __init__(self, nlp: Language, lexicon: str | None, gazetteers: list[str]) -> None:
        self.lexicon = lexicon_setting(lexicon)
        self.index = gazetteer_index(tuple(gazetteers))
        series = [form for form, entry in self.index.by_form.items()
                  if entry.label == "MeetingSeries"]
        self.series = Phrases(nlp, series)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        persons = doc.user_data.get(cands.PERSON_STARTS, ())
        cands.add(doc, find_meetings(doc, self.lexicon, self.index, self.series, persons,
                                     located_names(doc)))
        return doc
