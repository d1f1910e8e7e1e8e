"""Mark page furniture inside blocks: datelines, list markers and run-in headings.

The contract: :func:`mark_layout` returns the blocks with :attr:`~docgraph.types.Block.
layout` filled in from the rules in ``docgraph/data/layout.toml`` (data, not code). The
text itself is never changed, so every offset stays valid; later stages decide how to
read each role (the recogniser blanks list markers, reads run-in headings as headings
and states no relation in a dateline).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from docgraph.errors import ConfigurationError
from docgraph.types import Block, BlockKind, Layout

ROLES = frozenset({"dateline", "list-marker", "run-in-heading"})


@dataclass(frozen=True, slots=True)
class LayoutRule:
    """One layout rule; see ``docgraph/data/layout.toml``."""

    role: str
    pattern: re.Pattern[str]
    lines: bool = False
    first: int | None = None
    kinds: frozenset[BlockKind] | None = None
    sequence: bool = False

    def find(self, block: Block, position: int) -> list[Layout]:
        """The furniture this rule finds in ``block``, the ``position``-th content block."""
        if self.first is not None and position >= self.first:
            return []
        if self.kinds is not None and block.kind not in self.kinds:
            return []
        if self.sequence:
            matches = [m for m in self.pattern.finditer(block.text)
                       if m.end("span") > m.start("span")]
            return [Layout(self.role, m.start("span"), m.end("span"))
                    for m in _in_sequence(matches)]
        starts = [0]
        if self.lines:
            starts += [m.end() for m in re.finditer("\n", block.text)]
        found = []
        for start in starts:
            match = self.pattern.match(block.text, start)
            if match is not None and match.end("span") > match.start("span"):
                found.append(Layout(self.role, match.start("span"), match.end("span")))
        return found


def _in_sequence(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The markers that follow or precede the next one of their series ("A." then "B.")."""
    values = [_marker_values(m.group("span")) for m in found]
    keep = [False] * len(found)
    for index in range(len(found) - 1):
        if any((kind, number + 1) in values[index + 1] for kind, number in values[index]):
            keep[index] = keep[index + 1] = True
    return [m for m, kept in zip(found, keep, strict=True) if kept]


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _marker_values(marker: str) -> set[tuple[str, int]]:
    """What a list marker counts: "3." is 3, "c)" is the third letter, "iv." also 4."""
    label = marker.strip("().")
    values: set[tuple[str, int]] = set()
    if label.isdigit():
        values.add(("number", int(label)))
    elif len(label) == 1 and label.isalpha():
        values.add(("lower" if label.islower() else "upper", ord(label.lower()) - 96))
    if label and all(c in _ROMAN for c in label.lower()):
        digits = [_ROMAN[c] for c in label.lower()]
        total = sum(-d if d < after else d for d, after in zip(digits, [*digits[1:], 0],
                                                                 strict=True))
        values.add(("roman-" + ("lower" if label.islower() else "upper"), total))
    return values


def load_layout_rules(path: Path | None = None) -> tuple[LayoutRule, ...]:
    """Load layout rules from a TOML file (default: docgraph's own).

    Raises:
        ConfigurationError: If the file is missing or a rule is malformed.
    """
    if path is None:
        return _default_rules()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"{path}: cannot read layout rules: {exc}") from exc
    return _parse_rules(data, str(path))


@functools.cache
def _default_rules() -> tuple[LayoutRule, ...]:
    text = resources.files("docgraph").joinpath("data/layout.toml").read_text("utf-8")
    return _parse_rules(tomllib.loads(text), "docgraph/data/layout.toml")


def _parse_rules(data: dict[str, object], origin: str) -> tuple[LayoutRule, ...]:
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise ConfigurationError(f"{origin}: 'rule' must be an array of tables")
    rules = []
    for number, entry in enumerate(entries, 1):
        try:
            rules.append(_rule(entry))
        except (KeyError, ValueError, TypeError, AttributeError, re.error) as exc:
            raise ConfigurationError(f"{origin}: rule {number}: {exc}") from exc
    return tuple(rules)


def _rule(entry: dict[str, object]) -> LayoutRule:
    role = str(entry["role"])
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(sorted(ROLES))}, not {role!r}")
    pattern = re.compile(str(entry["pattern"]), re.MULTILINE)
    if "span" not in pattern.groupindex:
        raise ValueError("pattern needs a group named 'span'")
    kinds = entry.get("kinds")
    if kinds is not None and not isinstance(kinds, list):
        raise ValueError("kinds must be a list of block kinds")
    first = entry.get("first")
    return LayoutRule(
        role=role, pattern=pattern, lines=bool(entry.get("lines", False)),
        sequence=bool(entry.get("sequence", False)),
        first=None if first is None else int(str(first)),
        kinds=None if kinds is None else frozenset(BlockKind(str(k)) for k in kinds))


def mark_layout(blocks: list[Block], rules: tuple[LayoutRule, ...]) -> list[Block]:
    """Return ``blocks`` with their page furniture marked; boilerplate is left alone."""
    out = []
    position = 0
    for block in blocks:
        if block.boilerplate is not None:
            out.append(block)
            continue
        marks: list[Layout] = []
        taken: list[tuple[int, int]] = []  # sorted, never overlapping
        for rule in rules:
            for found in rule.find(block, position):
                # Only the neighbours in start order can overlap a new mark.
                at = bisect_left(taken, (found.start, found.end))
                if (at == 0 or taken[at - 1][1] <= found.start) and \
                        (at == len(taken) or found.end <= taken[at][0]):
                    marks.append(found)
                    taken.insert(at, (found.start, found.end))
        position += 1
        out.append(dataclasses.replace(block, layout=tuple(
            sorted(marks, key=lambda m: (m.start, m.end)))) if marks else block)
    return out
