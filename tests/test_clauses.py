"""The clause layer: one frame per predicate, whatever the clause's shape.

Sentences are our own, not the dev set's; each family is read through the same
procedure (docgraph.clauses.build), so a family that passes here passes for every verb.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from docgraph.clauses import ClauseReader, Frame, Role, Status, load_cues
from docgraph.clauses.parse import Lemmas
from docgraph.errors import ConfigurationError

pytestmark = pytest.mark.model

NOUNS = {"signing", "appointment", "launch", "establishment"}


def _reader(nlp: Language) -> ClauseReader:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return ClauseReader(Lemmas(lemmatizer.lemmatize), NOUNS)


def _frames(nlp: Language, text: str) -> dict[str, Frame]:
    doc = nlp(text)
    reader = _reader(nlp)
    return {f.lemma: f for sentence in doc.sents for f in reader.frames(sentence)}


def _roles(nlp: Language, text: str, lemma: str) -> dict[str, set[str]]:
    doc = nlp(text)
    reader = _reader(nlp)
    frame = next(f for s in doc.sents for f in reader.frames(s) if f.lemma == lemma)
    found: dict[str, set[str]] = {}
    for argument in frame.arguments:
        key = argument.role.value if argument.role is not Role.OBLIQUE else argument.marker
        found.setdefault(key, set()).add(doc[argument.head].text)
    return found


@pytest.mark.parametrize(("text", "lemma", "agent", "patient"), [
    # active, passive, and a hyphenated prefix the tokenizer splits off
    ("Norway chaired the 9th Forum.", "chair", "Norway", "Forum"),
    ("The 9th Forum was chaired by Norway.", "chair", "Norway", "Forum"),
    ("The 2nd Joint Committee Meeting was co-chaired by Ms Ana Lima and Mr Ben Ortiz.",
     "co-chair", "Lima", "Meeting"),
    # participles after a noun and before the clause
    ("The Forum, hosted by Peru in May, ended today.", "host", "Peru", "Forum"),
    ("Chaired by Mr Ravi Menon, the Joint Committee agreed on three projects.", "chair",
     "Menon", "Committee"),
    # a relative clause: the pronoun is kept; what it stands for is the relations' business
    ("The Council, which Kenya established in 2019, met today.", "establish", "Kenya",
     "which"),
    # coordinated verbs share the subject, and the first borrows the object
    ("Chile hosted and chaired the 3rd Dialogue.", "host", "Chile", "Dialogue"),
    ("Chile hosted and chaired the 3rd Dialogue.", "chair", "Chile", "Dialogue"),
    # control: the one invited attends; the subject of "agree" signs
    ("Minister Ana Lima was invited to attend the Summit.", "attend", "Lima", "Summit"),
    ("Peru and Chile agreed to sign the Accord.", "sign", "Peru", "Accord"),
])
def test_each_clause_shape_gives_the_doer_and_the_thing(
        nlp: Language, text: str, lemma: str, agent: str, patient: str) -> None:
    roles = _roles(nlp, text, lemma)
    assert agent in roles.get("agent", set()), roles
    assert patient in roles.get("patient", set()), roles


@pytest.mark.parametrize(("text", "lemma", "status"), [
    ("Peru signed the Accord.", "sign", Status.DONE),
    ("Peru will sign the Accord next year.", "sign", Status.PLANNED),
    ("Peru did not sign the Accord.", "sign", Status.NEGATED),
    ("Peru could sign the Accord.", "sign", Status.POSSIBLE),
    ("IBM and NUS intend to establish a joint centre.", "establish", Status.INTENDED),
    ("Both sides look forward to signing the Accord.", "sign", Status.INTENDED),
    ("Peru and Chile agreed to set up a working group.", "set", Status.PLANNED),
    ("The leaders discussed the proposal to establish a centre.", "establish",
     Status.INTENDED),
    ("New Chairman to be appointed to the Library Board", "appoint", Status.PLANNED),
    ("Peru will host and chair the Forum.", "chair", Status.PLANNED),
    ("Ms Ana Lima was unable to attend the Summit.", "attend", Status.NEGATED),
    ("Peru failed to ratify the Accord.", "ratify", Status.NEGATED),
])
def test_status_comes_from_what_governs_the_predicate(
        nlp: Language, text: str, lemma: str, status: Status) -> None:
    assert _frames(nlp, text)[lemma].status is status


def test_only_done_and_planned_are_asserted() -> None:
    assert [s.value for s in Status if s.asserted] == ["done", "planned"]


def test_a_prefix_makes_its_own_predicate_and_hides_the_bare_verb(nlp: Language) -> None:
    frames = _frames(nlp, "The agency co-created the toolkit with its partners.")
    assert "co-create" in frames
    assert "create" not in frames  # "co-create" must not read as "create"


def test_nouns_naming_an_act_get_frames(nlp: Language) -> None:
    roles = _roles(nlp, "The signing of the Accord by Peru and Chile took place today.",
                   "signing")
    assert roles["patient"] == {"Accord"}
    assert roles["agent"] == {"Peru"}  # the conjunct is the relations' to expand
    roles = _roles(nlp, "Mr Ravi Menon's appointment as Chairman of the Board starts now.",
                   "appointment")
    assert roles["possessor"] == {"Menon"}
    assert roles["attribute"] == {"Chairman"}
    roles = _roles(nlp, "Ms Ana Lima announced the launch of the Toolkit.", "launch")
    assert roles["agent"] == {"Lima"}  # the subject of the verb it is the object of
    assert roles["patient"] == {"Toolkit"}


def test_obliques_keep_their_preposition(nlp: Language) -> None:
    roles = _roles(nlp, "The Forum was held in Lima on 3 May.", "hold")
    assert roles["patient"] == {"Forum"}
    assert roles["in"] == {"Lima"}
    roles = _roles(nlp, "The Accord was negotiated by the Ministry together with the Agency.",
                   "negotiate")
    assert roles["agent"] == {"Ministry", "Agency"}


def test_cues_are_checked_when_read(tmp_path: Path) -> None:
    keys = ["planned_modals", "possible_modals", "planned_verbs", "intended_verbs",
            "intended_nouns", "negations", "negating_verbs", "negating_adjectives"]
    good = "prefixes: [co]\nstatus:\n" + "".join(f"  {k}: [x]\n" for k in keys)
    (tmp_path / "good.yaml").write_text(good, "utf-8")
    assert load_cues(tmp_path / "good.yaml").prefixes == {"co"}
    # YAML reads a bare "no" as false: a negation list must say "no" in quotes.
    (tmp_path / "bad.yaml").write_text(good.replace("negations: [x]", "negations: [no]"),
                                       "utf-8")
    with pytest.raises(ConfigurationError, match="quote on, off, yes and no"):
        load_cues(tmp_path / "bad.yaml")
    assert "will" in load_cues().planned_modals
