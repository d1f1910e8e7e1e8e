"""The trained entity judge: its weights, its features and what it does in the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from docgraph.errors import ConfigurationError
from docgraph.ner import build_pipeline
from docgraph.ner.candidates import MENTIONS
from docgraph.ner.judge import JUDGED, NONE, Weights, load_weights

CLASSES = ("Person", "Organization", "Country", "Place", "Meeting", "Post", "Work", NONE)


def _weights(path: Path, rows: dict[str, list[float]], sources: list[str]) -> Path:
    path.write_text(json.dumps({"classes": list(CLASSES), "bias": [0.0] * len(CLASSES),
                                "sources": sources, "drop": 0.8, "retype": 0.6,
                                "weights": rows}), encoding="utf-8")
    return path


def test_the_packaged_weights_load_and_name_what_they_act_on() -> None:
    weights = load_weights()
    assert set(weights.classes) == set(CLASSES)
    assert weights.sources
    assert all("+" in s for s in weights.sources)
    assert 0 < weights.drop <= 1
    assert 0 < weights.retype <= 1
    assert all(len(row) == len(weights.classes) for row in weights.weights.values())


def test_scores_are_a_distribution_that_features_move() -> None:
    weights = Weights(classes=("A", "B"), bias=(0.0, 0.0), weights={"f": (2.0, -2.0)},
                      sources=frozenset(), drop=0.9, retype=0.9)
    even = weights.scores(["unknown feature"])
    assert even == pytest.approx({"A": 0.5, "B": 0.5})
    moved = weights.scores(["f"])
    assert sum(moved.values()) == pytest.approx(1.0)
    assert moved["A"] > 0.98


def test_weights_that_cannot_be_read_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "judge.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"judge\.json"):
        load_weights(bad)


def test_weights_round_trip_through_json(tmp_path: Path) -> None:
    weights = load_weights()
    path = tmp_path / "again.json"
    path.write_text(json.dumps(weights.to_json()), encoding="utf-8")
    assert load_weights(path) == weights


@pytest.mark.model
def test_the_judge_drops_retypes_and_keeps_by_its_weights(tmp_path: Path) -> None:
    none, work = [0.0] * 8, [0.0] * 8
    none[CLASSES.index(NONE)] = 10.0
    work[CLASSES.index("Work")] = 10.0
    path = _weights(tmp_path / "w.json", {"word=quibbleware": none, "word=zentrix": work},
                    ["model+Person", "names+Organization", "gazetteer+Country"])
    nlp = build_pipeline(None, judge=False)
    nlp.add_pipe("docgraph_judge_v1", before="docgraph_relations_v1",
                 config={"weights": str(path)})
    text = ("Officials from Quibbleware Holdings and Zentrix met in Singapore with "
            "officials of Quibbleware Holdings and of Zentrix Labs.")
    doc = nlp(text)
    kept = {doc[m.start:m.end].text: m.label for m in doc.user_data[MENTIONS]}
    verdicts = doc.user_data[JUDGED]
    actions = {v.action for v in verdicts.values()}
    assert "Quibbleware Holdings" not in kept  # dropped wherever it stands
    assert kept.get("Zentrix") == "Work"  # retyped: the model called it a person
    # A name its head noun typed keeps that class, whatever else the judge reads.
    assert kept.get("Zentrix Labs") == "EducationalOrganization"
    assert kept.get("Singapore") == "Country"  # kept
    assert actions == {"drop", "retype", "keep"}
    assert {e.text for e in doc.ents} == set(kept)


@pytest.mark.model
def test_recording_changes_nothing(tmp_path: Path, nlp: Language) -> None:
    none = [0.0] * 8
    none[CLASSES.index(NONE)] = 10.0
    path = _weights(tmp_path / "w.json", {"word=quibbleware": none},
                    ["model+Organization", "names+Organization"])
    recording = build_pipeline(None, judge=False)
    recording.add_pipe("docgraph_judge_v1", before="docgraph_relations_v1",
                       config={"weights": str(path), "apply": False})
    text = "Officials from Quibbleware Holdings met in Singapore."
    bare = build_pipeline(None, judge=False)(text)
    doc = recording(text)
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in bare.ents]
    assert all(v.action == "keep" and v.features for v in doc.user_data[JUDGED].values())


def test_no_judge_without_a_statistical_model() -> None:
    assert "docgraph_judge_v1" not in build_pipeline("blank").pipe_names
