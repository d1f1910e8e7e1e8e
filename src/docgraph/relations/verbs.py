"""Verb triggers: "Singapore chaired X", "X was hosted by Y", "the 4th ADGMIN, held in Z".

Each :class:`~docgraph.relations.rules.Trigger` gives the relation and the argument
frame: the doer is the verb's subject, or the "by" agent of a passive; the thing is the
object, or the subject of a passive, or the noun a participle modifies; ``via``
prepositions name the thing ("held in", "builds on"). Coordinated and "together with"
arguments each get the relation. Gathering verbs ("brought together X, Y and Z", "was
attended by") make everyone named attendees of the meeting.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from docgraph.ner.candidates import Candidate
from docgraph.relations.base import Findings
from docgraph.relations.context import entity_group
from docgraph.relations.parse import (
    SUBJECTS,
    agents,
    is_passive,
    objects,
    prep_objects,
    subjects,
    verb_read_as_noun,
)
from docgraph.relations.rules import Trigger


def find(findings: Findings, token: Token, sentence: Span) -> None:
    """Apply every verb trigger whose lemma ``token`` has."""
    # The small model tags some verbs as nouns ("The UKSDEA builds on ..."); a word with
    # a subject of its own is acting as a verb.
    if token.pos_ not in ("VERB", "AUX") and not any(
            c.dep_ in SUBJECTS for c in token.children) and not verb_read_as_noun(token):
        return
    for trigger in findings.rules.triggers_by_lemma.get(token.lemma_.lower(), ()):
        if trigger.particle is not None and not any(
                c.dep_ == "prt" and c.lower_ == trigger.particle for c in token.children):
            continue
        if trigger.requires and not any(
                c.lemma_.lower() in trigger.requires for c in objects(token)):
            continue
        _apply(findings, token, trigger, sentence)
    _gathering(findings, token, sentence)


def _apply(findings: Findings, verb: Token, trigger: Trigger, sentence: Span) -> None:
    ctx = findings.ctx
    relation = trigger.relation
    rule = f"verb:{verb.lemma_.lower()}"
    passive = is_passive(verb)
    subject_tokens = [ctx.antecedent(t) for t in subjects(verb)]
    if passive:
        doers = [m for t in agents(verb) for m in ctx.expand(t)]
        things = [m for t in subject_tokens for m in ctx.expand(t)]
    else:
        doers = [m for t in subject_tokens for m in ctx.expand(t)]
        things = [m for t in objects(verb) for m in ctx.expand(ctx.antecedent(t))]
    if trigger.via:
        heads = [verb] + [o for o in objects(verb) if o.lemma_.lower() in trigger.requires]
        targets = [m for head in heads for t in prep_objects(head, trigger.via)
                   for m in ctx.expand(t)]
        explicit = any(c.dep_ == "prep" and c.lower_ in trigger.via
                       for head in heads for c in head.children)
        # "took part" names no meeting: the one just mentioned is meant; "participate in
        # the timely sharing" names something else, so nothing is.
        if not targets and not explicit and trigger.default == "meeting":
            salient = ctx.salient(verb.i, "meeting")
            targets = [salient] if salient is not None else []
        if relation in ("heldIn", "basedIn"):
            # "held in Singapore": the held thing relates to the place.
            holders = things if passive else (things or doers)
            for holder in holders:
                for place in targets:
                    findings.add(holder, relation, place, rule, trigger.confidence, sentence)
            return
        # "handed over the Chairmanship to Thailand": the object is the recipient.
        things = targets if trigger.requires else (targets or things)
    for doer in doers:
        for thing in things:
            if trigger.inverse:
                findings.add(thing, relation, doer, rule, trigger.confidence, sentence)
            else:
                findings.add(doer, relation, thing, rule, trigger.confidence, sentence)


def _gathering(findings: Findings, verb: Token, sentence: Span) -> None:
    """"The 4th ADGMIN brought together X, Y and Z"; "was attended by X"."""
    ctx = findings.ctx
    lemma = verb.lemma_.lower()
    gathering = findings.rules.gathering
    if lemma in gathering.lemmas and any(c.lower_ in gathering.particles
                                         for c in verb.children):
        meetings = [m for t in subjects(verb) for m in ctx.expand(t)
                    if entity_group(m.label) == "Meeting"]
        if meetings:
            for mention in _after(findings, verb, sentence):
                findings.add(mention, "attended", meetings[0], f"verb:{lemma}",
                             gathering.confidence, sentence)
    attendance = findings.rules.passive_attendance
    if lemma in attendance.lemmas and is_passive(verb):
        meetings = [m for t in subjects(verb) for m in ctx.expand(ctx.antecedent(t))]
        for agent in (m for t in agents(verb) for m in ctx.expand(t)):
            for meeting in meetings:
                findings.add(agent, "attended", meeting, f"verb:{lemma}",
                             attendance.confidence, sentence)


def _after(findings: Findings, verb: Token, sentence: Span) -> list[Candidate]:
    """Entities in the verb's clause after the verb, up to a clause of its own."""
    found: list[Candidate] = []
    for token in sentence[verb.i - sentence.start + 1 :]:
        if token.dep_ in ("relcl", "advcl", "ccomp") and token.head.i == verb.i:
            break
        if token.lower_ == "as" and token.dep_ == "prep":
            continue
        mention = findings.ctx.top[token.i]
        if mention is not None and mention not in found and \
                findings.doc[mention.start].lower_ != "as":
            found.append(mention)
    return found
