from __future__ import annotations

import itertools

from docgraph.markup import TokenKind, decode, markup_at, text_stream, tokenize


def test_tokenize_covers_the_source_without_gaps() -> None:
    source = '<p class="a>b">x &amp; y</p><!-- c --><script>if (a<b) {}</script>tail'
    tokens = list(tokenize(source))
    assert tokens[0].start == 0
    assert tokens[-1].end == len(source)
    assert all(a.end == b.start for a, b in itertools.pairwise(tokens))
    kinds = [(t.kind, t.name) for t in tokens]
    assert (TokenKind.RAW, "script") in kinds
    assert tokens[0].attr("class") == "a>b"


def test_a_lone_less_than_sign_is_text() -> None:
    tokens = list(tokenize("1 < 2 and <3"))
    assert [t.kind for t in tokens] == [TokenKind.TEXT]


def test_decode_maps_each_character_to_its_source() -> None:
    source = "a&amp;b&#x1F600;\r\nc"
    decoded = decode(source, 0, len(source))
    assert decoded.text == "a&b\U0001f600\nc"
    assert (decoded.starts[1], decoded.ends[1]) == (1, 6)
    assert (decoded.starts[3], decoded.ends[3]) == (7, 16)
    assert (decoded.starts[4], decoded.ends[4]) == (16, 18)  # CRLF read as one LF


def test_text_stream_leaves_out_markup_and_scripts() -> None:
    source = "<p>One</p><style>p{}</style><p>Two&nbsp;</p>"
    stream = text_stream(source)
    assert stream.text == "OneTwo\u00a0"
    assert source[stream.starts[3] : stream.ends[5]] == "Two"


def test_markup_at_reads_attributes() -> None:
    token = markup_at('<a href="/x?a=1&amp;b=2" target=_blank>', 0)
    assert token is not None
    assert token.attr("href") == "/x?a=1&b=2"
    assert token.attr("target") == "_blank"
