"""Apply every rule family to one parsed doc.

The order lets later rules build on earlier ones: a person's organisation comes from the
posts found before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from docgraph.clauses import ClauseReader
from docgraph.clauses.parse import Lemmas
from docgraph.lexicon import Lexicon, load_lexicon
from docgraph.ner.candidates import RETYPED, Candidate
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
        for sentence in doc.sents:
            for frame in clauses.frames(sentence):
                verbs.find(findings, frame, sentence)
                if frame.status.asserted:
                    appointments.find(findings, frame, sentence)
                    appointments.chairs(findings, frame, sentence)
            for token in sentence:
                roles.find(findings, token, sentence)
                roles.copula(findings, token)
    groups.find(findings)
    surface.find(findings)
    descriptions.find(findings, chains, places)
    found = list(findings.found.values())
    if findings.retyped:
        # A mention a relation showed to be a body is one in every relation it is in.
        doc.user_data[RETYPED] = dict(findings.retyped)
        found = [f for f in found if _fits(ctx, f, findings.retyped)]
    return sorted(found, key=lambda f: (
        f.sentence.start, f.subject.start, f.object.start, f.predicate))


def _fits(ctx: Context, found: Found, retyped: dict[int, str]) -> bool:
    signature = ctx.rules.signatures[found.predicate]
    return entity_group(retyped.get(id(found.subject), found.subject.label)) in \
        signature.subject and \
        entity_group(retyped.get(id(found.object), found.object.label)) in signature.object
