"""notebooks/explore.ipynb runs top to bottom, from the repository alone, and is
committed without outputs."""

from __future__ import annotations

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
