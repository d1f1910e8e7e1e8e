"""Reading relation rules: typed records, and loud failures for bad data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgraph.errors import ConfigurationError
from docgraph.relations.rules import Trigger, load_rules
from docgraph.resources import ontologies_dir


def test_docgraphs_rules_load_into_typed_records() -> None:
    rules = load_rules()
    signing = rules.triggers_by_lemma["sign"][0]
    assert isinstance(signing, Trigger)
    assert signing.relation == "signed"
    assert "signing" in signing.nouns
    assert "with" in signing.partners
    assert rules.triggers_by_noun["signing"] == (signing,)
    assert rules.role_for("Vice Chair", "Chair").relation == "viceChairOf"  # type: ignore[union-attr]
    assert rules.role_for("Chair", "Chair").relation == "chairOf"  # type: ignore[union-attr]


def _write(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load((ontologies_dir() / "relations.yaml").read_text(encoding="utf-8"))
    data.update(change)
    path = tmp_path / "relations.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_an_unknown_relation_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"verbs": [{"relation": "ownedBy", "lemmas": ["own"],
                                        "confidence": 0.5}]})
    with pytest.raises(ConfigurationError, match="'ownedBy', which is not under"):
        load_rules(path)


def test_an_unknown_key_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"verbs": [{"relation": "signed", "lemmas": ["sign"],
                                        "confidence": 0.5, "object": "Work"}]})
    with pytest.raises(ConfigurationError, match="unknown keys object"):
        load_rules(path)


def test_a_boolean_in_a_word_list_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"verbs": [{"relation": "derivedFrom", "lemmas": ["build"],
                                        "via": [True], "confidence": 0.5}]})
    with pytest.raises(ConfigurationError, match="quote on, off, yes and no"):
        load_rules(path)
