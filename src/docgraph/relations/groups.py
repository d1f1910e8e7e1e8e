"""Groups and lists: a group noun followed by its members.

"Dialogue Partners – US, China and India" (partnerOf), "the ten Member States took part,
namely Brunei, Cambodia, ..." (memberOf); and a name that says it is the members of a
body ("ASEAN Member States" is a member of ASEAN). Without "of X", the group belongs to
the document's main organisation or the meeting being talked about.
"""

from __future__ import annotations

from spacy.tokens import Span

from docgraph.clauses.parse import agents, subjects
from docgraph.ner.candidates import BLOCKS, Candidate
from docgraph.ner.tokens import words as doc_words
from docgraph.relations.base import Findings
from docgraph.relations.context import entity_group
from docgraph.relations.rules import Group, Role


def find(findings: Findings) -> None:
    """Every group noun with a list of members, and every "X Member States"."""
    doc = findings.doc
    words = doc_words(doc)
    phrases = [(noun.split(), group) for group in findings.rules.groups
               for noun in group.nouns]
    for index, word in enumerate(words):
        for parts, group in phrases:
            if word == parts[0] and words[index : index + len(parts)] == parts:
                _group_at(findings, index, index + len(parts), group)
    _member_names(findings)
    if doc.has_annotation("DEP"):
        # It reads the parse; without one, spaCy's Token.children reads past the end of
        # a long doc's tokens and crashes the process (a rules-only run of 10,000 pages
        # died on its 3,901st).
        _delegations(findings)
    _listed_members(findings)
    _chairs_named_below(findings)


def _chairs_named_below(findings: Findings) -> None:
    """People on the lines under "The Co-chairs of X" chair X.

    A speech's salutation: "The Co-chairs of the Singapore Business Awards" on a line of
    its own, then "Mr Christopher Ong, Managing Director, DHL Express" and "Ms Chen
    Huifen, Editor, the Business Times", each on the next lines.
    """
    ctx, doc = findings.ctx, findings.doc
    blocks = list(doc.user_data.get(BLOCKS, ()))
    for position, (start, end, _, _) in enumerate(blocks):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        role, target = _role_line(findings, span)
        if role is None or target is None:
            continue
        for low, high, _, _ in blocks[position + 1 :]:
            line = doc.char_span(low, high, alignment_mode="expand")
            first = next((m for m in ctx.within(line.start, line.end)
                          if ctx.top[m.start] is m), None) if line is not None else None
            if line is None or first is None or first.label != "Person" or not all(
                    t.text in ctx.lexicon.honorific_words for t in doc[line.start : first.start]):
                break  # the list ends at the first line that opens with no one's name
            findings.add(first, role.relation, target, "group:chairs named below",
                         role.confidence, doc[first.start].sent)


def _role_line(findings: Findings, span: Span) -> tuple[Role | None, Candidate | None]:
    """The role and the body of a line that is only "[The] Co-chairs of [the] X"."""
    ctx = findings.ctx
    text = span.text.strip()
    if " of " not in text:
        return None, None
    noun = text.split(" of ")[0].removeprefix("The ").removeprefix("the ").strip()
    singular = noun[:-1] if noun.endswith("s") else noun
    role = next((r for r in findings.rules.roles if r.relation in ("chairOf", "viceChairOf")
                 and any(n.lower() == singular.lower() for n in r.nouns)), None)
    target = next((m for m in ctx.within(span.start, span.end) if ctx.top[m.start] is m
                   and entity_group(m.label) in ("Organization", "Meeting")
                   and m.end >= span.end - (1 if span[-1].is_punct else 0)), None)
    return role, target


def _listed_members(findings: Findings) -> None:
    """People listed under a heading that names members belong to the body it names.

    "Appointment of New Board Members" over "Mr Bojan Blecic, Senior Vice President,
    ..., OCBC Bank": Mr Blecic is a member of the board the document is about; "Mr Ng
    Chee Khern (Chairman), ..." chairs it.
    """
    ctx = findings.ctx
    doc = findings.doc
    rules = findings.rules
    board: Candidate | None = None
    counts: dict[str, int] = {}
    for mention in ctx.mentions:
        if entity_group(mention.label) == "Organization" and \
                _board(ctx.text(mention), rules.boards):
            counts[mention.key or ctx.text(mention)] = \
                counts.get(mention.key or ctx.text(mention), 0) + 1
    if counts:
        best = max(counts, key=lambda k: counts[k])
        board = next(m for m in ctx.mentions if (m.key or ctx.text(m)) == best)
    boards = {ctx.text(m): m for m in ctx.mentions if entity_group(m.label) == "Organization"
              and _board(ctx.text(m), rules.boards)}
    chair_words = {n for role in rules.roles if role.relation == "chairOf" for n in role.nouns}
    for start, end, kind, heading in doc.user_data.get(BLOCKS, ()):
        if kind not in ("list_item", "table_cell") or \
                not set(heading.replace("-", " ").split()) & rules.member_headings:
            continue
        owner = next((m for text, m in boards.items() if heading.endswith(text)), board)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or owner is None:
            continue
        inside = [m for m in ctx.within(span.start, span.end) if ctx.top[m.start] is m]
        first = next((m for m in inside if m.label == "Person"), None)
        if first is None:
            continue
        sentence = doc[first.start].sent
        findings.add(first, "memberOf", owner, "group:listed members", 0.75, sentence)
        # "Chairman – Mr Yeoh Oon Jin (...)" and "Mr Aaron Tay (Chairman), Partner, ..."
        # chair the board; in "Ms Angelene Chan (Chairman, DP Architects)" the body
        # right after the title is the one she chairs.
        for number, post in enumerate(inside):
            if post.label != "Post":
                continue
            if ctx.holders.get(id(post)) is not first:
                # "Deputy Chairman – Mr Loh Lik Peng": the role the item opens with.
                if post.end > first.start or not all(
                        t.is_punct or t.text in ctx.lexicon.honorific_words
                        for t in doc[post.end : first.start]):
                    continue
                findings.add(first, "holdsPost", post, "group:listed members", 0.75,
                             sentence)
            # The name after the title, and after titles joined to it ("Chairman and
            # Co-Founder, Deep Labs Inc"), says whose chair it is.
            following = number + 1
            while following < len(inside) and inside[following].label == "Post" and all(
                    t.text in ("and", "&") for t in
                    doc[inside[following - 1].end : inside[following].start]):
                following += 1
            after = inside[following] if following < len(inside) else None
            if after is not None and entity_group(after.label) == "Organization":
                continue
            if ctx.text(post) in chair_words:
                findings.add(first, "chairOf", owner, "group:listed members", 0.75, sentence)


def _board(name: str, boards: tuple[str, ...]) -> bool:
    """Whether a body's name says it is a board ("IMDA Board", "Board of the X")."""
    return name.split(" of ")[0].endswith(boards)


def _delegations(findings: Findings) -> None:
    """A delegation's country, leader and members attended the meeting talked about.

    "Ms Grace Fu ... led the Singapore delegation comprising Mr Stanley Loh, Permanent
    Secretary, and senior officials from the Ministry of ..., National Environment Agency
    and PUB"; "The Malaysia delegation led by Mr Nik Nazmi comprised ...". People in a
    country's delegation are based in it.
    """
    doc = findings.doc
    ctx = findings.ctx
    spec = findings.rules.delegations
    for index, word in enumerate(doc_words(doc)):
        if word not in spec.nouns:
            continue
        token = doc[index]
        sentence = token.sent
        meeting = ctx.salient(token.i, "meeting")
        country = next((m for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                        for m in [ctx.top[c.i]] if m is not None
                        and entity_group(m.label) == "Country"), None)
        if country is None and token.i > 0:  # "the Singapore delegation", parse aside
            before = ctx.top[token.i - 1]
            country = before if before is not None and \
                entity_group(before.label) == "Country" else None
        leaders: list[Candidate] = []
        verb = token.head
        if ctx.lemma(verb).lower() == "lead":
            if token.dep_ in ("dobj", "obj"):
                leaders += [m for s in subjects(verb) for m in ctx.expand(ctx.antecedent(s))]
            else:
                leaders += [m for a in agents(verb) for m in ctx.expand(a)]
        for child in token.children:  # "the delegation led by X"
            if ctx.lemma(child).lower() == "lead":
                leaders += [m for a in agents(child) for m in ctx.expand(a)] + [
                    m for c in child.children if c.dep_ in ("agent", "prep")
                    and c.lower_ == "by" for m in findings.args.after(c.i, sentence)]
        members: list[Candidate] = []
        for later in sentence[token.i - sentence.start + 1 :]:
            if later.lower_ in spec.members:
                members += findings.args.after(later.i, sentence)
        rule = f"group:{token.lower_}"
        people = [*leaders, *members]
        for person in ([country] if country else []) + people:
            findings.add(person, spec.relation, meeting, rule, spec.confidence, sentence)
        if country is not None:
            for person in people:
                if person.label == "Person":
                    findings.add(person, "basedIn", country, rule, spec.confidence,
                                 sentence)


def _member_names(findings: Findings) -> None:
    """"ASEAN Member States" is a member of ASEAN."""
    ctx = findings.ctx
    by_text: dict[str, Candidate] = {}
    for mention in ctx.mentions:
        by_text.setdefault(ctx.text(mention), mention)
    main = ctx.main_organization
    for mention in ctx.mentions:
        text = ctx.text(mention)
        for suffix in findings.rules.member_suffixes:
            if text.endswith(suffix) and text != suffix:
                prefix = text[: -len(suffix)].strip()
                owner = by_text.get(prefix) or (
                    main if main is not None and ctx.text(main) == prefix else None)
                findings.add(mention, "memberOf", owner, "pattern:member-states", 0.8,
                             findings.doc[mention.start].sent)


def _group_at(findings: Findings, start: int, end: int, group: Group) -> None:
    doc = findings.doc
    ctx = findings.ctx
    sentence = doc[start].sent
    index = end
    owner = None
    if index < sentence.end and doc[index].lower_ == "of":
        owner = ctx.top[index + 1] if index + 1 < sentence.end else None
        if owner is None and index + 2 < sentence.end and doc[index + 1].lower_ == "the":
            owner = ctx.top[index + 2]
        if owner is not None:
            index = owner.end
    # Skip to the list: a marker ("namely", "–", ":") within the clause.
    markers = findings.rules.list_markers
    limit = min(sentence.end, index + 8)
    while index < limit and doc[index].text not in markers and \
            doc[index].lower_ not in markers:
        index += 1
    if index >= limit:
        return
    index += 1
    members = []
    while index < sentence.end:
        token = doc[index]
        mention = ctx.top[index]
        if mention is not None:
            if mention.end > index + 1 or mention.start == index:
                members.append(mention)
            index = mention.end
            continue
        if token.text in (",", "and", "the", "The", "(", ")", "&") or \
                token.lower_ in ("as", "well") or token.like_num:
            index += 1
            continue
        break
    owner = owner or ctx.salient(start, group.default)
    for member in members:
        findings.add(member, group.relation, owner, f"group:{doc[start:end].text}",
                     group.confidence, sentence)
