"""Train docgraph's entity judge from the labelled mentions in ``training/judge/``.

    python tools/train_judge.py [--pages ../shared/corpus/mddi-posts/pages]
                                [--labels training/judge/labels] [--seed 2312]
                                [--out src/docgraph/data/judge.json] [--report]

Reads every labelled page again with the judge recording only (so its features are
those it will see), joins each labelled mention by page, block and character range,
and fits a multinomial logistic regression (L2-regularised, full-batch gradient descent
from zero weights: the same labels give the same weights) on ``batch-01`` to
``batch-07``. ``batch-00`` is held out: it is never trained on, and ``--report`` prints
the judge's precision and recall on it against the rules' own classes. The thresholds for
dropping and retyping, and the sources the judge acts on, are chosen by 5-fold
cross-validation on the training batches, as those with the most gain: a mention set
right counts one, a right one set wrong minus two (it loses its relations too). Writes
the weights as JSON.

Labels follow ``training/judge/GUIDELINE.md``; the target is the labelled class (the
``clean`` flag is reported, not trained on: a mention cut too short still names its
entity).
"""

from __future__ import annotations

import argparse
import json
import random
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

CLASSES = ("Person", "Organization", "Country", "Place", "Meeting", "Post", "Work", "None")
HELD_OUT = "batch-00.jsonl"
SOURCES = ("model", "names", "acronym", "people", "posts", "meetings",
           "acronym-definition", "gazetteer")
MIN_COUNT = 2  # a feature seen once says more about its one mention than about others


def main(argv: list[str] | None = None) -> int:
    """Train, write the weights, and report on the held-out labels; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path,
                        default=Path("../shared/corpus/mddi-posts/pages"))
    parser.add_argument("--labels", type=Path, default=Path("training/judge/labels"))
    parser.add_argument("--seed", type=int, default=2312)
    parser.add_argument("--out", type=Path, default=Path("src/docgraph/data/judge.json"))
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args(argv)

    rows = _featured(args.pages, args.labels)
    # A head noun pointing back ("the Ministry") is resolved, never judged.
    anaphors = [r for r in rows if "anaphor" in r["features"]]  # type: ignore[operator]
    rows = [r for r in rows if r not in anaphors]
    print(f"{len(anaphors)} head nouns pointing back left out")
    train = [r for r in rows if r["batch"] != HELD_OUT]
    held = [r for r in rows if r["batch"] == HELD_OUT]
    print(f"{len(rows)} labelled mentions found again ({len(train)} to train on, "
          f"{len(held)} held out)")
    scored = _cross_scores(train, args.seed)
    sources = _sources(scored)
    drop, retype = _thresholds(scored, sources)
    vocabulary = _vocabulary(train)
    weights = _fit(train, vocabulary)
    from docgraph.ner.judge import Weights

    model = Weights(classes=CLASSES, bias=tuple(round(float(b), 4) for b in weights[-1]),
                    weights={name: tuple(round(float(w), 4) for w in weights[index])
                             for name, index in vocabulary.items()
                             if np.abs(weights[index]).max() >= 0.005},
                    sources=frozenset(sources), drop=drop, retype=retype)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True)
                        + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(model.weights)} features, sources {sorted(sources)}, "
          f"drop at {drop}, retype at {retype}")
    if args.report:
        _report(held, model)
    return 0


def _featured(pages: Path, labels: Path) -> list[dict[str, object]]:
    """Each labelled mention with the features the judge reads for it."""
    from spacy.tokens import Doc

    from docgraph.clean import clean
    from docgraph.ingest import read
    from docgraph.ner import build_pipeline, recognise
    from docgraph.ner.judge import JUDGED, Judge
    from docgraph.types import Document, Mention

    wanted: dict[tuple[str, int, int, int], dict[str, object]] = {}
    for file in sorted(labels.glob("batch-*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["batch"] = file.name
            wanted[row["page"], row["block"], row["start"], row["end"]] = row
    names = sorted({page for page, _, _, _ in wanted})
    nlp = build_pipeline(None)
    judge = nlp.get_pipe("docgraph_judge_v1")
    assert isinstance(judge, Judge)
    judge.apply = False  # record the features only
    found: list[dict[str, object]] = []
    page_of: dict[str, str] = {}

    def observe(doc: Doc, document: Document, mentions: dict[int, Mention]) -> None:
        verdicts = doc.user_data.get(JUDGED, {})
        page = page_of[document.path]
        for key, mention in mentions.items():
            row = wanted.get((page, mention.block, mention.start, mention.end))
            if row is not None and key in verdicts and "features" not in row:
                row["features"] = verdicts[key].features
                row["system_source"] = mention.source
                row["system_label"] = mention.label
                found.append(row)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        documents = [clean(read(pages / name)) for name in names]
        page_of.update({d.path: name for d, name in zip(documents, names, strict=True)})
        for _ in recognise(documents, nlp, observe=observe):
            pass
    missing = len(wanted) - len(found)
    if missing:
        print(f"{missing} labelled mentions are no longer chosen by the rules (left out)")
    return sorted(found, key=lambda r: (str(r["batch"]), str(r["page"]), int(str(r["block"])),
                                        int(str(r["start"]))))


def _vocabulary(rows: list[dict[str, object]]) -> dict[str, int]:
    counts = Counter(f for r in rows for f in r["features"])  # type: ignore[attr-defined]
    return {name: index for index, name in
            enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}


def _matrix(rows: list[dict[str, object]], vocabulary: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocabulary) + 1))
    for i, row in enumerate(rows):
        for feature in row["features"]:  # type: ignore[attr-defined]
            index = vocabulary.get(feature)
            if index is not None:
                x[i, index] = 1.0
        x[i, -1] = 1.0  # the bias
    return x


def _fit(rows: list[dict[str, object]], vocabulary: dict[str, int],
         l2: float = 0.3, steps: int = 400, rate: float = 0.5) -> np.ndarray:
    """Weights of a softmax regression: one row per feature (the bias last)."""
    x = _matrix(rows, vocabulary)
    y = np.zeros((len(rows), len(CLASSES)))
    for i, row in enumerate(rows):
        y[i, CLASSES.index(str(row["gold"]))] = 1.0
    w = np.zeros((x.shape[1], len(CLASSES)))
    # Adam on the mean log loss; deterministic from zero weights.
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / len(rows)
        grad[:-1] += l2 * w[:-1] / len(rows)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * 0.1 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def _coarse(label: str) -> str:
    from docgraph.vocab import coarse_type

    return coarse_type(label)


def _decide(scores: np.ndarray, row: dict[str, object], sources: set[str] | frozenset[str],
            drop: float, retype: float) -> str:
    """The class a mention leaves with (``None`` when dropped), as the judge decides it.

    The judge acts on a mention only if ``sources`` has its source and class
    ("model+Person"), and never retypes a name its head noun typed.
    """
    own, group = _coarse(str(row["system_label"])), _group(row)
    if group not in sources:
        return own
    if scores[CLASSES.index("None")] >= drop:
        return "None"
    best = CLASSES[int(scores.argmax())]
    if best not in ("None", own) and scores.max() >= retype and \
            "typed_by_head" not in row["features"]:  # type: ignore[operator]
        return best
    return own


def _gain(decided: list[tuple[dict[str, object], str]]) -> int:
    """What the judge's decisions are worth against the rules' own classes.

    A mention set right counts one; one set wrong that the rules had right counts
    minus two, since a dropped or retyped entity also loses its relations.
    """
    total = 0
    for row, decision in decided:
        own = _coarse(str(row["system_label"]))
        if decision == own:
            continue
        if decision == row["gold"]:
            total += 1
        elif own == row["gold"]:
            total -= 2
    return total


def _folds(rows: list[dict[str, object]], seed: int, k: int = 5
           ) -> list[tuple[list[dict[str, object]], list[dict[str, object]]]]:
    """Folds by page, so that a page's mentions are never both trained on and tested."""
    pages = sorted({str(r["page"]) for r in rows})
    random.Random(seed).shuffle(pages)  # noqa: S311 (a fixed shuffle)
    fold_of = {page: i % k for i, page in enumerate(pages)}
    return [([r for r in rows if fold_of[str(r["page"])] != i],
             [r for r in rows if fold_of[str(r["page"])] == i]) for i in range(k)]


def _cross_scores(rows: list[dict[str, object]], seed: int
                  ) -> list[tuple[dict[str, object], np.ndarray]]:
    """Each row with the class probabilities of a judge trained on the other folds."""
    out = []
    for train, test in _folds(rows, seed):
        local = _vocabulary(train)
        w = _fit(train, local)
        z = _matrix(test, local) @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        out += list(zip(test, p, strict=True))
    return out


def _sources(scored: list[tuple[dict[str, object], np.ndarray]]) -> set[str]:
    """The sources and classes ("model+Person") on whose mentions the judge gains.

    Cross-validated: where the judge's decisions on a source's mentions of one class are
    worth more than the rules' (see :func:`_gain`), it acts on them; elsewhere not.
    """
    chosen = set()
    groups = sorted({_group(r) for r, _ in scored})
    for group in groups:
        mine = [(r, p) for r, p in scored if _group(r) == group]
        rules = sum(_coarse(str(r["system_label"])) == r["gold"] for r, _ in mine)
        decided = [(r, _decide(p, r, {group}, 0.8, 0.8)) for r, p in mine]
        gain = _gain(decided)
        judged = sum(d == r["gold"] for r, d in decided)
        print(f"  {group:28} {len(mine):5} mentions: rules right {rules}, "
              f"judge right {judged}, gain {gain} (cross-validated)")
        if gain > 0:
            chosen.add(group)
    return chosen


def _group(row: dict[str, object]) -> str:
    return f"{row['system_source']}+{_coarse(str(row['system_label']))}"


def _thresholds(scored: list[tuple[dict[str, object], np.ndarray]], sources: set[str]
                ) -> tuple[float, float]:
    best = (-1, 1.0, 1.0)
    for drop in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        for retype in (0.5, 0.6, 0.7, 0.8, 0.9):
            right = _gain([(r, _decide(p, r, sources, drop, retype)) for r, p in scored])
            # Ties go to the more cautious thresholds.
            if right > best[0] or (right == best[0] and (drop, retype) > best[1:]):
                best = (right, drop, retype)
    print(f"  thresholds: drop {best[1]}, retype {best[2]}: gain {best[0]} on {len(scored)} "
          f"mentions (cross-validated)")
    return best[1], best[2]


def _report(held: list[dict[str, object]], model: object) -> None:
    """Precision and recall on the held-out labels: the rules alone, and with the judge."""
    from docgraph.ner.judge import Weights

    assert isinstance(model, Weights)
    rules, judged = [], []
    for row in held:
        own = _coarse(str(row["system_label"]))
        scores = model.scores(row["features"])  # type: ignore[arg-type]
        p = np.array([scores[c] for c in CLASSES])
        rules.append(own)
        judged.append(_decide(p, row, model.sources, model.drop, model.retype))
    gold = [str(r["gold"]) for r in held]
    for name, predicted in (("rules", rules), ("rules + judge", judged)):
        kept = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != "None"]
        right = sum(g == p for g, p in kept)
        entities = sum(g != "None" for g in gold)
        precision = right / len(kept) if kept else 0.0
        recall = right / entities if entities else 0.0
        print(f"held out, {name:14}: {len(kept)} kept, {right} right with their class: "
              f"precision {precision:.3f}, recall {recall:.3f} (of {entities} entities)")
        dropped = sum(p == "None" for p in predicted)
        wrong_drops = sum(p == "None" and g != "None" for g, p in zip(gold, predicted,
                                                                        strict=True))
        if name != "rules":
            print(f"  dropped {dropped} ({wrong_drops} of them entities); retyped "
                  f"{sum(p not in ('None', r) for p, r in zip(predicted, rules, strict=True))}")
    none = sum(g == "None" for g in gold)
    caught = sum(g == "None" and p == "None" for g, p in zip(gold, judged, strict=True))
    print(f"  non-entities in the held-out set: {none}; dropped by the judge: {caught}")


if __name__ == "__main__":
    raise SystemExit(main())
