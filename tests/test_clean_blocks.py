"""The block builder's rules, on small hand-written pages."""

from __future__ import annotations

import pytest

from docgraph.types import BlockKind
from helpers import clean_text


def texts(page: str, name: str = "t.html") -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in clean_text(page, name).blocks]


# Text normalisation --------------------------------------------------------------------


def test_hard_wrapped_lines_are_joined_and_spaces_normalised() -> None:
    page = "<p>Minister\n   Teo\u00a0said:&nbsp;&nbsp;ok\u200b\u00ad.\tDone</p>"
    assert texts(page) == [("paragraph", "Minister Teo said: ok. Done")]


def test_entities_are_decoded_and_curly_quotes_kept() -> None:
    page = "<p>&ldquo;AT&amp;T&rdquo; &#8211; Singapore’s &lt;b&gt;</p>"
    assert texts(page) == [("paragraph", "“AT&T” – Singapore’s <b>")]


def test_line_breaks_survive_as_newlines() -> None:
    assert texts("<p>MINISTRY OF LAW<br>18 DECEMBER 2023</p>")[0][1] == \
        "MINISTRY OF LAW\n18 DECEMBER 2023"


def test_empty_spacers_rules_and_empty_images_vanish() -> None:
    page = ('<p></p><hr><div class="isomer-image-wrapper"><img alt="" src="g.png"></div>'
            "<p> &nbsp; </p><p>Text</p>")
    assert texts(page) == [("paragraph", "Text")]


# Headings and sections ------------------------------------------------------------------


def test_headings_from_tags_and_from_bold_or_underlined_paragraphs() -> None:
    page = ("<h2>Overview</h2><p>a</p><p><strong>Cybersecurity</strong></p>"
            "<p><u>Regional CERT</u></p><p>b</p><h3>Next</h3><p>c</p>")
    blocks = clean_text(page).blocks
    assert [(b.kind.value, b.text, b.section) for b in blocks] == [
        ("heading", "Overview", ()),
        ("paragraph", "a", ("Overview",)),
        ("heading", "Cybersecurity", ("Overview",)),
        ("heading", "Regional CERT", ("Overview", "Cybersecurity")),
        ("paragraph", "b", ("Overview", "Cybersecurity", "Regional CERT")),
        ("heading", "Next", ("Overview",)),
        ("paragraph", "c", ("Overview", "Next")),
    ]


@pytest.mark.parametrize("page", [
    "<p><strong>Singapore, 30 March 2023</strong> – Mr Goh will be appointed.</p>",
    "<p><strong>This whole sentence is bold for emphasis.</strong></p>",
    "<ul><li><strong>Bold item</strong></li></ul>",
])
def test_partly_bold_or_sentence_like_paragraphs_are_not_headings(page: str) -> None:
    assert all(kind != "heading" for kind, _ in texts(page))


def test_accordion_summary_heads_its_content_only() -> None:
    page = ("<h2>Partners</h2><details><summary>Awareness</summary><div><ul><li><p>SBF "
            "pledged.</p></li></ul></div></details><p>After</p>")
    blocks = clean_text(page).blocks
    assert [(b.kind.value, b.text, b.section) for b in blocks] == [
        ("heading", "Partners", ()),
        ("heading", "Awareness", ("Partners",)),
        ("list_item", "SBF pledged.", ("Partners", "Awareness")),
        ("paragraph", "After", ("Partners",)),
    ]


# Numbering ------------------------------------------------------------------------------


def test_ordered_lists_number_their_items_from_start() -> None:
    page = ('<ol><li><p>One</p></li><li><p>Two</p></li></ol><p><strong>H</strong></p>'
            '<ol start="3"><li><p>Three</p></li></ol><ul><li>Bullet</li></ul>')
    assert [(b.number, b.text) for b in clean_text(page).blocks if b.kind is not
            BlockKind.HEADING] == [(1, "One"), (2, "Two"), (3, "Three"), (None, "Bullet")]


@pytest.mark.parametrize("page", [
    "<p>1. One</p><p>2 Two</p><p>3.&nbsp;&nbsp;&nbsp;Three</p><p>4\tFour</p>",
    "One\n\n2 Two\n\n3. Three\n\n4 Four",
])
def test_leading_numbers_become_paragraph_numbers(page: str) -> None:
    blocks = clean_text(page, "t.txt" if "<" not in page else "t.html").blocks
    numbers = [b.number for b in blocks]
    assert numbers in ([1, 2, 3, 4], [None, 2, 3, 4])
    assert [b.text for b in blocks] == ["One", "Two", "Three", "Four"]


@pytest.mark.parametrize("page", [
    "<p>46 States signed the treaty.</p>",
    "<p>2019 was a good year.</p>",
    "<p>1 in 3 people agree.</p>",
    "<p>1. First</p><p>9 Ministers met.</p>",
])
def test_numbers_that_are_not_paragraph_numbers_stay_in_the_text(page: str) -> None:
    last = clean_text(page).blocks[-1]
    assert last.number is None
    assert last.text[0].isdigit()


# Footnotes, ordinals, links -------------------------------------------------------------


@pytest.mark.parametrize(("markup", "marker", "href"), [
    ("<sup>1</sup>", "1", None),
    ("<sup>[2]</sup>", "2", None),
    ('<sup><a href="#fn1" id="ref1">1</a></sup>', "1", "#fn1"),
])
def test_footnote_markers_leave_the_prose_and_are_recorded(
        markup: str, marker: str, href: str | None) -> None:
    block = clean_text(f"<p>Bribes were rejected{markup}. Next sentence.</p>").blocks[0]
    assert block.text == "Bribes were rejected. Next sentence."
    note = block.footnotes[0]
    assert (note.marker, note.offset, note.href) == (marker, len("Bribes were rejected"), href)
    assert note.source.end > note.source.start


def test_footnote_texts_are_footnote_blocks() -> None:
    page = ("<p>Text<sup>[1]</sup>.</p><p><sup>[1]</sup> Source: ASEAN Key Figures</p>"
            "<p>[2] Public sector employees.</p>")
    blocks = clean_text(page).blocks
    assert [(b.kind.value, b.text) for b in blocks[1:]] == [
        ("footnote", "Source: ASEAN Key Figures"), ("footnote", "Public sector employees.")]
    assert [b.footnotes[0].marker for b in blocks[1:]] == ["1", "2"]


def test_superscript_ordinals_join_their_number() -> None:
    assert texts("<p>the 11<sup>th</sup> meeting and 10<sup>2</sup> units</p>") == [
        ("paragraph", "the 11th meeting and 102 units")]


def test_link_text_stays_and_href_is_recorded() -> None:
    block = clean_text('<p>Visit <a href="https://www.imda.gov.sg">IMDA\'s site</a> now.'
                       "</p>").blocks[0]
    assert block.text == "Visit IMDA's site now."
    link = block.links[0]
    assert block.text[link.start : link.end] == "IMDA's site"
    assert link.href == "https://www.imda.gov.sg"


# Tables, images, captions ---------------------------------------------------------------


def test_table_cells_know_row_column_and_header() -> None:
    page = ("<table><tr><th>Singapore</th><th>Cambodia</th></tr>"
            '<tr><td rowspan="2">VerifySG</td><td><p>VerifyKH</p><p>(pilot)</p></td></tr>'
            "<tr><td>Form.gov.kh</td></tr></table>")
    cells = [(b.text, b.cell.row, b.cell.column, b.cell.header, b.cell.is_header)
             for b in clean_text(page).blocks if b.cell is not None]
    assert cells == [
        ("Singapore", 0, 0, None, True),
        ("Cambodia", 0, 1, None, True),
        ("VerifySG", 1, 0, "Singapore", False),
        ("VerifyKH (pilot)", 1, 1, "Cambodia", False),
        ("Form.gov.kh", 2, 1, "Cambodia", False),
    ]


def test_image_alt_text_and_captions() -> None:
    page = ('<p>Intro.</p><figure><img alt="Mr Goh Wei Boon" src="g.jpg">'
            "<figcaption>Incoming CE</figcaption></figure>")
    assert texts(page) == [("paragraph", "Intro."), ("image_alt", "Mr Goh Wei Boon"),
                           ("caption", "Incoming CE")]


# Whole pages and boilerplate -----------------------------------------------------------


def test_page_chrome_scripts_forms_and_hidden_elements_are_dropped() -> None:
    page = ("<!DOCTYPE html><html><head><title>T</title><script>var x;</script></head>"
            "<body><nav>Home | About</nav><header>Site</header><main><h1>News</h1>"
            "<p>Real text.</p><p hidden>Secret</p><p style='display:none'>Gone</p>"
            "<form><input value='q'><button>Go</button></form></main><aside>More</aside>"
            "<footer>Copyright</footer><noscript>Enable JS</noscript></body></html>")
    document = clean_text(page)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "News"), ("paragraph", "Real text.")]
    assert document.metadata.title == "T"


def test_boilerplate_is_marked_not_deleted() -> None:
    page = ("<p>7 Aug 2019 Posted in Press releases</p><p>News.</p>"
            "<h3>For media enquiries, please contact:</h3><p>Adrian Chan</p>"
            "<h3>About GovTech</h3><p>GovTech is a statutory board.</p>"
            "<p>Last updated on 14 Aug 2019</p>")
    marks = [(b.text, b.boilerplate) for b in clean_text(page).blocks]
    assert marks == [
        ("7 Aug 2019 Posted in Press releases", "posted-in"),
        ("News.", None),
        ("For media enquiries, please contact:", "media-contact"),
        ("Adrian Chan", "media-contact"),
        ("About GovTech", "about"),
        ("GovTech is a statutory board.", "about"),
        ("Last updated on 14 Aug 2019", "last-updated"),
    ]
    assert [b.text for b in clean_text(page).content()] == ["News."]


def test_two_line_breaks_start_a_new_paragraph_and_one_does_not() -> None:
    from helpers import clean_text

    document = clean_text(
        "<p>1. First point.<br>\n<br>\n2.<span>\t\t</span>Second point.&nbsp;<br><br>"
        "a. A sub-point.<br>still the sub-point.</p><ul><li>One<br><br>item</li></ul>")
    texts = [b.text for b in document.blocks]
    # A list item keeps its line breaks: it is one item however it is laid out.
    assert texts == ["First point.", "Second point.", "a. A sub-point.\nstill the sub-point.",
                     "One\nitem"]
    assert [b.number for b in document.blocks] == [1, 2, None, None]
    for block in document.blocks:
        span = block.offsets.span(0, len(block.text))
        assert document.text[span.start : span.end].startswith(block.text[:1])
