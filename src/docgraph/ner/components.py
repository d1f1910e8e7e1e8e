"""docgraph's spaCy components, registered as factories with versioned names.

Add them after a statistical model (or to ``spacy.blank("en")``) in this order (spaCy
forbids dots in factory names, so the version is the last part)::

    docgraph_gazetteer_v1 -> docgraph_people_v1 -> docgraph_posts_v1
    -> docgraph_meetings_v1 -> docgraph_names_v1 -> docgraph_acronyms_v1
    -> docgraph_repair_v1

Each of the first six proposes candidates (:mod:`docgraph.ner.candidates`); the last
chooses among them and the model's own entities, and writes ``doc.ents`` with docgraph's
class names as labels. Chosen candidates, with what the rules learned about them
(honorifics, acronyms, meeting series), are in ``doc.user_data[MENTIONS]``.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from docgraph.ner import candidates as cands
from docgraph.ner import rules
from docgraph.ner.lexicon import Lexicon, load_gazetteers, load_lexicon


def _lexicon(path: str | None) -> Lexicon:
    return load_lexicon(Path(path) if path else None)


@functools.cache
def _gazetteer_index(paths: tuple[str, ...]) -> rules.GazetteerIndex:
    """One index per set of gazetteer files, shared by the components that need it."""
    return rules.GazetteerIndex.build(load_gazetteers(Path(p) for p in paths))


def _model_candidates(doc: Doc, lexicon: Lexicon) -> list[cands.Candidate]:
    """The model's entities as candidates, computed once per doc.

    Repair rewrites ``doc.ents`` afterwards, so the first reading is the model's.
    """
    found = doc.user_data.get(cands.MODEL)
    if found is None:
        found = rules.model_candidates(doc, doc.ents, lexicon)
        doc.user_data[cands.MODEL] = found
    return list(found)


class Gazetteer:
    """Names from the gazetteers, typed by the class of their entry."""

    def __init__(self, nlp: Language, paths: list[str]) -> None:
        self.index = _gazetteer_index(tuple(paths))
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("gazetteer", [nlp.make_doc(form) for form in self.index.forms()])

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        found = []
        for _, start, end in self.matcher(doc):
            entry = self.index.by_form.get(doc[start:end].text)
            if entry is not None:
                found.append(cands.Candidate(start, end, entry.label, "gazetteer",
                                             key=entry.iri, name=entry.name))
        cands.add(doc, found)
        return doc


class People:
    """Names after honorifics and titles ("Mrs. Josephine Teo", "Minister Teo")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = _lexicon(lexicon)
        self.honorifics = rules.Phrases(nlp, self.lexicon.honorifics)
        self.titles = rules.Phrases(nlp, self.lexicon.titles)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        blocked = cands.covered(doc, ["gazetteer"])
        cands.add(doc, rules.find_people(doc, self.lexicon, self.honorifics, self.titles,
                                         blocked))
        return doc


class Posts:
    """Offices ("Minister for Trade and Industry", "Deputy Prime Minister")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = _lexicon(lexicon)
        self.titles = rules.Phrases(nlp, self.lexicon.post_titles)
        self.honorifics = rules.Phrases(nlp, self.lexicon.honorifics)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        cands.add(doc, rules.find_posts(doc, self.lexicon, self.titles, self.honorifics))
        return doc


class Meetings:
    """Numbered meetings linked to their series ("5th ADGMIN", "ADGMIN5")."""

    def __init__(self, nlp: Language, lexicon: str | None, gazetteers: list[str]) -> None:
        self.lexicon = _lexicon(lexicon)
        self.index = _gazetteer_index(tuple(gazetteers))
        series = [form for form, entry in self.index.by_form.items()
                  if entry.label == "MeetingSeries"]
        self.series = rules.Phrases(nlp, series)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        cands.add(doc, rules.find_meetings(doc, self.lexicon, self.index, self.series))
        return doc


class Names:
    """Capitalised names typed by their head noun ("... Authority", "Project ...")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = _lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        cands.add(doc, rules.find_names(doc, self.lexicon))
        return doc


class Acronyms:
    """"Long Form (ACR)" definitions, and every use of ACR in the same document.

    A document longer than the model's ``max_length`` arrives in several docs with the
    same ``user_data[DOCUMENT]``; definitions carry over from one to the next.
    """

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = _lexicon(lexicon)
        self._document: object = None
        self._definitions: dict[str, rules.Definition] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        document = doc.user_data.get(cands.DOCUMENT)
        if document is None or document != self._document:
            self._document = document
            self._definitions = {}
        found = cands.candidates(doc) + _model_candidates(doc, self.lexicon)
        new, definitions = rules.find_definitions(doc, found, self.lexicon)
        for definition in definitions:
            self._definitions.setdefault(definition.acronym, definition)
        cands.add(doc, new)
        cands.add(doc, rules.acronym_uses(doc, self._definitions.values()))
        return doc


class Repair:
    """Choose among all candidates and the model's entities; write ``doc.ents``.

    Trims determiners and possessives, drops what can never be an entity (technologies,
    roles, numbers), merges a person's name the model split in two, and types "X by Y"
    as a work by its maker.
    """

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = _lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        model = _outside_headings(doc, _model_candidates(doc, self.lexicon))
        model = _proper(doc, model)
        found = _merge_split_names(doc, cands.candidates(doc) + model)
        chosen = [c for c in cands.select(found) if rules.keep(doc, c, self.lexicon)]
        chosen = _made_by(doc, chosen)
        doc.ents = [Span(doc, c.start, c.end, label=c.label) for c in chosen]
        doc.user_data[cands.MENTIONS] = sorted(chosen + _inside_posts(doc, chosen, found),
                                               key=lambda c: (c.start, -c.end))
        return doc


def _outside_headings(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """The model's untyped names in title-case headings are mostly capitalised words."""
    headings = doc.user_data.get(cands.HEADINGS, ())
    if not headings:
        return found
    return [c for c in found if c.typed_by_head or not any(
        start <= doc[c.start].idx < end for start, end in headings)]


def _proper(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """Drop the model's untyped names made of words the document writes in lower case.

    "Digital Government", "Research", "Tech": their capitals are emphasis or a title,
    not a name.
    """
    lower = {t.text for t in doc if t.text.islower()}
    return [c for c in found if c.typed_by_head or not all(
        t.lower_ in lower for t in doc[c.start : c.end] if t.is_alpha)]


def _merge_split_names(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    people = sorted((c for c in found if c.label == "Person" and c.source == "model"),
                    key=lambda c: c.start)
    merged = []
    for left, right in itertools.pairwise(people):
        if left.end == right.start and doc[left.end - 1].whitespace_:
            merged.append(cands.Candidate(left.start, right.end, "Person", "model"))
    return found + merged


def _inside_posts(doc: Doc, chosen: list[cands.Candidate], found: list[cands.Candidate]
                  ) -> list[cands.Candidate]:
    """Names inside a post ("Secretary-General of ASEAN") are mentions too.

    ``doc.ents`` cannot nest, so these appear only among the mentions.
    """
    posts = [c for c in chosen if c.label == "Post"]
    inner = [c for c in found if c.source in ("gazetteer", "names", "acronym-definition",
                                              "acronym") and not c.anaphor
             and any(post.contains(c) for post in posts)
             # "Minister of Digital Economy and Society of ...": a name starting after
             # "and" inside a post is a piece of the post's remit, not a body.
             and not (c.source == "names" and c.start > 0
                      and doc[c.start - 1].text in ("and", "&"))]
    return cands.select(inner)


def _made_by(doc: Doc, chosen: list[cands.Candidate]) -> list[cands.Candidate]:
    """In "PhoGPT by VinAI", the first name is a work and the second its maker."""
    out = list(chosen)
    for index, first in enumerate(chosen[:-1]):
        after = first.end
        if after < len(doc) and doc[after].text == "by":
            nxt = chosen[index + 1]
            gap = doc[after + 1 : nxt.start]
            if all(t.text in ("the", "The") for t in gap) and \
                    first.label in ("Organization", "Company") and not first.typed_by_head \
                    and nxt.label not in ("Country", "Place", "Meeting"):
                out[index] = cands.relabel(first, "Product")
    return out


def _config(**extra: Any) -> dict[str, Any]:
    return {"lexicon": None, **extra}


@Language.factory("docgraph_gazetteer_v1", default_config={"gazetteers": []},
                  assigns=["doc.user_data"])
def make_gazetteer(nlp: Language, name: str, gazetteers: list[str]) -> Gazetteer:
    """Names from docgraph's gazetteers plus ``gazetteers`` (extra SKOS files)."""
    return Gazetteer(nlp, gazetteers)


@Language.factory("docgraph_people_v1", default_config=_config(), assigns=["doc.user_data"])
def make_people(nlp: Language, name: str, lexicon: str | None) -> People:
    """People named with honorifics and titles."""
    return People(nlp, lexicon)


@Language.factory("docgraph_posts_v1", default_config=_config(), assigns=["doc.user_data"])
def make_posts(nlp: Language, name: str, lexicon: str | None) -> Posts:
    """Offices held by people."""
    return Posts(nlp, lexicon)


@Language.factory("docgraph_meetings_v1", default_config=_config(gazetteers=[]),
                  assigns=["doc.user_data"])
def make_meetings(nlp: Language, name: str, lexicon: str | None, gazetteers: list[str]
                  ) -> Meetings:
    """Numbered meetings and their series."""
    return Meetings(nlp, lexicon, gazetteers)


@Language.factory("docgraph_names_v1", default_config=_config(), assigns=["doc.user_data"])
def make_names(nlp: Language, name: str, lexicon: str | None) -> Names:
    """Names typed by their head noun."""
    return Names(nlp, lexicon)


@Language.factory("docgraph_acronyms_v1", default_config=_config(),
                  assigns=["doc.user_data"])
def make_acronyms(nlp: Language, name: str, lexicon: str | None) -> Acronyms:
    """Acronym definitions and uses."""
    return Acronyms(nlp, lexicon)


@Language.factory("docgraph_repair_v1", default_config=_config(),
                  assigns=["doc.ents", "doc.user_data"])
def make_repair(nlp: Language, name: str, lexicon: str | None) -> Repair:
    """The final choice of entities."""
    return Repair(nlp, lexicon)
