"""Progress over a batch of documents: done of total, words/s, time left, failures.

On a terminal this is a tqdm bar on stderr; elsewhere (a log, CI) a plain line every
``every`` seconds, so a long run says it is alive without flooding the log (a run
shorter than that prints none); ``quiet`` shows nothing. Messages printed while a bar
is shown go through :func:`say`, which keeps them from tearing the bar.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Literal, Never, TextIO, TypeVar

if TYPE_CHECKING:
    from tqdm import tqdm

T = TypeVar("T")
Mode = Literal["auto", "bar", "lines", "quiet"]

ESTIMATE_AFTER = 5
"""Documents done after the first before the time left is estimated, at least."""
ESTIMATE_SHARE = 0.05
"""... and the share of the batch they must make: the first documents pay for loading
the model and starting the workers, and a batch's pages are not all alike."""

_active: tqdm[Never] | None = None  # the bar on screen, if any


def say(message: str, stream: TextIO | None = None) -> None:
    """Print a line on stderr, above the progress bar if one is shown."""
    target = stream or sys.stderr
    if _active is not None:
        _active.write(message, file=target)
    else:
        print(message, file=target)


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, io.UnsupportedOperation):
        return 0


class Progress:
    """Counts documents as they are done and shows it.

    Args:
        total: How many documents there are.
        mode: ``bar``, ``lines``, ``quiet``, or ``auto`` (a bar on a terminal, lines
            otherwise).
        stream: Where to show it (stderr).
        every: Seconds between two plain lines.
    """

    def __init__(self, total: int, mode: Mode = "auto", *, stream: TextIO | None = None,
                 every: float = 10.0, unit: str = "document") -> None:
        self.total = total
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "lines"
        self.mode = mode
        self.every = every
        self.unit = unit
        self.done = 0
        self.failed = 0
        self.words = 0
        self._start = time.monotonic()
        self._first: float | None = None  # when the first document was done
        self._last = self._start
        self._lines = 0  # plain lines printed so far
        self._last_said = -1
        self._bar: tqdm[Never] | None = None
        if mode == "bar":
            self._open_bar()

    def _open_bar(self) -> None:
        global _active  # one bar at a time; say() writes above it
        from tqdm import tqdm

        # A terminal that reports no width (a bare pseudo-terminal) gets 80 columns.
        sized = _columns(self.stream) > 0
        self._bar = tqdm(total=self.total, unit=self.unit[:3], file=self.stream,
                         dynamic_ncols=sized, ncols=None if sized else 80, leave=True,
                         smoothing=0.1)
        _active = self._bar

    def update(self, *, words: int = 0, failed: bool = False) -> None:
        """One more document done (or failed), with its number of words."""
        self.done += 1
        self.failed += failed
        self.words += words
        now = time.monotonic()
        if self._first is None:
            self._first = now
        if self._bar is not None:
            self._bar.set_postfix_str(self._postfix(now), refresh=False)
            self._bar.update(1)
        elif self.mode == "lines" and now - self._last >= self.every:
            self._line(now)

    def _line(self, now: float) -> None:
        self._last = now
        self._lines += 1
        self._last_said = self.done
        print(f"docgraph: {self.done} of {self.total} {self.unit}s, "
              f"{self._postfix(now)}{self._eta(now)}", file=self.stream, flush=True)

    def _postfix(self, now: float) -> str:
        rate = self.words / max(now - self._start, 1e-9)
        return f"{rate:,.0f} words/s, {self.failed} failed"

    def _eta(self, now: float) -> str:
        # Timed from the first document done, so that start-up is not taken for the
        # pace of the work; said only once enough of the work is done to tell the pace.
        sample = self.done - 1
        if self._first is None or self.done >= self.total or \
                sample < max(ESTIMATE_AFTER, ESTIMATE_SHARE * self.total):
            return ""
        left = (now - self._first) / sample * (self.total - self.done)
        minutes, seconds = divmod(int(left), 60)
        return f", about {minutes}m{seconds:02d}s left"

    def close(self) -> None:
        """End the bar, or say the last counts if earlier lines were printed."""
        global _active
        if self.mode == "lines" and self._lines and self._last_said != self.done:
            self._line(time.monotonic())
        if self._bar is not None:
            self._bar.close()
            self._bar = None
            _active = None

    def track(self, items: Iterable[T], words: Callable[[T], tuple[int, bool]]
              ) -> Iterator[T]:
        """Yield ``items``, counting each one as done; the bar closes when they end.

        ``words`` gives an item's number of words and whether it is a failure.
        """
        try:
            for item in items:
                count, failed = words(item)
                self.update(words=count, failed=failed)
                yield item
        finally:
            self.close()
