from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgraph.types import (
    Block,
    BlockKind,
    ByteIndex,
    Document,
    InputFormat,
    Metadata,
    SourceMap,
    Span,
)
from helpers import examples


def test_span_rejects_inverted_range() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(5, 2)


def test_source_map_identity_and_collapsed_segments() -> None:
    # "a b" where "a" is source[10], the space collapsed source[11:14], "b" source[14].
    offsets = SourceMap(clean=(0, 1, 2), source=(10, 11, 14), source_end=(11, 14, 15),
                        length=3)
    assert offsets.char_span(0) == Span(10, 11)
    assert offsets.char_span(1) == Span(11, 14)
    assert offsets.char_span(2) == Span(14, 15)
    assert offsets.span(0, 3) == Span(10, 15)
    assert offsets.span(1, 1) == Span(11, 11)
    assert offsets.span(3, 3) == Span(15, 15)


def test_source_map_one_segment_for_a_verbatim_run() -> None:
    offsets = SourceMap(clean=(0,), source=(100,), source_end=(105,), length=5)
    assert [offsets.char_span(i).start for i in range(5)] == [100, 101, 102, 103, 104]


def test_source_map_bounds_are_checked() -> None:
    offsets = SourceMap(clean=(0,), source=(0,), source_end=(2,), length=2)
    with pytest.raises(IndexError):
        offsets.char_span(2)
    with pytest.raises(IndexError):
        offsets.span(1, 3)


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [("utf-8", 0, 5), ("utf-8", 3, 8), ("utf-16-le", 2, 6), ("cp1252", 0, 2)],
)
def test_byte_offset_counts_bytes_of_the_file(encoding: str, bom: int, expected: int) -> None:
    document = Document(id="x", path="x", format=InputFormat.TEXT, metadata=Metadata(),
                        blocks=(), text="é€x", encoding=encoding, bom=bom)
    assert document.byte_offset(2) == expected
    assert document.byte_span(Span(0, 2)).end == expected


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())), st.data())
@settings(max_examples=examples(200))
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "cp1252", "utf-32-le"])
def test_byte_index_counts_what_encoding_the_prefix_gives(encoding: str, text: str,
                                                            data: st.DataObject) -> None:
    if encoding == "cp1252":
        text = text.encode("cp1252", "ignore").decode("cp1252")
    index = ByteIndex.of(text, encoding, bom=3)
    offset = data.draw(st.integers(0, len(text)))
    expected = 3 + len(text[:offset].encode(encoding, "surrogatepass"))
    assert index.offset(offset) == expected
    assert index.offset(len(text)) == 3 + len(text.encode(encoding, "surrogatepass"))
    with pytest.raises(IndexError):
        index.offset(len(text) + 1)


def test_an_outline_keeps_what_a_graph_needs_and_not_the_text() -> None:
    block = Block(index=0, kind=BlockKind.PARAGRAPH, text="Hé said.", span=Span(3, 11),
                  offsets=SourceMap((0,), (3,), (11,), 8), number=4)
    document = Document(id="x", path="x.txt", format=InputFormat.TEXT,
                        metadata=Metadata(title="T"), blocks=(block,),
                        text="Hi\nHé said.", encoding="utf-8")
    outline = document.outline()
    assert not hasattr(outline, "text")
    assert (outline.id, outline.path, outline.metadata) == ("x", "x.txt", Metadata(title="T"))
    assert [(b.index, b.kind, b.number) for b in outline.blocks] == [(0, block.kind, 4)]
    assert outline.byte_span(Span(3, 11)) == document.byte_span(Span(3, 11)) == Span(3, 12)
    assert outline.outline() is outline
