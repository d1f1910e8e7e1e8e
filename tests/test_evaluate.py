"""docgraph's own evaluation against gold files (``docgraph evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docgraph.cli import app
from docgraph.errors import InputError
from docgraph.evaluate import Counts, GoldEntity, fold, load_gold, score
from docgraph.graph import Statement
from docgraph.types import Entity, Mention, Relation, Span
from helpers import DATA

GOLD = DATA / "gold"


def test_names_fold_like_the_gold_format_says() -> None:
    assert fold("Mrs. Josephine Teo") == "josephine teo"
    assert fold("the Philippines") == "philippines"
    assert fold("Singapore’s") == "singapore"
    assert fold("WG-AI") == "wg ai"


def test_counts_give_precision_recall_and_f1() -> None:
    assert Counts(3, 1, 2).prf() == pytest.approx((0.75, 0.6, 2 / 3))
    assert Counts().prf() == (0.0, 0.0, 0.0)


def test_gold_files_load(tmp_path: Path) -> None:
    gold = load_gold(GOLD)["summit.html"]
    assert gold.entities["somchai"] == GoldEntity("somchai", "Person", "Somchai Jaidee",
                                                  frozenset({"somchai jaidee"}))
    assert ("somchai", "chairOf", "meeting") in gold.relations
    (tmp_path / "bad.yaml").write_text("entities: []\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml: not a gold file"):
        load_gold(tmp_path)


def _entity(key: str, label: str, name: str, *aliases: str) -> Entity:
    mention = Mention(text=name, label=label, block=0, start=0, end=len(name),
                      sentence=Span(0, len(name)), source="model", name=name)
    return Entity(key=key, label=label, name=name, aliases=aliases, mentions=(mention,),
                  documents=("d",))


def _statement(subject: str, predicate: str, obj: str) -> Statement:
    mention = Mention(text="x", label="Person", block=0, start=0, end=1,
                      sentence=Span(0, 1), source="model", name="x")
    relation = Relation(subject=mention, predicate=predicate, object=mention, document="d",
                        block=0, sentence=Span(0, 1), text="x", source=Span(0, 1),
                        rule="test", confidence=1.0)
    return Statement(subject, predicate, obj, relation)


def test_scoring_counts_matches_duplicates_types_and_optionals() -> None:
    gold = load_gold(GOLD)["summit.html"]
    entities = [
        _entity("m", "Meeting", "2nd Example Ministers' Meeting"),
        _entity("s", "MeetingSeries", "Example Ministers' Meeting"),  # optional
        _entity("t", "Country", "Thailand"),
        _entity("t2", "Organization", "Kingdom of Thailand", "Thailand"),  # duplicate
        _entity("p", "Person", "Somchai Jaidee"),
        _entity("e", "Organization", "Example Digital Framework", "EDF"),  # wrong type
        _entity("x", "Organization", "Nonsense Body"),  # spurious
    ]
    result = score(gold, entities, [_statement("t", "hosted", "m"),
                                    _statement("m", "heldIn", "t"),  # optional relation
                                    _statement("p", "signed", "e")])  # spurious
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (4, 2, 4)
    assert result.wrong_type == ["Example Digital Framework: gold Work, got Organization"]
    assert (result.relations.tp, result.relations.fp, result.relations.fn) == (1, 1, 5)
    assert result.spurious_relations == ["Somchai Jaidee signed Example Digital Framework"]


@pytest.mark.model
def test_evaluate_command() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--gold", str(GOLD), str(GOLD / "summit.html"),
                                 "--json", "--explain"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    [document] = report["documents"]
    assert document["doc"] == "summit.html"
    assert "Example Secretariat" in document["explain"]["missed_entities"]
    assert report["total"]["entities"]["recall"] < 1
    assert report["total"]["relations"]["tp"] >= 4
    text = runner.invoke(app, ["evaluate", "--gold", str(GOLD), str(GOLD / "summit.html")])
    assert text.stdout.splitlines()[-1].endswith("  ALL (micro)")
    # Whole document names, however long: two pages are never shown alike.
    assert any(line.endswith("  summit.html") for line in text.stdout.splitlines())


def test_evaluate_scores_the_documents_that_have_gold(tmp_path: Path) -> None:
    from docgraph.evaluate import evaluate
    from docgraph.pipeline import Extraction, extract_paths

    other = tmp_path / "other.html"
    other.write_text("<p>Nothing annotated here.</p>", "utf-8")
    golds = load_gold(GOLD)
    results = [r for r in extract_paths([GOLD / "summit.html", other], model="blank")
               if isinstance(r, Extraction)]
    report = evaluate(golds, results)
    assert [d.doc for d in report.documents] == ["summit.html"]
    assert report.missing == sorted(set(golds) - {"summit.html"})
