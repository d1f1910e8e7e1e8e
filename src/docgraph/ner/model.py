"""The statistical model's entities as candidates, trimmed and mapped onto docgraph's classes.

spaCy's labels (PERSON, ORG, GPE, ...) become docgraph classes; a name whose head noun
says more ("... Authority") takes the head's class. The model's reading is kept in
``Doc.user_data`` because the repair component rewrites ``doc.ents`` afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from docgraph.lexicon import Lexicon
from docgraph.names import looks_like_acronym
from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.heads import and_at, core_end, head_label, head_only, remit
from docgraph.ner.tokens import DETERMINERS, POSSESSIVE, TITLE_CASE_GLUE

MODEL_LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
                "FAC": "Place", "EVENT": "Meeting", "WORK_OF_ART": "Work", "LAW": "Law"}
# The small model's PRODUCT label is mostly noise on these pages; products are found by
# the gazetteer and by camel-case and "X by Y" rules instead.


def model_candidates(doc: Doc, ents: Iterable[Span], lexicon: Lexicon) -> list[Candidate]:
    """The statistical model's entities, trimmed and mapped onto docgraph's classes.

    Leading determiners, possessives and text after a bracket or comma are cut off;
    "X's Y" keeps Y; labels without a class here (dates, numbers, nationalities) and
    names in the lexicon's ``not_entities`` are dropped.
    """
    found = []
    for ent in ents:
        label = MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _trim(doc, ent.start, ent.end, lexicon)
        if label == "Person":  # "Datuk Dr Ching Thoo": the honorifics are not the name
            while start < end and doc[start].text in lexicon.honorific_words:
                start += 1
            while end > start and doc[end - 1].text in lexicon.honorific_words:
                end -= 1  # "Seri Kerna Dato": a rank's words before the next honorific
        if all(t.text in lexicon.honorific_parts or t.is_punct for t in doc[start:end]):
            continue  # "Yang Berhormat Dato", "H.E. Prof. Dr.": a form of address alone
        if start >= end:
            continue
        text = doc[start:end].text
        if label == "Place" and end - start == 1 and looks_like_acronym(text) and \
                len(text) > 2:
            label = "Organization"  # "DBS", "OCBC": a known place's acronym is in a gazetteer
        if label == "Person" and any(t.is_upper and len(t.text) > 1 and t.text not in
                                     lexicon.name_suffixes for t in doc[start:end]):
            label = "Organization"  # "Generative AI", "U Thant Sin Maung" as ORG...
        typed = False
        complement = core_end(doc, start, end)
        if label in ("Organization", "Place", "Work", "Law", "Meeting"):
            head = head_label(doc, start, complement, lexicon)
            first_and = and_at(doc, start, complement)
            if head is not None and first_and is not None and \
                    not remit(doc, start, first_and, complement, lexicon):
                continue  # "Polytechnics and Institutes of ...": two names, not one
            if head is not None and label != "Place":
                label, typed = head, True
            elif label in ("Meeting", "Law"):
                # The small model's events and laws without a head noun are mostly
                # dates, eras and school levels ("9 February 2023", "Second Industrial
                # Revolution", "Primary 5"); a meeting or law is named by its head.
                continue
            elif complement < end or any(t.text == "and" for t in doc[start:end]):
                # "Enforcement of Money Judgments", "Dialogue and Development Partners":
                # a complement or coordination without a head noun is a description.
                continue
        if text in lexicon.not_entities or " / " in text:
            continue  # "NRIC / Passport / Work Pass": a list of documents, not a name
        if label in ("Organization", "Place", "Person") and not typed and \
                any(t.text in ("with", "without") for t in doc[start:end]):
            continue  # "Mediacorp with Public Service Broadcasting": a phrase
        found.append(Candidate(start, end, label, "model", typed_by_head=typed,
                               anaphor=typed and head_only(doc, start, end, lexicon)))
    return found


def _trim(doc: Doc, start: int, end: int, lexicon: Lexicon) -> tuple[int, int]:
    for index in range(start, end):  # "IMDA's MGF-Gen AI" -> "MGF-Gen AI"
        if index + 1 < end and (doc[index].text in ("'s", "’s") or (
                doc[index].text in ("'", "’") and index > start and
                doc[index - 1].text.endswith("s") and
                doc[index - 1].text not in lexicon.possessors)):
            start = index + 1  # "NCS’ Ignite" -> "Ignite"
    for index in range(end - 1, start, -1):
        if doc[index].text in TITLE_CASE_GLUE and doc[index].whitespace_:
            # A title-case heading read as one name: "Appointment Of Public Sector Data
            # Security Review Committee" names the committee.
            start = index + 1
            break
    for index in range(start, end):
        spaced_dash = doc[index].text in ("-", "–", "—") and doc[index].whitespace_ and \
            index > start and doc[index - 1].whitespace_
        if doc[index].text in ("(", ")", ",", ";", ":") or "\n" in doc[index].text or \
                spaced_dash:  # "Annex - Board Appointment": a separator, not a hyphen
            end = index
            break
    while start < end and (doc[start].text in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def model_candidates_of(doc: Doc, lexicon: Lexicon) -> list[cands.Candidate]:
    """The model's entities as candidates, computed once per doc.

    Repair rewrites ``doc.ents`` afterwards, so the first reading is the model's.
    """
    found = doc.user_data.get(cands.MODEL)
    if found is None:
        found = model_candidates(doc, doc.ents, lexicon)
        doc.user_data[cands.MODEL] = found
    return list(found)
