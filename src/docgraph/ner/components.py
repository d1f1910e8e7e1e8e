"""docgraph's spaCy components, registered as factories with versioned names.

Add them after a statistical model (or to ``spacy.blank("en")``) in this order (spaCy
forbids dots in factory names, so the version is the last part)::

    docgraph_gazetteer_v1 -> docgraph_people_v1 -> docgraph_posts_v1
    -> docgraph_meetings_v1 -> docgraph_names_v1 -> docgraph_acronyms_v1
    -> docgraph_repair_v1 -> docgraph_judge_v1

Each of the first six proposes candidates (:mod:`docgraph.ner.candidates`); the last
chooses among them and the model's own entities, and writes ``doc.ents`` with docgraph's
class names as labels; the judge (with a statistical model only: it was trained on
one) keeps, retypes or drops each by a trained classifier. Chosen candidates, with what
the rules learned about them (honorifics, acronyms, meeting series), are in
``doc.user_data[MENTIONS]``. Each
component lives in the module of its rules (:mod:`docgraph.ner.people`, ...).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from docgraph.ner.acronyms import Acronyms
from docgraph.ner.gazetteer import Gazetteer
from docgraph.ner.heads import Names
from docgraph.ner.judge import Judge
from docgraph.ner.meetings import Meetings
from docgraph.ner.people import People
from docgraph.ner.posts import Posts
from docgraph.ner.repair import Repair


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


@Language.factory("docgraph_judge_v1",
                  default_config={"weights": None, "lexicon": None, "apply": True},
                  assigns=["doc.ents", "doc.user_data"])
def make_judge(nlp: Language, name: str, weights: str | None, lexicon: str | None,
               apply: bool) -> Judge:
    """The trained entity judge: keeps, retypes or drops the chosen entities."""
    return Judge(nlp, weights, lexicon, apply)
