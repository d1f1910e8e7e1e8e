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
        self.lemmatize = lemmatize

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's relations."""
        doc.user_data[RELATIONS] = extract(doc, doc.user_data.get(MENTIONS, []), self.rules,
                                           self.lexicon, self.lemmatize)
        return doc


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
