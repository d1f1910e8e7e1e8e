"""Find relations between the entities of a parsed document.

The contract: the spaCy component ``docgraph_relations_v1`` (after
``docgraph_repair_v1``) reads the chosen entity mentions and the dependency parse and
stores :class:`Found` relations in ``doc.user_data[RELATIONS]``; the driver
(:func:`docgraph.ner.recognise`) turns them into :class:`~docgraph.types.Relation`
records with their sentence, offsets, rule, confidence and dates.

The rules are data (``ontologies/relations.yaml``, read into typed records by
:mod:`~docgraph.relations.rules`); each rule family is one module with one general
procedure:

- :mod:`~docgraph.relations.verbs`: verbs (active, passive, participles, relative
  clauses, coordinated verbs) with their argument frames;
- :mod:`~docgraph.relations.roles`: roles ("as Chair"), appositions of people and posts,
  copulas ("a statutory board under X");
- :mod:`~docgraph.relations.groups`: group nouns with lists of members;
- :mod:`~docgraph.relations.surface`: patterns over neighbouring entities ("X by Y");
- :mod:`~docgraph.relations.context`: coreference: pronouns and definite nouns ("she",
  "the meeting") resolve to the one entity they can refer to, or to none.

Co-occurrence alone never makes a relation.
"""

from __future__ import annotations

from docgraph.relations.base import Found
from docgraph.relations.component import RELATIONS, RelationFinder
from docgraph.relations.context import entity_group
from docgraph.relations.extractor import extract
from docgraph.relations.rules import Rules, load_rules

__all__ = ["RELATIONS", "Found", "RelationFinder", "Rules", "entity_group", "extract",
           "load_rules"]
