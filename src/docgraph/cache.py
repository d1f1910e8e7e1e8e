"""A cache of extractions, so that a rerun does no NLP for documents that did not change.

An entry is keyed by the document's path and the hash of its bytes, under a fingerprint
of everything that shapes an extraction: docgraph's version and its code and data
files, the lexicon and gazetteers in ``ontologies/``, the statistical model's name and
version, extra gazetteer files and the HTML parser. Changing any of them starts a new
set of entries; the old ones stay until the cache folder is deleted.

Entries are pickles, written atomically (a crash never leaves half an entry). A pickle
can run code when read, so a cache folder must be as trusted as the code itself: keep
it among your own files, never one someone else wrote.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from docgraph._version import __version__
from docgraph.errors import ConfigurationError
from docgraph.resources import BLANK, default_model, ontologies_dir

if TYPE_CHECKING:
    from docgraph.pipeline import Extraction

_PACKAGE = Path(__file__).resolve().parent


class Cache:
    """Extractions stored in ``folder``, keyed by input and pipeline.

    Args:
        folder: Where entries are kept (created if missing).
        fingerprint: What the pipeline is (see :func:`fingerprint`).
    """

    def __init__(self, folder: str | Path, fingerprint: str) -> None:
        self.folder = Path(folder) / fingerprint[:24]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigurationError(f"{folder}: cannot create the cache folder: "
                                     f"{exc.strerror or exc}") from exc

    def _entry(self, path: str, digest: str) -> Path:
        key = hashlib.sha256(f"{path}\0{digest}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key[2:]}.pickle"

    def get(self, path: str, digest: str) -> Extraction | None:
        """The extraction of ``path`` with content ``digest``, if stored."""
        entry = self._entry(path, digest)
        try:
            with entry.open("rb") as stream:
                # Entries are docgraph's own (see the module's note on trust).
                found: Extraction = pickle.load(stream)  # noqa: S301
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
            # Missing, or unreadable (written by another version): extract again.
            return None
        return found

    def has(self, path: str, digest: str) -> bool:
        """Whether an entry is stored for ``path`` with content ``digest``."""
        return self._entry(path, digest).is_file()

    def put(self, path: str, digest: str, extraction: Extraction) -> None:
        """Store an extraction; a folder that cannot be written is not an error."""
        entry = self._entry(path, digest)
        try:
            entry.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".part")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(extraction, stream, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(entry)
        except OSError:
            return


def fingerprint(model: str | None = None, gazetteers: Sequence[str | Path] = (),
                html_parser: str = "lxml") -> str:
    """A hash of everything that shapes an extraction besides the document itself.

    Raises:
        ConfigurationError: If an extra gazetteer file cannot be read.
    """
    digest = hashlib.sha256()
    digest.update(f"docgraph {__version__}\0{html_parser}\0".encode())
    for root in (_PACKAGE, ontologies_dir()):
        for file in sorted(p for p in root.rglob("*") if p.is_file() and
                           p.suffix in (".py", ".toml", ".yaml", ".ttl", ".txt", ".rq",
                                        ".json", ".jsonld")):
            digest.update(str(file.relative_to(root)).encode() + b"\0")
            digest.update(file.read_bytes())
    digest.update(_model_identity(model).encode())
    # What reads PDFs shapes their text too: PDFium's version, and whether pages without
    # a text layer can be read by OCR.
    digest.update(f"\0{_version_of('pypdfium2')}\0tesseract "
                  f"{shutil.which('tesseract') is not None}".encode())
    for path in gazetteers:
        try:
            digest.update(b"\0gazetteer\0" + Path(path).read_bytes())
        except OSError as exc:
            raise ConfigurationError(f"{path}: cannot read gazetteer: "
                                     f"{exc.strerror or exc}") from exc
    return digest.hexdigest()


def _version_of(package: str) -> str:
    try:
        return f"{package} {importlib.metadata.version(package)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{package} missing"


def _model_identity(model: str | None) -> str:
    """The model's name and version, as :func:`docgraph.ner.build_pipeline` picks it."""
    name = model if model is not None else default_model() or BLANK
    try:
        return f"{name} {importlib.metadata.version(name)}"
    except (importlib.metadata.PackageNotFoundError, ValueError):
        meta = Path(name) / "meta.json"  # a model given as a folder
        return f"{name} {meta.read_text('utf-8') if meta.is_file() else ''}"
