"""The model's attribute ruler, its rules found by table lookups rather than a matcher.

A statistical model's ``attribute_ruler`` maps fine-grained tags to parts of speech and
morphology, with exceptions ("n't" is "not"). It is a spaCy ``Matcher`` over about 180
patterns, nearly all one token long (``{"TAG": "NNS"}``), and the matcher tries each
pattern at each token in Python: on the sample pages it took more time than the tagger,
the lemmatizer or any of docgraph's components.

:class:`FastAttributes` finds the same matches from the doc's attributes as arrays. A
pattern of fixed length whose tokens test attributes for a value or a list of values
(``{"LOWER": {"IN": [...]}}``), or against a regular expression, is found by table
lookups over the arrays; any other (an operator, a comparison) goes to a matcher of its
own. They are the ruler's own matches, in its order. The ruler would then set each
match's attributes token by token, through a span made for it; here the last value
each token gets for each attribute is worked out first, and the parts of speech,
morphology and lemmas are written in one pass over arrays, so the annotation is the
same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any, cast

import numpy
import numpy.typing
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.symbols import LEMMA, MORPH, POS
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a pattern may test here, as Doc.to_array gives them and the matcher
# compares them: a string's hash, or a flag as 0 or 1.
_STRINGS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX",
                      "SUFFIX", "ENT_TYPE"})
_FLAGS = frozenset({"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
                    "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM"})

Match = tuple[int, int, int, int]
"""As ``AttributeRuler.match`` gives them: rule number, matcher key, start, end."""

# Attributes written as arrays; any other a rule sets (a tag, a dependency label, an
# extension) is set token by token, as the ruler does.
_ARRAYS = (POS, MORPH, LEMMA)


@dataclass(frozen=True, slots=True)
class _Test:
    """One attribute of one pattern token: one of ``values``, or matching ``regex``.

    With ``negated``, none of ``values``.
    """

    name: str
    values: tuple[int, ...] = ()
    negated: bool = False
    regex: re.Pattern[str] | None = None

    @property
    def lookup(self) -> bool:
        """Whether the test is one of some values, which a table can look up."""
        return self.regex is None and not self.negated


_Spec = tuple[_Test, ...]  # the tests of one pattern token


class FastAttributes:
    """Applies an ``AttributeRuler``'s rules, its matches found by lookup.

    The rules are read when it is made: rules added to the ruler later need a new one.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.matcher = Matcher(ruler.vocab)
        # One-token patterns without a regex, by the attributes they test: each
        # combination of values wanted and the rules (number, matcher key) wanting it.
        single: dict[tuple[str, ...], dict[tuple[int, ...], list[tuple[int, int]]]] = {}
        self.fixed: list[tuple[int, int, tuple[_Spec, ...]]] = []
        for number, rule in enumerate(ruler.patterns):
            key = strings.add(str(number))  # as AttributeRuler.add names its rules
            patterns = cast("list[list[dict[str, Any]]]", rule["patterns"])
            specs = [_specs(pattern, strings) for pattern in patterns]
            if any(spec is None for spec in specs):
                self.matcher.add(key, patterns)
                continue
            for pattern in cast("list[tuple[_Spec, ...]]", specs):
                if len(pattern) == 1 and all(t.lookup for t in pattern[0]):
                    names = tuple(t.name for t in pattern[0])
                    table = single.setdefault(names, {})
                    for values in product(*(t.values for t in pattern[0])):
                        if (number, key) not in table.setdefault(values, []):
                            table[values].append((number, key))
                else:
                    self.fixed.append((number, key, pattern))
        tested = {t.name for pattern in self.fixed for spec in pattern[2] for t in spec}
        self.columns: list[int | str] = sorted(tested | {n for ns in single for n in ns})
        where = {name: index for index, name in enumerate(self.columns)}
        self.single = [([where[n] for n in names],
                        [numpy.array(sorted({v[i] for v in table}), dtype=numpy.uint64)
                         for i in range(len(names))], table)
                       for names, table in single.items()]
        self.where = where

    def __call__(self, doc: Doc) -> Doc:
        """Set the ruler's attributes on ``doc``."""
        self.set_annotations(doc, self.matches(doc))
        return doc

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        """What ``AttributeRuler.set_annotations`` sets: each match's attributes, in order.

        A later match overrides an earlier one's value of the same attribute of the same
        token, so only each token's last value of each attribute is written.
        """
        if not matches:
            return
        attrs: list[dict[int | str, Any]] = self.ruler.attrs
        indices: list[int] = self.ruler.indices
        last: dict[tuple[int, int | str], Any] = {}
        for number, _key, start, end in matches:
            index = indices[number]
            if not -(end - start) <= index < end - start:
                set_one: Any = self.ruler.set_annotations  # untyped in spaCy
                set_one(doc, [(number, _key, start, end)])  # raises the ruler's own error
            token = start + index if index >= 0 else end + index
            for name, value in attrs[number].items():
                last[token, name] = value
        columns = {name: column for column, name in enumerate(_ARRAYS)}
        table = doc.to_array(list(_ARRAYS))
        others: dict[int, dict[int | str, Any]] = {}
        for (token, name), value in last.items():
            column = columns.get(name) if isinstance(name, int) else None
            if column is None:
                others.setdefault(token, {})[name] = value
            else:
                table[token, column] = value
        doc.from_array(list(_ARRAYS), cast("Any", table))
        for token, values in others.items():
            set_token_attrs(doc[token], values)

    def matches(self, doc: Doc) -> list[Match]:
        """What ``AttributeRuler.match`` returns for ``doc``: its matches, sorted."""
        found: set[Match] = set()
        if self.columns and len(doc):
            table = doc.to_array(self.columns).reshape(len(doc), -1).astype(numpy.uint64)
            for picks, values, wanted in self.single:
                # Only the tokens whose every tested attribute has a wanted value are
                # looked up one by one, to tell which rule wants them.
                rows = numpy.flatnonzero(numpy.logical_and.reduce(
                    [numpy.isin(table[:, p], v) for p, v in zip(picks, values, strict=True)]))
                keys = cast("list[list[int]]", table[rows][:, picks].tolist())
                for start, row in zip(rows.tolist(), keys, strict=True):
                    for number, key in wanted.get(tuple(row), ()):
                        found.add((number, key, start, start + 1))
            for number, key, pattern in self.fixed:
                for start in self._starts(doc, table, pattern):
                    found.add((number, key, start, start + len(pattern)))
        if len(self.matcher):  # an empty matcher warns
            strings = self.ruler.vocab.strings
            for key, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                found.add((int(strings[key]), key, start, end))
        return sorted(found)

    def _starts(self, doc: Doc, table: numpy.typing.NDArray[numpy.uint64],
                pattern: Sequence[_Spec]) -> list[int]:
        """Where a fixed-length pattern matches: value tests on arrays, then regexes."""
        count = len(doc) - len(pattern) + 1
        if count <= 0:
            return []
        ok = numpy.ones(count, dtype=bool)
        for offset, spec in enumerate(pattern):
            for test in spec:
                if test.regex is None:
                    column = table[offset : offset + count, self.where[test.name]]
                    ok &= numpy.isin(column, numpy.array(test.values, dtype=numpy.uint64),
                                     invert=test.negated)
        starts: list[int] = numpy.flatnonzero(ok).tolist()
        strings = doc.vocab.strings
        for offset, spec in enumerate(pattern):
            for test in spec:
                if test.regex is not None:
                    regex, index = test.regex, self.where[test.name]
                    starts = [s for s in starts
                              if regex.search(strings[int(table[s + offset, index])])]
        return starts


def _specs(pattern: list[dict[str, Any]], strings: StringStore) -> tuple[_Spec, ...] | None:
    """A pattern's tests, token by token; None if some token needs the matcher."""
    specs: list[_Spec] = []
    for token in pattern:
        tests: list[_Test] = []
        for name, value in sorted(token.items()):
            test = _test(name.upper(), value, strings)
            if test is None:
                return None
            tests.append(test)
        if not tests:  # {} matches any token, which the matcher does in its own way
            return None
        specs.append(tuple(tests))
    return tuple(specs) if specs else None


def _test(name: str, value: object, strings: StringStore) -> _Test | None:
    if isinstance(value, Mapping):
        if len(value) != 1:
            return None
        (operator, argument), = value.items()
        if operator == "REGEX" and isinstance(argument, str) and name in _STRINGS:
            return _Test(name, regex=re.compile(argument))
        if operator not in ("IN", "NOT_IN") or not isinstance(argument, list) or \
                not argument:
            return None
        wanted = argument
    else:
        operator, wanted = "IN", [value]
    negated = operator == "NOT_IN"
    if name in _STRINGS and all(isinstance(v, str) for v in wanted):
        return _Test(name, tuple(strings.add(v) for v in wanted), negated)
    if name in _FLAGS and all(isinstance(v, bool) for v in wanted):
        return _Test(name, tuple(int(v) for v in wanted), negated)
    return None


@Language.factory("docgraph_attributes_v1", default_config={"ruler": "attribute_ruler"})
def make_attributes(nlp: Language, name: str, ruler: str) -> FastAttributes:
    """The pipeline's attribute ruler ``ruler``, its matches found by lookup."""
    component = nlp.get_pipe(ruler)
    if not isinstance(component, AttributeRuler):
        raise TypeError(f"{ruler!r} is not an attribute ruler")
    return FastAttributes(component)
