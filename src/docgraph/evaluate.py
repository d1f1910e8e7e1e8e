"""Measure docgraph against hand-made annotations of your own documents.

The contract: :func:`load_gold` reads gold files (one YAML file per document, in the
format README.md describes: required and optional entities with types and aliases,
required and optional relations); :func:`score` compares one document's entities and
relations with its gold file; :func:`evaluate` scores every extraction that has a gold
file and names the gold files no input matched; :class:`Report` adds documents up
(micro-averaged precision, recall and F1 for entities, typed entities and relations).

Names are compared after folding case, quotes, dashes, a possessive, a leading "the" and
one honorific. A second predicted entity matching an already matched gold entity counts
as a false positive (a duplicate); optional entities and relations are neither required
nor penalised.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from docgraph.errors import InputError
from docgraph.graph import Statement, statements
from docgraph.markup import FOOTNOTE_REFERENCE
from docgraph.names import normalise_name
from docgraph.types import Entity, InputFormat, SourceMap, Span
from docgraph.vocab import coarse_type

if TYPE_CHECKING:
    from docgraph.pipeline import Extraction

_HONORIFICS = ("datuk seri ", "tan sri ", "datuk ", "dato ", "mr ", "mrs ", "ms ", "mdm ",
               "dr ", "senator ", "prof ", "professor ")


def fold(name: str) -> str:
    """Fold a name for comparison with gold names.

    On top of :func:`~docgraph.names.normalise_name` (case, quotes, possessive,
    "the"), dashes, dots and commas become spaces and one honorific goes.
    """
    text = re.sub(r"[-'.,]", " ", normalise_name(name))
    text = re.sub(r"\s+", " ", text).strip()
    for honorific in _HONORIFICS:
        if text.startswith(honorific) and len(text) > len(honorific):
            return text[len(honorific) :].strip()
    return text


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """An annotated entity."""

    id: str
    type: str
    label: str
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Gold:
    """One document's annotation."""

    doc: str
    entities: dict[str, GoldEntity]
    optional_entities: dict[str, GoldEntity]
    relations: frozenset[tuple[str, str, str]]
    optional_relations: frozenset[tuple[str, str, str]]


def load_gold(folder: Path) -> dict[str, Gold]:
    """Read every ``*.yaml`` gold file in ``folder``, by document file name.

    Raises:
        InputError: If a file cannot be read or lacks required fields.
    """
    gold = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            item = Gold(
                doc=str(data["doc"]),
                entities=_entities(data.get("entities")),
                optional_entities=_entities(data.get("optional_entities")),
                relations=frozenset(tuple(r) for r in data.get("relations") or []),
                optional_relations=frozenset(tuple(r) for r in
                                             data.get("optional_relations") or []),
            )
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"not a gold file: {exc}") from exc
        gold[item.doc] = item
    return gold


def _entities(items: Iterable[dict[str, Any]] | None) -> dict[str, GoldEntity]:
    out = {}
    for item in items or []:
        names = {fold(str(item["label"]))} | {fold(str(a)) for a in item.get("aliases") or []}
        out[str(item["id"])] = GoldEntity(str(item["id"]), str(item["type"]),
                                          str(item["label"]), frozenset(names))
    return out


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add another count to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass(slots=True)
class DocumentScore:
    """How one document scored, and what went wrong."""

    doc: str
    entities: Counts = field(default_factory=Counts)
    typed: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    wrong_type: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)


def score(gold: Gold, entities: Sequence[Entity], found: Sequence[Statement]
          ) -> DocumentScore:
    """Compare one document's entities and relations with its gold annotation."""
    result = DocumentScore(gold.doc)
    to_gold: dict[str, str] = {}
    matched: dict[str, Entity] = {}
    for entity in sorted(entities, key=lambda e: e.key):
        names = {fold(entity.name)} | {fold(a) for a in entity.aliases}
        hit = next((g for g in gold.entities.values() if names & g.names), None)
        if hit is None:
            optional = next((g for g in gold.optional_entities.values() if names & g.names),
                            None)
            if optional is not None:
                to_gold[entity.key] = optional.id
            else:
                result.spurious_entities.append(f"{entity.name} ({entity.label})")
            continue
        to_gold[entity.key] = hit.id
        if hit.id in matched:
            result.spurious_entities.append(f"{entity.name} (duplicate of {hit.label})")
            continue
        matched[hit.id] = entity
        if coarse_type(entity.label) != hit.type:
            result.wrong_type.append(f"{hit.label}: gold {hit.type}, got {entity.label}")
    result.entities = Counts(len(matched), len(result.spurious_entities),
                             len(gold.entities) - len(matched))
    typed = len(matched) - len(result.wrong_type)
    result.typed = Counts(typed, result.entities.fp + len(result.wrong_type),
                          result.entities.fn + len(result.wrong_type))
    result.missed_entities = [g.label for g in gold.entities.values() if g.id not in matched]
    predicted: set[tuple[str, str, str]] = set()
    spurious_relations: set[str] = set()
    labels = {**{g.id: g.label for g in gold.optional_entities.values()},
              **{g.id: g.label for g in gold.entities.values()}}
    entity_names = {e.key: e.name for e in entities}
    for item in found:
        subject, obj = to_gold.get(item.subject), to_gold.get(item.object)
        triple = (subject or "", item.predicate, obj or "")
        if triple in gold.relations:
            predicted.add(triple)
        elif subject and obj and (triple in gold.optional_relations or
                                  subject in gold.optional_entities or
                                  obj in gold.optional_entities):
            continue
        else:
            spurious_relations.add(
                f"{entity_names.get(item.subject, item.subject)} {item.predicate} "
                f"{entity_names.get(item.object, item.object)}")
    result.relations = Counts(len(predicted), len(spurious_relations),
                              len(gold.relations - predicted))
    result.missed_relations = sorted(f"{labels.get(s, s)} {p} {labels.get(o, o)}"
                                     for s, p, o in gold.relations - predicted)
    result.spurious_relations = sorted(spurious_relations)
    return result


@dataclass(slots=True)
class Report:
    """Scores of several documents, micro-averaged."""

    documents: list[DocumentScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def total(self) -> tuple[Counts, Counts, Counts]:
        """Summed counts for entities, typed entities and relations."""
        entities, typed, relations = Counts(), Counts(), Counts()
        for item in self.documents:
            entities.add(item.entities)
            typed.add(item.typed)
            relations.add(item.relations)
        return entities, typed, relations

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """JSON-ready figures (and, with ``explain``, the errors)."""
        def figures(counts: Counts) -> dict[str, float]:
            p, r, f = counts.prf()
            return {"precision": p, "recall": r, "f1": f, "tp": counts.tp, "fp": counts.fp,
                    "fn": counts.fn}

        entities, typed, relations = self.total()
        docs = []
        for item in self.documents:
            row: dict[str, Any] = {"doc": item.doc, "entities": figures(item.entities),
                                   "typed_entities": figures(item.typed),
                                   "relations": figures(item.relations)}
            if explain:
                row["explain"] = {key: getattr(item, key) for key in (
                    "missed_entities", "spurious_entities", "wrong_type",
                    "missed_relations", "spurious_relations")}
            docs.append(row)
        return {"documents": docs, "missing": self.missing,
                "total": {"entities": figures(entities), "typed_entities": figures(typed),
                          "relations": figures(relations)}}


def evaluate(golds: Mapping[str, Gold], extractions: Iterable[Extraction]) -> Report:
    """Score each extraction against the gold file of the same file name.

    Args:
        golds: Gold annotations by document file name (:func:`load_gold`).
        extractions: What docgraph found (:func:`docgraph.pipeline.extract_paths`,
            failures left out).

    Returns:
        One score per document with a gold file, in input order, and the gold files no
        extraction matched (``missing``).
    """
    report = Report()
    seen = set()
    for result in extractions:
        name = Path(result.document.path).name
        if name in golds:
            seen.add(name)
            report.documents.append(score(golds[name], result.entities,
                                          statements(result.entities, result.relations)))
    report.missing = sorted(set(golds) - seen)
    return report


@dataclass(frozen=True, slots=True)
class RangeMismatch:
    """A statement whose source range does not reproduce its sentence.

    Attributes:
        path: The document.
        sentence: The sentence as docgraph read it.
        source: The visible text of the source range the statement points to.
    """

    path: str
    sentence: str
    source: str


# What a source range may hold that its sentence does not: tags (a footnote marker's tag
# with its number), Markdown link targets and emphasis, kramdown attribute lists.
_FOOTNOTE_MARK = re.compile(rf"<sup\b[^>]*>.*?</sup>|{FOOTNOTE_REFERENCE.pattern}",
                            re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_KRAMDOWN = re.compile(r"\{:[^}]*\}")
_MARKDOWN_MARKS = re.compile(r"[*_`#>\[\]|\\]")


def _shown(text: str, offsets: SourceMap, start: int, end: int) -> str:
    """The source in ``[start, end)`` that a block's characters come from."""
    return "".join(text[max(low, start) : min(high, end)]
                   for low, high in zip(offsets.source, offsets.source_end, strict=True)
                   if low < end and high > start)


def json_string_values(raw: str) -> str:
    r"""The text in a stretch of JSON that starts inside a string, decoded and joined.

    A sentence of an Isomer Next page may run over several text nodes (a bold word): the
    JSON between them (``"}, {"type": "text", "marks": [...], "text": "``) is no part of
    it. Its first and last strings are the sentence's; a whole string between them is
    when it is a text node's ``text``.

    Example:
        >>> json_string_values('A \u00b9", "marks": [{"type": "bold"}], "text": "B')
        'A ¹ B'
    """
    pieces: list[str] = []
    inside, start, index, key = True, 0, 0, "text"
    while index < len(raw):
        char = raw[index]
        if inside and char == "\\":
            index += 2
            continue
        if char == '"':
            if inside:
                piece = raw[start:index]
                if raw[index + 1 :].lstrip().startswith(":"):
                    key = piece
                elif key == "text" or not pieces:
                    pieces.append(piece)
            else:
                start = index + 1
            inside = not inside
        index += 1
    if inside:
        pieces.append(raw[start:])
    return " ".join(json.loads(f'"{piece}"') for piece in pieces)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def region_mismatches(extraction: Extraction) -> list[int]:
    """Sentences of a PDF or Word document whose regions do not give them back.

    A PDF's statement points to pages and a Word document's to paragraphs, not to bytes:
    the pieces of each, cut from the page's or paragraph's text, must have the sentence's
    letters, and on a page a rectangle. Returns the source offsets of the sentences that
    fail; none for other formats.
    """
    document = extraction.document
    regions: Callable[[Span], list[str]]
    if document.pages is not None:
        layout = document.pages
        pages = document.text.split("\f")

        def regions(span: Span) -> list[str]:
            found = layout.regions(span)
            if any(region.box is None for region in found):
                return []
            return [pages[r.page - 1][r.start : r.end] for r in found]
    elif document.package is not None:
        package = document.package
        starts = {p.path: start for p, start in zip(package.paragraphs, package.starts,
                                                     strict=True)}

        def regions(span: Span) -> list[str]:
            return [document.text[starts[r.path] + r.start : starts[r.path] + r.end]
                    for r in package.regions(span)]
    else:
        return []
    return [relation.source.start for relation in extraction.relations
            if _letters(" ".join(regions(relation.source))) != _letters(relation.text)]


def range_mismatches(extraction: Extraction) -> list[RangeMismatch]:
    """The sentences of a document whose source range does not reproduce them.

    A range reproduces its sentence when the two have the same letters and digits once
    markup is set aside: tags, entities, footnote markers, Markdown link targets and
    emphasis. Each sentence is checked once, however many statements it makes.
    """
    text = extraction.document.text
    seen: set[tuple[int, int, int]] = set()
    found = []
    for relation in extraction.relations:
        key = (relation.block, relation.sentence.start, relation.sentence.end)
        if key in seen:
            continue
        seen.add(key)
        raw = text[relation.source.start : relation.source.end]
        if extraction.document.format is InputFormat.ISOMER_JSON:
            raw = json_string_values(raw)
        elif extraction.document.format is InputFormat.PDF:
            # A sentence over a page break spans the page number between its pieces:
            # only the source its block shows counts.
            raw = _shown(text, extraction.document.blocks[relation.block].offsets,
                         relation.source.start, relation.source.end)
        visible = _KRAMDOWN.sub(" ", _LINK_TARGET.sub(" ", raw))
        visible = html.unescape(_TAG.sub(" ", _FOOTNOTE_MARK.sub(" ", visible)))
        visible = _MARKDOWN_MARKS.sub(" ", visible)
        # A footnote marker inside raw HTML stays in the prose as written ("[^1]").
        if _letters(visible) != _letters(_FOOTNOTE_MARK.sub(" ", relation.text)):
            found.append(RangeMismatch(extraction.document.path, relation.text,
                                       " ".join(visible.split())))
    return found
