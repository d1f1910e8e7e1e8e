"""Surface patterns over the sequence of entities, where the parse adds nothing.

Two entities side by side with only a word or a bracket between them: "PhoGPT by VinAI"
(developedBy), "IMDA's MGF-Gen AI" (developedBy), "AI Verify Foundation (Singapore)"
(basedIn), "the 5th ADGMIN in Thailand" (heldIn), "Bangkok, Thailand" (partOf).
"""

from __future__ import annotations

import itertools

from docgraph.relations.base import Findings
from docgraph.relations.context import entity_group


def find(findings: Findings) -> None:
    """Apply every surface pattern to each pair of neighbouring entities."""
    doc = findings.doc
    patterns = findings.rules.patterns
    made_by, possessive = patterns["made_by"], patterns["possessive_work"]
    parenthetical, meeting_place = patterns["parenthetical_place"], patterns["meeting_place"]
    place_country = patterns["place_country"]
    for left, right in itertools.pairwise(findings.ctx.outer):
        sentence = doc[left.start].sent
        if doc[right.start].sent.start != sentence.start:
            continue
        words = [t.text for t in doc[left.end : right.start]]
        content = [w.lower() for w in words if w not in ("the", "The")]
        groups = (entity_group(left.label), entity_group(right.label))
        if content == list(made_by.words) and groups[0] in ("Work", "Organization"):
            findings.add(left, made_by.relation, right, "pattern:x-by-y", made_by.confidence,
                         sentence)
        if words in (["’s"], ["'s"]) and groups[1] == "Work":
            findings.add(right, possessive.relation, left, "pattern:possessive",
                         possessive.confidence, sentence)
        if words == ["("] and right.end < len(doc) and doc[right.end].text == ")" and \
                groups[1] in ("Country", "Place"):
            findings.add(left, parenthetical.relation, right, "pattern:parenthetical-place",
                         parenthetical.confidence, sentence)
        if groups[0] == "Meeting" and len(content) == 1 and content[0] in meeting_place.words:
            findings.add(left, meeting_place.relation, right, "pattern:meeting-in-place",
                         meeting_place.confidence, sentence)
        if words == [","] and left.label == "City" and right.label == "Country":
            findings.add(left, place_country.relation, right, "pattern:place-country",
                         place_country.confidence, sentence)
