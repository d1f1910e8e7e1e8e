"""What a SPARQL request asks for, read from its tokens without parsing it.

docgraph must refuse updates, and queries that reach outside the graph it was given
(``SERVICE``, ``FROM``), before an engine runs them, and must know which variables a
query orders its rows by. rdflib's parser answers both, but takes 20-35 ms on a short
query, more than Oxigraph takes to answer it. Those keywords are enough: in SPARQL 1.1
``SERVICE`` only opens a remote pattern, ``FROM`` only a dataset clause, and the update
operations (``INSERT``, ``LOAD``, ...) are keywords no query may hold. So
:func:`scan` splits a request into SPARQL's tokens (strings, IRIs, comments, variables
and prefixed names are single tokens, so ``ex:service``, ``?from`` or ``"LOAD"`` are
not keywords) and reads the keywords. The engine then parses the query for good and
reports what is malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# SPARQL's terminals, longest first where one starts another; anything else is one
# character of punctuation. Code points may be escaped anywhere in a request (\u0053ERVICE
# is SERVICE), so they are decoded first.
_TOKENS = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<blank>_:[\w\-.\u00B7]*)
  | (?P<prefixed>(?:[^\W\d_][\w\-.\u00B7]*)?:(?:[\w\-:.\u00B7]|%[0-9A-Fa-f]{2}|\\.)*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[^\W\d][\w]*)
  | (?P<number>\d[\w.]*)
  | (?P<punctuation>.)
""", re.VERBOSE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE",
                     "COPY", "WITH"})
REMOTE = {"SERVICE": "SERVICE (a remote endpoint)",
          "FROM": "FROM / FROM NAMED (rdflib would fetch the IRI)"}
_ORDER_ENDS = frozenset({"LIMIT", "OFFSET", "VALUES"})


@dataclass(frozen=True, slots=True)
class Scan:
    """What a request holds, by its keywords.

    Attributes:
        form: Its query form (``SELECT``, ``ASK``, ...), or None if it has none.
        updates: The update operations it holds (``LOAD``, ``INSERT DATA``, ...).
        remote: What in it reaches outside the graph (see :data:`REMOTE`).
        order: The variables the outermost query orders its rows by; None if it asks
            for no order, an empty tuple if some key is an expression.
    """

    form: str | None
    updates: tuple[str, ...]
    remote: tuple[str, ...]
    order: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str

    @property
    def keyword(self) -> str | None:
        return self.text.upper() if self.kind == "word" else None


def tokens(request: str) -> list[_Token]:
    """The request's SPARQL tokens, without spaces and comments."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), request)
    return [_Token(match.lastgroup or "", match.group())
            for match in _TOKENS.finditer(decoded)
            if match.lastgroup not in ("space", "comment")]


def scan(request: str) -> Scan:
    """Read what a SPARQL request asks for (see :class:`Scan`)."""
    found = tokens(request)
    words = [token.keyword for token in found]
    form = next((word for word in words if word in QUERY_FORMS), None)
    updates: list[str] = []
    for index, word in enumerate(words):
        if word in UPDATES:
            after = words[index + 1] if index + 1 < len(words) else None
            updates.append(f"{word} {after}" if after in ("DATA", "WHERE") else word)
    remote = sorted({REMOTE[word] for word in words if word in REMOTE})
    return Scan(form, tuple(sorted(set(updates))), tuple(remote), _order(found))


def _order(found: list[_Token]) -> tuple[str, ...] | None:
    """The ORDER BY variables of the outermost query (see :class:`Scan`)."""
    depth = 0
    for index, token in enumerate(found):
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif depth == 0 and token.keyword == "ORDER" and index + 1 < len(found) and \
                found[index + 1].keyword == "BY":
            return _conditions(found[index + 2 :])
    return None


def _conditions(found: list[_Token]) -> tuple[str, ...]:
    """Order conditions up to LIMIT, OFFSET, VALUES or the end: ``?x``, ``DESC(?x)``."""
    keys: list[str] = []
    index = 0
    while index < len(found) and found[index].keyword not in _ORDER_ENDS:
        token = found[index]
        if token.kind == "variable":
            keys.append(token.text[1:])
            index += 1
            continue
        # ASC(?x), DESC(?x) or (?x): a variable in brackets, or else an expression.
        start = index + 1 if token.keyword in ("ASC", "DESC") else index
        window = found[start : start + 3]
        if [t.text for t in window[::2]] == ["(", ")"] and window[1].kind == "variable":
            keys.append(window[1].text[1:])
            index = start + 3
            continue
        return ()
    return tuple(keys)
