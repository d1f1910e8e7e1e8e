"""Run or clean a notebook of this folder, with the tools ``make test`` installs.

``.venv/bin/python notebooks/run.py`` executes ``explore.ipynb`` into ``out/``;
``--clear`` strips its outputs in place before a commit; another notebook of this folder
may be named first.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> None:
    """Execute the notebook into ``out/``, or clear its outputs in place."""
    # Jupyter's libraries carry no type hints: used as Any.
    nbformat: Any = importlib.import_module("nbformat")

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", type=Path, default=HERE / "explore.ipynb")
    parser.add_argument("--clear", action="store_true",
                        help="remove outputs and execution counts in place")
    args = parser.parse_args(argv)
    notebook = nbformat.read(args.notebook, as_version=4)
    if args.clear:
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        nbformat.write(notebook, args.notebook)
        print(f"cleared {args.notebook}")
        return
    nbclient: Any = importlib.import_module("nbclient")
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(HERE)}})
    client.execute()
    target = HERE.parent / "out" / args.notebook.name
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    print(f"executed {args.notebook} into {target}")


if __name__ == "__main__":
    main()
