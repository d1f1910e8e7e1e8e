"""Cleaned text with its offsets: whitespace normalisation and the compact source map.

A block's text is assembled character by character from the document tree, each with
the source range it came from; inserted characters (a space that joins two paragraphs,
a line break for ``<br>``) carry no range until :func:`normalise` gives them the source
between their neighbours. Normalising collapses whitespace and drops invisible
characters, and :meth:`CleanText.source_map` compresses the per-character ranges into a
:class:`~docgraph.types.SourceMap` of a few segments.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from docgraph.markup import offsets
from docgraph.types import Footnote, Link, SourceMap, Span

BREAK = "\u2028"
"""Internal stand-in for a hard line break; becomes ``\\n`` in cleaned text."""

# Characters that take no space on the page: zero-width space, non-joiner, joiner, word
# joiner, BOM used as ZWNBSP, soft hyphen.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WS_RE = re.compile(r"\s+")
# Invisible characters and the control characters that are not whitespace (category Cc
# minus \t\n\v\f\r, \x1c-\x1f and \x85); NUL has already become U+FFFD.
_DROPPED = frozenset(INVISIBLE | {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))
                                  if not chr(c).isspace()})
_DROPPED_CLASS = "".join(sorted(_DROPPED)).replace("\\", "\\\\").replace("]", "\\]") \
    .replace("^", "\\^").replace("-", "\\-")
# Runs of text kept as is (words joined by single plain spaces), of other whitespace
# (possibly with invisible characters), and of invisible characters alone.
_RUN = re.compile(rf"(?P<keep>[^\s{_DROPPED_CLASS}]+(?: [^\s{_DROPPED_CLASS}]+)*)"
                  rf"|(?P<space>[{_DROPPED_CLASS}]*\s[\s{_DROPPED_CLASS}]*)"
                  rf"|(?P<drop>[{_DROPPED_CLASS}]+)")
_VISIBLE_RE = re.compile(rf"[^\s{_DROPPED_CLASS}]")


def visible_count(text: str) -> int:
    """How many characters of ``text`` show on the page (not whitespace, not dropped)."""
    return len(_VISIBLE_RE.findall(text))


@dataclass(slots=True)
class CleanText:
    """Normalised text plus, per character, its source range; links and footnotes."""

    text: str
    starts: array[int]
    ends: array[int]
    links: list[Link] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def drop_prefix(self, count: int) -> None:
        """Remove the first ``count`` characters (and any whitespace after them)."""
        while count < len(self.text) and self.text[count] in " \n":
            count += 1
        self.text = self.text[count:]
        del self.starts[:count], self.ends[:count]
        self.links = [Link(max(0, link.start - count), link.end - count, link.href)
                      for link in self.links if link.end > count]
        self.footnotes = [Footnote(note.marker, max(0, note.offset - count), note.source,
                                   note.href) for note in self.footnotes]

    def source_map(self) -> SourceMap:
        """Compress the per-character ranges into segments."""
        clean: list[int] = []
        source: list[int] = []
        source_end: list[int] = []
        for index, (start, end) in enumerate(zip(self.starts, self.ends, strict=True)):
            if clean:
                seg_len = index - clean[-1]
                seg_src = source_end[-1] - source[-1]
                identity = seg_len == seg_src
                if identity and end - start == 1 and start == source_end[-1]:
                    source_end[-1] = end
                    continue
                shared = (start, end) == (source[-1], source_end[-1])
                # Growing a shared range to exactly its own length would read as one to one.
                if shared and not identity and seg_len + 1 != seg_src:
                    continue
            clean.append(index)
            source.append(start)
            source_end.append(end)
        return SourceMap(tuple(clean), tuple(source), tuple(source_end), len(self.text))

    def span(self) -> Span:
        """The source range from the first to the last character."""
        if not self.text:
            return Span(0, 0)
        return Span(self.starts[0], max(self.ends[-1], self.starts[0]))


def fill_gaps(starts: array[int], ends: array[int]) -> None:
    """Give inserted characters (range ``-1``) the source between their neighbours."""
    count = len(starts)
    previous_end = -1
    index = 0
    while index < count:
        if starts[index] >= 0:
            previous_end = ends[index]
            index += 1
            continue
        run_end = index
        while run_end < count and starts[run_end] < 0:
            run_end += 1
        following = starts[run_end] if run_end < count else previous_end
        before = previous_end if previous_end >= 0 else following
        if following < 0:
            following = before = 0
        low, high = min(before, following), max(before, following)
        for fill in range(index, run_end):
            starts[fill], ends[fill] = low, high
        index = run_end


def normalise(text: str, starts: array[int], ends: array[int],
              links: list[tuple[int, int, str]],
              footnotes: list[tuple[str, int, Span, str | None]]) -> CleanText:
    """Collapse whitespace, drop invisible characters and trim, keeping offsets.

    A run of whitespace becomes one space, or one line break if it holds a
    :data:`BREAK`; no-break and other Unicode spaces count as whitespace.

    Args:
        text: Raw block text (may contain :data:`BREAK`).
        starts: Source start of each character (``-1`` for inserted ones).
        ends: Source end of each character.
        links: ``(start, end, href)`` in raw offsets.
        footnotes: ``(marker, offset, source span, href)`` in raw offsets.

    Returns:
        The cleaned text; links and footnotes moved to cleaned offsets.
    """
    fill_gaps(starts, ends)
    parts: list[str] = []
    out_starts, out_ends = offsets(), offsets()
    # Where each run starts in the raw and in the cleaned text, to move link offsets.
    run_raw: list[int] = []
    run_clean: list[int] = []
    run_kept: list[bool] = []
    length = 0
    for run in _RUN.finditer(text):
        start, end = run.span()
        run_raw.append(start)
        run_clean.append(length)
        kind = run.lastgroup
        run_kept.append(kind == "keep")
        if kind == "keep":
            parts.append(text[start:end])
            out_starts.extend(starts[start:end])
            out_ends.extend(ends[start:end])
            length += end - start
        elif kind == "space":
            chunk = text[start:end]
            parts.append("\n" if "\u2028" in chunk or "\u2029" in chunk else " ")
            out_starts.append(starts[start])
            out_ends.append(max(ends[end - 1], starts[start]))
            length += 1
    out = "".join(parts)
    lead = len(out) - len(out.lstrip(" \n"))
    trail = len(out.rstrip(" \n"))
    cleaned = out[lead:trail]

    def moved(raw: int) -> int:
        run = bisect_right(run_raw, raw) - 1
        if run < 0:
            position = 0
        elif raw >= len(text):
            position = length
        else:
            position = run_clean[run] + (raw - run_raw[run] if run_kept[run] else 0)
        return min(max(position - lead, 0), len(cleaned))

    clean_links = []
    for start, end, href in links:
        first, last = moved(start), moved(end)
        while first < last and cleaned[first] in " \n":
            first += 1
        while last > first and cleaned[last - 1] in " \n":
            last -= 1
        if first < last:
            clean_links.append(Link(first, last, href))
    clean_notes = [Footnote(marker, moved(offset), span, href)
                   for marker, offset, span, href in footnotes]
    return CleanText(cleaned, out_starts[lead:trail], out_ends[lead:trail], clean_links,
                     clean_notes)


def collapse(text: str) -> str:
    """Normalise a short string (an attribute value, a heading) without offsets."""
    text = _INVISIBLE_RE.sub("", text)
    return _WS_RE.sub(" ", text).strip()
