"""The posts component: offices held by people ("Minister for Trade and Industry").

A post is a title, after modifiers such as "Senior" or "Deputy", with its "of"/"for"
complement or a remit in brackets; some titles are posts on their own ("Deputy Prime
Minister").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.lexicon import Lexicon, lexicon_setting
from docgraph.ner.tokens import CONNECTORS, Phrases, joined, name_like


def find_posts(doc: Doc, lexicon: Lexicon, titles: Phrases, honorifics: Phrases
               ) -> list[Candidate]:
    """Offices: "Minister for Trade and Industry", "Deputy Prime Minister".

    A post is a title (after modifiers such as "Senior", "Deputy") with an "of"/"for"
    complement, or a title that is a post on its own. The complement runs over
    capitalised words, "and" and lists ("Trade, Tourism and Investment"), and stops
    before a name, a new post or lower-case text.
    """
    found = []
    index = 0
    while index < len(doc):
        start = index
        # Modifiers come before a title, but some titles start with one ("Chief
        # Executive"), so a title is tried first at every step.
        while index < len(doc) and not titles.match(doc, index) and \
                doc[index].text in lexicon.post_modifiers:
            index += 1
            if index < len(doc) and doc[index].text == "-" and joined(doc, index):
                index += 1
        size = titles.match(doc, index) if index < len(doc) else 0
        if not size:
            index = start + 1
            continue
        end = index + size
        complement_end = _complement(doc, end, titles, honorifics, lexicon)
        core = doc[start:end].text
        if complement_end > end:
            end = complement_end
        elif core not in lexicon.standalone_posts:
            index = end
            continue
        found.append(Candidate(start, end, "Post", "posts"))
        index = end
    return found


def _complement(doc: Doc, start: int, titles: Phrases, honorifics: Phrases,
                lexicon: Lexicon) -> int:
    """End of an "of X"/"for X" complement (or a "(Law and Health)" remit) at ``start``."""
    if start >= len(doc):
        return start
    if doc[start].text == "(":
        close = next((i for i in range(start + 1, min(len(doc), start + 8))
                      if doc[i].text == ")"), None)
        if close and all(name_like(t) or t.lower_ in ("and", "&", ",")
                         for t in doc[start + 1 : close]):
            return _complement(doc, close + 1, titles, honorifics, lexicon) \
                if close + 1 < len(doc) and doc[close + 1].text in CONNECTORS else close + 1
        return start
    if doc[start].text not in ("of", "for"):
        return start
    index = start + 1
    if index < len(doc) and doc[index].text == "the":
        index += 1
    last = start
    while index < len(doc):
        token = doc[index]
        text = token.text
        if name_like(token) and not honorifics.match(doc, index) and (
                index == last or not titles.match(doc, index) or last == start):
            index += 1
            last = index
        elif text in ("and", "&") and last == index and index + 1 < len(doc) and \
                name_like(doc[index + 1]) and not titles.match(doc, index + 1) and \
                doc[index + 1].text not in lexicon.post_modifiers and \
                not honorifics.match(doc, index + 1):
            index += 1
        elif text in ("of", "for", "on") and last == index and index + 1 < len(doc) and \
                (name_like(doc[index + 1]) or doc[index + 1].text == "the"):
            index += 2 if doc[index + 1].text == "the" else 1
        elif last == index and ((text == "-" and joined(doc, index)) or (
                text == "," and _list_continues(doc, index + 1, honorifics))):
            index += 1
        else:
            break
    return last if last > start else start


def _list_continues(doc: Doc, start: int, honorifics: Phrases) -> bool:
    """After a comma: "Tourism and Investment" continues a list; "Mr Gan" does not."""
    index = start
    seen_and = False
    while index < len(doc) and index - start < 8:
        token = doc[index]
        if honorifics.match(doc, index):
            return False
        if token.text in ("and", "&"):
            seen_and = True
        elif not name_like(token):
            return False
        elif seen_and:
            return True
        index += 1
    return False


class Posts:
    """Offices ("Minister for Trade and Industry", "Deputy Prime Minister")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = lexicon_setting(lexicon)
        self.titles = Phrases(nlp, self.lexicon.post_titles)
        self.honorifics = Phrases(nlp, self.lexicon.honorifics)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        cands.add(doc, find_posts(doc, self.lexicon, self.titles, self.honorifics))
        return doc
