"""Resolve entities across documents: one node per real thing in a whole site.

The contract: :func:`merge` takes the entities :func:`~docgraph.resolve.resolve_document`
found in each document and returns one entity per real-world thing. The result depends
only on the entities given, never on their order or on how documents were batched. Every
merge of two nodes is recorded on the result as a :class:`~docgraph.types.Merge` with its
rule and, where two names alone do not show it, its evidence:

- same key: the same gazetteer IRI, numbered meeting, or name in the same group;
- ``folded-name``: names equal once case, punctuation, spacing, diacritics and "&"/"and"
  are folded ("SingPass", "Singpass"; "Cyber Security Agency", "Cybersecurity Agency");
- ``qualified-post``: a post named with and without its country ("Singapore Minister
  for X", "Minister for X"), when the site names it with one country only;
- ``site-acronym``: an acronym alone on one page ("NLB") and the long form another page
  defines it with ("National Library Board (NLB)"), when every definition on the site
  agrees; an acronym with two long forms ("SCS") merges nothing;
- ``spelling-variant``: a person whose name is spelt slightly differently ("Prasert
  Jantararuangtong", "Prasert Janthararuangthong");
- ``lone-name``: a name of one word ("Minister Iswaran") and the one person of the whole
  site whose name has that word ("S Iswaran").
- ``qualified-body``: a body or meeting named with and without the international
  organisation it belongs to ("UN General Assembly", "General Assembly"), when the site
  names it with that one organisation only.
- ``name-order``: a person named with the given name first and last ("Joseph Leong",
  "Leong Weng Keong Joseph"), or with and without a middle initial ("Gina M.
  Raimondo", "Gina Raimondo"), when the site names one such person only.
- ``name-variant``: names of bodies and works of two words or more that read alike
  once written the same way: an acronym inside written out as the site defines it
  ("Board of GovTech", "Board of the Government Technology Agency"), "Board of
  Directors of" as "Board of", and in names of three words or more, plurals as
  singulars ("Vulnerability Rewards Programme", "Vulnerability Reward Programme").

Three guards hold for every rule: two different gazetteer IRIs are never one node (IMDA
and its predecessors IDA and MDA stay three); people, posts and numbered meetings only
merge with their own kind; and what is named only on its page (a surname alone, a
title alone such as "Chairman") joins nothing on another page. The class of a merged
node is the gazetteer's, or else the one most documents gave it, the more specific on a
tie.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher

from docgraph.names import looks_like_acronym, normalise_name
from docgraph.resolve.document import (
    GENERIC,
    UnionFind,
    folded_title,
    group,
    page_scoped,
    ranked_title,
    rules,
)
from docgraph.types import Entity, Mention, Merge
from docgraph.vocab import coarse_type

# The rules of this module, as recorded on merged entities.
SITE_RULES = frozenset({"folded-name", "qualified-post", "site-acronym",
                        "spelling-variant", "lone-name", "name-variant", "name-order",
                        "qualified-body"})
# Rules of a document's resolution that join a part of a name to the whole.
_PARTIAL_RULES = frozenset({"short-name", "head-noun", "generic-name", "bilateral-name",
                            "qualified-post", "acronym"})
# How alike two surnames must be (difflib ratio) to be one person's spellings:
# "Jantararuangtong" and "Janthararuangthong" score 0.94; "Tan Kiat How" and "Tan Kah
# Hui" 0.6.
_VARIANT_SIMILARITY = 0.85
# Coarse types whose names say what a thing is only together with the page: a misread
# class ("Netflix" as a place) must not split one thing in two, so these fold together.
_NAMED_THINGS = frozenset({"Organization", "Work", "Place", "Country", "Meeting"})


def fold(name: str) -> str:
    """A name reduced to its letters and digits, for matching across pages.

    >>> fold("Ministry of Communications & Information") == fold(
    ...     "Ministry of Communications and Information")
    True
    >>> fold("Tik-Tok") == fold("TikTok") == fold("tiktok")
    True
    """
    text = unicodedata.normalize("NFKD", normalise_name(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s*&\s*", " and ", text)
    return re.sub(r"[\W_]+", "", text)


def _kind(entity: Entity) -> str:
    """Which entities may share a node.

    Named things of any class fold together, a meeting series with a meeting of the
    same name, and a person with a body of the same name of two words or more (the
    model reads "Janil Puthucheary" as a body now and then): the class is then voted. A
    person's one-word name, a post and a numbered meeting stay with their own kind.
    """
    if entity.ordinal is not None:
        return "numbered-meeting"
    coarse = coarse_type(entity.label)
    if coarse in _NAMED_THINGS or entity.label == "MeetingSeries" or (
            coarse == "Person" and len(entity.name.split()) > 1):
        return "thing"
    return group(entity.label)


class _Sets(UnionFind):
    """Union-find over entities, refusing to join two different gazetteer IRIs."""

    def __init__(self, entities: list[Entity]) -> None:
        super().__init__(len(entities))
        self.iri = [e.iri for e in entities]

    def union(self, left: int, right: int) -> bool:
        """Join two sets; False when they are one already or name two IRIs."""
        a, b = self.find(left), self.find(right)
        if a == b or (self.iri[a] and self.iri[b] and self.iri[a] != self.iri[b]):
            return False
        super().union(a, b)
        self.iri[min(a, b)] = self.iri[a] or self.iri[b]
        return True


def merge(entity_lists: Iterable[Iterable[Entity]]) -> list[Entity]:
    """Combine the entities of several documents into one node per thing.

    Args:
        entity_lists: Each document's entities.

    Returns:
        The merged entities, sorted by key.
    """
    # Each key's entities are gathered first and combined once: combining them two at
    # a time re-sorts a growing list of mentions, quadratic in the pages that name it.
    by_key: dict[str, list[Entity]] = {}
    for entities in entity_lists:
        for entity in entities:
            by_key.setdefault(entity.key, []).append(entity)
    entities = sorted(_titles_as_posts([_combine(same) for same in by_key.values()]),
                      key=lambda e: e.key)
    sets = _Sets(entities)
    absorbed: dict[int, Merge] = {}
    _link_folded_names(entities, sets, absorbed)
    _link_qualified_posts(entities, sets, absorbed)
    _link_site_acronyms(entities, sets, absorbed)
    _link_name_variants(entities, sets, absorbed)
    _link_qualified_bodies(entities, sets, absorbed)
    _link_spelling_variants(entities, sets, absorbed)
    _link_reordered_names(entities, sets, absorbed)
    _link_shortened_names(entities, sets, absorbed)
    _link_lone_names(entities, sets, absorbed)
    members: dict[int, list[int]] = {}
    for index in range(len(entities)):
        members.setdefault(sets.find(index), []).append(index)
    merged = []
    for indices in members.values():
        group_ = [entities[i] for i in indices]
        entity = _combine(group_)
        notes = tuple(absorbed[i] for i in indices if i in absorbed)
        if len(entity.documents) > 1 and not entity.iri:
            name = _most_used(group_, entity.mentions)
            # A meeting named like a series, without a number, is that series: numbered
            # meetings point to it.
            label = "MeetingSeries" if any(e.label == "MeetingSeries" for e in group_) \
                else _vote(entity)
            entity = _replace(entity, label=label, name=name,
                              aliases=tuple(sorted({*entity.aliases, entity.name} - {name})))
        merged.append(_replace(entity, merges=tuple(sorted(
            {*entity.merges, *notes}, key=_merge_order))))
    final = {entities[indices[0]].key: e.key for indices, e in zip(
        members.values(), merged, strict=True)}
    renamed = {entities[i].key: final[entities[sets.find(i)].key]
               for i in range(len(entities))}
    renamed = {old: new for old, new in renamed.items() if old != new}
    if renamed:  # a meeting's series may now be known by another key
        merged = [_replace(e, series=renamed.get(e.series, e.series)) if e.series else e
                  for e in merged]
    return sorted(merged, key=lambda e: e.key)


def _titles_as_posts(entities: list[Entity]) -> list[Entity]:
    """A title alone that a page reads as a body or a person is that page's post.

    "Senior Minister of State" typed Organization on one page, when other pages know it
    as a title alone, is a post of that page: like theirs, it joins no other page's.
    """
    titles = {fold(_plain_name(e)) for e in entities if e.label == "Post" and page_scoped(e)}
    out = []
    for entity in entities:
        if not entity.iri and len(entity.documents) == 1 and not page_scoped(entity) and \
                coarse_type(entity.label) in ("Organization", "Person") and \
                fold(_plain_name(entity, post=True)) in titles:
            key = f"post:{normalise_name(entity.name)}@{entity.documents[0]}"
            entity = _replace(entity, label="Post", key=key)
        out.append(entity)
    return out


def _link_folded_names(entities: list[Entity], sets: _Sets,
                       absorbed: dict[int, Merge]) -> None:
    first: dict[tuple[str, str], int] = {}
    # A post's name read as a body's or a person's elsewhere ("Chief Executive" typed
    # Organization) is that post: its class is then voted.
    posts = {fold(_plain_name(e)) for e in entities if e.label == "Post" and
             not page_scoped(e)}
    for index, entity in enumerate(entities):
        if entity.ordinal is not None or page_scoped(entity) or (
                entity.label == "Person" and " " not in entity.name.strip()):
            # Numbered meetings are keyed by series and number already; a surname or a
            # title alone names someone or something only on its own page.
            continue
        folded, as_post = fold(_plain_name(entity)), fold(_plain_name(entity, post=True))
        if as_post in posts and not entity.iri and \
                coarse_type(entity.label) in ("Organization", "Person"):
            key = ("post", as_post)
        else:
            key = (_kind(entity), folded)
        if not key[1]:
            continue
        other = first.setdefault(key, index)
        if other != index and sets.union(other, index):
            absorbed[index] = Merge(entity.name, "folded-name", "", _first_page(entity))


def _plain_name(entity: Entity, *, post: bool = False) -> str:
    """The name without what only says its kind or its version.

    "Minister of X" is the "Minister for X"; "the TechSkills Accelerator programme" is
    the TechSkills Accelerator; the "... Act 2019" is the "... Act".
    """
    name = entity.name
    if post or entity.label == "Post":
        name = _MINISTER_OF.sub(r"\1 for ", name)
    if coarse_type(entity.label) == "Work" or entity.label == "Organization":
        words = name.split()
        if len(words) >= 2 and words[-1] in rules().kind_words:
            name = " ".join(words[:-1])
    if entity.label == "Law":
        name = _YEAR.sub("", name)
    return name


_YEAR = re.compile(r"\s+(?:19|20)\d\d$")


_MINISTER_OF = re.compile(r"\b(Minister|Ministry|Secretary|Minister of State) of ")


def _link_qualified_posts(entities: list[Entity], sets: _Sets,
                          absorbed: dict[int, Merge]) -> None:
    """A post named with its country and without it is one post, if one country only.

    "Singapore Minister for Sustainability and the Environment", "Minister for ... of
    Singapore" and "Minister for ...". With "Singapore Prime Minister" and "Thailand
    Prime Minister" on the site, a bare "Prime Minister" could be either, and stays
    apart.
    """
    # Each name of a country, and the country it names: "U.S." and "United States",
    # "Republic of Singapore" and "Singapore" qualify a post with one country each.
    country_of = {normalise_name(n): e.name for e in entities if e.label == "Country"
                  for n in (e.name, *e.aliases) if len(n) > 1}
    countries = sorted({n for e in entities if e.label == "Country"
                        for n in (e.name, *e.aliases) if len(n) > 1}, key=len, reverse=True)
    if not countries:
        return
    alternatives = "|".join(re.escape(c) for c in countries)
    before = re.compile(rf"^(?:the\s+)?({alternatives})(?:'s)?\s+(?=[A-Z])")
    after = re.compile(rf"\s+(?:of|for)\s+(?:the\s+)?({alternatives})$")
    posts: dict[str, list[tuple[int, str | None]]] = {}
    for index, entity in enumerate(entities):
        if entity.label != "Post" or page_scoped(entity):
            continue
        name, country = _plain_name(entity), None
        for pattern in (before, after):
            match = pattern.search(name)
            if match:
                country = country_of.get(normalise_name(match.group(1)), match.group(1))
                name = name[: match.start()] + name[match.end() :]
        posts.setdefault(fold(name), []).append((index, country))
    for found in posts.values():
        qualifiers = {country for _, country in found if country}
        if len(found) < 2 or len(qualifiers) != 1:
            continue
        target = min(i for i, country in found if country)
        [country] = qualifiers
        for index, _ in found:
            if index != target and sets.union(target, index):
                absorbed[index] = Merge(entities[index].name, "qualified-post",
                                        f"the site names this post with {country} only",
                                        _first_page(entities[index]))


def _link_site_acronyms(entities: list[Entity], sets: _Sets,
                        absorbed: dict[int, Merge]) -> None:
    """An acronym alone joins the one long form the site defines it with."""
    defined = _acronym_definitions(entities)
    places = {fold(e.name) for e in entities if coarse_type(e.label) in ("Country", "Place")}
    for index, entity in enumerate(entities):
        if not looks_like_acronym(entity.name) or entity.iri or \
                any(m.acronym_of for m in entity.mentions):
            continue
        root = _one_thing({sets.find(i) for i in defined.get(entity.name, ())}, entities,
                          sets, places, absorbed)
        if root is None:
            continue  # never defined, or defined as two things: "SCS"
        target = entities[root]
        if _kind(target) != _kind(entity) and "thing" not in (_kind(target), _kind(entity)):
            continue
        pages = sorted({d for i in defined[entity.name] for d in entities[i].documents})
        if sets.union(root, index):
            absorbed[index] = Merge(
                entity.name, "site-acronym",
                f"{entity.name} stands for {target.name} on {len(pages)} "
                f"page{'s' if len(pages) != 1 else ''}, and for nothing else",
                pages[0] if pages else None)


def _acronym_definitions(entities: list[Entity]) -> dict[str, set[int]]:
    """The entities each acronym stands for, as pages define it or a gazetteer gives it.

    "National Library Board (NLB)" on a page; "IMDA" among a gazetteer entry's names.
    """
    defined: dict[str, set[int]] = {}
    for index, entity in enumerate(entities):
        for mention in entity.mentions:
            if mention.acronym_of and looks_like_acronym(mention.text):
                defined.setdefault(mention.text, set()).add(index)
        if entity.iri:
            for alias in entity.aliases:
                if looks_like_acronym(alias):
                    defined.setdefault(alias, set()).add(index)
    return defined


def _link_name_variants(entities: list[Entity], sets: _Sets,
                        absorbed: dict[int, Merge]) -> None:
    """Names of bodies and works that read alike once written the same way are one.

    An acronym inside a name is written out only when the site gives it one long form;
    a name of one word is left to the acronym rules.
    """
    long_forms = _site_long_forms(entities, sets)
    first: dict[str, tuple[int, list[str]]] = {}
    for index, entity in enumerate(entities):
        if entity.ordinal is not None or page_scoped(entity) or \
                coarse_type(entity.label) not in ("Organization", "Work", "Meeting"):
            continue
        plain = _plain_name(entity)
        if len(plain.split()) < 2:
            continue
        written, changes = _written_out(plain, long_forms)
        key = fold(written)
        if not key:
            continue
        other, their_changes = first.setdefault(key, (index, changes))
        if other != index and sets.union(other, index):
            how = sorted({*changes, *their_changes})
            absorbed[index] = Merge(
                entity.name, "name-variant",
                f"{entity.name} and {entities[other].name} read alike once written the "
                f"same way" + (f": {'; '.join(how)}" if how else ""), _first_page(entity))


def _link_qualified_bodies(entities: list[Entity], sets: _Sets,
                           absorbed: dict[int, Merge]) -> None:
    """A body named with and without its international organisation is one body.

    "UN General Assembly" and "General Assembly", when "General Assembly" comes with no
    other organisation's name on the site; a name of one word ("Secretariat") joins
    nothing.
    """
    # The organisations' names, longest first, as written and as compared.
    prefixes = [(p, normalise_name(p)) for p in sorted(
        {n for e in entities if e.label == "IntergovernmentalOrganization"
         for n in (e.name, *e.aliases) if n}, key=len, reverse=True)]
    bare: dict[str, int] = {}
    qualified: dict[str, list[tuple[int, str]]] = {}
    for index, entity in enumerate(entities):
        if page_scoped(entity) or entity.ordinal is not None or \
                coarse_type(entity.label) not in ("Organization", "Meeting"):
            continue
        name = normalise_name(entity.name)
        prefix, normalised = next(((p, n) for p, n in prefixes
                                   if name.startswith(n + " ")), (None, ""))
        if prefix is None:
            if len(name.split()) >= 2:
                bare.setdefault(fold(name), index)
            continue
        rest = name[len(normalised) + 1 :]
        if len(rest.split()) >= 2:
            qualified.setdefault(fold(rest), []).append((index, prefix))
    for key, found in qualified.items():
        plain = bare.get(key)
        if plain is None or len({sets.find(i) for i, _ in found}) != 1:
            continue  # never bare, or two organisations' bodies of that name
        target, prefix = found[0]
        if sets.union(target, plain):
            absorbed[plain] = Merge(entities[plain].name, "qualified-body",
                                    f"the site names it with {prefix} only",
                                    _first_page(entities[plain]))


def _site_long_forms(entities: list[Entity], sets: _Sets) -> dict[str, str]:
    """Acronyms of bodies and works and the one long form each stands for on the site."""
    long_forms: dict[str, str] = {}
    for short, indices in _acronym_definitions(entities).items():
        roots = {sets.find(i) for i in indices
                 if coarse_type(entities[i].label) in ("Organization", "Work", "Meeting")}
        if len(roots) == 1 and " " in entities[root := roots.pop()].name:
            long_forms[short] = entities[root].name
    return long_forms


def _written_out(name: str, long_forms: dict[str, str]) -> tuple[str, list[str]]:
    """A name written the way names are compared across pages, and what was changed."""
    changes: list[str] = []
    words = []
    for word in name.split():
        long_form = long_forms.get(word)
        if long_form is not None and long_form != name:
            changes.append(f"{word} written out as {long_form}")
            words.append(long_form)
        else:
            words.append(word)
    text = normalise_name(" ".join(words))
    text = " ".join(w for w in text.split() if w != "the")
    for phrase, replacement in rules().variant_phrases.items():
        if f"{phrase} " in f"{text} ":
            text = f"{text} ".replace(f"{phrase} ", f"{replacement} ", 1).strip()
            changes.append(f"{phrase!r} read as {replacement!r}")
    parts = text.split()
    if len(parts) >= 3:
        singular = [_singular(w) for w in parts]
        if singular != parts:
            changes.append("plurals read as singulars")
            parts = singular
    return " ".join(parts), changes


def _singular(word: str) -> str:
    """A plural's singular, by its spelling alone ("rewards", "councils"); else the word."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def _one_thing(roots: set[int], entities: list[Entity], sets: _Sets, places: set[str],
               absorbed: dict[int, Merge]) -> int | None:
    """The one thing an acronym's long forms name, or None when they name several.

    Long forms that differ only by a place after the shortest one ("National Library
    Board" and "National Library Board Singapore") name one body, and are joined.
    """
    if len(roots) <= 1:
        return next(iter(roots), None)
    ordered = sorted(roots, key=lambda i: (len(entities[i].name), entities[i].name))
    shortest = normalise_name(entities[ordered[0]].name).lower()
    for other in ordered[1:]:
        name = normalise_name(entities[other].name).lower()
        if not name.startswith(shortest + " ") or fold(name[len(shortest):]) not in places:
            return None
    for other in ordered[1:]:
        if sets.union(ordered[0], other):
            absorbed[other] = Merge(
                entities[other].name, "site-acronym",
                f"named like {entities[ordered[0]].name} with its place, and defined as "
                "the same acronym", _first_page(entities[other]))
    return sets.find(ordered[0])


def _link_spelling_variants(entities: list[Entity], sets: _Sets,
                            absorbed: dict[int, Merge]) -> None:
    people: dict[tuple[str, int], list[int]] = {}
    for index, entity in enumerate(entities):
        words = normalise_name(entity.name).split()
        if entity.label == "Person" and len(words) > 1:
            people.setdefault((words[0], len(words)), []).append(index)
    for indices in people.values():
        for position, left in enumerate(indices):
            for right in indices[position + 1 :]:
                if _spelling_variants(entities[left].name, entities[right].name) and \
                        sets.union(left, right):
                    absorbed[right] = Merge(entities[right].name, "spelling-variant", "",
                                            _first_page(entities[right]))


def _link_lone_names(entities: list[Entity], sets: _Sets,
                     absorbed: dict[int, Merge]) -> None:
    """A name of one word joins the one person of the whole site whose name has it.

    "Minister Iswaran" on a page that never gives his full name is S Iswaran when he is
    the only Iswaran the site names, whatever his rank then ("Senior Minister Tharman"
    is the Tharman the site shows as President); "Mr Lee" stays on its page, for the
    site names many Lees. Among several, a ranked title picks the one person the site
    shows with it: "DPM Teo" is Teo Chee Hean, the only Teo shown as DPM.
    """
    by_word: dict[str, set[int]] = {}
    for index, entity in enumerate(entities):
        words = normalise_name(entity.name).split()
        if entity.label == "Person" and len(words) > 1:
            for word in set(words):
                by_word.setdefault(word, set()).add(index)
    for index, entity in enumerate(entities):
        words = normalise_name(entity.name).split()
        if entity.label != "Person" or len(words) != 1 or entity.iri:
            continue
        roots = {sets.find(i) for i in by_word.get(words[0], ())}
        titles = {t for m in entity.mentions if (t := ranked_title(m))}
        evidence = f"is the only person the site names with {entity.name!r}"
        if len(roots) > 1 and titles:
            roots = {root for root in roots if titles <= {
                folded_title(h) for i in by_word[words[0]] if sets.find(i) == root
                for h in entities[i].honorifics}}
            evidence += " and shows as " + " and ".join(sorted(titles))
        _join_the_one(entities, sets, absorbed, index, roots, "lone-name", evidence)


def _link_shortened_names(entities: list[Entity], sets: _Sets,
                          absorbed: dict[int, Merge]) -> None:
    """A person's name of two words or more joins the one longer name the site has them in.

    "Zhulkarnain Rahim" is Zhulkarnain Abdul Rahim and "Faishal Ibrahim" Muhammad
    Faishal Ibrahim when the site names no other person with those words, in that order.
    """
    people = {i: normalise_name(e.name).split() for i, e in enumerate(entities)
              if e.label == "Person" and not e.iri}
    by_word: dict[str, set[int]] = {}
    for index, words in people.items():
        for word in words:
            by_word.setdefault(word, set()).add(index)
    for index, words in people.items():
        if len(words) < 2:
            continue
        longer = {sets.find(i) for i in set.intersection(*(by_word[w] for w in words))
                  if len(people[i]) > len(words) and _in_order(people[i], words)}
        _join_the_one(entities, sets, absorbed, index, longer - {sets.find(index)},
                      "shortened-name", "is the only person the site names with all of "
                      f"{entities[index].name!r}")


def _in_order(full: list[str], part: list[str]) -> bool:
    """Whether the words of ``part`` come in ``full`` in the same order."""
    position = 0
    for word in part:
        try:
            position = full.index(word, position) + 1
        except ValueError:
            return False
    return True


def _link_reordered_names(entities: list[Entity], sets: _Sets,
                          absorbed: dict[int, Merge]) -> None:
    """One person named in another order, or without a middle initial.

    "Leong Weng Keong Joseph" is also written "Joseph Leong" (a given name, then the
    surname) and "Joseph Leong Weng Keong"; "Gina M. Raimondo" is "Gina Raimondo". A
    name joins another only when it is the one person of the site written that way.
    """
    people = [(i, _without_initials(normalise_name(e.name).split()))
              for i, e in enumerate(entities) if e.label == "Person" and not e.iri]
    by_form: dict[str, set[int]] = {}
    for index, words in people:
        if len(words) < 2:
            continue
        forms = {" ".join(words)}
        if len(words) >= 3:
            forms |= {" ".join([words[-1], *words[:-1]]), f"{words[-1]} {words[0]}"}
        for form in forms:
            by_form.setdefault(form, set()).add(index)
    for index, words in people:
        own = normalise_name(entities[index].name)
        key = " ".join(words)
        if len(words) < 2:
            continue
        roots = {sets.find(i) for i in by_form.get(key, ())
                 if normalise_name(entities[i].name) != own} - {sets.find(index)}
        _join_the_one(entities, sets, absorbed, index, roots, "name-order",
                      "is the only person the site names that can be written "
                      f"{entities[index].name!r}")


def _join_the_one(entities: list[Entity], sets: _Sets, absorbed: dict[int, Merge],
                  index: int, roots: set[int], rule: str, evidence: str) -> None:
    """Join entity ``index`` to the one node among ``roots``, if there is exactly one.

    ``evidence`` says why, after that node's name ("is the only person the site names
    with 'Raman'").
    """
    if len(roots) != 1:
        return
    root = next(iter(roots))
    if sets.union(root, index):
        absorbed[index] = Merge(entities[index].name, rule,
                                f"{entities[root].name} {evidence}",
                                _first_page(entities[index]))


def _without_initials(words: list[str]) -> list[str]:
    """A name's words without a middle initial ("gina m. raimondo" -> "gina raimondo")."""
    if len(words) < 3:
        return words
    middle = [w for w in words[1:-1] if len(w.rstrip(".")) > 1]
    return [words[0], *middle, words[-1]]


def _spelling_variants(left: str, right: str) -> bool:
    """Same given name and word count, surnames spelt almost alike."""
    a, b = normalise_name(left).split(), normalise_name(right).split()
    if a == b or len(a) != len(b) or a[0] != b[0]:
        return False
    rest_a, rest_b = " ".join(a[1:]), " ".join(b[1:])
    return min(len(rest_a), len(rest_b)) >= 5 and \
        SequenceMatcher(None, rest_a, rest_b).ratio() >= _VARIANT_SIMILARITY


def _first_page(entity: Entity) -> str | None:
    """A page where the merged name is written, for a user to look it up."""
    return entity.documents[0] if entity.documents else None


def _vote(entity: Entity) -> str:
    """The class most mentions on all pages give, the more specific on a tie.

    Mentions the rules typed (a head noun, a definition) outvote the statistical
    model's, and among them a specific class outvotes a generic guess: "WritersLab
    programme" once is a programme, though "WritersLab" alone reads as a body on three
    pages.
    """
    voters = [m for m in entity.mentions if not m.anaphor]
    ruled = [m for m in voters if m.source != "model"]
    if ruled:  # as on one page: a rule's specific class before its generic guess
        tally = Counter(m.label for m in ruled)
        return min(tally.items(), key=lambda kv: (kv[0] in GENERIC, -kv[1], kv[0]))[0]
    tally = Counter(m.label for m in voters) or Counter([entity.label])
    return min(tally.items(), key=lambda kv: (-kv[1], kv[0] in GENERIC, kv[0]))[0]


def _combine(group_: list[Entity]) -> Entity:
    """One entity from several; the result does not depend on their order.

    A gazetteer entity (at most one in a group: two IRIs are never merged) gives its
    key, name and class; otherwise the lowest key, the fullest name and the most
    specific class.
    """
    if len(group_) == 1:
        return group_[0]
    named = next((e for e in group_ if e.iri), None)
    names = {e.name for e in group_}
    name = named.name if named else max(
        names, key=lambda n: (len(n.split()), _proper_case(n), len(n), n))
    label = named.label if named else min(
        (e.label for e in group_), key=lambda label: (label in GENERIC, label))
    return Entity(
        key=named.key if named else min(e.key for e in group_),
        label=label,
        name=name,
        aliases=tuple(sorted(({a for e in group_ for a in e.aliases} | names) - {name})),
        mentions=tuple(sorted({m for e in group_ for m in e.mentions}, key=_mention_order)),
        documents=tuple(sorted({d for e in group_ for d in e.documents})),
        iri=named.iri if named else None,
        honorifics=tuple(sorted({h for e in group_ for h in e.honorifics})),
        series=next((e.series for e in group_ if e.series), None),
        ordinal=next((e.ordinal for e in group_ if e.ordinal is not None), None),
        merges=tuple(sorted({m for e in group_ for m in e.merges}, key=_merge_order)),
    )


def _most_used(group_: list[Entity], mentions: Iterable[Mention]) -> str:
    """The name most mentions use among the full names of ``group_``.

    A long form comes before an acronym, a person's full name before a part of it, and
    a name before its capitals.
    """
    used = Counter(m.name for m in mentions)
    names = {e.name for e in group_}
    # Every full name the mentions use competes, not only the names the pages chose, so
    # that merging in steps gives the same name as merging at once; a partial name
    # ("Teo", "the Guide", "Memorandum of Understanding") does not.
    partial = {m.form for e in group_ for m in e.merges if m.rule in _PARTIAL_RULES}
    names.update(a for e in group_ for a in e.aliases
                 if used[a] and len(a.split()) > 1 and a not in partial)
    # A person's full name before any part of it, however often the part is used.
    person = any(e.label == "Person" for e in group_)
    return max(names, key=lambda n: (not looks_like_acronym(n),
                                     len(n.split()) if person else 0, _proper_case(n),
                                     used[n], len(n.split()), len(n), n))


def _merge_order(merge: Merge) -> tuple[str, ...]:
    return (merge.rule, merge.form, merge.evidence, merge.document or "")


def _mention_order(mention: Mention) -> tuple[object, ...]:
    """Mentions in document order, and a total order: sets must not decide."""
    return (mention.block, mention.start, mention.end, mention.text, mention.source,
            mention.label, mention.name, mention.honorific or "", mention.key or "",
            mention.sentence)


def _proper_case(name: str) -> bool:
    """Whether a name is written as names are.

    Not all in capitals or lower case, and not opening with a lower-case word
    ("inaugural OTS forum").
    """
    return not (name.isupper() and len(name) > 5) and not name.islower() and \
        not name[:1].islower()


def _replace(entity: Entity, **changes: object) -> Entity:
    return dataclasses.replace(entity, **changes)  # type: ignore[arg-type]
