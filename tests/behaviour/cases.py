"""Behaviour cases: families of templates and fillers, expanded into documents.

The contract: :func:`load_families` reads ``families/*.yaml``, :func:`load_fillers`
reads ``fillers.yaml``, and :func:`expand` turns a family into its cases, the same ones
on every run (each family deals its fillers from decks shuffled by a generator seeded
with the family's name). A case is a short press release, Isomer-style (front matter,
then a Markdown or HTML body), with the triples it states and those it must not be read
as stating. The data format is described in ``tests/behaviour/README.md``.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
FAMILIES = HERE / "families"
FILLERS = HERE / "fillers.yaml"
DEFAULT_CASES = 10
STYLES = (("markdown", "'"), ("html", "'"), ("markdown", "\u2019"), ("html", "\u2019"))
"""The styles a case is written in, in turn: its body's markup, its apostrophe."""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CORE_RELATIONS = frozenset({
    "chairOf", "viceChairOf", "handedOverChairTo", "holdsPost", "attended", "hosted",
    "heldIn", "memberOf", "partnerOf", "established", "convened", "partOf", "derivedFrom",
    "developedBy", "basedIn", "launched", "signed"})
FAMILY_KEYS = frozenset({"family", "about", "negative", "cases", "slots", "templates",
                         "expect", "forbid"})
TEMPLATE_KEYS = frozenset({"title", "body", "expect", "forbid"})

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)((?:\|\w+)*)\}")
_COUNT = re.compile(r"^(\w+)\*(\d+)(?:-(\d+))?$")

Spec = tuple[tuple[str, str, str], ...]
"""Triples as a family writes them: slot paths and a relation."""


class FamilyError(ValueError):
    """A family's data cannot be expanded; the message names the family and the cause."""


@dataclass(frozen=True, slots=True)
class Named:
    """An entity a case names: its name and the other names it may be found under."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Triple:
    """(subject, relation, object), the relation one of the core relations."""

    subject: Named
    relation: str
    object: Named

    def __str__(self) -> str:
        return f"{self.subject.name} {self.relation} {self.object.name}"


@dataclass(frozen=True, slots=True)
class Case:
    """One generated document and what it must and must not be read as stating."""

    family: str
    number: int
    template: int
    text: str
    expected: tuple[Triple, ...]
    forbidden: tuple[Triple, ...]

    @property
    def id(self) -> str:
        return f"{self.family}-{self.number:02d}"


@dataclass(frozen=True, slots=True)
class Template:
    """One way of writing a family's construction, with its own triples if it has any."""

    title: str
    body: str
    expect: Spec | None
    forbid: Spec | None


@dataclass(frozen=True, slots=True)
class Family:
    """A construction, the templates that write it and the fillers they take."""

    name: str
    about: str
    negative: bool
    cases: int
    slots: Mapping[str, Any]
    templates: tuple[Template, ...]
    expect: Spec
    forbid: Spec
    source: Path

    def checks(self, template: Template) -> tuple[Spec, Spec]:
        """The triples a case of ``template`` expects and forbids."""
        return (self.expect if template.expect is None else template.expect,
                self.forbid if template.forbid is None else template.forbid)


# Loading ------------------------------------------------------------------------------

def load_fillers(path: Path = FILLERS) -> dict[str, list[Any]]:
    """The shared pools of fillers, by name.

    Raises:
        FamilyError: If the file is not a mapping of names to lists.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise FamilyError(f"{path}: expected a mapping of pool names to lists")
    return data


def load_families(folder: Path = FAMILIES) -> list[Family]:
    """Every family in ``folder/*.yaml``, files in name order, families as listed.

    Raises:
        FamilyError: If a family lacks a field or has an unknown one, names a relation
            that is not a core relation, checks nothing in some template, forbids
            triples without being marked negative, or shares its name with another.
    """
    families = [_family(raw, path) for path in sorted(folder.glob("*.yaml"))
                for raw in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
                .get("families", [])]
    names = [family.name for family in families]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise FamilyError(f"{folder}: families named twice: {', '.join(duplicates)}")
    return families


def _family(raw: Mapping[str, Any], path: Path) -> Family:
    name = raw.get("family")
    if not isinstance(name, str):
        raise FamilyError(f"{path}: a family without a name: {raw!r}")
    where = f"{path.name}: {name}"
    unknown = (set(raw) - FAMILY_KEYS) | {key for t in raw.get("templates") or []
                                          for key in t if key not in TEMPLATE_KEYS}
    if unknown:
        raise FamilyError(f"{where}: unknown fields {sorted(unknown)}")
    try:
        templates = tuple(Template(t["title"], t["body"], _spec(t.get("expect"), where),
                                   _spec(t.get("forbid"), where))
                          for t in raw["templates"])
        family = Family(name, raw["about"], bool(raw.get("negative", False)),
                        int(raw.get("cases", DEFAULT_CASES)), dict(raw.get("slots") or {}),
                        templates, _spec(raw.get("expect"), where) or (),
                        _spec(raw.get("forbid"), where) or (), path)
    except (KeyError, TypeError) as exc:
        raise FamilyError(f"{where}: missing or malformed field {exc}") from exc
    if not templates:
        raise FamilyError(f"{where}: no templates")
    for number, template in enumerate(templates):
        expect, forbid = family.checks(template)
        if not expect and not forbid:
            raise FamilyError(f"{where}: template {number} checks nothing")
        if forbid and not family.negative:
            raise FamilyError(f"{where}: forbidden triples in a family not marked negative")
    return family


def _spec(raw: Any, where: str) -> Spec | None:
    if raw is None:
        return None
    for item in raw:
        if len(item) != 3 or item[1] not in CORE_RELATIONS:
            raise FamilyError(f"{where}: not a (subject, core relation, object): {item!r}")
    return tuple((str(s), str(r), str(o)) for s, r, o in raw)


# Expanding ----------------------------------------------------------------------------

def expand(family: Family, fillers: Mapping[str, Sequence[Any]]) -> list[Case]:
    """The family's cases: ``family.cases`` of them, its templates taken in turn.

    Raises:
        FamilyError: If a slot names an unknown pool, a placeholder or a triple an
            unknown slot or field, or the fillers cannot be dealt without two slots
            naming the same thing.
    """
    rng = random.Random(family.name)  # a str seed is hashed with SHA-512: stable
    decks = _decks(family, fillers, rng)
    cases = []
    for number in range(family.cases):
        index = number % len(family.templates)
        template = family.templates[index]
        values = _deal(family, decks, rng)
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2016, 2025)
        values.setdefault("date", f"{day} {month} {year}")
        values.setdefault("month", f"{month} {year}")
        values.setdefault("year", str(year))
        where = f"{family.source.name}: {family.name}: template {index}"
        # Each pass through the templates moves every template on to the next style.
        markup, apostrophe = STYLES[(index + number // len(family.templates)) % len(STYLES)]
        title = _fill(template.title, values, where)
        body = _fill(template.body, values, where)
        if apostrophe != "'":
            title, body = title.replace("'", apostrophe), _curly(body)
        text = _page(title, body, markup, f"{year}-{MONTHS.index(month) + 1:02d}-{day:02d}")
        expect, forbid = family.checks(template)
        cases.append(Case(family.name, number, index, text, _triples(expect, values, where),
                          _triples(forbid, values, where)))
    return cases


def all_cases(folder: Path = FAMILIES, fillers_path: Path = FILLERS) -> list[Case]:
    """Every case of every family, in family order."""
    fillers = load_fillers(fillers_path)
    return [case for family in load_families(folder) for case in expand(family, fillers)]


class _Deck:
    """A slot's pool, shuffled and dealt without repeats until it runs out."""

    def __init__(self, pool: Sequence[Any], rng: random.Random) -> None:
        self.pool, self.rng, self.left = list(pool), rng, list[Any]()

    def deal(self, avoid: set[str], where: str) -> Any:
        """The next item that names nothing in ``avoid`` (skipped ones go to the back)."""
        for _ in range(2 * len(self.pool) + 1):
            if not self.left:
                self.left = self.rng.sample(self.pool, len(self.pool))
            item = self.left.pop()
            if not set(_names_in(item)) & avoid:
                return item
            self.left.insert(0, item)
        raise FamilyError(f"{where}: every filler names something another slot names")


def _decks(family: Family, fillers: Mapping[str, Sequence[Any]],
           rng: random.Random) -> dict[str, tuple[_Deck, int, int]]:
    """Each dealt slot's deck and how many items it takes (0, 0 for one, not a list)."""
    decks = {}
    for slot, spec in family.slots.items():
        where = f"{family.source.name}: {family.name}: slot {slot}"
        if isinstance(spec, list):  # a choice of words
            decks[slot] = (_Deck(spec, rng), 0, 0)
        elif isinstance(spec, str):  # a pool, or "pool*N" or "pool*N-M" for a list
            match = _COUNT.match(spec)
            pool = match.group(1) if match else spec
            if pool not in fillers:
                raise FamilyError(f"{where}: no pool named {pool!r} in fillers.yaml")
            low = int(match.group(2)) if match else 0
            high = int(match.group(3) or low) if match else 0
            decks[slot] = (_Deck(fillers[pool], rng), low, high)
        elif not isinstance(spec, dict):
            raise FamilyError(f"{where}: a slot is a pool name, a list or a mapping")
    return decks


def _deal(family: Family, decks: Mapping[str, tuple[_Deck, int, int]],
          rng: random.Random) -> dict[str, Any]:
    """One value per slot, no two slots naming the same thing.

    Fixed values come first, so that dealt ones steer clear of them; a choice of words
    may repeat.
    """
    values: dict[str, Any] = {}
    avoid: set[str] = set()
    for slot, spec in family.slots.items():
        if isinstance(spec, dict):
            values[slot] = spec
            avoid |= set(_names_in(spec))
    for slot, (deck, low, high) in decks.items():
        where = f"{family.source.name}: {family.name}: slot {slot}"
        if isinstance(family.slots[slot], list):
            values[slot] = deck.deal(set(), where)
            continue
        items = []
        for _ in range(rng.randint(low, high) if high else 1):
            items.append(deck.deal(avoid, where))
            avoid |= set(_names_in(items[-1]))
        values[slot] = items if high else items[0]
    return {slot: values[slot] for slot in family.slots}


def _names_in(value: Any) -> Iterator[str]:
    """The names a value gives, folded, to keep slots apart.

    An entity (a mapping with a name) gives its name and acronym; a bundle (a delegate:
    country, person and post) gives those of its parts.
    """
    if isinstance(value, str):
        yield value.casefold()
    elif isinstance(value, list):
        for item in value:
            yield from _names_in(item)
    elif isinstance(value, dict) and "name" in value:
        yield str(value["name"]).casefold()
        if "acronym" in value:
            yield str(value["acronym"]).casefold()
    elif isinstance(value, dict):
        for item in value.values():
            yield from _names_in(item)


# Values: fields, derived fields, how they are written ----------------------------------

def _lookup(path: str, values: Mapping[str, Any], where: str) -> Any:
    head, *rest = path.split(".")
    if head not in values:
        raise FamilyError(f"{where}: no slot named {head!r}")
    value = values[head]
    for key in rest:
        value = _field(value, key, where)
    return value


def _field(value: Any, key: str, where: str) -> Any:
    """A value's field; of a list, the field of each item."""
    if isinstance(value, list):
        return [_field(item, key, where) for item in value]
    if isinstance(value, dict):
        if key in value:
            return value[key]
        derived = _derived(value, key)
        if derived is not None:
            return derived
    raise FamilyError(f"{where}: no field {key!r} in {value!r}")


def _derived(value: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    """Fields computed from others.

    ``post``, from ``title`` and ``org``: "Chief Executive of the Energy Market
    Authority", also found as "Chief Executive", "Chief Executive of EMA", "EMA Chief
    Executive" and the like (gold files label posts either way). ``office``, a
    delegate's ``post``, also found with the country ("Cambodia Minister of ...",
    "Minister of ... of Cambodia"). ``board``, an organisation's board, also found as
    the organisation itself.
    """
    if key == "post" and "title" in value and "org" in value:
        title, org = str(value["title"]), value["org"]
        written, *names = _name_forms(org)
        aliases = [title]
        for name in names:
            aliases += [f"{title} of {name}", f"{title} of the {name}", f"{title}, {name}",
                        f"{name} {title}"]
        return {"name": f"{title} of {written}", "aliases": aliases}
    if key == "office" and "post" in value and "country" in value:
        post, country = _entities(value["post"])[0], _entities(value["country"])[0]
        aliases = list(post.aliases)
        for place in country.names:
            for title in post.names:
                aliases += [f"{place} {title}", f"{place}'s {title}", f"{title} of {place}",
                            f"{title}, {place}"]
        return {"name": post.name, "aliases": aliases}
    if key == "board" and "name" in value:
        written, *names = _name_forms(value)
        aliases = list(names)
        for name in names:
            aliases += [f"Board of {name}", f"Board of the {name}", f"{name} Board",
                        f"Board of Directors of {name}"]
        return {"name": f"Board of {written}", "aliases": aliases}
    return None


def _name_forms(org: Any) -> list[str]:
    """An organisation as written after "of" (with its article), then its bare names."""
    if not isinstance(org, dict):
        return [str(org), str(org)]
    names = [str(org["name"])] + ([str(org["acronym"])] if "acronym" in org else [])
    return [_with_article(org), *names]


def _written(value: Any) -> str:
    """How a value is written: a person with honorific and suffix; a list as "A, B and C"."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        words = [_written(item) for item in value]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    if isinstance(value, dict):
        if "text" in value:
            return str(value["text"])
        if "name" not in value:
            raise FamilyError(f"a value without a name cannot be written: {value!r}")
        parts = [value.get("honorific"), value["name"], value.get("suffix")]
        return " ".join(str(part) for part in parts if part)
    return str(value)


def _with_article(value: Any) -> str:
    """A value written with the article its name takes ("the NUS", "IBM")."""
    if isinstance(value, list):
        return _written([_with_article(item) for item in value])
    article = value.get("article") if isinstance(value, dict) else None
    return f"{article} {_written(value)}" if article else _written(value)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _possessive(text: str) -> str:
    return text + ("'" if text.endswith("s") else "'s")


def _the_capitalised(value: Any) -> str:
    return _cap(_with_article(value))


VALUE_FILTERS: dict[str, Callable[[Any], str]] = {"the": _with_article,
                                                  "The": _the_capitalised}
"""Filters that write the value itself; they come first."""
TEXT_FILTERS: dict[str, Callable[[str], str]] = {"upper": str.upper, "cap": _cap,
                                                 "poss": _possessive}
"""Filters that change the text written so far."""


def _fill(template: str, values: Mapping[str, Any], where: str) -> str:
    """The template with each ``{path|filter|...}`` replaced by its value, written out.

    ``the`` and ``The`` write the article the name takes, if any; ``cap`` capitalises
    the first letter, ``upper`` every letter; ``poss`` adds 's (or ' after an s).
    """
    def replace(match: re.Match[str]) -> str:
        value = _lookup(match.group(1), values, where)
        text = _written(value)
        for number, flag in enumerate(f for f in match.group(2).split("|") if f):
            if flag in VALUE_FILTERS and number == 0:
                text = VALUE_FILTERS[flag](value)
            elif flag in TEXT_FILTERS:
                text = TEXT_FILTERS[flag](text)
            else:
                raise FamilyError(f"{where}: unknown or misplaced filter {flag!r}")
        return text

    return _PLACEHOLDER.sub(replace, template)


# Entities and triples -----------------------------------------------------------------

def _entities(value: Any) -> list[Named]:
    """The entities a value names: one, or one per item of a list.

    A mapping's other names are its aliases, its acronym and how it is written (a
    person with honorifics: gold files accept that form too).
    """
    if isinstance(value, list):
        return [named for item in value for named in _entities(item)]
    if isinstance(value, str):
        return [Named(value)]
    if isinstance(value, dict) and "name" in value:
        name = str(value["name"])
        aliases = [str(a) for a in value.get("aliases", [])]
        aliases += [str(value["acronym"])] if "acronym" in value else []
        aliases.append(_written(value))
        return [Named(name, tuple(dict.fromkeys(a for a in aliases if a != name)))]
    raise FamilyError(f"not an entity: {value!r}")


def _triples(spec: Spec, values: Mapping[str, Any], where: str) -> tuple[Triple, ...]:
    """The triples ``spec`` names; a list slot gives one triple per item."""
    found = [Triple(left, relation, right) for subject, relation, obj in spec
             for left in _entities(_lookup(subject, values, where))
             for right in _entities(_lookup(obj, values, where))]
    return tuple(dict.fromkeys(found))


# Pages --------------------------------------------------------------------------------

def _curly(text: str) -> str:
    """Typographic apostrophes and double quotes, as many real pages have."""
    text = text.replace("'", "\u2019")
    return re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)


def _page(title: str, body: str, markup: str, date: str) -> str:
    """An Isomer post: front matter, then the body as Markdown or as HTML."""
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    head = f'---\ntitle: "{quoted}"\ndate: {date}\nlayout: post\n---\n'
    blocks = [block.strip() for block in body.strip().split("\n\n") if block.strip()]
    if markup == "markdown":
        return head + "\n\n".join(blocks) + "\n"
    return head + "\n".join(_html_block(block) for block in blocks) + "\n"


def _html_block(block: str) -> str:
    heading = re.match(r"^(#{1,6})\s+(.*)$", block)
    if heading:
        level = len(heading.group(1))
        return f"<h{level}>{html.escape(heading.group(2), quote=False)}</h{level}>"
    return f"<p>{html.escape(' '.join(block.splitlines()), quote=False)}</p>"
