"""Group mentions into entities: one node per real-world thing, with the reasons why.

The contract: :func:`resolve_document` turns one document's mentions into
:class:`~docgraph.types.Entity` records. Every merge is deterministic and recorded as a
:class:`~docgraph.types.Merge` naming its rule:

- ``gazetteer``: forms of one gazetteer entry ("Viet Nam", "Vietnam");
- ``acronym``: an acronym and the long form it was defined with ("WG-AI");
- ``meeting``: the same meeting of the same series ("4th ADGMIN", "4th ASEAN Digital
  Ministers Meeting");
- ``same-name``: the same name after folding case, quotes, "the" and possessives;
- ``short-name``: a person's surname or part of their name, when exactly one person in
  the document has it ("Teo", "Minister Teo");
- ``head-noun``: "the Working Group" for the one working group the document names;
- ``qualified-post``: a bare post ("Deputy Prime Minister") for the one post of the
  document that a place qualifies ("Singapore Deputy Prime Minister");
- ``bilateral-name``: a name without the parties it starts with ("Digital Trade
  Principles" for "EU-Singapore Digital Trade Principles");
- ``generic-name``: a generic name ("Memorandum of Understanding", "MOU") for the one
  specific name of the document that it opens ("MOU on Cooperation on AI");
- ``kind-word``: a name and the same name with a word of its kind after it
  ("SkillsFuture", "the national SkillsFuture movement").

Across documents, :mod:`docgraph.resolve.site` takes over.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from docgraph.lexicon import load_lexicon
from docgraph.names import looks_like_acronym, normalise_name, ordinal_text
from docgraph.types import Document, Entity, Mention, Merge, Span
from docgraph.vocab import coarse_type

# When mentions disagree on the class, the more specific one wins.
GENERIC = frozenset({"Organization", "Place", "Work", "Meeting"})


def group(label: str) -> str:
    """The resolution group of a class: works, organisations, places, ... .

    Resolution compares mentions within a coarse type (an agency mentioned once as an
    "Organization" and once as a "GovernmentAgency" is one entity), except that a
    meeting series is never one of its own meetings.
    """
    return "meeting-series" if label == "MeetingSeries" else coarse_type(label).lower()


class UnionFind:
    """Union-find over indices; a set is named by its smallest index."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """The set ``item`` is in."""
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, left: int, right: int) -> bool:
        """Join two sets; False when they are one already."""
        a, b = self.find(left), self.find(right)
        if a == b:
            return False
        self.parent[max(a, b)] = min(a, b)
        return True


def _base_key(mention: Mention, series: dict[str, str] | None = None) -> str:
    if mention.ordinal is not None and mention.series:
        named = (series or {}).get(mention.series, mention.series)
        return f"meeting:{named}#{mention.ordinal}"
    if mention.key and mention.key.startswith(("http://", "https://")):
        return mention.key
    if mention.key and mention.source in ("acronym", "acronym-definition"):
        return f"{group(mention.label)}:{mention.key}"
    name = normalise_name(mention.name)
    return f"{group(mention.label)}:{name}{_rank(mention)}{_addressed(mention)}"


def ranked_title(mention: Mention) -> str | None:
    """The ranked title a surname alone carries, folded; None for other mentions.

    "senior minister" of "Senior Minister Teo", "deputy prime minister" of "DPM Teo":
    "Senior Minister Teo" is not the same person as "Minister Teo".
    """
    title = folded_title(mention.honorific)
    if mention.label == "Person" and title in rules().ranked and \
            len(mention.name.split()) == 1:
        return title
    return None


def address(mention: Mention) -> str | None:
    """Whether a person's honorific addresses a man or a woman ("Mr", "Mdm"); else None."""
    if mention.label != "Person" or not mention.honorific:
        return None
    words = mention.honorific.split()
    forms = rules().address
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            found = forms.get(" ".join(words[start : start + size]))
            if found:
                return found
    return None


def _addressed(mention: Mention) -> str:
    """A key suffix that keeps "Mr Ng" and "Mrs Ng" apart: a surname alone, addressed."""
    form = address(mention) if len(mention.name.split()) == 1 else None
    return f"|{form}" if form else ""


def _rank(mention: Mention) -> str:
    """A key suffix that keeps surnames with different ranked titles apart."""
    title = ranked_title(mention)
    return f"|{title}" if title else ""


def resolve_document(document: Document, mentions: Sequence[Mention]) -> list[Entity]:
    """Group one document's mentions into entities.

    Args:
        document: The cleaned document.
        mentions: Its mentions, from :func:`docgraph.ner.recognise`.

    Returns:
        Entities in order of first mention.
    """
    mentions = list(mentions)
    sets = UnionFind(len(mentions))
    reasons: dict[int, str] = {}
    series = _series_aliases(mentions)
    keys = [_base_key(m, series) for m in mentions]
    first_with_key: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key in first_with_key:
            sets.union(first_with_key[key], index)
            reasons[index] = _rule_for(mentions[index], mentions[first_with_key[key]])
        else:
            first_with_key[key] = index
    _link_unaddressed(mentions, keys, sets, reasons)
    _link_series_meetings(mentions, keys, series, sets, reasons)
    _link_initials(mentions, sets, reasons)
    _link_acronyms(mentions, keys, first_with_key, sets, reasons)
    _link_short_names(mentions, sets, reasons)
    _link_qualified_posts(mentions, sets, reasons)
    _link_generic_prefixes(mentions, sets, reasons)
    _link_bilateral_names(mentions, sets, reasons)
    _link_kind_words(mentions, sets, reasons)
    _link_dated_names(mentions, sets, reasons)
    _link_acronym_names(mentions, sets, reasons)
    dropped = _link_anaphors(mentions, sets, reasons)
    members: dict[int, list[int]] = {}
    for index in range(len(mentions)):
        if index not in dropped:
            members.setdefault(sets.find(index), []).append(index)
    bare = _bare_posts_of(mentions)
    entities = []
    for indices in members.values():
        entity = _entity(document, [mentions[i] for i in indices],
                         [reasons.get(i, "first") for i in indices],
                         bare=all(i in bare for i in indices), series=series)
        if entity is not None:
            entities.append(entity)
    entities.extend(_series_entities(document, entities))
    return entities


def _rule_for(mention: Mention, other: Mention) -> str:
    if mention.ordinal is not None and mention.series:
        return "meeting"
    if mention.key and mention.key == other.key and mention.source == "gazetteer":
        return "gazetteer"
    if mention.source == "acronym" or other.source == "acronym":
        return "acronym"
    return "same-name"


def _link_acronyms(mentions: list[Mention], keys: list[str], first: dict[str, int],
                   sets: UnionFind, reasons: dict[int, str]) -> None:
    """An acronym joins the entity of the long form it was defined with."""
    by_text: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        by_text.setdefault(mention.text, index)
    for index, mention in enumerate(mentions):
        if mention.acronym_of is None:
            continue
        long_key = f"{group(mention.label)}:{normalise_name(mention.acronym_of)}"
        target = first.get(long_key)
        if target is None or mentions[target].acronym_of is not None:
            # The long form was a meeting or post, keyed otherwise; the acronym's own
            # key names no long form then.
            target = by_text.get(mention.acronym_of)
            target = None if target == index else target
        if target is not None:
            sets.union(target, index)
            reasons[index] = "acronym"


# Words that name a meeting of a series named by its acronym: "the SCI JIC meeting".
_MEETING_WORDS = frozenset({"meeting", "meetings"})


def _series_aliases(mentions: list[Mention]) -> dict[str, str]:
    """Series named by an acronym, and the series the page defines the acronym for.

    "the inaugural Singapore-China Digital Policy Dialogue (DPD) ... the second DPD":
    the series "DPD" is the Singapore-China Digital Policy Dialogue. "the 2nd Joint
    Implementation Committee (JIC) meeting ... the 2nd SCI JIC meeting": a name made of
    the page's acronyms and a meeting word, one of them a series's, is that series.
    """
    defined: dict[str, str] = {}
    acronyms: set[str] = set()
    numbered = [m for m in mentions if m.series and m.ordinal is not None]
    for mention in mentions:
        if mention.source not in ("acronym", "acronym-definition") and \
                not mention.acronym_of:
            continue
        acronyms.add(mention.text)
        if mention.label == "MeetingSeries" and mention.key:
            defined.setdefault(mention.text, mention.key)
        elif group(mention.label) == "meeting" and mention.acronym_of:
            long_form = normalise_name(mention.acronym_of)
            match = next((m.series for m in numbered if m.series and
                          normalise_name(m.name).endswith(long_form)), None)
            if match:
                defined.setdefault(mention.text, match)
    aliases = {f"acronym:{acronym}": series for acronym, series in defined.items()}
    for mention in mentions:
        if not mention.series or mention.series in aliases or \
                not mention.series.startswith("name:") or not mention.series_name:
            continue
        words = [w for w in mention.series_name.split()
                 if w.lower() not in _MEETING_WORDS]
        named = {defined[w] for w in words if w in defined}
        if words and len(named) == 1 and all(w in acronyms for w in words):
            aliases[mention.series] = named.pop()
    return {alias: series for alias, series in aliases.items() if alias != series}


def _series_of_name(name: str, series: dict[str, str]) -> str | None:
    """The series an unnumbered meeting's name stands for: "the SCI JIC meeting"."""
    return series.get(f"name:{normalise_name(name)}")


def _link_series_meetings(mentions: list[Mention], keys: list[str],
                          series: dict[str, str], sets: UnionFind,
                          reasons: dict[int, str]) -> None:
    """A meeting named by its series alone joins the one meeting of that series.

    "The 4th SCI JIC meeting was held in Shenzhen ... MOUs were signed at the sidelines
    of the SCI JIC meeting": on a page about one meeting of the series, that meeting.
    """
    by_series: dict[str, set[int]] = {}
    for index, key in enumerate(keys):
        if key.startswith("meeting:") and "#" in key:
            by_series.setdefault(key[len("meeting:") : key.rindex("#")], set()).add(
                sets.find(index))
    for index, mention in enumerate(mentions):
        if group(mention.label) != "meeting" or mention.ordinal is not None or \
                mention.label == "MeetingSeries":
            continue
        named = _series_of_name(mention.name, series)
        roots = {sets.find(r) for r in by_series.get(named or "", ())}
        if len(roots) == 1 and sets.union(roots.pop(), index):
            reasons[index] = "meeting"


def _link_initials(mentions: list[Mention], sets: UnionFind,
                   reasons: dict[int, str]) -> None:
    """An acronym nobody defined joins the one name of the page it spells.

    "the Tallinn Digital Summit ... Minister Teo's participation at the TDS": the
    initials of the name's words, each a capitalised word ("Data+AI Boost SME programme"
    spells nothing). An acronym already part of an entity that it spells stays there
    ("the ASEAN Ministerial Conference on Cybersecurity (AMCC) ... the 9th ...").
    """
    spelt: dict[str, set[int]] = {}
    for index, mention in enumerate(mentions):
        words = [w for w in re.split(r"[\s-]+", mention.name) if w.lower() not in _GLUE]
        if mention.label not in ("Person", "MeetingSeries") and len(words) >= 2 and \
                mention.ordinal is None and not mention.anaphor and \
                all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words):
            spelt.setdefault("".join(w[0] for w in words), set()).add(sets.find(index))
    for index, mention in enumerate(mentions):
        if mention.acronym_of or mention.source in ("acronym", "acronym-definition",
                                                    "gazetteer") or \
                mention.label in ("Person", "MeetingSeries") or \
                not looks_like_acronym(mention.text) or \
                not mention.text.isalpha() or not mention.text.isupper():
            continue
        roots = {sets.find(r) for r in spelt.get(mention.text, ())}
        if sets.find(index) in roots:
            continue
        if len(roots) == 1 and sets.union(roots.pop(), index):
            reasons[index] = "acronym"


# Small words a name's initials skip: "Centre *for* ...".
_GLUE = frozenset({"of", "and", "for", "on", "the", "in", "&", "to"})


def _link_unaddressed(mentions: list[Mention], keys: list[str], sets: UnionFind,
                      reasons: dict[int, str]) -> None:
    """A surname without a form of address joins the one addressed set of that surname.

    "Mr Tan said ... Tan added": one person; with "Mr Ng" and "Mrs Ng" on the page, a
    bare "Ng" could be either, so it stays apart.
    """
    addressed: dict[str, set[int]] = {}
    for index, mention in enumerate(mentions):
        if _addressed(mention):
            addressed.setdefault(keys[index].rsplit("|", 1)[0], set()).add(index)
    for index, mention in enumerate(mentions):
        if mention.label != "Person" or _addressed(mention) or \
                len(mention.name.split()) != 1:
            continue
        roots = {sets.find(i) for i in addressed.get(keys[index], ())}
        if len(roots) == 1 and sets.union(roots.pop(), index):
            reasons[index] = "same-name"


def _link_short_names(mentions: list[Mention], sets: UnionFind,
                      reasons: dict[int, str]) -> None:
    """A person's partial name joins the one person whose full name contains it.

    A form of address must agree ("Mr Ng" is not "Mrs Elaine Ng"); among several
    people with the name, the one the page addresses alike wins ("Mr Lee" is "Mr Lee
    Seow Hiang", not "Minister Mentor Lee Kuan Yew").
    """
    people = [i for i, m in enumerate(mentions) if m.label == "Person"]
    full: dict[str, int] = {}
    for index in people:
        full.setdefault(normalise_name(mentions[index].name), index)
    # Each word indexes the full names it is in, so that a short name is looked up
    # among the names sharing its words, not compared with every name.
    by_word: dict[str, set[str]] = {}
    for name in full:
        for word in name.split():
            by_word.setdefault(word, set()).add(name)
    evidence = _titles_held(mentions, sets)
    addressed: dict[int, set[str]] = {}
    for index in people:
        form = address(mentions[index])
        if form:
            addressed.setdefault(sets.find(index), set()).add(form)
    for index in people:
        words = normalise_name(mentions[index].name).split()
        if not words:
            continue
        shared = set.intersection(*(by_word.get(word, set()) for word in words))
        holders = {sets.find(full[name]) for name in shared
                   if len(name.split()) > len(words) and _contains_words(name.split(), words)}
        title = folded_title(mentions[index].honorific)
        if title in rules().ranked:
            # "Senior Minister Teo" is not Josephine Teo because she is the page's Teo.
            holders = {h for h in holders if title in evidence.get(h, ())}
        form = address(mentions[index])
        if form:
            holders = {h for h in holders if addressed.get(h, {form}) & {form}}
            alike = {h for h in holders if form in addressed.get(h, ())}
            holders = alike if len(alike) == 1 else holders
        if len(holders) == 1:
            sets.union(holders.pop(), index)
            reasons[index] = "short-name"


@dataclass(frozen=True)
class Rules:
    """The resolution data of ``data/resolve.toml``."""

    ranked: frozenset[str]
    """Titles that name one holder at a time ("Prime Minister"), normalised."""
    abbreviations: dict[str, str]
    """Short forms of ranked titles ("DPM"), normalised."""
    kind_words: frozenset[str]
    """Lower-case words after a name that only say its kind ("programme", "app")."""
    address: dict[str, str]
    """Forms of address ("Mr", "Mdm") and whom they address ("man", "woman")."""
    variant_phrases: dict[str, str]
    """Phrases written another way before names are compared across pages ("Board of
    Directors of" as "Board of"), normalised."""


@functools.cache
def rules() -> Rules:
    """The resolution data, read once."""
    text = resources.files("docgraph").joinpath("data/resolve.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Rules(frozenset(normalise_name(t) for t in data["ranked_titles"]),
                 {k: normalise_name(v) for k, v in data["title_abbreviations"].items()},
                 frozenset(data["kind_words"]),
                 {form: whom for whom, forms in data["address_forms"].items()
                  for form in forms},
                 {normalise_name(k): normalise_name(v)
                  for k, v in data.get("variant_phrases", {}).items()})


def folded_title(honorific: str | None) -> str | None:
    """A title folded, its abbreviation written out ("DPM": "deputy prime minister")."""
    if not honorific:
        return None
    return rules().abbreviations.get(honorific.strip(), normalise_name(honorific))


def _titles_held(mentions: list[Mention], sets: UnionFind) -> dict[int, set[str]]:
    """The ranked titles each person of the page is shown with.

    Before the name, or as a post right next to it ("Teo Chee Hean, Senior Minister").
    """
    ranked = rules().ranked
    held: dict[int, set[str]] = {}
    # People by sentence: a post is looked up among the few of its own sentence.
    people: dict[tuple[int, Span], list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.label != "Person":
            continue
        title = folded_title(mention.honorific)
        if title in ranked:
            held.setdefault(sets.find(index), set()).add(title)
        people.setdefault((mention.block, mention.sentence), []).append(index)
    for mention in mentions:
        if mention.label != "Post":
            continue
        name = normalise_name(mention.name)
        title = max((t for t in ranked if name == t or name.startswith(t + " ")),
                    key=len, default=None)
        if title is None:
            continue
        for index in people.get((mention.block, mention.sentence), ()):
            person = mentions[index]
            if 0 <= person.start - mention.end <= 2 or 0 <= mention.start - person.end <= 3:
                held.setdefault(sets.find(index), set()).add(title)
    return held


def _link_qualified_posts(mentions: list[Mention], sets: UnionFind,
                          reasons: dict[int, str]) -> None:
    """A bare post joins the one post of the document that qualifies it by a place.

    "Singapore Deputy Prime Minister and Minister for Finance Heng Swee Keat ... Deputy
    Prime Minister Heng": one post. With "Cambodia Prime Minister" and "Singapore Prime
    Minister" in one document, a bare "Prime Minister" could be either, so it stays apart.
    """
    starts: dict[tuple[int, int], list[int]] = {}
    ends: dict[tuple[int, int], list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.label != "Post":
            starts.setdefault((mention.block, mention.start), []).append(index)
            ends.setdefault((mention.block, mention.end), []).append(index)
    bares: dict[int, list[str]] = {}
    same_body: dict[tuple[str, int], list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.label != "Post":
            continue
        place = max((i for i in starts.get((mention.block, mention.start), ())
                     if mentions[i].end < mention.end),
                    key=lambda i: mentions[i].end, default=None)
        body = min((i for i in ends.get((mention.block, mention.end), ())
                    if mentions[i].start > mention.start and
                    coarse_type(mentions[i].label) == "Organization"),
                   key=lambda i: mentions[i].start, default=None)
        bares[index] = _bare_posts(mention, None if place is None else mentions[place],
                                   None if body is None else mentions[body])
        if body is not None and bares[index]:
            # "Chief Executive (CE) of the Government Technology Agency" and "CE of
            # GovTech": one title of one body, so one post.
            same_body.setdefault((bares[index][-1], sets.find(body)), []).append(index)
    for group in same_body.values():
        for index in group[1:]:
            if sets.find(index) != sets.find(group[0]):
                sets.union(group[0], index)
                reasons[index] = "qualified-post"
    qualified: dict[str, set[int]] = {}
    for index, found in bares.items():
        for bare in found:
            qualified.setdefault(bare, set()).add(sets.find(index))
    for index, mention in enumerate(mentions):
        if mention.label != "Post":
            continue
        holders = qualified.get(normalise_name(mention.name), set())
        roots = {sets.find(i) for i in holders}
        if len(roots) == 1 and sets.find(index) not in roots:
            sets.union(roots.pop(), index)
            reasons[index] = "qualified-post"


def _bare_posts(post: Mention, place: Mention | None, body: Mention | None) -> list[str]:
    """The post without the place before it or the body after it, folded.

    "Singapore Deputy Prime Minister" is a "Deputy Prime Minister"; "Chief Executive (CE)
    of the Government Technology Agency" is a "Chief Executive", and so is "CE of GovTech"
    (named "Chief Executive of GovTech"). A remit is no qualifier: "Minister for Trade and
    Industry" is not any "Minister". The bare post without its body comes last.
    """
    bare = []
    if place is not None:
        bare.append(normalise_name(post.text[place.end - post.start :]))
    if body is not None:
        match = _OF_BODY.match(post.text[: body.start - post.start])
        if match:
            title = match.group(1)
            if post.name != post.text and post.name.endswith(post.text[match.end(1) :]):
                title = post.name[: len(post.name) - len(post.text) + match.end(1)]
            bare.append(normalise_name(title))
    return [b for b in bare if b]


# "Chief Executive (CE) of the": the title, its acronym, "of" and "the" before a body.
_OF_BODY = re.compile(r"^(.+?)\s*(?:\([^()\s]+\))?\s+of(?:\s+the)?\s+$")

# Words that start a name's complement: "Memorandum of Understanding *on* Digital Economy".
_COMPLEMENTS = frozenset({"of", "on", "for", "between", "with", "to", "under", "in"})
# Groups whose generic names join the one specific name they open. Not posts: "Chief
# Executive Officer" in a board list is held at many bodies, not at the one a later
# sentence names.
_GENERIC_GROUPS = frozenset({"work", "organization"})


def generic_prefix(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` followed by a complement.

    >>> generic_prefix("Memorandum of Understanding", "Memorandum of Understanding on AI")
    True
    >>> generic_prefix("Ministry of Trade", "Ministry of Trade and Industry")
    False
    """
    short, long = normalise_name(short), normalise_name(long)
    if not short or not long.startswith(short + " "):
        return False
    return long[len(short) + 1 :].split(" ", 1)[0] in _COMPLEMENTS


def _link_generic_prefixes(mentions: list[Mention], sets: UnionFind,
                           reasons: dict[int, str]) -> None:
    """A generic name joins the one specific name of the document that it opens.

    "a Memorandum of Understanding (MOU) ... The MOU on Cooperation on AI was signed";
    "the National Data Administration ... Head of National Data Administration of the
    People's Republic of China". With two specific names it could open ("MOU on A",
    "MOU on B"), it stays apart.
    """
    names: dict[int, set[str]] = {}
    groups: dict[int, str] = {}
    with_iri: set[int] = set()
    for index, mention in enumerate(mentions):
        if mention.anaphor or mention.label == "Person":
            continue
        root = sets.find(index)
        names.setdefault(root, set()).update(
            n for n in (mention.name, mention.text, mention.acronym_of) if n)
        groups.setdefault(root, group(mention.label))
        if mention.key and mention.key.startswith(("http://", "https://")):
            with_iri.add(root)
    # Every name opens its prefixes that end before a complement word: one pass over
    # the names instead of comparing every pair.
    opened: dict[tuple[str, str], set[int]] = {}
    for root, kind in groups.items():
        if kind not in _GENERIC_GROUPS:
            continue
        for name in names[root]:
            words = normalise_name(name).split()
            for cut in range(1, len(words)):
                if words[cut] in _COMPLEMENTS:
                    opened.setdefault((kind, " ".join(words[:cut])), set()).add(root)
    before = [sets.find(index) for index in range(len(mentions))]
    merged: dict[int, set[str]] = {}
    for root, kind in groups.items():
        if kind not in _GENERIC_GROUPS or root in with_iri:
            continue
        targets = {sets.find(other) for name in names[root]
                   for other in opened.get((kind, normalise_name(name)), ())} - {
            sets.find(root)}
        if len(targets) == 1:
            sets.union(targets.pop(), root)
            merged[root] = {normalise_name(n) for n in names[root]}
    for index, mention in enumerate(mentions):
        forms = merged.get(before[index])
        if forms and index not in reasons and normalise_name(mention.name) in forms:
            reasons[index] = "generic-name"


# "EU-Singapore", "Singapore-China (Shenzhen)": the parties a bilateral name starts with.
_BILATERAL = re.compile(r"^[A-Z][\w.]*(?:-[A-Z][\w.]*)+ ")


def _link_bilateral_names(mentions: list[Mention], sets: UnionFind,
                          reasons: dict[int, str]) -> None:
    """A name without its parties joins the one name of the document that has them.

    "the EU-Singapore Digital Trade Principles ... the Digital Trade Principles": one
    work. Only a hyphenated pair of parties counts; "UK AI Safety Institute" and "AI
    Safety Institute" may well be two institutes.
    """
    full: dict[tuple[str, str], set[int]] = {}
    for index, mention in enumerate(mentions):
        match = _BILATERAL.match(mention.name)
        if match and group(mention.label) in ("work", "organization"):
            rest = normalise_name(mention.name[match.end() :])
            if len(rest.split()) >= 2:
                full.setdefault((group(mention.label), rest), set()).add(sets.find(index))
    for index, mention in enumerate(mentions):
        roots = full.get((group(mention.label), normalise_name(mention.name)), set())
        targets = {sets.find(r) for r in roots} - {sets.find(index)}
        if len(targets) == 1 and len({sets.find(r) for r in roots}) == 1:
            sets.union(targets.pop(), index)
            reasons[index] = "bilateral-name"


def _link_kind_words(mentions: list[Mention], sets: UnionFind,
                     reasons: dict[int, str]) -> None:
    """A name joins the one entity named so with a word of its kind after it.

    "SkillsFuture ... the national SkillsFuture movement", "OneSME ... the OneSME
    platform": one thing, and the kind word says which class (a camel-case name alone
    is guessed a body).
    """
    kinds = rules().kind_words
    named: dict[str, set[int]] = {}
    for index, mention in enumerate(mentions):
        words = normalise_name(mention.name).split()
        if not mention.anaphor and group(mention.label) in _KIND_GROUPS and \
                len(words) >= 2 and words[-1] in kinds:
            named.setdefault(" ".join(words[:-1]), set()).add(index)
    for index, mention in enumerate(mentions):
        if mention.anaphor or group(mention.label) not in _KIND_GROUPS or \
                mention.label == "Person":
            continue
        roots = {sets.find(i) for i in named.get(normalise_name(mention.name), ())}
        if len(roots) == 1 and sets.union(roots.pop(), index):
            reasons[index] = "kind-word"


_KIND_GROUPS = frozenset({"work", "organization"})
_YEARED = re.compile(r"^(.+?)\s+(?:19|20)\d\d$")


def _link_dated_names(mentions: list[Mention], sets: UnionFind,
                      reasons: dict[int, str]) -> None:
    """An event's name joins the one event of the page named so with its year.

    "U Live Symposium 2019 ... last year's U Live Symposium": on one page, the event.
    """
    dated: dict[str, set[int]] = {}
    for index, mention in enumerate(mentions):
        match = _YEARED.match(normalise_name(mention.name))
        if match and group(mention.label) == "meeting" and mention.ordinal is None:
            dated.setdefault(match.group(1), set()).add(sets.find(index))
    for index, mention in enumerate(mentions):
        if group(mention.label) != "meeting" or mention.ordinal is not None or \
                mention.anaphor:
            continue
        roots = dated.get(normalise_name(mention.name), set())
        if len(roots) == 1 and sets.union(next(iter(roots)), index):
            reasons[index] = "same-name"


_BRACKETED = re.compile(r"\(([A-Z][A-Za-z0-9&-]*[A-Z0-9])\)")


def _link_acronym_names(mentions: list[Mention], sets: UnionFind,
                        reasons: dict[int, str]) -> None:
    """A name opened by a defined acronym joins the entity the acronym stands for.

    "a Memorandum of Understanding (MOU) on Ocean Science ... the MOU on Ocean Science":
    "MOU" is that memorandum's acronym, and the rest of the name is the same.
    """
    acronyms: dict[str, set[int]] = {}
    tails: dict[int, set[str]] = {}
    for index, mention in enumerate(mentions):
        if mention.source == "acronym" or mention.acronym_of:
            acronyms.setdefault(mention.text, set()).add(sets.find(index))
        for inner in _BRACKETED.findall(mention.text):  # "... (MOU) on Ocean Science"
            acronyms.setdefault(inner, set()).add(sets.find(index))
    for index, mention in enumerate(mentions):
        tails.setdefault(sets.find(index), set()).add(normalise_name(mention.name))
    for index, mention in enumerate(mentions):
        first, _, rest = mention.name.partition(" ")
        roots = {sets.find(r) for r in acronyms.get(first, ())} - {sets.find(index)}
        if not rest or len(roots) != 1 or not looks_like_acronym(first):
            continue
        root = roots.pop()
        tail = " " + normalise_name(rest)
        if any(name.endswith(tail) for name in tails.get(root, ())):
            sets.union(root, index)
            reasons[index] = "acronym"


def _contains_words(full: list[str], part: list[str]) -> bool:
    return all(word in full for word in part)


def _link_anaphors(mentions: list[Mention], sets: UnionFind,
                   reasons: dict[int, str]) -> set[int]:
    """"The Working Group" joins the one earlier entity whose name has that head."""
    dropped = set()
    # Names by their last word, which a head noun ends with; in document order.
    by_last: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for index, mention in enumerate(mentions):
        name = normalise_name(mention.name)
        if not mention.anaphor and name:
            for word in set(name.split()):
                by_last.setdefault((group(mention.label), word), []).append((index, name))
    positions: dict[tuple[str, str], list[int]] = {}
    for index, mention in enumerate(mentions):
        if not mention.anaphor:
            continue
        head = normalise_name(mention.name)
        if not head:
            dropped.add(index)
            continue
        key = (group(mention.label), head.split()[-1])
        earlier = by_last.get(key, [])
        cut = bisect_left(positions.setdefault(key, [i for i, _ in earlier]), index)
        antecedents = {sets.find(i) for i, name in earlier[:cut] if f" {head} " in f" {name} "}
        if len(antecedents) == 1:
            sets.union(antecedents.pop(), index)
            reasons[index] = "head-noun"
        else:
            dropped.add(index)
    return dropped


def _entity(document: Document, mentions: list[Mention], rules: list[str], *,
            bare: bool = False, series: dict[str, str] | None = None) -> Entity | None:
    label = _label(mentions)
    if label == "Person" and not _credible_person(mentions):
        return None
    name = _canonical(mentions, label)
    forms: list[str] = []
    for mention in mentions:
        for form in (mention.text, mention.name, mention.acronym_of):
            if form and form != name and form not in forms and not mention.anaphor:
                forms.append(form)
        if mention.anaphor and mention.name not in forms and mention.name != name:
            forms.append(mention.name)
    iri = next((m.key for m in mentions if m.key and m.key.startswith("http")), None)
    found_series = next((m.series for m in mentions if m.series), None)
    ordinal = next((m.ordinal for m in mentions if m.ordinal is not None), None)
    found_series = (series or {}).get(found_series or "", found_series)
    key = iri or (f"meeting:{found_series}#{ordinal}" if found_series and ordinal is not None
                  else f"{group(label)}:{normalise_name(name)}")
    if label == "Person" and not iri and len(name.split()) == 1:
        # A surname alone names someone only on its page: "Mr Lee" is one Lee here and
        # another there, so it does not join other pages' "Lee" by name.
        rank = next(filter(None, map(_rank, mentions)), "")
        addressed = next(filter(None, map(_addressed, mentions)), "")
        key = f"{key}{rank}{addressed}@{document.id}"
    elif label == "Post" and bare:
        # A title alone ("Chairman", "Chief Executive", "Prime Minister") is an office of
        # a body the page does not name: one node per page, never one for the whole site.
        key = f"{key}@{document.id}"
    merges = tuple(Merge(m.text, rule) for m, rule in zip(mentions, rules, strict=True)
                   if rule != "first")
    return Entity(
        key=key,
        label=label,
        name=name,
        aliases=tuple(forms),
        mentions=tuple(mentions),
        documents=(document.id,),
        iri=iri,
        honorifics=tuple(dict.fromkeys(m.honorific for m in mentions if m.honorific)),
        series=found_series,
        ordinal=ordinal,
        merges=tuple(dict.fromkeys(merges)),
    )


# Words that tie a post to a body, a place or a remit: "Chairman *of* the Board".
_POST_LINKS = frozenset({"of", "for", "in", "to", "on", "at"})


def _bare_posts_of(mentions: list[Mention]) -> set[int]:
    """The posts named by a title alone: no body, place or remit in or after them.

    "Chairman", "Senior Technology Advisor", "Deputy Prime Minister" are bare;
    "Chairman of the Board", "NTC Chairperson" (a body inside), "Shenzhen Mayor" (a
    place inside), "Permanent Secretary (Health)" and "Head, Emerging Technologies"
    (a remit) are not.
    """
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.block, []).append(mention)
    bare = set()
    for index, post in enumerate(mentions):
        if post.label != "Post" or any(c in post.text for c in "(,–—"):
            continue
        name = f" {normalise_name(post.name)} "
        for title in _linked_titles():  # "Minister of State" is one title
            name = name.replace(f" {title} ", " _ ")
        if _POST_LINKS & set(name.split()):
            continue
        if not any(other is not post and post.start <= other.start and
                   other.end <= post.end for other in by_block[post.block]):
            bare.add(index)
    return bare


@functools.cache
def _linked_titles() -> tuple[str, ...]:
    """The lexicon's titles with a link word inside ("minister of state"), folded."""
    lexicon = load_lexicon()
    titles = {normalise_name(t) for t in (*lexicon.post_titles, *lexicon.standalone_posts)}
    return tuple(sorted((t for t in titles if _POST_LINKS & set(t.split())),
                        key=len, reverse=True))


def page_scoped(entity: Entity) -> bool:
    """Whether an entity is named only on its page: a surname or a title alone.

    Its key ends with its document's id; resolution across pages never joins it by name.
    """
    return len(entity.documents) == 1 and entity.key.endswith(f"@{entity.documents[0]}")


def _label(mentions: list[Mention]) -> str:
    gazetteer = [m.label for m in mentions if m.source == "gazetteer"]
    if gazetteer:
        return gazetteer[0]
    # The model's class is the weakest evidence: a rule's (a head noun, a title, an
    # acronym's long form) outvotes it ("the Tallinn Digital Summit ... the TDS").
    counts = Counter(m.label for m in mentions if not m.anaphor and m.source != "model") \
        or Counter(m.label for m in mentions if not m.anaphor) or \
        Counter(m.label for m in mentions)
    ranked = sorted(counts.items(), key=lambda kv: (kv[0] in GENERIC, -kv[1], kv[0]))
    return ranked[0][0]


def _credible_person(mentions: list[Mention]) -> bool:
    """A lone one-word name the model called a person ("Tech") is not enough."""
    if any(m.source != "model" for m in mentions):
        return True
    return any(len(m.name.split()) > 1 for m in mentions)


def _canonical(mentions: list[Mention], label: str) -> str:
    gazetteer = next((m.name for m in mentions if m.source == "gazetteer"
                      and m.key and m.key.startswith("http")), None)
    if gazetteer and not any(m.ordinal for m in mentions):
        return gazetteer
    meeting = next((m for m in mentions if m.ordinal is not None and m.series_name), None)
    if meeting is not None and meeting.series_name is not None and \
            not looks_like_acronym(meeting.series_name):
        return f"{ordinal_text(meeting.ordinal or 0)} {meeting.series_name}"
    names = [m.name for m in mentions if not m.anaphor] + \
        [m.acronym_of for m in mentions if m.acronym_of]
    full = [n for n in names if not looks_like_acronym(n)] or names or \
        [m.name for m in mentions]
    # "Memorandum of Understanding" and its "MOU" open "MOU on Ocean Data": the specific
    # name names the entity.
    # Names compared once each, not once per mention: an entity named ten thousand
    # times in a long page still has only a handful of distinct names.
    distinct = sorted(set(full))
    opening = {(m.text, m.acronym_of) for m in mentions if m.acronym_of}
    opened = {of for text, of in opening
              if any(generic_prefix(text, other) for other in distinct)}
    generic = {n for n in distinct if n in opened or
               any(generic_prefix(n, other) for other in distinct)}
    full = [n for n in full if n not in generic] or full
    if label == "Person":
        return max(full, key=lambda n: (len(n.split()), len(n)))
    # "the WritersLab programme": a lower-case word of its kind after a name says what
    # it is, not what it is called.
    kinds = rules().kind_words
    full = [n.rsplit(" ", 1)[0] if " " in n and n.rsplit(" ", 1)[1] in kinds else n
            for n in full]
    counts = Counter(full)
    return max(full, key=lambda n: (len(n.split()) > 1, counts[n], len(n)))


def _series_entities(document: Document, entities: list[Entity]) -> list[Entity]:
    """A numbered meeting's series is an entity too, named if it is not mentioned."""
    known = {e.key for e in entities} | {e.iri for e in entities if e.iri}
    added: dict[str, Entity] = {}
    for entity in entities:
        series = entity.series
        if not series or series in known or series in added:
            continue
        name = next((m.series_name for m in entity.mentions if m.series_name), None)
        if name is None or (" " not in name and not looks_like_acronym(name)):
            continue  # "the 2nd Session of the 14th Parliament" is no series "Session"
        iri = series if series.startswith("http") else None
        added[series] = Entity(key=series, label="MeetingSeries", name=name, aliases=(),
                               mentions=(), documents=(document.id,), iri=iri)
    return list(added.values())


def stable_hash(text: str, size: int = 8) -> str:
    """A short, stable hash of ``text`` for identifiers."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]
