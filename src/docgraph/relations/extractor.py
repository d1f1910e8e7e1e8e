"""Apply every rule family to one parsed doc.

The order lets later rules build on earlier ones: a person's organisation comes from the
posts found before it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from docgraph.clauses import ClauseReader
from docgraph.clauses.parse import Lemmas
from docgraph.lexicon import Lexicon, load_lexicon
from docgraph.ner.candidates import RETYPED, Candidate
from docgraph.ner.tokens import sentence_starts
from docgraph.relations import appointments, descriptions, groups, roles, surface, verbs
from docgraph.relations.arguments import Arguments
from docgraph.relations.base import Findings, Found
from docgraph.relations.context import Context, entity_group
from docgraph.relations.rules import Rules, load_rules


def extract(doc: Doc, mentions: Sequence[Candidate], rules: Rules | None = None,
            lexicon: Lexicon | None = None,
            lemmatize: Callable[[Token], list[str]] | None = None) -> list[Found]:
    """Find the relations between ``mentions`` in ``doc``.

    Args:
        doc: A parsed doc (without a parse, only the surface patterns apply).
        mentions: The chosen mentions (``doc.user_data[MENTIONS]``).
        rules: Relation rules (default: docgraph's).
        lexicon: The recogniser's lexicon (default: docgraph's).
        lemmatize: The lemmas of a token, for a doc the lemmatizer did not annotate
            (a spaCy ``Lemmatizer.lemmatize``); without it, the doc's own lemmas.

    Returns:
        Relations in text order.
    """
    ctx = Context(doc, mentions, rules or load_rules(), lexicon or load_lexicon(),
                  Lemmas(lemmatize))
    chains = descriptions.describe(ctx)
    places = descriptions.qualify(ctx, chains)
    ctx.holders = descriptions.holders(ctx, chains, places)
    findings = Findings(ctx, Arguments(ctx, ctx.holders))
    if doc.has_annotation("DEP"):
        clauses = ClauseReader(ctx.lemma, {*ctx.rules.triggers_by_noun,
                                           *ctx.rules.appointments.nouns,
                                           *ctx.rules.chairs.nouns})
        findings.status_of = clauses.status
        # One pass over the tokens for every rule that looks at each: building a Token
        # is the largest cost of reading a doc from Python.
        starts = sentence_starts(doc)
        starts_at = roles.Starts(findings)
        rule_verbs = _verbs(ctx.rules)
        for sentence in (doc[start:end] for start, end in
                         itertools.pairwise([*starts, len(doc)])
                         if ctx.may_state(start, end)):
            # Whoever does anything at a meeting attended it (verbs._presence), so a
            # sentence naming a meeting has every verb read; others only the verbs a
            # rule names.
            wanted = None if ctx.names_meeting(sentence.start, sentence.end) else rule_verbs
            for frame in clauses.frames(sentence, wanted):
                verbs.find(findings, frame, sentence)
                if frame.status.asserted:
                    appointments.find(findings, frame, sentence)
                    appointments.chairs(findings, frame, sentence)
            roles.scan(findings, sentence, starts_at)
    groups.find(findings)
    surface.find(findings)
    descriptions.find(findings, chains, places)
    appointments.handovers(findings)
    found = list(findings.found.values())
    if findings.retyped:
        # A mention a relation showed to be a body is one in every relation it is in.
        doc.user_data[RETYPED] = dict(findings.retyped)
        found = [f for f in found if _fits(ctx, f, findings.retyped)]
    return sorted(found, key=lambda f: (
        f.sentence.start, f.subject.start, f.object.start, f.predicate))


def _verbs(rules: Rules) -> frozenset[str]:
    """The verb lemmas some rule reads a frame of."""
    appointments = rules.appointments
    return frozenset({*rules.triggers_by_lemma, *rules.gathering.lemmas,
                      *rules.passive_attendance.lemmas,
                      *rules.patterns["visited_place"].words, *appointments.patient_verbs,
                      *appointments.agent_verbs, *appointments.successions,
                      *rules.chairs.verbs})


def _fits(ctx: Context, found: Found, retyped: dict[int, str]) -> bool:
    signature = ctx.rules.signatures[found.predicate]
    return entity_group(retyped.get(id(found.subject), found.subject.label)) in \
        signature.subject and \
        entity_group(retyped.get(id(found.object), found.object.label)) in signature.object
