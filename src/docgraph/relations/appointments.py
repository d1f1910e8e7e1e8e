"""Appointments: who is given, holds or takes over which post.

Read from the clause's frame, so every shape of the clause counts the same: "Ms X will
be appointed Chief Executive of the EMA", "the Minister appointed Ms X as Chairman",
"Ms X's appointment as Chairman", "Ms X will succeed Mr Y as Chief Executive" (both hold
the post), "Ms X served as Vice-Chair", "appointed to the Board of Y" (a member of the
board). The body a post is of ("Chief Executive of the EMA") makes its holder a member
of it through the posts' own rule (:func:`docgraph.relations.descriptions.find`).
"""

from __future__ import annotations

from spacy.tokens import Span

from docgraph.clauses import Frame, Role, Status
from docgraph.clauses.parse import coordinated
from docgraph.ner.candidates import Candidate
from docgraph.relations.base import Findings
from docgraph.relations.context import entity_group


def find(findings: Findings, frame: Frame, sentence: Span) -> None:
    """State the posts an appointment frame gives, and the bodies it names."""
    spec = findings.rules.appointments
    lemma = frame.lemma
    doc = findings.doc
    if frame.kind == "noun":
        if lemma not in spec.nouns:
            return
        holders = _entities(findings, frame.heads(Role.POSSESSOR) + frame.heads(
            Role.PATIENT, ("of",)))
        keepers: list[Candidate] = []
    elif lemma in spec.patient_verbs:
        holders = _entities(findings, frame.heads(Role.PATIENT))
        keepers = []
    elif lemma in spec.agent_verbs:
        holders = _entities(findings, frame.heads(Role.AGENT))
        keepers = []
        if lemma == "hold" and not any(doc[h].lower_ in spec.offices
                                       for h in frame.heads(Role.PATIENT)):
            return  # "holds the Presidency", "held talks": no post
    elif lemma in spec.successions:
        holders = _entities(findings, frame.heads(Role.AGENT))
        keepers = _entities(findings, frame.heads(Role.PATIENT))  # the predecessor
    else:
        return
    # "appointed Mr X as Chairman": the parser may hang "as" on the appointee.
    inclusions = findings.rules.inclusions
    attributes = frame.heads(Role.ATTRIBUTE) + [
        p.i for h in frame.heads(Role.PATIENT) for c in doc[h].children
        if c.dep_ == "prep" and (c.lower_ == "as" or (
            doc[h].lower_ in spec.offices and (c.lower_ in inclusions or c.lower_ == "of")))
        for p in c.children if p.dep_ == "pobj"]
    posts = [listed for post in _posts(findings, attributes)
             for listed in findings.args.listed(post, sentence)]
    bodies = [m for m in _entities(findings, frame.heads(Role.OBLIQUE, spec.bodies))
              if entity_group(m.label) == "Organization"]
    chaired: list[tuple[str, Candidate]] = []
    if not posts:
        # "will succeed Mr Chan as NLB's new Chairman": a title with its body's
        # possessive but no post named whole; the holders are members of the body, and
        # of a chair's title, its chairs, the one before the other.
        for h in attributes:
            if doc[h].text not in findings.ctx.lexicon.post_titles:
                continue
            owners = [m for c in doc[h].children if c.dep_ == "poss"
                      for m in _entities(findings, [c.i])
                      if entity_group(m.label) == "Organization"]
            bodies += [m for m in owners if m not in bodies]
            role = findings.rules.role_for(doc[h].text, doc[h].text)
            if role is not None and role.relation in ("chairOf", "viceChairOf"):
                chaired += [(role.relation, m) for m in owners]
    rule = f"appointment:{lemma}"
    for holder in holders + keepers:
        if holder.label != "Person":
            continue
        # A predecessor holds the post now, whenever the successor is to take it over.
        status = frame.status if holder in holders else Status.DONE
        for post in posts:
            findings.add(holder, spec.relation, post, rule, spec.confidence, sentence,
                         status)
        if holder in holders or not posts:
            for body in bodies:
                findings.add(holder, "memberOf", body, rule, spec.confidence, sentence,
                             status)
        for relation, body in chaired:
            # The predecessor's chair ends as the successor's begins.
            findings.add(holder, relation, body, rule, spec.confidence, sentence, status,
                         ends=holder in keepers)


def _posts(findings: Findings, heads: list[int]) -> list[Candidate]:
    """The posts named at ``heads`` and coordinated with them, as themselves.

    Not through :meth:`Context.expand`, which stands a post said of a person for the
    person.
    """
    ctx, doc = findings.ctx, findings.doc
    found: list[Candidate] = []
    for head in heads:
        for item in coordinated(doc[head]):
            mention = ctx.at(item)
            if mention is not None and mention.label == "Post" and mention not in found:
                found.append(mention)
    return found


def _entities(findings: Findings, heads: list[int]) -> list[Candidate]:
    ctx, doc = findings.ctx, findings.doc
    found: list[Candidate] = []
    for head in heads:
        for mention in ctx.expand(ctx.antecedent(doc[head])):
            if mention not in found:
                found.append(mention)
    return found


def chairs(findings: Findings, frame: Frame, sentence: Span) -> None:
    """Holding a chair: "X, which holds the 2022 G20 Presidency"; "X's Chairmanship of Y".

    The body is the chair noun's "of" object or a body named in it; else the one the
    rule's default names (the document's main intergovernmental organisation). "under
    the chairmanship of X" names the holder with "of", and is a role's
    (:mod:`docgraph.relations.roles`).
    """
    spec = findings.rules.chairs
    ctx, doc = findings.ctx, findings.doc
    if frame.kind == "noun":
        noun = doc[frame.head]
        if frame.lemma not in spec.nouns or (noun.dep_ == "pobj" and noun.head.lower_ == "under"):
            return
        holders = _entities(findings, frame.heads(Role.POSSESSOR))
        nouns = [noun]
    elif frame.lemma in spec.verbs:
        nouns = [doc[h] for h in frame.heads(Role.PATIENT) if doc[h].lower_ in spec.nouns]
        holders = _entities(findings, frame.heads(Role.AGENT)) if nouns else []
    else:
        return
    for noun in nouns:
        bodies = [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "nmod")]
        named = [m for c in modifiers for m in [ctx.top[c.i]] if m is not None]
        if named and any(ctx.top[c.i] is None for c in modifiers if c.i > named[-1].start):
            # "Singapore's ASEAN Digital Chairmanship": a sector's chair within ASEAN,
            # which the words do not name; not ASEAN's own.
            continue
        bodies += named
        bodies = [m for m in bodies if entity_group(m.label) in ("Organization", "Meeting")]
        if not bodies:
            # "for ADGMIN 2024, Singapore's chairmanship underscores ...": the one meeting
            # the sentence names is what is chaired; else the rule's default.
            meetings = {ctx.text(m): m for m in ctx.within(sentence.start, sentence.end)
                        if entity_group(m.label) == "Meeting" and ctx.top[m.start] is m}
            salient = next(iter(meetings.values())) if len(meetings) == 1 else \
                ctx.salient(noun.i, spec.default)
            bodies = [salient] if salient is not None else []
        for holder in holders:
            for body in bodies:
                findings.add(holder, spec.relation, body, f"chair:{frame.lemma}",
                             spec.confidence, sentence, frame.status)


def handovers(findings: Findings) -> None:
    """Whoever is handed "the ADGMIN Chairmanship" chairs that meeting's series next.

    The chairmanship handed over is the one the handover verb's object names: a meeting
    just before it ("hand over the ADGMIN Chairmanship") or after its "of" ("the
    Chairmanship of the ADGMIN"); not the giver's own title ("Singapore, as the Chair of
    the 4th ADGMIN, has handed over the Chairmanship").
    """
    doc = findings.doc
    handed = findings.of("handedOverChairTo")
    if not handed:
        return
    triggers = [trigger for found in findings.rules.triggers_by_lemma.values()
                for trigger in found if trigger.relation == "handedOverChairTo"]
    nouns = {word for trigger in triggers for word in trigger.requires}
    lemmas = {lemma for trigger in triggers for lemma in trigger.lemmas}
    for found in handed:
        sentence = found.sentence
        objects = [t for t in sentence if t.lower_ in nouns and t.dep_ in ("dobj", "nsubjpass")
                   and findings.ctx.lemma(t.head) in lemmas]
        for noun in objects:
            after = noun.i + 1
            if after < sentence.end and doc[after].lower_ == "of":
                after += 2 if after + 1 < sentence.end and doc[after + 1].lower_ == "the" \
                    else 1
            for mention in findings.ctx.within(sentence.start, sentence.end):
                if entity_group(mention.label) == "Meeting" and \
                        (mention.end == noun.i or mention.start == after > noun.i + 1):
                    findings.add(found.object, "chairOf", mention, "pattern:handover",
                                 found.confidence, sentence, found.status, begins=True)
