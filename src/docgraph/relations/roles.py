"""Roles and copulas: who holds which role in what, and what a thing is.

- "as <role>": "Singapore, as the Chair of the 4th ADGMIN"; "served as Vice-Chair" (of
  the meeting being talked about); "under the chairmanship of X".
- Copulas: "X is a statutory board under Y" (partOf), "X is a founding party to Y,
  together with A and B" (signed).
"""

from __future__ import annotations

import functools

import spacy.symbols
from spacy.tokens import Span, Token

from docgraph.clauses import Status
from docgraph.clauses.parse import subjects
from docgraph.ner.candidates import Candidate
from docgraph.ner.tokens import words
from docgraph.relations.base import Findings
from docgraph.relations.context import entity_group


class Starts:
    """Which tokens of a doc :func:`find` and :func:`copula` may start at, from arrays.

    The word, its tag and its relation to its head, read once per doc: a Token is then
    built only for the few tokens a rule may start at.
    """

    def __init__(self, findings: Findings) -> None:
        ctx = findings.ctx
        doc = ctx.doc
        strings = doc.vocab.strings
        patterns = findings.rules.patterns
        table = doc.to_array(["POS", "DEP"]).tolist()
        self._lowered = [w.lower() for w in words(doc)]
        self._tags = [row[0] for row in table]
        self._deps = [row[1] for row in table]
        self._copula_deps = frozenset(strings.add(d) for d in ("attr", "appos"))
        self._words = _ROLE_WORDS | _copula_words(tuple(patterns[name].nouns for name in (
            "party_to", "maker_of", "member_of", "part_of")))
        self._under = ctx.heads_of(("prep",), patterns["under"].words)

    def __call__(self, index: int) -> bool:
        """Whether a rule may start at token ``index``."""
        return self._lowered[index] in self._words or self._tags[index] == _AUX or \
            self._deps[index] in self._copula_deps or index in self._under


def scan(findings: Findings, sentence: Span, starts: Starts) -> None:
    """:func:`find` and :func:`copula` at each token of ``sentence`` that may start one."""
    doc = findings.doc
    for index in range(sentence.start, sentence.end):
        if starts(index):
            token = doc[index]
            find(findings, token, sentence)
            copula(findings, token)


_AUX = int(spacy.symbols.IDS["AUX"])
_ROLE_WORDS = frozenset({"under", "as"})


def find(findings: Findings, token: Token, sentence: Span) -> None:
    """Roles introduced at ``token`` ("as", "under")."""
    if token.lower_ == "under":
        _under_role(findings, token, sentence)
    elif token.lower_ == "as":
        _as_role(findings, token, sentence)


def _as_role(findings: Findings, as_token: Token, sentence: Span) -> None:
    ctx = findings.ctx
    role_token = next((c for c in as_token.children if c.dep_ == "pobj"), None)
    if role_token is None:
        return
    post = ctx.top[role_token.i]
    if post is not None and post.label == "Post":  # "appointed X as Chairman of the Board"
        spec = findings.rules.patterns["copula_post"]
        verb = as_token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        # "will take over from Y as Chairman": planned, as the verb is; "will step down as
        # Chairman": held now, until then.
        ends = _leaving(findings, verb)
        status = findings.status_of(verb) if verb.pos_ in ("VERB", "AUX") and not ends \
            else Status.DONE
        findings.add(_role_holder(findings, as_token), spec.relation, post, "role:as post",
                     spec.confidence, sentence, status, ends=ends)
        before = _before(findings, as_token)
        if before is not None and _predecessor(findings, before) is not None:
            # "takes over from Y as Chairman": Y is the Chairman now.
            findings.add(ctx.holders.get(id(before), before), spec.relation, post,
                         "role:as post", spec.confidence, sentence)
        return
    words = " ".join(t.text for t in role_token.subtree if (
        t.i <= role_token.i and t.dep_ in ("compound", "amod")) or t.i == role_token.i)
    words = words.replace(" - ", "-")
    # "Vice-Chair" is a role of its own, not a "Chair": the whole phrase decides first.
    role = findings.rules.role_for(words, role_token.text)
    if role is None:
        return
    holder = _role_holder(findings, as_token)
    # "the Chair of the 4th ADGMIN", "Chair for the ADGMIN in 2024"
    target = next((m for c in role_token.children if c.dep_ == "prep"
                   and c.lower_ in ("of", "for")
                   for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)), None)
    if target is None:  # "as the ASEAN Chair": the chair of ASEAN
        target = next((m for c in role_token.children if c.dep_ in ("compound", "nmod")
                       for m in [ctx.top[c.i]] if m is not None
                       and entity_group(m.label) in ("Organization", "Meeting")), None)
    if target is None:  # "As the outgoing Chair, ... during Singapore's ADGMIN Chairmanship"
        doc = ctx.doc
        target = next((m for m in ctx.within(sentence.start, sentence.end)
                       if entity_group(m.label) == "Meeting" and m.end < sentence.end
                       and doc[m.end].lower_ in ctx.lexicon.chairmanships), None)
    if target is None:
        target = ctx.salient(as_token.i, role.default)
    findings.add(holder, role.relation, target, f"role:{words}", role.confidence, sentence,
                 ends=_leaving(findings, as_token.head))


def _leaving(findings: Findings, verb: Token) -> bool:
    """Whether ``verb`` (or the verb above a noun: "relinquish her post as") leaves a post."""
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = findings.ctx.lemma(verb).lower()
    return (f"{lemma} {particle}" if particle else lemma) in \
        findings.rules.appointments.leaving


def _under_role(findings: Findings, under: Token, sentence: Span) -> None:
    """"held under the chairmanship of Singapore", "under Singapore's Chairmanship"."""
    ctx = findings.ctx
    role_token = next((c for c in under.children if c.dep_ == "pobj"), None)
    if role_token is None:
        # "Under Malaysia's chairmanship, the Dialogue adopted ...", parsed with the
        # chairmanship as the verb's subject: the first noun after "under".
        role_token = next((t for t in sentence.doc[under.i + 1 : min(under.i + 5,
                                                                         sentence.end)]
                           if t.pos_ == "NOUN"), None)
    if role_token is None or not role_token.lower_.endswith("ship"):
        return
    role = next((r for r in findings.rules.roles if role_token.text in r.nouns), None)
    if role is None:
        return
    # "Malaysia's chairmanship"; "the Philippines’ chairmanship", where the parser takes
    # a plural's bare apostrophe for punctuation and the name for a modifier.
    holders = [m for c in role_token.children if c.dep_ == "poss" or (
        c.dep_ in ("nmod", "compound") and c.i + 1 < role_token.i and
        sentence.doc[c.i + 1].text in ("’", "'")) for m in ctx.expand(c)]
    holders += [m for c in role_token.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
    verb = under.head
    # "held under the chairmanship of X"; "Under the chairmanship of X, the Working Group
    # completed ...": the meeting or the body the clause is about.
    meetings = [m for t in subjects(verb) for m in ctx.expand(ctx.antecedent(t))
                if entity_group(m.label) in ("Meeting", "Organization")
                and not _members(findings, m) and m not in holders
                ] if verb.pos_ in ("VERB", "AUX") else []
    if not meetings and verb.pos_ in ("VERB", "AUX") and under.i < verb.i:
        # "Under the chairmanship of X, the Working Group completed ..." with the subject
        # misparsed (as an apposition to X): the name right before the verb.
        meetings = [m for m in findings.args.before(verb.i, sentence)[-1:]
                    if entity_group(m.label) in ("Meeting", "Organization")
                    and not _members(findings, m) and m.start > role_token.i]
        holders = [h for h in holders if h not in meetings]
    if not meetings:  # "Under Singapore's Chairmanship, AMS strengthened ...": of what?
        return
    for holder in holders:
        findings.add(holder, role.relation, meetings[0], f"role:under {role_token.lower_}",
                     role.confidence - 0.1, sentence)


def _whole_list(antecedent: Token, verb: Token) -> Token:
    """The first of a list a plural relative clause is said of ("A, B and C, which are")."""
    if verb.tag_ not in ("VBP",) and verb.lower_ not in ("are", "were"):
        return antecedent
    while antecedent.dep_ == "conj" and antecedent.head.i != antecedent.i:
        antecedent = antecedent.head
    return antecedent


def _members(findings: Findings, mention: Candidate) -> bool:
    """Whether a body is the members of another ("ASEAN Member States", "AMS"): no chair."""
    ctx = findings.ctx
    names = {ctx.text(m) for m in ctx.mentions if m is mention or (
        mention.key is not None and m.key == mention.key)}
    return any(name.endswith(findings.rules.member_suffixes) for name in names)


def _role_holder(findings: Findings, as_token: Token) -> Candidate | None:
    """Who holds a role: the entity just before "as", or the verb's subject."""
    ctx = findings.ctx
    before = _before(findings, as_token)
    head = as_token.head
    if before is not None:
        verb = _predecessor(findings, before)
        if verb is None:
            return ctx.holders.get(id(before), before)
        head = verb  # "takes over from Y as X": the subject of "takes over" holds X
    if head.pos_ == "NOUN" and head.lower_ in findings.rules.appointments.offices and \
            head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "relinquish her post as CE", "took up the role as X"
    if head.pos_ in ("VERB", "AUX"):
        for subject in subjects(head):
            found = ctx.expand(ctx.antecedent(subject))
            if found:
                return found[0]
    return ctx.at(head)


def _before(findings: Findings, as_token: Token) -> Candidate | None:
    """The entity just before "as" (past punctuation), if any."""
    index = as_token.i - 1
    start = as_token.sent.start
    while index >= start and findings.doc[index].is_punct:
        index -= 1
    return findings.ctx.top[index] if index >= start else None


def _predecessor(findings: Findings, mention: Candidate) -> Token | None:
    """The verb of a mention whose role passes on, if it is one.

    "take over from Y as Chairman", "succeed Y as Chief Executive": the verb's subject
    takes the role Y holds.
    """
    doc = findings.doc
    root = next((t for t in doc[mention.start : mention.end]
                 if not mention.start <= t.head.i < mention.end), None)
    if root is None:
        return None
    if root.dep_ == "pobj" and root.head.lower_ == "from" and \
            root.head.head.pos_ == "VERB":
        return root.head.head
    if root.dep_ == "dobj" and \
            findings.ctx.lemma(root.head) in findings.rules.appointments.successions:
        return root.head
    return None


# Copulas: "a statutory board under X", "a party to X" ------------------------------


def copula(findings: Findings, token: Token) -> None:
    """"X is a statutory board under Y"; "X is a founding party to Y, with A and B".

    Also "X is a member of Y", "X is part of Y", and posts through a copula: "Ms Poh was
    Managing Director of the IDA", "Minister Teo, who is also Second Minister for Home
    Affairs". Called at the tokens :class:`Starts` lets through.
    """
    ctx = findings.ctx
    patterns = findings.rules.patterns
    under, party = patterns["under"], patterns["party_to"]
    member_of, part_of = patterns["member_of"], patterns["part_of"]
    if token.i in ctx.heads_of(("prep",), under.words) and (
            token.text in under.nouns or ctx.lemma(token).lower() in under.nouns):
        owners = [m for c in token.children if c.dep_ == "prep" and c.lower_ in under.words
                  for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
        for member in _described(findings, token):
            for owner in owners:
                findings.add(member, under.relation, owner, "pattern:under",
                             under.confidence, token.sent)
    if token.lower_ in party.nouns:
        works = [m for c in token.children if c.dep_ == "prep" and c.lower_ in party.words
                 for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
        partners = [m for c in token.head.children if c.dep_ == "prep"
                    and c.lower_ == "with" for m in ctx.expand(c)] + [
            m for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
        for signer in _described(findings, token) + partners:
            for work in works:
                findings.add(signer, party.relation, work, "pattern:party-to",
                             party.confidence, token.sent)
    maker = patterns["maker_of"]
    if token.lower_ in maker.nouns and ctx.top[token.i] is None:
        works = [m for c in token.children if c.dep_ == "prep" and c.lower_ in maker.words
                 for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
        for work in works:
            for author in _described(findings, token):
                findings.add(work, maker.relation, author, "pattern:maker-of",
                             maker.confidence, token.sent)
    for spec, name in ((member_of, "pattern:member-of"), (part_of, "pattern:part-of")):
        # "members", and "Member States" written with its compound
        phrase = " ".join([c.text for c in token.children if c.dep_ == "compound"
                           and c.i < token.i] + [token.text])
        if (token.text in spec.nouns or phrase in spec.nouns) and ctx.top[token.i] is None:
            # "X is a member of Y"; "Y, of which X are members" ("of" on the verb)
            heads = [token, token.head] if token.dep_ == "attr" else [token]
            preps = [c for head in heads for c in head.children if c.dep_ == "prep"
                     and c.lower_ in spec.words]
            owners = [m for c in preps for p in c.children if p.dep_ == "pobj"
                      for m in ctx.expand(ctx.antecedent(p))]
            # "a board member of A, the B and C", however the parser broke the list up;
            # but not when "of" governs a common noun a name only modifies ("part of the
            # MCI's continuous efforts").
            owners += [m for c in preps if c.head.i == token.i and not any(
                           p.dep_ == "pobj" and ctx.top[p.i] is None and p.pos_ == "NOUN"
                           for p in c.children)
                       for m in findings.args.after(c.i, token.sent) if m not in owners]
            owners += [m for m in _whose(findings, token) if m not in owners]
            for member in _described(findings, token):
                for owner in owners:
                    findings.add(member, spec.relation, owner, name, spec.confidence,
                                 token.sent)
    _copula_post(findings, token)
    _copula_role(findings, token)
    if token.pos_ == "AUX":
        _interjected_posts(findings, token)


@functools.cache
def _copula_words(nouns: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words (lower case) at which the copula patterns' nouns end."""
    return frozenset(noun.split()[-1].lower() for group in nouns for noun in group)


def _copula_role(findings: Findings, token: Token) -> None:
    """A role said through a copula: "Korea is the Chair of the 17th SOMTC this year"."""
    ctx = findings.ctx
    mention = ctx.top[token.i]
    if token.dep_ not in ("attr", "appos") or (mention is not None and mention.label != "Post") \
            or (token.dep_ == "attr" and ctx.lemma(token.head) != "be"):
        return  # a role noun may be read as a post ("a Development Partner of X")
    words = " ".join(t.text for t in token.subtree if (
        t.i <= token.i and t.dep_ in ("compound", "amod")) or t.i == token.i)
    role = findings.rules.role_for(words.replace(" - ", "-"), token.text)
    if role is None or role.relation not in ("chairOf", "viceChairOf", "hosted", "partnerOf"):
        return
    targets = [m for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
               for p in c.children if p.dep_ == "pobj" for m in ctx.expand(p)]
    if not targets:
        return  # "X is the Chair": of what, the copula does not say
    if token.dep_ == "appos":  # "Russia, the US and the EU, all Dialogue Partners of ASEAN"
        # A person's titles are their description's (docgraph.relations.descriptions).
        holders = [m for m in ctx.expand(token.head) + [
            m for m in findings.args.before(token.i, token.sent) if m.end <= token.i]
            if m.label != "Person"]
    else:
        holders = [m for s in subjects(token.head) for m in ctx.expand(ctx.antecedent(s))]
    for holder in holders:
        for target in targets:
            findings.add(holder, role.relation, target, f"role:is {words}", role.confidence,
                         token.sent)


# Words that may stand between "is" and the posts it gives: "is concurrently, amongst
# others, Deputy Chairman of A, ...".
_INTERJECTED = frozenset({"concurrently", "currently", "also", "now", "presently", ",",
                          "amongst", "among", "others", "inter", "alia", "the", "a", "an"})
_MAX_INTERJECTED = 8


def _interjected_posts(findings: Findings, token: Token) -> None:
    """"Mr Lee is concurrently, amongst others, A of X, B of Y and C of Z".

    The parser hangs such posts on "others"; the words between "is" and the first post
    are all fillers, so the posts are the copula's.
    """
    ctx, doc = findings.ctx, findings.doc
    if ctx.lemma(token) != "be" or any(c.dep_ == "attr" for c in token.children):
        return
    index = token.i + 1
    while index < token.sent.end and index - token.i <= _MAX_INTERJECTED and \
            doc[index].lower_ in _INTERJECTED and ctx.top[index] is None:
        index += 1
    post = ctx.top[index] if index < token.sent.end else None
    if post is None or post.label != "Post" or index == token.i + 1:
        return
    spec = findings.rules.patterns["copula_post"]
    holders = [m for s in subjects(token) for m in ctx.expand(ctx.antecedent(s))]
    for listed in findings.args.listed(post, token.sent):
        for holder in holders:
            findings.add(holder, spec.relation, listed, "pattern:copula-post",
                         spec.confidence, token.sent)


def _copula_post(findings: Findings, token: Token) -> None:
    """A post that is the attribute of "be": its subject holds it."""
    ctx = findings.ctx
    post = ctx.top[token.i]
    if post is None or post.label != "Post" or token.dep_ != "attr" or \
            ctx.lemma(token.head) != "be":
        return
    spec = findings.rules.patterns["copula_post"]
    posts = findings.args.listed(post, token.sent)  # "is concurrently A of X and B of Y"
    # "Eric Schmidt, who was the Chairman of Google": a post held once, since left.
    past = token.head.tag_ == "VBD"
    # "has agreed to be the Chairman": announced, as the clause says.
    status = Status.DONE if past else findings.status_of(token.head)
    for holder in (m for s in subjects(token.head) for m in ctx.expand(ctx.antecedent(s))):
        for listed in posts:
            findings.add(holder, spec.relation, listed, "pattern:copula-post",
                         spec.confidence, token.sent, status, ends=past)


# Verbs whose subject, a noun such as "members", is said of the list after them.
_LISTING_VERBS = frozenset({"be", "include", "comprise"})


def _whose(findings: Findings, noun: Token) -> list[Candidate]:
    """The owner of a noun through a possessive.

    "X, whose members include ...", "X's members", "its members".
    """
    ctx = findings.ctx
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ == "whose":
            verb = noun.head
            while verb.dep_ not in ("relcl", "ROOT") and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "relcl":
                return ctx.expand(ctx.antecedent(verb.head))
        else:  # "the Coalition's members", "its members"
            return ctx.expand(ctx.antecedent(child))
    return []


def _described(findings: Findings, noun: Token) -> list[Candidate]:
    """What a predicate noun describes: "X is a board", "X, a board".

    Also the other way round: "The members of X are A, B and C".
    """
    ctx = findings.ctx
    if noun.dep_ in ("attr", "acomp") and ctx.lemma(noun.head) == "be":
        found = [m for s in subjects(noun.head)
                 for m in ctx.expand(_whole_list(ctx.antecedent(s), noun.head))]
        return found + [m for m in findings.args.before(noun.head.i, noun.sent)
                        if m not in found]
    if noun.dep_ == "nsubj" and ctx.lemma(noun.head) in _LISTING_VERBS:
        # "The members of X are A, B and C"; "whose members include A and B"
        found = [m for c in noun.head.children if c.dep_ in ("attr", "dobj")
                 for m in ctx.expand(c)]
        return found + [m for m in findings.args.after(noun.head.i, noun.sent)
                        if m not in found]
    if noun.dep_ == "appos":
        head = ctx.at(noun.head)
        return [head] if head else []
    return []
