"""docgraph's exceptions and warnings.

Every error docgraph raises on purpose is a :class:`DocgraphError`, so a caller can catch
one class around a batch and still tell causes apart::

    DocgraphError
    ├── InputError            a document could not be read, decoded or parsed
    │   ├── BinaryInputError  the bytes are not text (images, archives, executables)
    │   └── DecodeError       the bytes are text in an encoding docgraph cannot decode
    └── ConfigurationError    docgraph was asked for something that does not exist

Warnings: DocgraphWarning -> InputWarning (doubtful input), ModelWarning (no model).

Warnings (a document was read, but something about it is doubtful) are issued through
:mod:`warnings` as :class:`DocgraphWarning` subclasses, so callers can filter or record
them. Every message names the file it is about.
"""

from __future__ import annotations


class DocgraphError(Exception):
    """Base class of every error docgraph raises on purpose."""


class InputError(DocgraphError):
    """A document could not be read, decoded or parsed.

    Attributes:
        path: The file (or ``-`` for standard input) the error is about.
        reason: The cause, without the path.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class BinaryInputError(InputError):
    """The input is binary data, not a text document."""


class DecodeError(InputError):
    """The input's bytes could not be decoded as text."""


class ConfigurationError(DocgraphError):
    """An option or setting names something that does not exist or cannot be used."""


class DocgraphWarning(UserWarning):
    """Base class of docgraph's warnings."""


class InputWarning(DocgraphWarning):
    """A document was read, but part of it was doubtful (encoding, front matter, date)."""


class ModelWarning(DocgraphWarning):
    """The statistical model is missing or limited; say what is lost."""
