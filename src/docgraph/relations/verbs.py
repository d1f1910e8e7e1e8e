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
    """Apply every verb trigger whose lemma ``token`` has (or noun trigger, for nouns)."""
    with_subject = token.i in findings.ctx.heads_of(SUBJECTS)
    if token.pos_ in ("NOUN", "PROPN") and not with_subject:
        for trigger in findings.rules.triggers_by_noun.get(token.lower_, ()):
            _nominal(findings, token, trigger, sentence)
        if not verb_read_as_noun(token):
            return
    # The small model tags some verbs as nouns ("The UKSDEA builds on ..."); a word with
    # a subject of its own is acting as a verb.
    if token.pos_ not in ("VERB", "AUX") and not with_subject and \
            not verb_read_as_noun(token):
        return
    lemma = findings.ctx.lemma(token).lower()
    for trigger in findings.rules.triggers_by_lemma.get(lemma, ()):
        if trigger.particle is not None and not any(
                c.dep_ == "prt" and c.lower_ == trigger.particle for c in token.children):
            continue
        if trigger.requires and not any(
                findings.ctx.lemma(c).lower() in trigger.requires for c in objects(token)):
            continue
        _apply(findings, token, trigger, sentence)
    _gathering(findings, token, sentence)
    _presence(findings, token, sentence)


def _apply(findings: Findings, verb: Token, trigger: Trigger, sentence: Span) -> None:
    ctx = findings.ctx
    args = findings.args
    relation = trigger.relation
    rule = f"verb:{ctx.lemma(verb).lower()}"
    passive = is_passive(verb)
    subject_tokens = [ctx.antecedent(t) for t in subjects(verb)]
    # The parse and the surface each find arguments the other misses: the small model
    # often misparses long titled names, and the surface knows nothing of clauses.
    if passive:
        doers = [m for t in agents(verb) for m in ctx.expand(t)] + [
            m for c in verb.children if c.dep_ == "agent" or (
                c.dep_ == "prep" and c.lower_ == "by")
            for m in args.after(c.i, sentence)]
        things = [m for t in subject_tokens for m in ctx.expand(t)]
        modified = _modified_noun(verb)
        if modified is not None and verb.dep_ != "acl":
            # "the 19th JCBC meeting co-chaired by X": a participle right after a noun
            # modifies that noun, however the parser attached it.
            things = ctx.expand(modified)
        elif verb.dep_ not in ("acl", "advcl", "relcl"):
            things += args.before(verb.i, sentence)
    else:
        doers = [m for t in subject_tokens for m in ctx.expand(t)] + \
            args.before(verb.i, sentence)
        things = [m for t in objects(verb) for m in ctx.expand(ctx.antecedent(t))]
        if not trigger.requires:
            things += args.after(verb.i, sentence)
    # "signed X with Y": the parser hangs "with" on the verb or on its object.
    doers += [m for head in [verb, *objects(verb)] for c in head.children
              if c.dep_ == "prep" and c.lower_ in trigger.partners
              for m in ctx.expand_children(c) + args.after(c.i, sentence)]
    doers, things = _without_affiliations(findings, _unique(doers)), _unique(things)
    if trigger.via:
        heads = [verb] + [o for o in objects(verb) if ctx.lemma(o).lower() in trigger.requires]
        preps = [c for head in heads for c in head.children
                 if c.dep_ in ("prep", "agent", "prt", "dative") and c.lower_ in trigger.via]
        targets = _unique([m for head in heads for t in prep_objects(head, trigger.via)
                           for m in ctx.expand(t)] +
                          [m for c in preps for m in args.after(c.i, sentence)])
        explicit = bool(preps) or any(c.dep_ == "prep" and c.lower_ in trigger.via
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
    _state(findings, trigger, doers, things, rule, sentence)


def _modified_noun(verb: Token) -> Token | None:
    """The noun right before a participle ("meeting" in "the meeting co-chaired by")."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].lower_ in ("co", "-", "jointly", "also"):
        index -= 1
    if index < 0:
        return None
    token = verb.doc[index]
    return token if token.pos_ in ("NOUN", "PROPN") else None


def _without_affiliations(findings: Findings, doers: list[Candidate]) -> list[Candidate]:
    """People who act, without the bodies their descriptions name.

    In "Permanent Secretary, Ministry of Communications and Information, Ms Yong Ying-I
    and the Secretary General, Ministry of ..., Dato' Sri Mohammad co-chaired the
    meeting", the ministries say where the two come from; they did not chair it.
    """
    if not any(d.label == "Person" for d in doers):
        return doers
    ctx, doc = findings.ctx, findings.doc
    out = []
    for doer in doers:
        if entity_group(doer.label) == "Organization":
            before = doer.start - 1
            post = ctx.top[before - 1] if before >= 1 and doc[before].text == "," else None
            if post is not None and post.label == "Post":
                continue  # "Permanent Secretary, Ministry of X, ..."
            after = doer.end + 1 if doer.end < len(doc) and doc[doer.end].text == "," \
                else len(doc)
            while after < len(doc) and (doc[after].text in ctx.lexicon.honorific_words
                                        or doc[after].is_punct):
                after += 1
            person = ctx.top[after] if after < len(doc) else None
            if person is not None and person.label == "Person":
                continue  # "..., Ministry of X, Dato' Sri Mohammad bin Mentek"
        out.append(doer)
    return out


def _state(findings: Findings, trigger: Trigger, doers: list[Candidate],
           things: list[Candidate], rule: str, sentence: Span) -> None:
    for doer in doers:
        for thing in things:
            if trigger.inverse:
                findings.add(thing, trigger.relation, doer, rule, trigger.confidence, sentence)
            else:
                findings.add(doer, trigger.relation, thing, rule, trigger.confidence, sentence)


def _nominal(findings: Findings, noun: Token, trigger: Trigger, sentence: Span) -> None:
    """A trigger's nominalisation: "the signing of X between A and B", "X's signing".

    The thing is the object of "of"; the doers are the objects of "by" and "between",
    the partners ("with"), and the possessor.
    """
    ctx = findings.ctx
    args = findings.args
    things: list[Candidate] = []
    doers: list[Candidate] = []
    for child in noun.children:
        if child.dep_ == "poss":
            doers += ctx.expand(child)
        if child.dep_ != "prep":
            continue
        members = ctx.expand_children(child) + args.after(child.i, sentence)
        if child.lower_ in ("of", "on"):  # "the signing of X", "negotiations on X"
            things += members
        elif child.lower_ in ("by", "between", "among", "amongst") or \
                child.lower_ in trigger.partners:
            doers += members
    if not doers and noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
        # "Singapore and the UK have concluded negotiations on X"; "Mr Chan led the
        # development of X": the verb's subject did it.
        doers = [m for s in subjects(noun.head) for m in ctx.expand(ctx.antecedent(s))] + \
            args.before(noun.head.i, sentence)
    _state(findings, trigger, _unique(doers), _unique(things), f"noun:{noun.lower_}",
           sentence)


def _presence(findings: Findings, verb: Token, sentence: Span) -> None:
    """Whoever does something at a meeting attended it; so do their partners ("with")."""
    ctx = findings.ctx
    args = findings.args
    presence = findings.rules.presence
    preps = set(presence.preps)
    if ctx.lemma(verb).lower() in presence.travel:
        preps |= presence.travel_preps
    meetings: list[Candidate] = []
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for target in (c for c in child.children if c.dep_ == "pobj"):
            if target.lower_ in presence.margins:  # "on the sidelines of X"
                target = next((p for c in target.children if c.dep_ == "prep"
                               and c.lower_ == "of" for p in c.children
                               if p.dep_ == "pobj"), target)
            meetings += [m for m in ctx.expand(target) if entity_group(m.label) == "Meeting"]
        meetings += [m for m in args.after(child.i, sentence)
                     if entity_group(m.label) == "Meeting"]
    for child in verb.children:  # "on the sidelines of X"
        if child.dep_ == "prep" and child.lower_ in ("on", "in"):
            for target in (c for c in child.children if c.dep_ == "pobj"
                           and c.lower_ in presence.margins):
                meetings += [m for c in target.children if c.dep_ == "prep"
                             and c.lower_ == "of" for m in ctx.expand_children(c)
                             if entity_group(m.label) == "Meeting"]
    if not meetings:
        return
    if is_passive(verb):
        people = [m for t in agents(verb) for m in ctx.expand(t)]
    else:
        people = [m for t in subjects(verb) for m in ctx.expand(ctx.antecedent(t))] + \
            args.before(verb.i, sentence)
    people += [m for c in verb.children if c.dep_ == "prep" and c.lower_ in presence.partners
               for m in ctx.expand_children(c)]
    rule = f"presence:{ctx.lemma(verb).lower()}"
    for person in _unique(people):
        for meeting in _unique(meetings):
            findings.add(person, presence.relation, meeting, rule, presence.confidence,
                         sentence)


def _unique(mentions: list[Candidate]) -> list[Candidate]:
    found: list[Candidate] = []
    for mention in mentions:
        if mention not in found:
            found.append(mention)
    return found


def _gathering(findings: Findings, verb: Token, sentence: Span) -> None:
    """"The 4th ADGMIN brought together X, Y and Z"; "was attended by X"."""
    ctx = findings.ctx
    lemma = findings.ctx.lemma(verb).lower()
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
