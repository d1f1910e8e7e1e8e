"""The entity judge: a trained classifier that keeps, retypes or drops chosen entities.

The rules and the statistical model propose names; :mod:`docgraph.ner.repair` chooses
among them. What is left is a long tail no rule weighs well: "Samba" cut from "Samba
deer", "the Member States", a language model typed as an organisation. The judge reads
each chosen mention's evidence (its words and their shapes, its head, the words around
it, the component that proposed it, the model's own label for the same words, where the
sentence is and how often the document repeats the name) and gives a probability to each
coarse class and to ``None`` (no entity). It is a multinomial logistic regression over
those features, trained on mentions people labelled on corpus pages
(``training/judge/``, ``make train``); its weights ship in ``docgraph/data/judge.json``.

A mention is dropped when ``None`` is likely enough, and retyped when another coarse class
is, both only for the sources and classes the weights name (those on which the judge did
better than the rules when cross-validated in training) and never for a head noun that
must find its antecedent ("the Ministry"). Thresholds are
in the weights file, chosen on the training data by cross-validation.
"""

from __future__ import annotations

import functools
import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from docgraph.errors import ConfigurationError
from docgraph.lexicon import common_words, lexicon_setting
from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.model import model_candidates_of
from docgraph.ner.tokens import sentence_starts, words
from docgraph.vocab import coarse_type

JUDGED = "docgraph.judged"
"""Key in ``Doc.user_data``: each judged candidate's features and verdict, by its id."""

NONE = "None"
"""The judge's class for "not an entity"."""

@dataclass(frozen=True, slots=True)
class Verdict:
    """What the judge made of one mention.

    Attributes:
        features: The evidence it read (none for a mention it does not judge).
        scores: The probability of each class (``None`` included).
        action: ``keep``, ``retype`` or ``drop``.
        label: The label the mention leaves with (its own when kept).
    """

    features: tuple[str, ...]
    scores: Mapping[str, float]
    action: str
    label: str


@dataclass(frozen=True, slots=True)
class Weights:
    """A trained judge: classes, feature weights and when to act.

    Attributes:
        classes: The classes, ``None`` among them.
        bias: One weight per class.
        weights: Each feature's weights, one per class.
        sources: The sources and classes ("model+Person") of the mentions the judge may
            drop or retype: those on which it did better than the rules in training.
        drop: The probability of ``None`` at or above which a mention is dropped.
        retype: The probability at or above which another class replaces the mention's.
    """

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    sources: frozenset[str]
    drop: float
    retype: float

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """The probability of each class given ``features`` (a softmax)."""
        rows = [row for row in map(self.weights.get, features) if row is not None]
        totals = [bias + sum(column) for bias, column in
                  zip(self.bias, zip(*rows, strict=True) if rows else
                      ((),) * len(self.bias), strict=True)]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        whole = sum(exps)
        return {name: e / whole for name, e in zip(self.classes, exps, strict=True)}

    def to_json(self) -> dict[str, object]:
        """The weights as JSON data (see :func:`load_weights`)."""
        return {"classes": list(self.classes), "bias": list(self.bias),
                "sources": sorted(self.sources), "drop": self.drop, "retype": self.retype,
                "weights": {name: list(row) for name, row in sorted(self.weights.items())}}


def load_weights(path: str | Path | None = None) -> Weights:
    """Read a judge's weights: ``path``, or docgraph's own (``docgraph/data/judge.json``).

    Raises:
        ConfigurationError: If the file cannot be read or is not a judge's weights.
    """
    try:
        if path is None:
            text = resources.files("docgraph.data").joinpath("judge.json").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
        classes = tuple(str(c) for c in data["classes"])
        return Weights(classes=classes, bias=tuple(float(b) for b in data["bias"]),
                       weights={str(k): tuple(float(w) for w in v)
                                for k, v in data["weights"].items()},
                       sources=frozenset(str(s) for s in data["sources"]),
                       drop=float(data["drop"]), retype=float(data["retype"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigurationError(f"cannot read the entity judge's weights "
                                 f"{path or 'docgraph/data/judge.json'}: {exc}") from exc


@functools.cache
def _default_weights() -> Weights:
    return load_weights()


# Features ---------------------------------------------------------------------------------


def _shape(text: str) -> str:
    """A word's shape with runs collapsed: "Xx", "X", "d", "x", "X.X."..."""
    out: list[str] = []
    for char in text:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() \
            else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


class _Evidence:
    """What the features of every mention of one doc read: computed once per doc."""

    def __init__(self, doc: Doc, chosen: Sequence[Candidate],
                 model: Sequence[Candidate]) -> None:
        self.doc = doc
        self.counts: dict[str, int] = {}
        for candidate in chosen:
            text = doc[candidate.start : candidate.end].text
            self.counts[text] = self.counts.get(text, 0) + 1
        self.exact = {(m.start, m.end): coarse_type(m.label) for m in reversed(model)}
        self.covering: dict[int, str] = {}
        for m in reversed(model):
            for index in range(m.start, m.end):
                self.covering[index] = coarse_type(m.label)
        self._sentences: dict[int, tuple[int, bool, bool]] = {}
        self._starts: list[int] | None = None
        self._lowered: dict[str, bool] = {}
        self._text: str | None = None

    def written_lower(self, text: str) -> bool:
        """Whether the doc also writes ``text`` all in lower case.

        "Digitalisation" and "Distributed Ledger Technology" are words, not names, on a
        page that also writes "digitalisation" and "distributed ledger technology".
        """
        found = self._lowered.get(text)
        if found is None:
            lower = text.lower()
            if self._text is None:
                self._text = self.doc.text  # spaCy joins every token's text at each call
            found = self._lowered[text] = lower != text and lower in self._text
        return found

    def sentence(self, start: int) -> tuple[int, bool, bool]:
        """The start of the sentence holding token ``start``; is it short, title case."""
        doc = self.doc
        if self._starts is None:
            # The sentences' bounds once per doc: Token.sent scans for them at each call.
            self._starts = sentence_starts(doc) or [0]
        position = bisect_right(self._starts, start) - 1
        first = self._starts[position]
        found = self._sentences.get(first)
        if found is None:
            end = self._starts[position + 1] if position + 1 < len(self._starts) else len(doc)
            alpha = [w for w in words(doc)[first:end] if w.isalpha()]
            capitals = sum(1 for w in alpha if w[:1].isupper())
            found = (first, end - first <= 8, capitals * 2 > max(1, len(alpha)))
            self._sentences[first] = found
        return found


def _features(evidence: _Evidence, candidate: Candidate) -> tuple[str, ...]:
    """The evidence the judge reads for one chosen mention."""
    doc = evidence.doc
    span = doc[candidate.start : candidate.end]
    label = coarse_type(candidate.label)
    source = candidate.source
    found = [f"source={source}", f"label={label}", f"source+label={source}+{label}",
             f"length={min(len(span), 6)}"]
    if candidate.typed_by_head:
        found.append("typed_by_head")
    if candidate.honorific:
        found.append("honorific")
    if candidate.key:
        found.append(f"keyed+{source}")
    if candidate.acronym_of:
        found.append("acronym_of")
    if candidate.anaphor:
        found.append("anaphor")
    texts = [t.text for t in span]
    lowered = [t.lower() for t in texts]
    found += [f"word={w}" for w in lowered[:8]]
    found += [f"first={lowered[0]}", f"last={lowered[-1]}",
              f"last+label={lowered[-1]}+{label}"]
    shapes = [_shape(t) for t in texts]
    found.append(f"shape={' '.join(shapes[:4])}")
    found += [f"word_shape={s}" for s in set(shapes)]
    if any(t.islower() and t.isalpha() for t in texts):
        found.append("has_lower_word")
    if len(texts) == 1 and texts[0].isupper():
        found.append("one_capitals_word")
    # How ordinary the words are: names are mostly made of words that English writes
    # capitalised, or of ordinary words with a proper one among them.
    alpha = [w for w in lowered if w.isalpha()]
    common = sum(1 for w in alpha if w in common_words())
    found.append("common=" + ("none" if not common else
                              "all" if common == len(alpha) else "some"))
    found.append(f"common+label={'all' if alpha and common == len(alpha) else 'not'}+{label}")
    if evidence.written_lower(span.text):
        found.append("written_lower")
        found.append(f"written_lower+label={label}")
    found.append(f"tag_last={span[-1].tag_}")
    found.append(f"pos_first={span[0].pos_}")
    found.append(f"dep_root={span.root.dep_}")
    found.append(f"head_lemma={span.root.head.lower_}" if span.root.head.i != span.root.i
                 else "head_lemma=ROOT")
    for offset, name in ((-2, "prev2"), (-1, "prev"), (0, "next"), (1, "next2")):
        index = candidate.start + offset if offset < 0 else candidate.end + offset
        word = doc[index].lower_ if 0 <= index < len(doc) else "<edge>"
        found.append(f"{name}={word}")
        if name in ("prev", "next"):
            found.append(f"{name}_shape=" + (_shape(doc[index].text)
                                             if 0 <= index < len(doc) else "<edge>"))
    start, short, title_case = evidence.sentence(candidate.start)
    if candidate.start == start:
        found.append("starts_sentence")
    if short:
        found.append("short_sentence")
    if title_case:
        found.append("title_case_sentence")
    same = evidence.exact.get((candidate.start, candidate.end))
    overlapping = next((evidence.covering[i] for i in range(candidate.start, candidate.end)
                        if i in evidence.covering), None)
    if same:
        found.append(f"model={same}")
    elif overlapping:
        found.append(f"model~{overlapping}")
    else:
        found.append("model=none")
    repeats = evidence.counts.get(span.text, 0)
    found.append("repeated" if repeats > 1 else "once")
    return tuple(found)


# The component ------------------------------------------------------------------------------


class Judge:
    """Keep, retype or drop each chosen mention by the trained judge's verdict.

    Args:
        nlp: The pipeline.
        weights: A weights file; None for docgraph's own.
        apply: Act on the verdicts; with False, only record them in
            ``doc.user_data[JUDGED]`` (as ``tools/train_judge.py`` does to read features).
    """

    def __init__(self, nlp: Language, weights: str | None, lexicon: str | None,
                 apply: bool = True) -> None:
        self._weights_file = weights
        self.lexicon = lexicon_setting(lexicon)
        self.apply = apply

    @functools.cached_property
    def weights(self) -> Weights:
        """The trained weights, read when first needed (recording needs none)."""
        return load_weights(self._weights_file) if self._weights_file else _default_weights()

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        chosen: list[Candidate] = doc.user_data.get(cands.MENTIONS, [])
        if not chosen:
            return doc
        evidence = _Evidence(doc, chosen, model_candidates_of(doc, self.lexicon))
        verdicts: dict[int, Verdict] = {}
        kept: list[Candidate] = []
        for candidate in chosen:
            verdict = self._judge(evidence, candidate)
            verdicts[id(candidate)] = verdict
            if verdict.action == "keep":
                kept.append(candidate)
            elif verdict.action == "retype":
                kept.append(replace(candidate, label=verdict.label, typed_by_head=False))
        doc.user_data[JUDGED] = verdicts
        if any(v.action != "keep" for v in verdicts.values()):
            doc.user_data[cands.MENTIONS] = kept
            ents = {(e.start, e.end) for e in doc.ents}
            doc.ents = [Span(doc, c.start, c.end, label=c.label) for c in kept
                        if (c.start, c.end) in ents]
        return doc

    def _judge(self, evidence: _Evidence, candidate: Candidate) -> Verdict:
        if not self.apply:  # recording needs no weights
            return Verdict(_features(evidence, candidate), {}, "keep", candidate.label)
        own = coarse_type(candidate.label)
        if f"{candidate.source}+{own}" not in self.weights.sources or candidate.anaphor:
            return Verdict((), {}, "keep", candidate.label)  # nothing to weigh
        found = _features(evidence, candidate)
        scores = self.weights.scores(found)
        best = max(scores, key=lambda name: scores[name])
        action, label = "keep", candidate.label
        if scores[NONE] >= self.weights.drop:
            action = "drop"
        elif best not in (NONE, own) and scores[best] >= self.weights.retype and \
                not candidate.typed_by_head:
            # A head noun ("Working Group", "Memorandum of Understanding") says what the
            # name is more surely than the judge's other evidence; a coarse class is a
            # class of the ontology.
            action, label = "retype", best
        return Verdict(found, scores, action, label)
