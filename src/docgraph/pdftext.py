r"""Read a PDF's text layer: each page's text, its lines and where they are on the page.

docgraph reads PDF with pypdfium2, Google's PDFium (the PDF engine of Chromium) under the
Apache 2.0 and BSD-3 licences: it is compiled code, about a hundred times faster than
the pure-Python pdfminer.six under pdfplumber, and gives each character's box. PyMuPDF
is as fast but AGPL, which would bind every program that embeds docgraph.

A PDF's text is each page's text as PDFium reads it (lines end in ``\\r\\n``), the pages
joined by a form feed: the "source text" every offset of the document points into, as a
Markdown file's text is for Markdown. :class:`~docgraph.types.PageLayout` says where each
page starts in it and where each line is on its page, so that a statement's range gives a
page number, a range in that page's text and a rectangle to highlight. A page with no
text layer (a scanned image) is read by OCR where Debian's ``tesseract-ocr`` is
installed (rendered at 300 dpi; each line with its box, so provenance is the same), with
a warning; elsewhere it is a warning naming the file and the page.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import io
import math
import re
import shutil
import statistics
import subprocess
import warnings
from array import array
from collections.abc import Sequence

from docgraph.errors import InputError, InputWarning
from docgraph.types import PageLayout

PAGE_BREAK = "\f"
"""What joins two pages' texts in a PDF's source text."""

_LINE_BREAK = "\r\n"
# A list's number, a clause's ("2.1"), a letter or a bullet: what a tab follows.
_LIST_MARKER = re.compile(r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]?|[^\w\s]{1,2})$")
_GAP = 1.5  # a gap between two characters wider than this many font sizes parts cells
_RULE = 2.5  # points: a path object this thin is a rule (a table's border)
_OCR_DPI = 300
_OCR_TIMEOUT = 300  # seconds tesseract may take over one page
_OCR_CONFIDENCE = 50.0
_MARKS = frozenset("0123456789*\u2020\u2021\u00a7")  # what a footnote marker is made of
_SMALL = 0.8  # a marker's font is smaller than this share of its line's
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, path: str) -> tuple[str, PageLayout, str | None, dt.date | None]:
    """The text layer of a PDF: its text, its layout, its title and its creation date.

    Raises:
        InputError: If PDFium cannot open the file (damaged, or encrypted with a
            password).
    """
    import pypdfium2 as pdfium  # imported here: only a PDF needs it

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(path, f"cannot read this PDF ({exc})") from exc
    try:
        texts: list[str] = []
        images: list[int] = []
        read_by_ocr: list[int] = []
        tesseract = shutil.which("tesseract")
        layout = _Layout()
        start = 0
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            width, height = page.get_size()
            textpage = page.get_textpage()
            text = _page_text(textpage)
            layout.page(start, len(text), width, height)
            if text.strip():
                layout.lines_of(textpage, text, start, layout.rules_of(page))
            else:
                lines = _ocr(tesseract, page, path, number) if tesseract else None
                if lines is None:
                    images.append(number)
                else:
                    text = _LINE_BREAK.join(line for line, _, _ in lines)
                    layout.pages[-1] = start + len(text)
                    layout.ocr_lines(lines, start, height)
                    read_by_ocr.append(number)
            texts.append(text)
            start += len(text) + len(PAGE_BREAK)
            textpage.close()
            page.close()
        metadata = document.get_metadata_dict()
    finally:
        document.close()
    if images and len(images) < len(texts):
        # A PDF with no text on any page says so once, as a document with no text.
        warnings.warn(f"{path}: {_pages(images)} no text layer (scanned images?); "
                      "their text is not read (install tesseract-ocr to read them)",
                      InputWarning, stacklevel=2)
    if read_by_ocr:
        warnings.warn(f"{path}: no text layer on {_page_list(read_by_ocr)}: read by OCR "
                      "(tesseract), which may misread words", InputWarning, stacklevel=2)
    title = " ".join(metadata.get("Title", "").split()) or None
    return PAGE_BREAK.join(texts), layout.freeze(), title, _creation_date(metadata)


def _page_text(textpage: object) -> str:
    """The page's text, one character per character PDFium counts.

    ``get_text_range`` can leave out characters it cannot map; the offsets of the lines
    and boxes count PDFium's characters, so any difference is refused in favour of one
    lookup per character.
    """
    count = textpage.count_chars()  # type: ignore[attr-defined]
    text: str = textpage.get_text_range() if count else ""  # type: ignore[attr-defined]
    if len(text) != count:
        import pypdfium2.raw as raw

        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD)  # type: ignore[attr-defined]
                       for i in range(count))
    # PDFium writes a hyphen it could not map as U+FFFE, a noncharacter ("non\ufffe
    # performing"): one character for one, so offsets still count PDFium's characters.
    return text.replace("\ufffe", "-")


def _ocr(tesseract: str, page: object, path: str, number: int
         ) -> list[tuple[str, tuple[float, ...], float]] | None:
    """A page's lines read by tesseract: text, box in points (bottom-left origin), size.

    The page is rendered at 300 dpi and given to ``tesseract`` as TSV; words it is not
    sure of (confidence under 50, mostly pictures read as letters) are left out. None
    when tesseract fails or reads nothing.
    """
    image = io.BytesIO()
    page.render(scale=_OCR_DPI / 72).to_pil().save(image, "PNG")  # type: ignore[attr-defined]
    try:
        # The program is the one shutil.which found; the arguments are fixed, the image
        # goes to its standard input: no input of the user's reaches a command line.
        done = subprocess.run([tesseract, "stdin", "stdout", "tsv"],  # noqa: S603
                              input=image.getvalue(), capture_output=True,
                              timeout=_OCR_TIMEOUT, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        warnings.warn(f"{path}: page {number}: tesseract failed ({exc}); its text is not read",
                      InputWarning, stacklevel=3)
        return None
    height = page.get_height()  # type: ignore[attr-defined]
    scale = 72 / _OCR_DPI
    lines: dict[tuple[str, ...], list[tuple[str, int, int, int, int]]] = {}
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        if float(fields[10]) < _OCR_CONFIDENCE:
            continue
        left, top, width, tall = (int(v) for v in fields[6:10])
        lines.setdefault(tuple(fields[1:5]), []).append((fields[11].strip(), left, top,
                                                         width, tall))
    found: list[tuple[str, tuple[float, ...], float]] = []
    for words in lines.values():
        x0 = min(w[1] for w in words)
        x1 = max(w[1] + w[3] for w in words)
        y0 = min(w[2] for w in words)
        y1 = max(w[2] + w[4] for w in words)
        size = statistics.median(w[4] for w in words) * scale / 0.72
        found.append((" ".join(w[0] for w in words),
                      (x0 * scale, height - y1 * scale, x1 * scale, height - y0 * scale), size))
    return found or None


def _page_list(numbers: list[int]) -> str:
    """Name pages: "page 3", "pages 2, 5"."""
    return (f"page {numbers[0]}" if len(numbers) == 1 else
            f"pages {', '.join(map(str, numbers))}")


def _pages(numbers: list[int]) -> str:
    """Say which pages have: "page 3 has", "pages 2, 5 have"."""
    if len(numbers) == 1:
        return f"page {numbers[0]} has"
    return f"pages {', '.join(map(str, numbers))} have"


def _creation_date(metadata: dict[str, str]) -> dt.date | None:
    found = _PDF_DATE.match(metadata.get("CreationDate", ""))
    if found is None:
        return None
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _Layout:
    """Pages and lines as they are read, frozen into a :class:`PageLayout` at the end."""

    def __init__(self) -> None:
        self.pages = array("l")
        self.sizes = array("f")
        self.starts = array("l")
        self.ends = array("l")
        self.boxes = array("f")
        self.fonts = array("f")
        self.weights = array("h")
        self.line_pages = array("l")
        self.superscripts = array("l")
        self.rules = array("f")
        self.rule_pages = array("l")

    def page(self, start: int, length: int, width: float, height: float) -> None:
        self.pages.extend((start, start + length))
        self.sizes.extend((width, height))

    def lines_of(self, textpage: object, text: str, offset: int,
                 columns: Sequence[tuple[float, float, float]] = ()) -> None:
        """Each line of the page: its range, box, font size and weight.

        ``columns`` are the page's vertical rules (x, bottom, top): a line that crosses
        one is two cells' text.
        """
        import pypdfium2.raw as raw

        handle = textpage.raw  # type: ignore[attr-defined]
        left, bottom, right, top = (ctypes.c_double() for _ in range(4))
        matrix = raw.FS_MATRIX()
        page = len(self.pages) // 2 - 1
        start = 0
        while start <= len(text):
            end = text.find(_LINE_BREAK, start)
            end = len(text) if end < 0 else end
            xs0, ys0, xs1, ys1, sizes, weights = [], [], [], [], [], []
            indices: list[int] = []
            for index in range(start, end):
                if text[index].isspace():
                    continue
                if not raw.FPDFText_GetCharBox(handle, index, left, right, bottom, top):
                    continue
                indices.append(index)
                xs0.append(left.value)
                xs1.append(right.value)
                ys0.append(bottom.value)
                ys1.append(top.value)
                sizes.append(raw.FPDFText_GetFontSize(handle, index))
                weights.append(raw.FPDFText_GetFontWeight(handle, index))
            if xs0:
                # The size the text shows at: its font size times the text matrix's
                # vertical scale (text set at size 1 and scaled by 11 is 11 points).
                if raw.FPDFText_GetMatrix(handle, indices[0], ctypes.byref(matrix)):
                    scale = math.hypot(matrix.c, matrix.d) or 1.0
                    sizes = [size * scale for size in sizes]
                font = statistics.median(sizes)
                # A wide gap inside a row parts two cells or columns that PDFium read as
                # one line ("Main Topic    Sub-topic    Original Proposal").
                cuts = [i for i in range(1, len(indices))
                        if (xs0[i] - xs1[i - 1] > _GAP * font
                            # A list's number or bullet and its text, a tab apart, are
                            # one line.
                            and not _LIST_MARKER.match(text[indices[0] : indices[i - 1] + 1]))
                        or any(xs1[i - 1] - 1 <= x <= xs0[i] + 1 and low <= ys0[i] <= high
                               for x, low, high in columns)] + [len(indices)]
                low = 0
                for cut in cuts:
                    first = start if low == 0 else indices[low]
                    last = end if cut == len(indices) else indices[cut - 1] + 1
                    self._line(text, offset, page, first, last, indices[low:cut],
                               xs0[low:cut], ys0[low:cut], xs1[low:cut], ys1[low:cut],
                               sizes[low:cut], weights[low:cut])
                    low = cut
            start = end + len(_LINE_BREAK)

    def _line(self, text: str, offset: int, page: int, start: int, end: int,
              indices: list[int], xs0: list[float], ys0: list[float], xs1: list[float],
              ys1: list[float], sizes: list[float], weights: list[float]) -> None:
        box = (min(xs0), min(ys0), max(xs1), max(ys1))
        font = statistics.median(sizes)
        self._superscripts(text, offset, indices, sizes, ys0, font, box, page)
        self.starts.append(offset + start)
        self.ends.append(offset + end)
        self.boxes.extend(box)
        self.fonts.append(font)
        self.weights.append(max(-1, min(1000, int(statistics.median(weights)))))
        self.line_pages.append(page)

    def rules_of(self, page: object) -> list[tuple[float, float, float]]:
        """The page's thin lines: a table's borders. Returns the vertical ones."""
        import pypdfium2.raw as raw

        number = len(self.pages) // 2 - 1
        vertical = []
        for item in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2):  # type: ignore[attr-defined]
            left, bottom, right, top = item.get_bounds()
            if (top - bottom <= _RULE and right - left >= 2 * _RULE) or \
                    (right - left <= _RULE and top - bottom >= 2 * _RULE):
                self.rules.extend((left, bottom, right, top))
                self.rule_pages.append(number)
                if right - left <= _RULE:
                    vertical.append(((left + right) / 2, bottom, top))
        return vertical

    def _superscripts(self, text: str, offset: int, indices: list[int], sizes: list[float],
                      bottoms: list[float], font: float,
                      box: tuple[float, float, float, float], page: int) -> None:
        """Footnote markers set small and raised: within the line, or a line of their own.

        PDFium breaks the line after a raised marker ("entities'" "9" "aggregate ..."), so
        a line of one to three small digits beside the line before it is a marker too.
        """
        if self.line_pages and self.line_pages[-1] == page and len(indices) <= 3 and \
                all(text[i] in _MARKS for i in indices):
            _, low, _, high = self.boxes[-4:]
            if font < _SMALL * self.fonts[-1] and box[1] < high and box[3] > low:
                self.superscripts.extend((offset + indices[0], offset + indices[-1] + 1))
                return
        baseline = statistics.median(bottoms)
        run: list[int] = []
        for index, size, low in [*zip(indices, sizes, bottoms, strict=True), (-1, 0.0, 0.0)]:
            raised = index >= 0 and text[index] in _MARKS and size < _SMALL * font and \
                low > baseline + 0.2 * font
            if raised and (not run or index == run[-1] + 1):
                run.append(index)
                continue
            if 0 < len(run) <= 3:
                self.superscripts.extend((offset + run[0], offset + run[-1] + 1))
            run = [index] if raised else []

    def ocr_lines(self, lines: list[tuple[str, tuple[float, ...], float]], offset: int,
                  height: float) -> None:
        """Lines tesseract read, each its own line of the page's text."""
        page = len(self.pages) // 2 - 1
        start = offset
        for text, box, size in lines:
            self.starts.append(start)
            self.ends.append(start + len(text))
            self.boxes.extend(box)
            self.fonts.append(size)
            self.weights.append(400)
            self.line_pages.append(page)
            start += len(text) + len(_LINE_BREAK)

    def freeze(self) -> PageLayout:
        return PageLayout(pages=self.pages, sizes=self.sizes, line_starts=self.starts,
                          line_ends=self.ends, line_boxes=self.boxes,
                          line_fonts=self.fonts, line_weights=self.weights,
                          line_pages=self.line_pages, superscripts=self.superscripts,
                          rules=self.rules, rule_pages=self.rule_pages)
