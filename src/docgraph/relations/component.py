"""The ``docgraph_relations_v1`` spaCy component: relations between the chosen entities."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from docgraph.lexicon import lexicon_setting
from docgraph.ner.candidates import MENTIONS
from docgraph.relations.extractor import extract
from docgraph.relations.rules import load_rules

RELATIONS = "docgraph.relations"
"""Key in ``Doc.user_data`` of the relations found in the doc."""


class RelationFinder:
    """Reads ``doc.user_data[MENTIONS]`` and the parse; stores relations under RELATIONS."""

    def __init__(self, rules: str | None, lexicon: str | None,
                 lemmatize: Callable[[Token], list[str]] | None = None) -> None:
        self.rules = load_rules(Path(rules) if rules else None)
        self.lexicon = lexicon_setting(lexicon)
        self.lemmatize = _remembered(lemmatize) if lemmatize is not None else None

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's relations."""
        doc.user_data[RELATIONS] = extract(doc, doc.user_data.get(MENTIONS, []), self.rules,
                                           self.lexicon, self.lemmatize)
        return doc


def _remembered(lemmatize: Callable[[Token], list[str]]) -> Callable[[Token], list[str]]:
    """``lemmatize`` remembering its answers by what it reads: text, tag and morphology.

    spaCy's lemmatizer remembers most of its answers the same way, but not a word
    already in its base form, which it works out again each time.
    """
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmas(token: Token) -> list[str]:
        # MorphAnalysis.key is missing from spaCy's stubs; spaCy reads it the same way.
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        found = known.get(key)
        if found is None:
            found = known[key] = lemmatize(token)
        return found

    return lemmas


@Language.factory("docgraph_relations_v1", default_config={"rules": None, "lexicon": None},
                  assigns=["doc.user_data"], requires=["doc.ents"])
def make_relations(nlp: Language, name: str, rules: str | None, lexicon: str | None
                   ) -> RelationFinder:
    """Relations between the entities docgraph_repair_v1 chose.

    The pipeline's lemmatizer, enabled or not, lemmatizes the tokens the rules read
    when the doc has no lemmas of its own.
    """
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names \
        else None
    return RelationFinder(rules, lexicon, getattr(lemmatizer, "lemmatize", None))
