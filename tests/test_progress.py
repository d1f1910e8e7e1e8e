"""Progress on stderr: a bar on a terminal, plain lines elsewhere, nothing when quiet."""

from __future__ import annotations

import io

import pytest

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
    assert lines[-1].startswith("docgraph: 3 of 3 documents, ")
    assert "1 failed" in lines[-1]
    assert "left" not in lines[-1]


def test_the_time_left_waits_for_enough_work_and_leaves_out_the_start(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 100 documents: the first after 20 s of start-up (the model, the workers), then one
    # a second. The first line must not promise 100 x 20 s, nor any guess from 1 page.
    clock = iter([0.0, 20.0, *(20.0 + n for n in range(1, 99)), 200.0])
    monkeypatch.setattr("docgraph.progress.time.monotonic", lambda: next(clock))
    stream = io.StringIO()
    _run(Progress(100, "lines", stream=stream, every=0.0), [10] * 100)
    lines = stream.getvalue().splitlines()
    assert [("left" in line) for line in lines[:5]] == [False] * 5
    assert lines[5].startswith("docgraph: 6 of 100 documents")
    assert lines[5].endswith("about 1m34s left")  # 94 more pages at one a second
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
