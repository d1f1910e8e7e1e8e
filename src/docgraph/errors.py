"""docgraph's exceptions and warnings.

Every error docgraph raises on purpose is a :class:`DocgraphError`, so a caller can catch
one class around a batch and still tell causes apart::

    DocgraphError
    ├── InputError            a document could not be read, decoded or parsed
    │   ├── BinaryInputError  the bytes are not text (images, archives, executables)
    │   ├── DecodeError       the bytes are text in an encoding docgraph cannot decode
    │   └── TooLargeError     the file is over the size limit for one document
    ├── ConfigurationError    docgraph was asked for something that does not exist
    ├── QueryError            a SPARQL query is malformed, an update, or reaches out
    └── UnknownEntityError    a name matches no entity of the graph (also a KeyError)

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

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Failures travel between processes (``--jobs``); rebuild from both arguments.
        return type(self), (self.path, self.reason)


class TooLargeError(InputError):
    """The input is larger than the limit set for one document (``--max-bytes``)."""


class BinaryInputError(InputError):
    """The input is binary data, not a text document."""


class DecodeError(InputError):
    """The input's bytes could not be decoded as text."""


class ConfigurationError(DocgraphError):
    """An option or setting names something that does not exist or cannot be used."""


class QueryError(DocgraphError):
    """A SPARQL query cannot be run.

    It does not parse, is an update, or would reach the network or local files without
    permission.
    """


class UnknownEntityError(DocgraphError, KeyError):
    """A name or IRI matches no entity of the graph, or several equally well."""

    def __str__(self) -> str:
        # KeyError quotes its argument; this message is a sentence.
        return str(self.args[0]) if self.args else ""


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (a library's may run to pages)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class DocgraphWarning(UserWarning):
    """Base class of docgraph's warnings."""


class InputWarning(DocgraphWarning):
    """A document was read, but part of it was doubtful (encoding, front matter, date)."""


class ModelWarning(DocgraphWarning):
    """The statistical model is missing or limited; say what is lost."""
