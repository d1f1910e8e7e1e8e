from __future__ import annotations

import codecs
import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from docgraph.errors import BinaryInputError, DecodeError, InputError, InputWarning
from docgraph.ingest import detect_format, iter_inputs, iter_paths, read, read_bytes
from docgraph.types import InputFormat
from helpers import ISOMER, SEED

# Paths ---------------------------------------------------------------------------------


def test_folders_are_searched_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/z.md", "a.html", "b/notes.txt", "image.png", ".hidden/x.md", "c.htm"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a.html", "b/notes.txt", "b/z.md", "c.htm"]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    for name in ("a.md", "drafts/b.md", "c.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [Path(p).name for p in iter_paths([tmp_path], include=["*.md"],
                                              exclude=["drafts/*"])]
    assert found == ["a.md"]


def test_named_files_and_stdin_are_yielded_as_given(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    assert list(iter_paths(["-", str(missing)])) == ["-", str(missing)]


def test_each_input_is_recorded_by_its_path_inside_the_folder_named(tmp_path: Path) -> None:
    (tmp_path / "site" / "news").mkdir(parents=True)
    for name in ("site/news/a b.md", "site/c.html", "d.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_inputs([tmp_path / "site", tmp_path / "d.txt", "-"]))
    assert [item.source_path for item in found] == ["c.html", "news/a b.md", "d.txt", "-"]
    assert [item.path for item in found] == [str(tmp_path / "site" / "c.html"),
                                             str(tmp_path / "site" / "news" / "a b.md"),
                                             str(tmp_path / "d.txt"), "-"]
    assert list(iter_inputs(found)) == found  # already expanded: taken as they are
    assert read(found[1]).source_path == "news/a b.md"
    assert read(found[2].path).source_path == "d.txt"


def test_missing_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.html: no such file"):
        read(tmp_path / "missing.html")


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"<p>From a pipe</p>"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    raw = read("-")
    assert raw.path == "-"
    assert raw.format is InputFormat.HTML


# Encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        ("<p>Café</p>".encode(), "utf-8", 0),
        (codecs.BOM_UTF8 + "<p>Café</p>".encode(), "utf-8", 3),
        (codecs.BOM_UTF16_LE + "<p>Café</p>".encode("utf-16-le"), "utf-16-le", 2),
        (codecs.BOM_UTF16_BE + "<p>Café</p>".encode("utf-16-be"), "utf-16-be", 2),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str, bom: int) -> None:
    raw = read_bytes(data, "page.html")
    assert (raw.text, raw.encoding, raw.bom) == ("<p>Café</p>", encoding, bom)


def test_other_bytes_are_read_as_cp1252_with_a_warning_naming_the_line() -> None:
    data = "<h1>News</h1>\n\n<p>“Café” costs €5</p>".encode("cp1252") + b"\x81"
    with pytest.warns(InputWarning) as caught:
        raw = read_bytes(data, "legacy.html")
    assert [str(w.message) for w in caught] == [
        "legacy.html:3: not valid UTF-8 (byte 18); decoded as cp1252"]
    assert raw.text == "<h1>News</h1>\n\n<p>“Café” costs €5</p>\x81"
    assert raw.encoding == "cp1252"


def test_binary_input_is_refused() -> None:
    with pytest.raises(BinaryInputError, match=r"logo\.png: binary data"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.png")


def test_a_broken_utf16_file_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match=r"bad\.txt: not valid utf-16-le"):
        read_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "bad.txt")


# Front matter --------------------------------------------------------------------------


def test_front_matter_becomes_metadata() -> None:
    raw = read(SEED)
    assert raw.metadata.title == ("Singapore Concludes Fruitful Chairmanship of the ASEAN "
                                  "Digital Ministers Meeting")
    assert raw.metadata.date == dt.date(2025, 1, 17)
    assert raw.metadata.permalink == ("/singapore-concludes-fruitful-chairmanship-of-the-"
                                      "asean-digital-ministers-meeting/")
    assert raw.metadata.description is None
    assert raw.metadata.extra["layout"] == "post"
    assert raw.body.startswith("<p><strong>Singapore Concludes")


def test_timestamp_dates_are_read() -> None:
    page = ISOMER / ("isomerpages-govtech__media_media-releases_posts_2017-03-29-govtech-and-"
                     "nus-team-up-to-boost-skills-and-innovation-in-public-sector.md")
    assert read(page).metadata.date == dt.date(2017, 3, 29)


def test_date_falls_back_to_the_file_name() -> None:
    raw = read_bytes(b"---\ntitle: Notice\n---\nHello", "2019-08-07-notice.md")
    assert raw.metadata.date == dt.date(2019, 8, 7)


def test_malformed_front_matter_warns_with_file_and_line_and_keeps_the_body() -> None:
    text = b"---\ntitle: ok\ndate: [unclosed\n---\n<p>Body survives</p>\n"
    with pytest.warns(InputWarning, match=r"broken\.md:\d+: malformed front matter"):
        raw = read_bytes(text, "broken.md")
    assert raw.metadata.title is None
    assert raw.body.strip() == "<p>Body survives</p>"


def test_unclosed_front_matter_is_read_as_body_with_a_warning() -> None:
    with pytest.warns(InputWarning, match=r"open\.md:1: front matter .* never closed"):
        raw = read_bytes(b"---\ntitle: x\nno end\n", "open.md")
    assert raw.body_start == 0


def test_a_bad_date_warns() -> None:
    with pytest.warns(InputWarning, match="not a date"):
        raw = read_bytes(b"---\ndate: soon\n---\nx", "a.md")
    assert raw.metadata.date is None


# Formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>One</p>\n<ol><li><p>Two\nwrapped</p></li></ol>", InputFormat.HTML),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", InputFormat.HTML_PAGE),
        ("# Title\n\n1. First **point**\n", InputFormat.MARKDOWN),
        ("7 Aug 2019 Posted in [Press](/p)\n\n<p>x</p>\n1. a\n2. b\n3. c\n4. d\n5. e",
         InputFormat.MARKDOWN),
        ("Just words.\n\nMore words.", InputFormat.TEXT),
        # Loose text with inline tags only: Markdown with inline HTML, not words.
        (("Ladies and gentlemen<br>\n<br>\n<strong>Introduction</strong><br>\n1.<span>"
          "\t</span>Good afternoon.<br>"), InputFormat.MARKDOWN),
        ("", InputFormat.TEXT),
    ],
)
def test_formats_are_detected_from_content(body: str, expected: InputFormat) -> None:
    assert detect_format(body) is expected


def test_variant_field_is_not_trusted() -> None:
    # These pages say "variant: tiptap" over a Markdown body, or "markdown" over HTML.
    lying = {
        "mddi-corp__media-centre_press-releases_posts_2016-03-07-post-New_Smart_Nation_"
        "Fellowship_Programme.md": InputFormat.MARKDOWN,
        "mlaw-corp__news_press-releases_posts_2023-12-18-post-Board_Appointment_at_the_"
        "Singapore_Land_Authority.md": InputFormat.MARKDOWN,
        "mddi-corp__media-centre_press-releases_posts_2024-02-01-post-Singapore_chairs_"
        "4th_ASEAN_Digital_Ministers_Meeting.md": InputFormat.HTML,
    }
    for name, expected in lying.items():
        assert read(ISOMER / name).format is expected, name
