"""The installed version of docgraph, single-sourced for the build and the CLI."""

__version__ = "0.1.0"
