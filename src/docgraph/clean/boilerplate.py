"""Mark boilerplate blocks: media contacts, "Posted in" lines, "About <agency>" sections.

The rules are data (``docgraph/data/boilerplate.toml``). Marked blocks stay in the
document with the rule's name in :attr:`Block.boilerplate`; later stages skip them by
default, so a caller can always see what was set aside and why.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from docgraph.errors import ConfigurationError
from docgraph.types import Block, BlockKind


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate rule; see ``docgraph/data/boilerplate.toml``."""

    name: str
    pattern: re.Pattern[str]
    section: bool
    kinds: frozenset[BlockKind] | None = None

    def matches(self, block: Block) -> bool:
        """Whether ``block`` is boilerplate by this rule."""
        if self.kinds is not None and block.kind not in self.kinds:
            return False
        return self.pattern.search(block.text) is not None


def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """Load boilerplate rules from a TOML file (default: docgraph's own).

    Raises:
        ConfigurationError: If the file is missing or a rule is malformed.
    """
    if path is None:
        return _default_rules()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"{path}: cannot read boilerplate rules: {exc}") from exc
    return _parse_rules(data, str(path))


@functools.cache
def _default_rules() -> tuple[Rule, ...]:
    text = resources.files("docgraph").joinpath("data/boilerplate.toml").read_text("utf-8")
    return _parse_rules(tomllib.loads(text), "docgraph/data/boilerplate.toml")


def _parse_rules(data: dict[str, object], origin: str) -> tuple[Rule, ...]:
    rules = []
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise ConfigurationError(f"{origin}: 'rule' must be an array of tables")
    for number, entry in enumerate(entries, 1):
        scope = entry.get("scope", "block") if isinstance(entry, dict) else None
        if scope not in ("block", "section"):
            raise ConfigurationError(
                f"{origin}: rule {number}: scope must be 'block' or 'section', not {scope!r}")
        try:
            kinds = entry.get("kinds")
            rules.append(Rule(
                name=str(entry["name"]),
                pattern=re.compile(entry["pattern"]),
                section=scope == "section",
                kinds=None if kinds is None else frozenset(BlockKind(k) for k in kinds),
            ))
        except (KeyError, ValueError, TypeError, AttributeError, re.error) as exc:
            raise ConfigurationError(f"{origin}: rule {number}: {exc}") from exc
    return tuple(rules)


def mark_boilerplate(blocks: list[Block], rules: tuple[Rule, ...]) -> list[Block]:
    """Return ``blocks`` with boilerplate marked by the first rule that matches.

    A section rule matching a heading marks its whole section (up to the next heading
    of the same or a higher level); matching another block, it marks the blocks up to
    the next heading.
    """
    # A block's own rule wins over a section it sits in ("Last updated" under "About").
    own = [next((rule for rule in rules if rule.matches(block)), None) for block in blocks]
    marks: list[str | None] = [None if rule is None else rule.name for rule in own]
    for index, (block, rule) in enumerate(zip(blocks, own, strict=True)):
        if rule is None or not rule.section:
            continue
        for later in range(index + 1, len(blocks)):
            following = blocks[later]
            if following.kind is BlockKind.HEADING and (
                block.kind is not BlockKind.HEADING
                or (following.level or 0) <= (block.level or 0)
            ):
                break
            marks[later] = marks[later] or rule.name
    return [block if mark is None else dataclasses.replace(block, boilerplate=mark)
            for block, mark in zip(blocks, marks, strict=True)]
