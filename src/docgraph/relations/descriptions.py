"""People's descriptions: the posts, bodies and countries said of a person around the name.

Press releases describe people in chains of appositions and titles rather than in
clauses:

- after the name, set off by a comma or a bracket: "Mrs Josephine Teo, Minister for
  Communications and Information, Singapore"; "Ms Lesly Goh, Chief Technology Officer,
  World Bank Group"; "Mr Ng Chee Khern (Chairman), Permanent Secretary, ...";
- before the name, ending right at it: "Cambodia Minister of Post and Telecommunications
  Chea Vandeth"; "Singapore Senior Minister of State, Ministry of Communications and
  Information & Ministry of Health, and Minister-in-Charge of GovTech Dr Janil
  Puthucheary"; "Australia's Minister for Trade, Tourism and Investment Simon
  Birmingham".

Each post in the chain gives holdsPost, each body memberOf, each country or place
basedIn. A chain stops at anything else: another person, a meeting or a work, a verb, a
gap longer than a few words. After the name, "and" joins only two posts ("Chairman and
Co-Founder") or two bodies ("MCI & MOH"), so "Mr A, Minister for X, and the Ministry of
Y" does not make A a member of the ministry; before the name, the chain ends at the name
anyway. Bodies and places named inside a post ("Secretary-General of the Ministry of
...", "Cambodia Prime Minister") belong to its holder too.
"""

from __future__ import annotations

from collections.abc import Iterator

from docgraph.ner.candidates import Candidate
from docgraph.relations.base import Findings
from docgraph.relations.context import Context, entity_group, subject_of_a_verb
from docgraph.relations.rules import Role

# What each kind of item in a description says of the person.
_RELATIONS = {"Post": "holdsPost", "Organization": "memberOf", "Country": "basedIn",
              "Place": "basedIn"}
_MAX_GAP = 4
# The longest department name between a post and its body, in tokens.
_MAX_UNIT = 7


def describe(ctx: Context) -> dict[int, list[Candidate]]:
    """Every person's description: the items around them, by the person's id."""
    outer = ctx.outer
    spec = ctx.rules.patterns["description"]
    allowed = set(spec.words) | set(spec.skip) | ctx.lexicon.honorific_words | {
        w for h in ctx.lexicon.honorifics for w in h.split()}
    people = [i for i, m in enumerate(outer) if m.label == "Person"]
    chains: dict[int, list[Candidate]] = {}
    claimed: set[int] = set()
    for index in people:  # after the name first: an apposition is the surest reading
        chains[index] = list(_after(ctx, outer, index, allowed))
        claimed.update(id(item) for item in chains[index])
    for index in people:
        chains[index] += _before(ctx, outer, index, allowed, claimed)
    return {id(outer[index]): chain for index, chain in chains.items()}


def qualify(ctx: Context, chains: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """The country or place each body is said to be of, by the body's id.

    "Singapore GovTech", "Singapore's IMDA", "India Ministry of Law and Justice", "the
    Ministry of Post and Telecommunications (MPTC) of Cambodia", "the Ministry of
    Communications and Information of Singapore": the place right before the body's
    name, after it with "of" (past a bracketed acronym), or at the end of its name.
    Items already in a person's description are left to it. A mission abroad
    (`nouns` of the ``description_place`` pattern: "the High Commission of Canada") is
    of its country, not in it.
    """
    doc = ctx.doc
    outer = ctx.outer
    described = {id(item) for chain in chains.values() for item in chain}
    found: dict[int, list[Candidate]] = {}
    abroad = ctx.rules.patterns["description_place"].nouns
    for index, body in enumerate(outer):
        if entity_group(body.label) != "Organization":
            continue
        text = doc[body.start : body.end].text
        if any(text.startswith(noun) or f" {noun}" in text for noun in abroad):
            continue  # "the High Commission of Canada": Canada's, in Singapore
        places: list[Candidate] = []
        # "Singapore's ASEAN Chairmanship": the possessive is the chairmanship's; an
        # intergovernmental body is of no one country.
        head_of_phrase = body.end >= len(doc) or doc[body.end].pos_ not in ("NOUN", "PROPN")
        if index > 0 and head_of_phrase and body.label != "IntergovernmentalOrganization":
            before = outer[index - 1]
            gap = [t.text for t in doc[before.end : body.start]]
            if _is_place(before) and gap in ([], ["'s"], ["’s"]) and \
                    id(before) not in described:
                places.append(before)
        position = index + 1
        while position < len(outer):
            item = outer[position]
            gap = [t.text for t in doc[outer[position - 1].end : item.start]]
            if gap == ["("] and item.end < len(doc) and doc[item.end].text == ")":
                position += 1  # "(MPTC)"
                continue
            if gap in ([")", "of"], [")", "of", "the"], ["of"], ["of", "the"]) and \
                    _is_place(item):
                places.append(item)
            break
        places += [m for m in ctx.within(body.start, body.end)
                   if _is_place(m) and body.contains(m)]
        if places:
            found[id(body)] = places
    _share_possessor(ctx, found, described)
    return found


def _share_possessor(ctx: Context, found: dict[int, list[Candidate]],
                     described: set[int]) -> None:
    """A country's possessive stands for a list of bodies of its kind.

    "Singapore's Ministry of Communications and Information (MCI), Smart Nation and
    Digital Government Office (SNDGO), and Infocomm Media Development Authority": all
    three are Singapore's. The list ends at a body of another kind ("Singapore's MCI
    and Google") or one with a place of its own ("... and the UK's DSIT").
    """
    doc, outer = ctx.doc, ctx.outer
    for index, body in enumerate(outer):
        places = found.get(id(body))
        if not places or index == 0 or not (
                _is_place(outer[index - 1]) and outer[index - 1] in places and
                [t.text for t in doc[outer[index - 1].end : body.start]] in (["'s"], ["’s"])):
            continue
        previous = body
        for item in outer[index + 1 :]:
            gap = [t.text for t in doc[previous.end : item.start]]
            if gap == ["("] and item.end < len(doc) and doc[item.end].text == ")":
                previous = item  # the acronym in brackets
                continue
            words = [w for w in gap if w not in (")", "the", "The")]
            if not words or not all(w in (",", "and", "&") for w in words) or \
                    _kind(item.label) != _kind(body.label) or id(item) in found or \
                    id(item) in described:
                break
            found[id(item)] = list(places)
            previous = item


def _kind(label: str) -> str:
    """A body's kind for lists: a ministry is one of a government's bodies."""
    return "GovernmentAgency" if label == "Ministry" else label


def _is_place(mention: Candidate) -> bool:
    return entity_group(mention.label) in ("Country", "Place")


def holders(ctx: Context, chains: dict[int, list[Candidate]],
            places: dict[int, list[Candidate]]) -> dict[int, Candidate]:
    """The person (or body) each described item belongs to, by the item's id."""
    owners = {id(m): m for m in ctx.outer}
    found = {id(item): owners[key] for key, chain in places.items() for item in chain
             if key in owners}
    found.update({id(item): owners[key] for key, chain in chains.items() for item in chain})
    return found


def find(findings: Findings, chains: dict[int, list[Candidate]],
         places: dict[int, list[Candidate]]) -> None:
    """State what each description says: posts, bodies, countries."""
    patterns = findings.rules.patterns
    spec = patterns["description"]
    confidences = {spec.relation: spec.confidence,
                   "memberOf": patterns["description_member"].confidence,
                   "basedIn": patterns["description_place"].confidence}
    doc = findings.doc
    for person in findings.ctx.outer:
        sentence = doc[person.start].sent
        previous: Candidate | None = None
        for item in chains.get(id(person), ()):
            relation = _RELATIONS[entity_group(item.label)]
            region = relation == "basedIn" and previous is not None and \
                entity_group(previous.label) == "Organization" and \
                previous.end <= item.start and not doc[previous.end : item.start].text.strip()
            previous = item
            if region:
                continue  # "Microsoft Asia Pacific": a body's regional arm, not a base
            findings.add(person, relation, item, "pattern:apposition",
                         confidences[relation], sentence)
        for place in places.get(id(person), ()):
            findings.add(person, "basedIn", place, "pattern:body-of-place",
                         confidences["basedIn"], sentence)
    _units(findings)
    _inside_posts(findings)
    _post_bodies(findings)
    _from(findings)
    _country_words(findings)


def _post_bodies(findings: Findings) -> None:
    """The holder of a post followed by its body is a member of the body.

    "Mr Leong was Permanent Secretary (Defence Development), MINDEF"; "Mr Ng is Deputy
    Secretary (SkillsFuture) in the Ministry of Education". Not when a name follows the
    body: then the body begins that person's description.
    """
    ctx, doc = findings.ctx, findings.doc
    spec = findings.rules.patterns["post_organization"]
    for relation in findings.of("holdsPost"):
        post = relation.object
        if ctx.top[post.start] is not post:
            continue
        position = ctx.outer_index(post) + 1
        if position >= len(ctx.outer):
            continue
        body = ctx.outer[position]
        gap = [t.text for t in doc[post.end : body.start] if t.text not in ("the", "The")]
        if entity_group(body.label) != "Organization" or not gap or \
                not all(w in spec.words for w in gap) or len(gap) > 2 or \
                body.start >= relation.sentence.end:
            continue
        after = position + 1
        nxt = ctx.outer[after] if after < len(ctx.outer) else None
        if nxt is not None and nxt.label == "Person" and all(
                t.is_punct or t.text in ctx.lexicon.honorific_words
                for t in doc[body.end : nxt.start]):
            continue  # "..., Ministry of X, Dato' Sri Y": Y's description
        findings.add(relation.subject, spec.relation, body, "pattern:post-then-body",
                     spec.confidence, relation.sentence, relation.status)
        # "Mr Wong Wai Meng, Chair, SGTech": a chair's title, then the body chaired; also
        # the first of two titles joined by "and" ("Chairman and Co-Founder, Deep Labs").
        titles = [post]
        before = ctx.outer[position - 2] if position >= 2 else None
        if before is not None and before.label == "Post" and \
                [t.text for t in doc[before.end : post.start]] in (["and"], ["&"]):
            titles.append(before)
        for held in titles:
            title = ctx.text(held)
            chair = _chair_role(findings, title) if " of " not in f" {title} " else None
            if chair is not None:
                findings.add(relation.subject, chair.relation, body,
                             "pattern:chair-then-body", chair.confidence, relation.sentence,
                             relation.status, ends=relation.ends)


def _country_words(findings: Findings) -> None:
    """A country said of the noun a name or a list stands with.

    "her UK counterpart Secretary Dorries" (the country before the person's noun);
    "several Estonia political office holders, including President X and Minister Y"
    (the country on the noun whose members are listed).
    """
    ctx, doc = findings.ctx, findings.doc
    spec = findings.rules.patterns["description_place"]
    for person in ctx.outer:
        if person.label != "Person":
            continue
        index, nouns = person.start - 1, 0
        while index >= 0 and nouns <= 2 and (
                doc[index].text in ctx.lexicon.honorific_words or
                _is_post(ctx.top[index]) or
                (doc[index].pos_ == "NOUN" and ctx.top[index] is None)):
            nouns += doc[index].pos_ == "NOUN" and ctx.top[index] is None
            index -= 1
        place = ctx.top[index] if index >= 0 else None
        if nouns and place is not None and _is_place(place) and \
                doc[index + 1].pos_ == "NOUN":
            findings.add(person, spec.relation, place, "pattern:country-noun",
                         spec.confidence, doc[person.start].sent)
    listing = ctx.heads_of(("prep",), tuple(sorted(findings.rules.inclusions)))
    for index in sorted(listing):
        token = doc[index]
        if token.pos_ != "NOUN" or ctx.top[token.i] is not None:
            continue
        places = [m for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                  for m in [ctx.top[c.i]] if m is not None and _is_place(m)]
        if not places:
            continue
        members = [m for c in token.children if c.dep_ == "prep"
                   and c.lower_ in findings.rules.inclusions
                   for m in findings.args.after(c.i, token.sent)]
        for member in members:
            if entity_group(member.label) in ("Person", "Organization"):
                findings.add(member, spec.relation, places[0], "pattern:country-noun",
                             spec.confidence, token.sent)


def _is_post(mention: Candidate | None) -> bool:
    return mention is not None and mention.label == "Post"


def _from(findings: Findings) -> None:
    """A person "from" a body belongs to it: "Minister Miao Wei, from the MIIT"."""
    ctx, doc = findings.ctx, findings.doc
    spec = findings.rules.patterns["person_from"]
    for index, person in enumerate(ctx.outer[:-1]):
        body = ctx.outer[index + 1]
        if person.label != "Person" or entity_group(body.label) != "Organization":
            continue
        gap = [t.lower_ for t in doc[person.end : body.start] if t.lower_ != "the"]
        if gap in (list(spec.words), [",", *spec.words]):
            findings.add(person, spec.relation, body, "pattern:person-from", spec.confidence,
                         doc[person.start].sent)


def _after(ctx: Context, outer: list[Candidate], index: int, allowed: set[str]
           ) -> Iterator[Candidate]:
    """The description after a name, opened by a comma or a bracket."""
    doc = ctx.doc
    person = outer[index]
    sentence = doc[person.start].sent
    previous = person
    for position in range(index + 1, len(outer)):
        item = outer[position]
        gap = [t.text for t in doc[previous.end : item.start]]
        if previous.label == "Post" and entity_group(item.label) == "Organization" and \
                _unit_gap(gap):
            gap = [","]  # "Head, Emerging Technologies, Temasek": the post's department
        if item.start >= sentence.end or not _fits(gap, allowed) or not _describes(item):
            return
        if previous is person and _is_place(item) and \
                [w for w in gap if w != "the"] in (["of"], ["from"]):
            yield item  # "H.E. Kenji Sato of Japan": the country he is from, and no more
            return
        if previous is person and (not ({",", "("} & set(gap)) or not _opens(ctx, outer,
                                                                             position)):
            return  # "Mr A, Minister for X, ...", but not "with Mayor Gong, SCMA was"
        if "and" in gap or "&" in gap:
            same_kind = entity_group(item.label) == entity_group(previous.label)
            if previous is person or not same_kind or "," in gap:
                return
        if _titles_next(ctx, outer, position, allowed):
            return  # "Title1 Name1, Title2 Name2": the second title is the next name's
        if entity_group(item.label) != "Post" and subject_of_a_verb(ctx.doc, item):
            return  # "Chaired by Dr X, Minister for Y, the Committee agreed ..."
        yield item
        previous = item


def _unit_gap(gap: list[str]) -> bool:
    """Whether the words between a post and a body name a department of the body.

    "Senior Vice President, Graduate Education and Research Translation, National
    University of Singapore": capitalised words set off by commas, no entity among them.
    """
    inner = gap[1:-1]
    return len(gap) > 2 and gap[0] == "," and gap[-1] == "," and len(inner) <= _MAX_UNIT \
        and inner[0][:1].isupper() and \
        all(w[:1].isupper() or w in ("and", "&", "of", "-") for w in inner)


def _in_a_phrase(ctx: Context, item: Candidate) -> bool:
    """Whether a mention is the object of a preposition on a common noun ("the opening of X")."""
    doc = ctx.doc
    root = next((t for t in doc[item.start : item.end]
                 if not item.start <= t.head.i < item.end), None)
    if root is None or root.dep_ != "pobj":
        return False
    owner = root.head.head  # the preposition's head
    return owner.pos_ in ("NOUN", "VERB") and ctx.top[owner.i] is None


def _opening_phrase(ctx: Context, item: Candidate) -> bool:
    """Whether a body is what a preposition before it governs: "At this year's X, ...".

    Read from the words, as the parser may take the body for the sentence's subject.
    """
    if item.label == "Post" or entity_group(item.label) == "Country":
        return False
    index = item.start - 1
    while index >= 0 and ctx.doc[index].dep_ in ("det", "poss", "case", "amod", "nummod"):
        index -= 1
    return index >= 0 and ctx.doc[index].pos_ == "ADP" and \
        ctx.doc[index].lower_ not in ("of", "for")


def _before(ctx: Context, outer: list[Candidate], index: int, allowed: set[str],
            claimed: set[int]) -> list[Candidate]:
    """The titles before a name, ending right at it ("Minister for Law K Shanmugam").

    The last one is a post, with nothing but a comma or an honorific between it and the
    name; a post already said of the person before ("Mr A, Minister for X, and Mr B")
    is not B's.
    """
    doc = ctx.doc
    person = outer[index]
    sentence = doc[person.start].sent
    found: list[Candidate] = []
    following = person
    for position in range(index - 1, -1, -1):
        item = outer[position]
        gap = [t.text for t in doc[item.end : following.start]]
        if item.end <= sentence.start or not _fits(gap, allowed) or \
                not _describes(item) or id(item) in claimed or (
                    item.label != "Post" and _in_a_phrase(ctx, item)) or (
                    gap == [","] and _opening_phrase(ctx, item)):
            break  # "At the opening of the X Centre, Permanent Secretary Ms Y": not a title
        honorific = ctx.lexicon.honorific_parts
        if following is person and gap[:1] == [")"] and \
                all(word in honorific for word in gap[1:]) and item.start > 0 and \
                doc[item.start - 1].text == "(" and position > 0 and \
                outer[position - 1].label == "Post" and outer[position - 1].end == item.start - 1:
            following = item  # "Secretary-General of the OECD (OECD) Ulrik Knudsen"
            continue
        if following is person and (item.label != "Post" or "and" in gap or "&" in gap
                                    or "(" in gap or ")" in gap):
            break
        found.append(item)
        following = item
    return found


def _opens(ctx: Context, outer: list[Candidate], position: int) -> bool:
    """Whether an apposition may start with ``outer[position]``.

    It starts with a post, or with a country whose post follows ("Mrs Teo, Singapore's
    Minister for ...").
    """
    item = outer[position]
    if item.label == "Post":
        return True
    if not _is_place(item) or position + 1 >= len(outer):
        return False
    nxt = outer[position + 1]
    return nxt.label == "Post" and \
        [t.text for t in ctx.doc[item.end : nxt.start]] in (["'s"], ["’s"])


def _titles_next(ctx: Context, outer: list[Candidate], position: int,
                 allowed: set[str]) -> bool:
    """Whether ``outer[position]`` is a post standing right before a person's name."""
    item = outer[position]
    if item.label != "Post" or position + 1 >= len(outer):
        return False
    nxt = outer[position + 1]
    gap = [t.text for t in ctx.doc[item.end : nxt.start]]
    return nxt.label == "Person" and all(w in allowed and w not in (",", "(", ")", "and",
                                                                    "&", "/")
                                         for w in gap)


def _fits(gap: list[str], allowed: set[str]) -> bool:
    return len(gap) <= _MAX_GAP and all(word in allowed for word in gap)


def _describes(item: Candidate) -> bool:
    """Whether a mention can be part of a person's description."""
    return entity_group(item.label) in _RELATIONS


def _chair_role(findings: Findings, post: str) -> Role | None:
    """The chair role a post's title names ("Chairman of X", "Vice-Chair of X"), if any."""
    title = post.split(" of ")[0].split()
    former = findings.ctx.lexicon.former_words
    if not title or " ".join(title[:2]).lower() in former or title[0].lower() in former:
        return None  # "Immediate Past Chairman", "Former Chair": no longer chairs it
    # The longest end of the title first: "Deputy Chairman", "Vice-Chair" and "IDA
    # Executive Deputy Chairman" are vice-chairs.
    for size in range(len(title), 0, -1):
        end = " ".join(title[-size:])
        for role in findings.rules.roles:
            if role.relation in ("chairOf", "viceChairOf") and end in role.nouns:
                return role
    vice = any(word.lower().startswith(("vice", "deputy")) for word in title[:-1])
    for role in findings.rules.roles:
        if role.relation == ("viceChairOf" if vice else "chairOf") and title[-1] in role.nouns:
            return role
    return None


def _units(findings: Findings) -> None:
    """A unit named after its body is part of it.

    "Board of the Government Technology Agency", "IMDA Board", "EU AI Office".
    """
    ctx = findings.ctx
    spec = findings.rules.patterns["sub_body"]
    for body in ctx.outer:
        if entity_group(body.label) != "Organization" or \
                ctx.text(body).split(" of ")[0].split()[-1] not in spec.nouns:
            continue
        for inner in ctx.within(body.start, body.end):
            # "IMDA Board", "Board of the GovTech"; not "ASEAN-Japan Cybersecurity
            # Capacity Building Centre", which two parties set up.
            prefix = inner.start == body.start and inner.end < body.end
            if prefix and (body.end - inner.end > 3 or
                           findings.doc[inner.end].text in ("-", "–")):
                continue
            if inner is not body and body.contains(inner) and \
                    entity_group(inner.label) == "Organization":
                findings.add(body, spec.relation, inner, "pattern:unit-of-body",
                             spec.confidence, findings.doc[body.start].sent)


def _inside_posts(findings: Findings) -> None:
    """Whoever holds "Secretary-General of the Ministry X" is a member of X.

    A place that qualifies a post ("Cambodia Prime Minister", "President of the Republic
    of Singapore") is where its holder is based.
    """
    patterns = findings.rules.patterns
    member = patterns["post_organization"]
    place = patterns["description_place"]
    for relation in findings.of("holdsPost"):
        post = relation.object
        chair = _chair_role(findings, findings.ctx.text(post))
        inside = [m for m in findings.ctx.within(post.start, post.end) if post.contains(m)]
        # What is chaired is the remit's last body, not a body its name begins with: in
        # "Chair of the APEC Business Advisory Council (ABAC) Digital Workgroup" the
        # workgroup. A bracketed acronym is another name of the body before it.
        chaired = [m for m in inside if entity_group(m.label) in ("Meeting", "Organization")
                   and not (m.start > 0 and findings.doc[m.start - 1].text == "(")]
        last = max(chaired, key=lambda m: m.end, default=None)
        for mention in inside:
            group = entity_group(mention.label)
            possessor = mention.end < len(findings.doc) and \
                findings.doc[mention.end].text in ("'s", "’s")
            if chair is not None and group in ("Meeting", "Organization") and \
                    not possessor and last is not None and mention.end == last.end:
                # "Chairman of the Asia-Pacific ICT Ministerial Meeting" chairs it; in
                # "Chairperson of IMDA's Technology Sub-Committee" IMDA owns what is
                # chaired.
                findings.add(relation.subject, chair.relation, mention, "pattern:chair-post",
                             chair.confidence, relation.sentence, relation.status,
                             ends=relation.ends)
            if group == "Organization":
                findings.add(relation.subject, member.relation, mention,
                             "pattern:post-of-organization", member.confidence,
                             relation.sentence, relation.status, ends=relation.ends)
            elif group in ("Country", "Place"):
                findings.add(relation.subject, place.relation, mention,
                             "pattern:post-of-place", place.confidence, relation.sentence,
                             relation.status)
