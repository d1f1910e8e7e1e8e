"""Allow ``python -m docgraph``."""

from docgraph.cli import main

main()
