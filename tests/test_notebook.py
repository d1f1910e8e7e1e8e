"""notebooks/explore.ipynb runs top to bottom, from the repository alone, and is
committed without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

pytestmark = [pytest.mark.notebook, pytest.mark.model]


def test_the_notebook_is_committed_clean() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) >= 10
    assert all(not cell.outputs and cell.execution_count is None for cell in code)


def test_the_notebook_runs_top_to_bottom() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on failure
    outputs = {output.output_type for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs}
    assert "error" not in outputs
    html = [output for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.outputs if "text/html" in output.get("data", {})]
    assert any("<iframe srcdoc=" in output["data"]["text/html"] for output in html)
    images = [output for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.outputs if "image/png" in output.get("data", {})]
    assert len(images) >= 2


def test_the_readme_commands_clear_a_notebook(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    nbformat = pytest.importorskip("nbformat")
    copy = tmp_path / "copy.ipynb"
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", text="left over")]
    cell.execution_count = 3
    nbformat.write(notebook, copy)
    readme = (ROOT / "notebooks" / "README.md").read_text("utf-8")
    assert ".venv/bin/python notebooks/run.py --clear" in readme
    assert shutil.which("jupyter") is None or "nbconvert" not in readme
    subprocess.run([sys.executable, str(ROOT / "notebooks" / "run.py"), str(copy), "--clear"],
                   check=True, capture_output=True)
    cleared = nbformat.read(copy, as_version=4)
    assert all(not c.outputs and c.execution_count is None
               for c in cleared.cells if c.cell_type == "code")
