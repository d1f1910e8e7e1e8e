"""Word documents: paragraphs, headings, numbered lists and tables, with package provenance."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import pytest
from rdflib.namespace import RDF

from docgraph.clean import clean
from docgraph.errors import BinaryInputError, InputError
from docgraph.evaluate import range_mismatches
from docgraph.ingest import read, read_bytes
from docgraph.rdf.build import union
from docgraph.types import BlockKind, InputFormat, Span
from docgraph.vocab import DG, OA
from helpers import extraction_dataset

if TYPE_CHECKING:
    from spacy.language import Language

    from docgraph.pipeline import Extraction

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def para(text: str, style: str | None = None, numbered: tuple[int, int] | None = None) -> str:
    """A ``<w:p>``; ``text`` may hold ``\\n`` for a line break."""
    properties = ""
    if style or numbered:
        properties = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            f'<w:numPr><w:ilvl w:val="{numbered[1]}"/><w:numId w:val="{numbered[0]}"/>'
            "</w:numPr>" if numbered else "") + "</w:pPr>"
    runs = '<w:r><w:br/></w:r>'.join(f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
                                      for line in text.split("\n"))
    return f"<w:p>{properties}{runs}</w:p>"


def table(*rows: tuple[str, ...]) -> str:
    return "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows) + "</w:tbl>"


def docx(*body: str, title: str = "Board appointments") -> bytes:
    """A Word document as Word writes one, with styles, numbering and core properties."""
    styles = (f'<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
              '</w:style><w:style w:type="paragraph" w:styleId="Heading2">'
              '<w:name w:val="heading 2"/></w:style></w:styles>')
    numbering = (f'<w:numbering xmlns:w="{W}">'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 '<w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1">'
                 '<w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                 '<w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/">'
            f"<dc:title>{title}</dc:title>"
            "<dcterms:created>2024-07-29T05:58:00Z</dcterms:created></cp:coreProperties>")
    document = f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>'
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", styles)
        package.writestr("word/numbering.xml", numbering)
        package.writestr("docProps/core.xml", core)
    return data.getvalue()


RELEASE = docx(
    para("Board Appointments at the Singapore Land Authority", "Heading1"),
    para("The Minister for Law has appointed Mr Yeoh Oon Jin as Chairman of the Singapore "
         "Land Authority Board from 1 August 2024."),
    para("The reappointed members are:"),
    para("Mr Colin Low", numbered=(2, 0)),
    para("Mr Jerry Koh", numbered=(2, 0)),
    para("Conditions", "Heading2"),
    para("They must:", numbered=(1, 0)),
    para("attend meetings; and", numbered=(1, 1)),
    para("declare interests.", numbered=(1, 1)),
    para("They serve two years.", numbered=(1, 0)),
    table(("Member", "Term"), ("Mr Lim Soon Chong", "2024 to 2026")),
    para("For enquiries:\nMs Tan, SLA"),
)


def test_word_paragraphs_read_as_a_browser_shows_them() -> None:
    document = clean(read_bytes(RELEASE, "annex.docx"))
    assert document.format is InputFormat.DOCX
    assert document.metadata.title == "Board appointments"
    assert str(document.metadata.date) == "2024-07-29"
    found = [(b.kind, b.number, b.text) for b in document.blocks]
    assert found == [
        (BlockKind.HEADING, None, "Board Appointments at the Singapore Land Authority"),
        (BlockKind.PARAGRAPH, None, ("The Minister for Law has appointed Mr Yeoh Oon Jin as "
                                     "Chairman of the Singapore Land Authority Board from "
                                     "1 August 2024.")),
        (BlockKind.PARAGRAPH, None, "The reappointed members are:"),
        (BlockKind.LIST_ITEM, None, "Mr Colin Low"),
        (BlockKind.LIST_ITEM, None, "Mr Jerry Koh"),
        (BlockKind.HEADING, None, "Conditions"),
        (BlockKind.LIST_ITEM, 1, "They must:"),
        (BlockKind.LIST_ITEM, 1, "attend meetings; and"),
        (BlockKind.LIST_ITEM, 2, "declare interests."),
        (BlockKind.LIST_ITEM, 2, "They serve two years."),
        (BlockKind.TABLE_CELL, None, "Member"),
        (BlockKind.TABLE_CELL, None, "Term"),
        (BlockKind.TABLE_CELL, None, "Mr Lim Soon Chong"),
        (BlockKind.TABLE_CELL, None, "2024 to 2026"),
        (BlockKind.PARAGRAPH, None, "For enquiries:\nMs Tan, SLA"),
    ]
    assert document.blocks[6].section == ("Board Appointments at the Singapore Land Authority",
                                          "Conditions")
    assert [(c.row, c.column) for b in document.blocks if (c := b.cell)] == \
        [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_a_range_gives_the_paragraph_s_xpath_and_its_offsets() -> None:
    document = clean(read_bytes(RELEASE, "annex.docx"))
    package = document.package
    assert package is not None
    start = document.text.index("Mr Yeoh")
    end = document.text.index("Mr Jerry Koh") + len("Mr Jerry")
    regions = package.regions(Span(start, end))
    assert [r.path for r in regions] == ["/w:document/w:body/w:p[2]", "/w:document/w:body/w:p[3]",
                                         "/w:document/w:body/w:p[4]",
                                         "/w:document/w:body/w:p[5]"]
    assert regions[0].start == len("The Minister for Law has appointed ")
    assert (regions[-1].start, regions[-1].end) == (0, len("Mr Jerry"))
    assert {r.part for r in regions} == {"word/document.xml"}
    [cell] = package.regions(document.blocks[12].span)  # "Mr Lim Soon Chong"
    assert cell.path == "/w:document/w:body/w:tbl/w:tr[2]/w:tc[1]/w:p"


def test_every_character_of_a_block_is_the_paragraph_s() -> None:
    document = clean(read_bytes(RELEASE, "annex.docx"))
    for block in document.blocks:
        for index, char in enumerate(block.text):
            span = block.source_span(index, index + 1)
            assert document.text[span.start : span.end] == char


def test_a_zip_that_is_no_word_document_is_refused_by_name() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(BinaryInputError, match="a ZIP archive other than a Word document"):
        read_bytes(data.getvalue(), "sheet.xlsx")


def test_broken_xml_in_a_word_document_is_one_line() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(InputError) as caught:
        read_bytes(data.getvalue(), "broken.docx")
    assert str(caught.value).startswith("broken.docx: word/document.xml is not well-formed")
    assert "\n" not in str(caught.value)


def test_a_docx_in_a_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "annex.docx").write_bytes(RELEASE)
    document = clean(read(tmp_path / "annex.docx"))
    assert document.blocks


@pytest.mark.model
def test_statements_in_a_word_document_point_to_their_paragraph(nlp: Language,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "annex.docx"
    path.write_bytes(RELEASE)
    [result] = extract_outside(path, nlp)
    assert ("chairOf", "Yeoh Oon Jin") in {(r.predicate, r.subject.name)
                                          for r in result.relations}
    assert range_mismatches(result) == []
    graph = union(extraction_dataset(result))
    selectors = set(graph.subjects(RDF.type, OA.XPathSelector))
    assert selectors
    for selector in selectors:
        path_value = str(graph.value(selector, RDF.value))
        assert path_value.startswith("/w:document/w:body/")
        assert str(graph.value(selector, DG.part)) == "word/document.xml"
        text = graph.value(selector, OA.refinedBy)
        assert int(str(graph.value(text, OA.end))) > int(str(graph.value(text, OA.start)))


def extract_outside(path: Path, nlp: Language) -> list[Extraction]:
    """Extract a file outside the repository (``helpers.extract`` wants relative paths)."""
    from docgraph.pipeline import Extraction, extract_paths

    return [r for r in extract_paths([path], nlp=nlp) if isinstance(r, Extraction)]
