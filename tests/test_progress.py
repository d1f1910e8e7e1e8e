"""Progress on stderr: a bar on a terminal, plain lines elsewhere, nothing when quiet."""

from __future__ import annotations

import io

from docgraph.progress import Progress, say


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(progress: Progress, items: list[int]) -> list[int]:
    return list(progress.track(items, lambda n: (n, n == 0)))


def test_plain_lines_count_documents_words_and_failures() -> None:
    stream = io.StringIO()
    assert _run(Progress(3, "auto", stream=stream, every=0.0), [100, 0, 50]) == [100, 0, 50]
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("docgraph: 1 of 3 documents, ")
    assert "words/s, 0 failed" in lines[0]
    assert "left" in lines[0]
    assert lines[-1].startswith("docgraph: 3 of 3 documents, ")
    assert "1 failed" in lines[-1]
    assert "left" not in lines[-1]


def test_a_short_run_prints_no_line() -> None:
    stream = io.StringIO()
    _run(Progress(2, "lines", stream=stream, every=3600.0), [5, 6])
    assert stream.getvalue() == ""


def test_a_terminal_gets_a_bar_and_messages_above_it() -> None:
    stream = _Terminal()
    progress = Progress(2, "auto", stream=stream)
    assert progress.mode == "bar"
    for item in progress.track([10, 20], lambda n: (n, False)):
        say(f"message {item}", stream)
    text = stream.getvalue()
    assert "message 10" in text
    assert "message 20" in text
    assert "2/2" in text
    assert "words/s" in text


def test_quiet_shows_nothing() -> None:
    stream = _Terminal()
    _run(Progress(2, "quiet", stream=stream, every=0.0), [1, 2])
    assert stream.getvalue() == ""
