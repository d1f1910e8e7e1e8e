"""How well docgraph merges entities across documents: B-cubed precision and recall.

The truth comes from the dev gold: two gold entities of different documents are one
thing when they share a coarse type and a name (label or alias, folded as the scorer
folds names) that identifies one thing; two gold entities of one document are always two
things. Two kinds of gold name do not identify a thing across pages (``_identifies``): a
post's bare title (the gold's post is a title on its page, so "Chairman" joins the
chairmen of GovTech and of the National Library Board), and a person's single name
("Chan" joins three people). With them (``--strict``) the truth chains different things
into one and counts keeping them apart as a merge missed. Each gold entity that docgraph
found on its page is an item; its predicted cluster is the node of the merged graph its
page's entity went into. B-cubed (Bagga & Baldwin, 1998) then scores, for every item, how
much of its predicted node is the same thing (precision) and how much of the same thing
is in its node (recall). Gold entities docgraph did not find on their page are counted
and left out: they are recognition misses, not merge errors.

    python benchmarks/merge_bcubed.py --gold ../shared/eval/gold \
        --docs ../shared/eval/dev --docs seeds [--show 20]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from docgraph.graph import from_extractions
from docgraph.pipeline import Extraction, extract_paths
from docgraph.types import Entity
from docgraph.vocab import coarse_type

_HONORIFICS = ("datuk seri ", "tan sri ", "datuk ", "dato ", "mr ", "mrs ", "ms ", "mdm ",
               "dr ", "senator ", "prof ", "professor ")


def norm(name: str) -> str:
    """A name folded as the shared scorer folds it."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = re.sub(r"[\u2018\u2019]", "'", text)
    text = re.sub(r"[\u201c\u201d]", '"', text)
    text = re.sub(r"[\u2010-\u2015-]", " ", text)
    text = re.sub(r"'s\b", "", text).replace("'", "").replace(".", " ").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = text.removeprefix("the ")
    for title in _HONORIFICS:
        if text.startswith(title) and len(text) > len(title):
            text = text[len(title):]
            break
    return text.strip()


class _Sets:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, item: object) -> object:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            item = self.parent[item]
        return item

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _gold(folder: Path) -> dict[str, list[dict[str, object]]]:
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[Path(data["doc"]).stem] = list(data.get("entities") or ())
    return out


def _names(entity: dict[str, object]) -> set[str]:
    aliases = entity.get("aliases") or []
    assert isinstance(aliases, list)
    return {norm(str(n)) for n in [entity["label"], *aliases]}


def _entity_names(entity: Entity) -> set[str]:
    return {norm(n) for n in (entity.name, *entity.aliases)}


_REMIT = re.compile(r"\b(?:for|of)\s+(?!state\b)\w")


def _identifies(kind: str, name: str, strict: bool) -> bool:
    """Whether a gold name says which thing it is on any page, so pages sharing it agree.

    A gold post is a title on one page ("Chief Executive" holds the chief executives of
    GovTech and of the CSA there), so a shared title says nothing about the office on two
    pages unless it names its remit ("Minister for Trade and Industry"; "Minister of State"
    is a rank); and a surname or given name alone ("Chan", "Tan") belongs to many people.
    ``strict`` joins by every shared name, as the truth did first.
    """
    if strict:
        return True
    if kind == "Post":
        return _REMIT.search(name) is not None
    return not (kind == "Person" and " " not in name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--docs", type=Path, action="append", required=True)
    parser.add_argument("--show", type=int, default=10, help="worst items to list")
    parser.add_argument("--strict", action="store_true",
                        help="join across pages by every shared name, posts and surnames "
                             "included (the truth before December 2026)")
    args = parser.parse_args(argv)

    gold = _gold(args.gold)
    results = [r for r in extract_paths(args.docs) if isinstance(r, Extraction)]
    results = [r for r in results if Path(r.document.path).stem in gold]
    merged, _ = from_extractions((r.entities, r.relations) for r in results)
    node_of = {m: e.key for e in merged for m in e.mentions}
    names_of = {e.key: e.name for e in merged}

    truth = _Sets()
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    for stem, entities in gold.items():
        for entity in entities:
            item = (stem, str(entity["id"]))
            truth.find(item)
            for name in _names(entity):
                if not _identifies(str(entity["type"]), name, args.strict):
                    continue
                other = by_name.setdefault((str(entity["type"]), name), item)
                if other[0] != stem:
                    truth.union(other, item)

    predicted: dict[tuple[str, str], str] = {}
    missed = 0
    for result in results:
        stem = Path(result.document.path).stem
        for entity in gold[stem]:
            names = _names(entity)
            found = [e for e in result.entities if e.mentions and names & _entity_names(e)
                     and coarse_type(e.label) == entity["type"]] or \
                [e for e in result.entities if e.mentions and names & _entity_names(e)]
            if not found:
                missed += 1
                continue
            best = max(found, key=lambda e: len(e.mentions))
            node = next((node_of[m] for m in best.mentions if m in node_of), None)
            if node is None:
                missed += 1
                continue
            predicted[(stem, str(entity["id"]))] = node

    items = sorted(predicted)
    gold_size = Counter(truth.find(i) for i in items)
    pred_size = Counter(predicted[i] for i in items)
    both = Counter((truth.find(i), predicted[i]) for i in items)

    def scores(chosen: list[tuple[str, str]]) -> tuple[float, float]:
        precision = sum(both[(truth.find(i), predicted[i])] / pred_size[predicted[i]]
                        for i in chosen) / len(chosen)
        recall = sum(both[(truth.find(i), predicted[i])] / gold_size[truth.find(i)]
                     for i in chosen) / len(chosen)
        return precision, recall

    precision, recall = scores(items)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"documents {len(results)}  gold entities found {len(items)}  "
          f"not found on their page {missed}")
    print(f"B-cubed precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    # By the gold type: the truth joins posts across pages by their name alone, so a
    # bare "Chairman" of two bodies counts as one thing there.
    types = {(stem, str(e["id"])): str(e["type"]) for stem, es in gold.items() for e in es}
    for kind in sorted({types[i] for i in items}):
        chosen = [i for i in items if types[i] == kind]
        p, r = scores(chosen)
        print(f"  {kind:14} {len(chosen):5} items  precision {p:.3f}  recall {r:.3f}")
    # The nodes holding more than one thing, and the things split over several nodes.
    mixed = [(node, sorted({truth.find(i) for i in items if predicted[i] == node}, key=str))
             for node in pred_size]
    mixed = [(n, t) for n, t in mixed if len(t) > 1]
    split = [(t, sorted({predicted[i] for i in items if truth.find(i) == t}))
             for t in gold_size]
    split = [(t, n) for t, n in split if len(n) > 1]
    print(f"nodes holding two or more things: {len(mixed)}; things split over two or "
          f"more nodes: {len(split)}")
    for node, things in mixed[: args.show]:
        print(f"  one node {names_of[node]!r}: {[t[1] for t in things]}")  # type: ignore[index]
    for thing, nodes in split[: args.show]:
        print(f"  split {thing}: {[names_of[n] for n in nodes]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
