"""Verb triggers: "Singapore chaired X", "X was hosted by Y", "the 4th ADGMIN, held in Z".

Each :class:`~docgraph.relations.rules.Trigger` gives the relation and the argument
frame: the doer is the verb's subject, or the "by" agent of a passive; the thing is the
object, or the subject of a passive, or the noun a participle modifies; ``via``
prepositions name the thing ("held in", "builds on"). Coordinated and "together with"
arguments each get the relation. Gathering verbs ("brought together X, Y and Z", "was
attended by") make everyone named attendees of the meeting.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from docgraph.clauses import Argument, Frame, Role, Status
from docgraph.ner.candidates import Candidate
from docgraph.relations.base import Findings
from docgraph.relations.context import Context, entity_group
from docgraph.relations.rules import Trigger

_MAX_CLAUSE_NOUNS = 40


def find(findings: Findings, frame: Frame, sentence: Span) -> None:
    """State what a frame says through every trigger of its predicate.

    Only what the page reports as done or planned is stated: an intention ("intend to
    establish"), a possibility ("could sign") or a negation ("did not sign") is not;
    nor what is said of another edition of a meeting ("was last held in 2012").
    """
    if not frame.status.asserted or _another_time(findings, frame):
        return
    rules = findings.rules
    if frame.kind == "noun":
        for trigger in rules.triggers_by_noun.get(frame.lemma, ()):
            _nominal(findings, frame, trigger, sentence)
        return
    verb = findings.doc[frame.tokens[-1]]
    ctx = findings.ctx
    for trigger in rules.triggers_by_lemma.get(frame.lemma, ()):
        if trigger.particle is not None and not any(
                c.dep_ == "prt" and c.lower_ == trigger.particle for c in verb.children):
            continue
        if not trigger.states_with(verb.tag_):
            continue
        if trigger.requires and not any(
                ctx.lemma(findings.doc[h]).lower() in trigger.requires
                for h in frame.heads(Role.PATIENT)):
            continue
        _apply(findings, frame, trigger, sentence)
    _gathering(findings, frame, sentence)
    _presence(findings, frame, sentence)
    _visited(findings, frame, sentence)


def _visited(findings: Findings, frame: Frame, sentence: Span) -> None:
    """A body visited in a place is there: "In Istanbul, the Minister visited X"."""
    spec = findings.rules.patterns["visited_place"]
    if frame.lemma not in spec.words or frame.passive:
        return
    bodies = [m for m in _expand(findings, frame.heads(Role.PATIENT))
              if entity_group(m.label) == "Organization"]
    places = [m for m in _expand(findings, frame.heads(Role.OBLIQUE, ("in", "at")))
              if entity_group(m.label) in ("Country", "Place")]
    for body in bodies:
        for place in places:
            findings.add(body, spec.relation, place, "pattern:visited-in-place",
                         spec.confidence, sentence, frame.status)


def _another_time(findings: Findings, frame: Frame) -> bool:
    """Whether the predicate is said of another time: "last held", "previously hosted"."""
    words = findings.rules.other_editions
    return any(c.dep_ == "advmod" and c.lower_ in words
               for t in frame.tokens for c in findings.doc[t].children)


def _represented(findings: Findings, frame: Frame, sentence: Span) -> list[Candidate]:
    """Who "delegates", "officials" or "representatives" doing the act come from.

    "was attended by delegates from A, B and C": the parser may hang "from" on the verb.
    """
    doc = findings.doc
    if not any(doc[h].text in findings.rules.representatives
               for h in frame.heads(Role.AGENT)):
        return []
    sources = [a for a in frame.arguments if a.role is Role.OBLIQUE
               and a.marker in ("from", "of")]
    return _expand(findings, [a.head for a in sources]) + [
        m for a in sources if a.marker_at >= 0
        for m in findings.args.after(a.marker_at, sentence)]


def _expand(findings: Findings, heads: list[int]) -> list[Candidate]:
    """The entities argument heads stand for (relative pronouns: their antecedents).

    A relative clause is said of the names before it: "A, who will join CSA; B, who
    will join GovTech" does not send B to CSA, though the parser lists B with A.
    """
    ctx, doc = findings.ctx, findings.doc
    found = []
    for h in heads:
        antecedent = ctx.antecedent(doc[h])
        found += [m for m in ctx.expand(antecedent)
                  if antecedent.i == h or m.start < h]
    return found


def _apply(findings: Findings, frame: Frame, trigger: Trigger, sentence: Span) -> None:
    ctx = findings.ctx
    args = findings.args
    doc = findings.doc
    relation = trigger.relation
    rule = f"verb:{frame.lemma}"
    # The piece attached to the sentence, and the first and last words of the verb.
    head, first, verb = doc[frame.head], doc[frame.tokens[0]], doc[frame.tokens[-1]]
    agents = [a for a in frame.arguments if a.role is Role.AGENT]
    # The parse and the surface each find arguments the other misses: the small model
    # often misparses long titled names, and the surface knows nothing of clauses.
    if frame.passive:
        doers = _expand(findings, [a.head for a in agents]) + [
            m for a in agents if a.marker_at >= 0 for m in args.after(a.marker_at, sentence)
        ] + _represented(findings, frame, sentence)
        if not doers and trigger.inverse:
            # "the Compact, which is being negotiated at the United Nations": where a work
            # is made, a body, makes it.
            doers = [m for m in _expand(findings, frame.heads(Role.OBLIQUE, ("at", "within")))
                     if entity_group(m.label) == "Organization"]
        things = _expand(findings, frame.heads(Role.PATIENT))
        modified = _modified_noun(first)
        if modified is not None and head.dep_ != "acl":
            # "the 19th JCBC meeting co-chaired by X": a participle right after a noun
            # modifies that noun, however the parser attached it.
            things = ctx.expand(modified)
        elif head.dep_ not in ("acl", "advcl", "relcl") and first.i != sentence.start:
            things += args.before(first.i, sentence)
        if first.i == sentence.start and sentence.root.i > verb.i:
            # "Co-chaired by X and Y, the meeting agreed ...": what the participle says is
            # the main clause's subject, the names just before its verb.
            things += args.before(sentence.root.i, sentence)
        by = min((a.marker_at for a in agents if a.marker_at >= 0), default=-1)
        if by > first.i != sentence.start:
            # What a passive says comes before its "by", unless the participle opens the
            # sentence: a name after it coordinated with the thing is the parser joining
            # the last of the makers to the wrong noun ("a platform co-developed by A, B,
            # and C" with C under "platform").
            doers += [t for t in things if t.start > by]
            things = [t for t in things if t.start <= by]
    else:
        doers = _expand(findings, [a.head for a in agents]) + args.before(first.i, sentence)
        if not doers and agents and all(a.inherited for a in agents) and \
                head.dep_ in ("xcomp", "conj"):
            # "..., the Meeting agreed to set up X" with the subject misparsed: the name
            # just before the verb the subject is borrowed from.
            doers = args.before(head.head.i, sentence)[-1:]
        things = _expand(findings, frame.heads(Role.PATIENT))
        if not trigger.requires:
            things += args.after(verb.i, sentence)
    # "signed X with Y": the parser hangs "with" on the verb or on its object.
    doers += [m for a in frame.arguments if a.role is Role.OBLIQUE
              and a.marker in trigger.partners
              for m in _expand(findings, [a.head]) + args.after(a.marker_at, sentence)]
    doers += [m for c in _clause_preps(verb) if c.lower_ in trigger.partners
              for m in ctx.expand_children(c) + args.after(c.i, sentence)]
    doers, things = _without_affiliations(findings, _unique(doers)), _unique(things)
    if trigger.via:
        required = [h for h in frame.heads(Role.PATIENT)
                    if ctx.lemma(doc[h]).lower() in trigger.requires]
        obliques = [a for a in frame.arguments if a.role in (Role.OBLIQUE, Role.AGENT)
                    and a.marker in trigger.via]
        preps = [c for h in required for c in doc[h].children
                 if c.dep_ in ("prep", "agent", "prt", "dative") and c.lower_ in trigger.via]
        targets = _unique(_expand(findings, [a.head for a in obliques]) +
                          [m for a in obliques for m in _of_list(findings, a.head, sentence)] +
                          [m for c in preps for p in c.children if p.dep_ == "pobj"
                           for m in ctx.expand(p)] +
                          [m for a in obliques if a.marker_at >= 0
                           for m in args.after(a.marker_at, sentence)] +
                          [m for c in preps for m in args.after(c.i, sentence)])
        explicit = bool(obliques or preps) or any(
            c.dep_ == "prep" and c.lower_ in trigger.via for c in verb.children)
        # "took part" names no meeting: the one just mentioned is meant; "participate in
        # the timely sharing" names something else, so nothing is.
        if not targets and not explicit and trigger.default == "meeting":
            salient = ctx.salient(verb.i, "meeting")
            targets = [salient] if salient is not None else []
        if relation in ("heldIn", "basedIn"):
            # "held in Singapore": the held thing relates to the place.
            holders = things if frame.passive else (things or doers)
            for holder in holders:
                for place in targets:
                    findings.add(holder, relation, place, rule, trigger.confidence, sentence,
                                 frame.status)
            return
        if frame.passive and targets and not trigger.requires and relation != "attended":
            # "the Guide, which was adapted from the Framework": the passive's subject is
            # what relates to the preposition's object.
            doers, things = things, targets
        # "handed over the Chairmanship to Thailand": the object is the recipient. A verb
        # that needs its preposition says nothing of its object without it: "build on X"
        # derives from X, "build X" does not.
        things = targets
    _state(findings, trigger, doers, things, rule, sentence, frame.status)


def _of_list(findings: Findings, head: int, sentence: Span) -> list[Candidate]:
    """The list after "of" of a common noun: "the boards of A, the B and C".

    Read from the surface, which sees the list the parser may have broken up.
    """
    token = findings.doc[head]
    if token.pos_ not in ("NOUN", "PROPN") or findings.ctx.top[head] is not None:
        return []
    return [m for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for m in findings.args.after(c.i, sentence)]


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
    ctx, doc = findings.ctx, findings.doc
    # "Co-chaired by Senior Minister of State for X (MCI), Tan Kiat How, and ...": a post
    # is said of the person named right after it, who acts.
    held = [_person_after(ctx, doc, d) if d.label == "Post" else d for d in doers]
    doers = [d for d in dict.fromkeys(held) if d is not None]
    if not any(d.label == "Person" for d in doers):
        return doers
    out = []
    for doer in doers:
        if entity_group(doer.label) == "Organization":
            before = doer.start - 1
            post = ctx.top[before - 1] if before >= 1 and doc[before].text == "," else None
            if post is not None and post.label == "Post":
                continue  # "Permanent Secretary, Ministry of X, ..."
            if _person_after(ctx, doc, doer) is not None:
                # "..., Ministry of X, Dato' Sri Mohammad bin Mentek"; "Ministry of X
                # (MCI) of Singapore, Mr Joseph Leong", its acronym included.
                continue
        out.append(doer)
    return out


def _person_after(ctx: Context, doc: Doc, item: Candidate) -> Candidate | None:
    """The person a comma sets off right after a body or a post, if any.

    The body's bracketed acronym and its country may stand before the comma: "Ministry
    of X (MCI) of Singapore, Mr Joseph Leong".
    """
    index, comma, steps = item.end, False, 0
    while index < len(doc) and steps < 10:
        mention = ctx.top[index]
        if mention is not None and mention.label == "Person":
            return mention if comma else None
        token = doc[index]
        if mention is not None and mention is not item and (
                entity_group(mention.label) == "Country" or (
                    index > 0 and doc[index - 1].text == "(")):
            index, steps = mention.end, steps + 1  # "(MCI)", "of Singapore"
            continue
        if token.text == ",":
            comma = True
        elif not (token.is_punct or token.lower_ in ("of", "the") or
                  token.text in ctx.lexicon.honorific_words):
            return None
        index, steps = index + 1, steps + 1
    return None


def _state(findings: Findings, trigger: Trigger, doers: list[Candidate],
           things: list[Candidate], rule: str, sentence: Span,
           status: Status = Status.DONE) -> None:
    if trigger.things:
        things = [t for t in things if t.label in trigger.things]
    if trigger.doers:
        doers = [d for d in doers if entity_group(d.label) in trigger.doers
                 or d.label in trigger.doers]
    for doer in doers:
        for thing in things:
            if trigger.inverse:
                findings.add(thing, trigger.relation, doer, rule, trigger.confidence, sentence,
                             status)
            else:
                findings.add(doer, trigger.relation, thing, rule, trigger.confidence, sentence,
                             status)


def _nominal(findings: Findings, frame: Frame, trigger: Trigger, sentence: Span) -> None:
    """A trigger's nominalisation: "the signing of X between A and B", "X's signing".

    The thing is the object of "of"; the doers are the objects of "by" and "between",
    the partners ("with"), and the possessor; else the subject of the verb the noun is
    the object of ("A announced the launch of X").
    """
    args = findings.args
    doc = findings.doc
    things = _expand(findings, frame.heads(Role.PATIENT)) + [
        m for a in frame.arguments if a.role is Role.PATIENT and a.marker_at >= 0
        for m in args.after(a.marker_at, sentence)]
    if trigger.via:  # "her participation at the Summit"
        targets = [a for a in frame.arguments if a.role is Role.OBLIQUE
                   and a.marker in trigger.via]
        things += _expand(findings, [a.head for a in targets]) + [
            m for a in targets if a.marker_at >= 0 for m in args.after(a.marker_at, sentence)]
    own = [a for a in frame.arguments if a.role is Role.AGENT and not a.inherited]
    # "the signing of the MOU between A and B": the parser may hang "between" on the MOU.
    own += [Argument(Role.AGENT, p.i, c.lower_, marker_at=c.i)
            for h in frame.heads(Role.PATIENT) for c in doc[h].children
            if c.dep_ == "prep" and c.lower_ in ("by", "between", "among", "amongst")
            for p in c.children if p.dep_ == "pobj"]
    doers = _expand(findings, [a.head for a in own] + frame.heads(Role.POSSESSOR)) + [
        m for a in own if a.marker_at >= 0 for m in args.after(a.marker_at, sentence)]
    doers += [m for a in frame.arguments if a.role is Role.OBLIQUE
              and a.marker in trigger.partners
              for m in _expand(findings, [a.head]) + args.after(a.marker_at, sentence)]
    noun = doc[frame.head]
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if not doers and findings.ctx.lemma(governor).lower() not in findings.rules.onlookers:
        inherited = [a.head for a in frame.arguments if a.role is Role.AGENT and a.inherited]
        if inherited:
            doers = _expand(findings, inherited)
            if noun.dep_ != "pobj":  # the names right before the verb, as the parse may miss
                doers += args.before(governor.i, sentence)
    _state(findings, trigger, _unique(doers), _unique(things), f"noun:{frame.lemma}",
           sentence, frame.status)


def _presence(findings: Findings, frame: Frame, sentence: Span) -> None:
    """Whoever does something at a meeting attended it; so do their partners ("with")."""
    ctx = findings.ctx
    args = findings.args
    doc = findings.doc
    presence = findings.rules.presence
    preps = set(presence.preps)
    if frame.lemma in presence.travel:
        preps |= presence.travel_preps
    meetings: list[Candidate] = []
    obliques = [a for a in frame.arguments if a.role is Role.OBLIQUE]
    # "announced four MOUs from the Initiative at the 2nd JIC meeting": the parser may
    # hang "at" on any noun of the clause.
    places = obliques + [
        Argument(Role.OBLIQUE, p.i, c.lower_, marker_at=c.i)
        for c in _clause_preps(doc[frame.tokens[-1]]) if c.lower_ in preps
        for p in c.children if p.dep_ == "pobj"]
    for argument in places:
        target = doc[argument.head]
        if argument.marker in preps:
            if target.lower_ in presence.margins:  # "at the margins of X"
                target = next((p for c in target.children if c.dep_ == "prep"
                               and c.lower_ == "of" for p in c.children
                               if p.dep_ == "pobj"), target)
            meetings += [m for m in ctx.expand(target) if entity_group(m.label) == "Meeting"]
            if argument.marker_at >= 0:
                meetings += [m for m in args.after(argument.marker_at, sentence)
                             if entity_group(m.label) == "Meeting"]
        elif argument.marker in ("on", "in") and target.lower_ in presence.margins:
            # "on the sidelines of X"
            meetings += [m for c in target.children if c.dep_ == "prep"
                         and c.lower_ == "of" for m in ctx.expand_children(c)
                         if entity_group(m.label) == "Meeting"]
    if not meetings:
        return
    agents = [a for a in frame.arguments if a.role is Role.AGENT]
    people = _expand(findings, [a.head for a in agents])
    if not frame.passive:
        people += args.before(frame.tokens[0], sentence)
    people += [m for a in obliques if a.marker in presence.partners
               for m in _expand(findings, [a.head])]
    rule = f"presence:{frame.lemma}"
    for person in _unique(people):
        for meeting in _unique(meetings):
            findings.add(person, presence.relation, meeting, rule, presence.confidence,
                         sentence, frame.status)
    for place in _venues(findings, frame):
        for meeting in _unique(meetings):
            findings.add(meeting, "heldIn", place, f"venue:{frame.lemma}",
                         presence.confidence, sentence, frame.status)


def _venues(findings: Findings, frame: Frame) -> list[Candidate]:
    """Where what a clause tells of happens, when the clause says it.

    "participated in the Forum in Lima"; "stops in Italy, where she participated in the
    Forum" (a "where" clause on a place); "will visit Trieste, Italy to attend the
    Meeting" (the place of the trip the clause is the purpose of).
    """
    doc = findings.doc
    head = doc[frame.head]
    places = [a.head for a in frame.arguments
              if a.role is Role.OBLIQUE and a.marker in ("in", "at")]
    if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
        places.append(head.head.i)
    governor = head.head
    if head.dep_ in ("advcl", "xcomp") and governor.i != head.i and \
            findings.ctx.lemma(governor).lower() in findings.rules.presence.travel:
        places += [c.i for c in governor.children if c.dep_ in ("dobj", "obj")]
        places += [p.i for c in governor.children if c.dep_ == "prep" and c.lower_ in (
            "to", "in") for p in c.children if p.dep_ == "pobj"]
    return [m for m in _unique(_expand(findings, places))
            if entity_group(m.label) in ("Place", "Country")]


def _clause_preps(verb: Token) -> list[Token]:
    """Prepositions hanging on the nouns of a verb's own clause (not on the verb itself).

    Embedded clauses (relative, adverbial, complement) and coordinated verbs have their
    own; a preposition's object's prepositions are the clause's too ("from the X at Y").
    """
    found: list[Token] = []
    todo = [c for c in verb.children if c.dep_ in ("dobj", "obj", "attr", "nsubj",
                                                    "nsubjpass")]
    seen = 0
    while todo and seen < _MAX_CLAUSE_NOUNS:
        token = todo.pop()
        seen += 1
        for child in token.children:
            if child.dep_ == "prep":
                found.append(child)
                todo.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("conj", "appos", "compound"):
                todo.append(child)
    return found


def _unique(mentions: list[Candidate]) -> list[Candidate]:
    found: list[Candidate] = []
    for mention in mentions:
        if mention not in found:
            found.append(mention)
    return found


def _gathering(findings: Findings, frame: Frame, sentence: Span) -> None:
    """"The 4th ADGMIN brought together X, Y and Z"; "was attended by X"."""
    verb = findings.doc[frame.tokens[-1]]
    gathering = findings.rules.gathering
    if frame.lemma in gathering.lemmas and any(c.lower_ in gathering.particles
                                               for c in verb.children):
        meetings = [m for m in _expand(findings, frame.heads(Role.AGENT))
                    if entity_group(m.label) == "Meeting"]
        if meetings:
            for mention in _after(findings, verb, sentence):
                findings.add(mention, "attended", meetings[0], f"verb:{frame.lemma}",
                             gathering.confidence, sentence, frame.status)
    attendance = findings.rules.passive_attendance
    if frame.lemma in attendance.lemmas and frame.passive:
        meetings = _expand(findings, frame.heads(Role.PATIENT))
        agents = _expand(findings, frame.heads(Role.AGENT)) + \
            _represented(findings, frame, sentence)
        for agent in _unique(agents):
            for meeting in meetings:
                findings.add(agent, "attended", meeting, f"verb:{frame.lemma}",
                             attendance.confidence, sentence, frame.status)


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
