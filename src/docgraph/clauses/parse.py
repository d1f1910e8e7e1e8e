"""Reading the dependency parse: subjects, objects, agents, coordination, relatives.

Pure functions over spaCy tokens, shared by every rule family. They also repair what the
small model gets wrong often enough to matter: a verb tagged as a noun ("The UKSDEA
builds on ..."), subjects inherited along coordinated verbs and relative clauses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "obj", "attr", "oprd")
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})


class Lemmas:
    """A token's lemma: the doc's own, else the model's lemmatizer's, worked out when asked.

    docgraph does not run the model's lemmatizer over every token (it was a tenth of
    spaCy's time) but asks it for the few tokens the rules read: verbs and the words
    around them. The answer is the one the lemmatizer would have set, since it reads
    the same token: its text, part of speech and morphology. A lemma the doc already
    has (from the attribute ruler, or a pipeline that runs the lemmatizer) is kept, as
    the lemmatizer itself keeps it.
    """

    def __init__(self, lemmatize: Callable[[Token], list[str]] | None = None) -> None:
        self._lemmatize = lemmatize
        self._known: dict[int, str] = {}

    def __call__(self, token: Token) -> str:
        """The lemma of ``token``."""
        known = self._known.get(token.i)
        if known is None:
            if token.lemma or self._lemmatize is None:
                known = token.lemma_
            else:
                known = self._lemmatize(token)[0]
            self._known[token.i] = known
        return known


def coordinated(token: Token) -> Iterator[Token]:
    """A token, its conjuncts and appositions, and "together with"/"as well as" partners."""
    for item, _ in coordination(token):
        yield item


def coordination(token: Token) -> Iterator[tuple[Token, str]]:
    """:func:`coordinated`, with how each token was reached: "", "conj", "appos", "with"."""
    seen = set()
    todo = [(token, "")]
    while todo:
        item, how = todo.pop(0)
        if item.i in seen:
            continue
        seen.add(item.i)
        yield item, how
        for child in item.children:
            # A bracketed apposition is another name of the same thing: "the 1st ...
            # Meeting (ADGMIN)" names the series, not a second argument.
            bracketed = child.i > 0 and child.doc[child.i - 1].text == "("
            if child.dep_ == "conj":
                # Judged once, at the top of the chain: its lower links carry no "and".
                if item.dep_ == "conj" or _conjoined(item):
                    todo.append((child, how or "conj"))
            elif child.dep_ == "appos" and not bracketed:
                todo.append((child, "appos"))
            elif child.dep_ == "prep" and child.lower_ == "with" and any(
                    c.lower_ == "together" for c in child.children):
                todo.extend((c, "with") for c in child.children if c.dep_ == "pobj")


def _conjoined(token: Token) -> bool:
    """Whether a token's conjuncts come with a conjunction ("A, B and C").

    Without one, two names the parser's "conj" joins are set off by commas alone:
    "chaired by Indonesia, Professor Yeo, Minister for X, called for ...", where Yeo is
    the subject of the next clause.
    """
    chain, members = [token], 1
    while chain:
        item = chain.pop()
        for child in item.children:
            if child.dep_ in ("cc", "preconj"):
                return True
            if child.dep_ == "conj":
                chain.append(child)
                members += 1
    return members > 2  # "Brunei, Cambodia, Lao PDR": a list cut short, still a list


def verb_read_as_noun(token: Token) -> bool:
    """Whether the tagger misread a verb as a noun ("The UKSDEA builds on ...").

    A sentence whose only head is a plural-looking noun after a name, with a
    preposition, is that; the name is its subject.
    """
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.text.endswith("s") and \
        any(c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"
            for c in token.children) and any(c.dep_ == "prep" for c in token.children)


def subjects(verb: Token) -> list[Token]:
    """Subject tokens of a verb, inherited along coordination and relative clauses."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    if own:
        return own
    if verb_read_as_noun(verb):
        return [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"][-1:]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subjects(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX"):
        # "Helmed by X and Y, the meeting reaffirms ...": the main clause's subject.
        return subjects(verb.head)
    if verb.dep_ in ("acl", "relcl") or (verb.dep_ == "advcl" and verb.tag_ == "VBN"):
        return [verb.head]
    if verb.dep_ == "xcomp":
        return subjects(verb.head)
    return []


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive, or a participle used as one ("the meeting, held in")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB":
        return is_passive(verb.head)
    return verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN"


def agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb, and partners "together with" them."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(c for c in child.children if c.dep_ == "pobj")
    if found:
        found.extend(together_with(verb))
    return found


def together_with(token: Token) -> list[Token]:
    """Objects of "together with" under ``token``."""
    return [c for child in token.children if child.dep_ == "prep" and child.lower_ == "with"
            and any(g.lower_ == "together" for g in child.children)
            for c in child.children if c.dep_ == "pobj"]


def objects(verb: Token) -> list[Token]:
    """Direct objects (and attributes) of a verb, or of the verb it is coordinated with."""
    found = [c for c in verb.children if c.dep_ in OBJECTS]
    if not found and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        found = [c for c in verb.head.children if c.dep_ in OBJECTS]
    return found


def prep_objects(verb: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the verb's prepositions in ``preps`` ("held in X", "builds on X")."""
    wanted = set(preps)
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "prt", "dative") and child.lower_ in wanted:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    for child in verb.children:  # "held virtually from Kuala Lumpur"
        if child.dep_ == "advmod":
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in wanted:
                    found.extend(c for c in grand.children if c.dep_ == "pobj")
    return found


def relative_antecedent(token: Token) -> Token:
    """For "which"/"that" in a relative clause, the noun it stands for."""
    if token.lower_ in RELATIVE:
        clause = token.head
        if clause.dep_ == "prep":  # "the Network, of which X and Y are members"
            clause = clause.head
        while clause.dep_ in ("aux", "auxpass") and clause.head.i != clause.i:
            clause = clause.head  # "which was co-chaired by X", the subject on "was"
        while clause.dep_ == "conj" and clause.head.dep_ != "relcl" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "conj":
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token
