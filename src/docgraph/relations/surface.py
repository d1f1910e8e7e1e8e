"""Surface patterns over the sequence of entities, where the parse adds nothing.

Two entities side by side with only a word or a bracket between them: "PhoGPT by VinAI"
(developedBy), "IMDA's MGF-Gen AI" (developedBy), "AI Verify Foundation (Singapore)"
(basedIn), "INSEAD, France" and "the Centre in London" (basedIn), "the 5th ADGMIN in
Thailand" (heldIn), "Bangkok, Thailand" (partOf).
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span

from docgraph.ner.candidates import Candidate
from docgraph.relations.base import Findings
from docgraph.relations.context import entity_group, subject_of_a_verb


def find(findings: Findings) -> None:
    """Apply every surface pattern to each pair of neighbouring entities."""
    doc = findings.doc
    patterns = findings.rules.patterns
    made_by, possessive = patterns["made_by"], patterns["possessive_work"]
    parenthetical, meeting_place = patterns["parenthetical_place"], patterns["meeting_place"]
    place_country = patterns["place_country"]
    _led_by(findings)
    _possessive_pronoun(findings)
    for left, right in itertools.pairwise(findings.ctx.outer):
        sentence = doc[left.start].sent
        if doc[right.start].sent.start != sentence.start:
            continue
        words = [t.text for t in doc[left.end : right.start]]
        if words[:1] == [")"] and left.start > 0 and doc[left.start - 1].text == "(":
            # "the SG Digital Office (SDO) under IMDA": the acronym stands for the name
            # before it, so what follows it is said of that name too.
            words = words[1:]
        content = [w.lower() for w in words if w not in ("the", "The")]
        groups = (entity_group(left.label), entity_group(right.label))
        if words == [","] and subject_of_a_verb(doc, right, after=True):
            # "As part of the Tata Group, Tata Communications has ...", "Like other AMS,
            # Singapore welcomes ...": the comma ends an opening phrase and the second
            # name is the clause's subject, not a word on the first.
            continue
        if content == list(made_by.words) and groups[0] in ("Work", "Organization") and \
                not _agent_of_an_act(findings, left, right):
            findings.add(left, made_by.relation, right, "pattern:x-by-y", made_by.confidence,
                         sentence)
        if words in (["’s"], ["'s"]) and groups[1] == "Work" and \
                not _modifies_a_noun(doc, right):
            findings.add(right, possessive.relation, left, "pattern:possessive",
                         possessive.confidence, sentence)
        if words == ["("] and right.end < len(doc) and doc[right.end].text == ")" and \
                groups[1] in ("Country", "Place"):
            findings.add(left, parenthetical.relation, right, "pattern:parenthetical-place",
                         parenthetical.confidence, sentence)
        if groups[0] == "Meeting" and len(content) == 1 and content[0] in meeting_place.words:
            findings.add(left, meeting_place.relation, right, "pattern:meeting-in-place",
                         meeting_place.confidence, sentence)
        if groups[0] == "Place" and groups[1] == "Country" and len(content) == 1 and \
                content[0] in place_country.words and \
                not (words == [","] and _listed(findings, right)):
            # "Europe, China, Japan and the United States": a list, not a place and its
            # country.
            # "Bangkok, Thailand"; "the Bay Area in the United States"; "Beijing and
            # Shenzhen, China": every place of the list is in the country.
            for place in _places_before(findings, left):
                findings.add(place, place_country.relation, right, "pattern:place-country",
                             place_country.confidence, sentence)
        if groups == ("Organization", "Organization"):
            _bodies(findings, left, right, words, content, sentence)
        if groups[0] == "Organization" and groups[1] in ("Country", "Place") and \
                _body_in_place(findings, left, right, words) and \
                not _listed(findings, right):
            spec = patterns["body_place"]
            findings.add(left, spec.relation, right, "pattern:body-in-place",
                         spec.confidence, sentence)


def _modifies_a_noun(doc: Doc, name: Candidate) -> bool:
    """Whether a common noun follows the name, whose phrase it only modifies.

    "MCI's YouTube channel": the possessive is the channel's; MCI did not make YouTube.
    So in a title-case phrase the parser reads as one: "Alex Tan's Facebook Page".
    """
    if name.end >= len(doc):
        return False
    last = doc[name.end - 1]
    return (doc[name.end].pos_ == "NOUN" and doc[name.end].is_lower) or (
        last.dep_ == "compound" and last.head.i >= name.end and
        doc[name.end].pos_ in ("NOUN", "PROPN"))


def _agent_of_an_act(findings: Findings, left: Candidate, right: Candidate) -> bool:
    """Whether the "by" between two names introduces the doer of an act named before.

    "the establishment of the Centre by the Ministry": the Ministry established it (a
    frame's agent), it did not make what "the Centre" names.
    """
    doc = findings.doc
    by = next((t for t in doc[left.end : right.start] if t.lower_ == "by"), None)
    if by is None:
        return False
    owner = by.head
    if left.start <= owner.i < left.end:
        # The parser may hang "by" on the thing: then the act is what the thing is "of"
        # ("the setting up of the Foundation by the LTA").
        while left.start <= owner.head.i < left.end and owner.head.i != owner.i:
            owner = owner.head
        if owner.dep_ != "pobj":
            return False
        owner = owner.head.head
    particle = next((f" {c.lower_}" for c in owner.children if c.dep_ == "prt"), "")
    # A passive participle or a noun naming an act takes a "by" doer; an active verb
    # ("features use cases ..., from: X by Y") does not.
    rules = findings.rules
    act = owner.tag_ == "VBN" or owner.lower_ + particle in rules.triggers_by_noun or (
        owner.tag_ == "VBG" and owner.dep_ != "prep"  # "including" is a preposition
        and findings.ctx.lemma(owner).lower() in rules.triggers_by_lemma)
    return owner.i < left.start and act


def _body_in_place(findings: Findings, body: Candidate, place: Candidate,
                   words: list[str]) -> bool:
    """Whether the words between a body and a place say the body is there.

    "INSEAD, France" (a comma alone), "... Centre in London", "TusStar, a leading
    technology incubator in China" (a description of the body, then the place).
    """
    spec = findings.rules.patterns["body_place"]
    if words == [","]:
        return True
    lowered = [w.lower() for w in words]
    if not lowered or lowered[-1] not in spec.words:
        return False
    middle = [w for w in lowered[:-1] if w not in spec.skip]
    if not middle:
        return True
    if middle[0] != "," or len(middle) > 7:
        return False
    # An apposition describing the body: determiners, adjectives and nouns only.
    tokens = findings.doc[body.end + 1 : place.start - 1]
    return all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "ADV", "NUM") or
               t.lower_ in spec.skip or t.text == "-" for t in tokens)


def _places_before(findings: Findings, place: Candidate) -> list[Candidate]:
    """A place and the places listed before it with "and" or commas."""
    ctx, doc = findings.ctx, findings.doc
    found = [place]
    position = ctx.outer_index(place)
    while position > 0:
        previous = ctx.outer[position - 1]
        gap = [t.text for t in doc[previous.end : found[-1].start]]
        if entity_group(previous.label) != "Place" or not gap or \
                not all(w in (",", "and", "&") for w in gap):
            break
        found.append(previous)
        position -= 1
    return found


def _listed(findings: Findings, item: Candidate,
            groups: tuple[str, ...] = ("Country", "Place")) -> bool:
    """Whether a name begins or continues a list of its kind ("France, Italy and Spain")."""
    ctx, doc = findings.ctx, findings.doc
    index = _past_acronym(doc, item.end)
    after = index
    while index < len(doc) and doc[index].text in (",", "and", "&", "or"):
        index += 1
    following = ctx.top[index] if index < len(doc) and index > after else None
    return following is not None and entity_group(following.label) in groups


def _past_acronym(doc: Doc, index: int) -> int:
    """Where the text goes on after a bracketed acronym at ``index`` ("(CSA)"), if any."""
    if index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")":
        return index + 3
    return index


def _before_acronym(doc: Doc, index: int) -> int:
    """Where a name ends before a bracketed acronym ending at ``index`` ("(CSA)")."""
    if index >= 3 and doc[index - 1].text == ")" and doc[index - 3].text == "(":
        return index - 3
    return index


def _bodies_listed(findings: Findings, left: Candidate, right: Candidate) -> bool:
    """Whether two bodies side by side are items of a list of bodies.

    A body before the first ("Nexus, National Library Board, CSA") or after the second
    ("..., CSA and Nexus") makes them a list.
    """
    ctx, doc = findings.ctx, findings.doc
    start = left.start - 1 if left.start and doc[left.start - 1].lower_ == "the" \
        else left.start
    end = _before_acronym(doc, start - 1) if start >= 1 and doc[start - 1].text == "," \
        else 0
    before = ctx.top[end - 1] if end >= 1 else None
    return (before is not None and entity_group(before.label) == "Organization") or \
        _listed(findings, right, ("Organization",))


def _bodies(findings: Findings, left: Candidate, right: Candidate, words: list[str],
            content: list[str], sentence: Span) -> None:
    """A unit and the body it is part of, side by side."""
    patterns = findings.rules.patterns
    within, sub_body = patterns["body_within"], patterns["sub_body"]
    if len(content) == 1 and content[0] in within.words:
        findings.add(left, within.relation, right, f"pattern:body-{content[0]}",
                     within.confidence, sentence)
    unit = findings.ctx.text(left).split()[-1] in sub_body.nouns
    # "Nexus, National Library Board, Cyber Security Agency of Singapore": names in a
    # list, not a unit and its body.
    if unit and words == [","] and right.label != "IntergovernmentalOrganization" and \
            findings.ctx.text(right).split()[-1] not in sub_body.nouns and \
            not _bodies_listed(findings, left, right):
        findings.add(left, sub_body.relation, right, "pattern:unit-of-body",
                     sub_body.confidence, sentence)
    if words in (["'s"], ["’s"]) and findings.ctx.text(right).split()[-1] in sub_body.nouns:
        findings.add(right, sub_body.relation, left, "pattern:unit-of-body",
                     sub_body.confidence, sentence)


def _possessive_pronoun(findings: Findings) -> None:
    """"Singapore's approach, as outlined in its Digital Connectivity Blueprint"."""
    ctx, doc = findings.ctx, findings.doc
    spec = findings.rules.patterns["possessive_work"]
    for work in ctx.outer:
        if entity_group(work.label) != "Work" or work.start == 0:
            continue
        pronoun = doc[work.start - 1]
        if pronoun.lower_ != "its" or pronoun.dep_ != "poss":
            continue
        owner = ctx.refers_to(pronoun)
        if owner is not None:
            findings.add(work, spec.relation, owner, "pattern:possessive",
                         spec.confidence, doc[work.start].sent)


def _led_by(findings: Findings) -> None:
    """"Singapore-led initiatives on A, B and C": A, B and C were developed by Singapore.

    The hyphenated participle makes the entity before it the maker of what the noun
    after it names: the works listed after "on", "such as", "including" or a colon.
    """
    doc = findings.doc
    spec = findings.rules.patterns["led_by"]
    for maker in findings.ctx.outer:
        after = maker.end
        if after + 2 >= len(doc) or doc[after].text != "-" or \
                doc[after + 1].lower_ not in spec.words:
            continue
        sentence = doc[maker.start].sent
        index = after + 2
        while index < sentence.end and index - after < 6 and \
                doc[index].lower_ not in ("on", "such", "including", ":", "namely"):
            index += 1
        if index >= sentence.end or index - after >= 6:
            continue
        if doc[index].lower_ == "such":
            index += 1  # "such as"
        for work in findings.args.after(index, sentence):
            if entity_group(work.label) == "Work":
                findings.add(work, spec.relation, maker, "pattern:x-led", spec.confidence,
                             sentence)
