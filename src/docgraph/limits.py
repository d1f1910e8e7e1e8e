"""Limits on what one run reads, shared by the library and the command line.

Kept apart from :mod:`docgraph.ingest` so that ``docgraph --help`` can show the defaults
without loading the parsing stack.
"""

from __future__ import annotations

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Largest document read by default (64 MiB). Far above any real page, whose text runs
through the pipeline in bounded pieces anyway, and low enough that a runaway file (a
log, a database dump) is skipped at once instead of read for an hour."""
