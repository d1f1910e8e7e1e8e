"""The command line, through typer's CliRunner and a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from docgraph import __version__
from docgraph.cli import app
from helpers import ISOMER, SEED

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"docgraph {__version__}"


def test_help_lists_commands_and_imports_no_heavy_library() -> None:
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from docgraph.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0 and 'clean' in result.stdout, result.stdout\n"
        "heavy = {'spacy', 'bs4', 'lxml', 'rdflib', 'networkx', 'yaml'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert output.stdout.strip() == "[]"


def test_clean_prints_numbered_blocks_with_source_spans() -> None:
    result = runner.invoke(app, ["clean", str(SEED)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"== {SEED} (html, 2025-01-17, 17 blocks)")
    item = next(line for line in lines if "Singapore, as the Chair" in line)
    assert item.split()[1:4] == ["list_item", "1", "502-790"]
    assert "docgraph: cleaned 1 document" in result.stderr


def test_clean_json_lines() -> None:
    result = runner.invoke(app, ["clean", "--json", str(SEED), str(ISOMER)])
    assert result.exit_code == 0, result.stderr
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(documents) == 1 + len(list(ISOMER.glob("*.md")))
    first = documents[0]
    assert first["blocks"][1]["text"].startswith("Singapore, as the Chair")
    assert first["blocks"][1]["source"] == [502, 790]


def test_a_bad_file_in_the_middle_of_a_batch(tmp_path: Path) -> None:
    good = tmp_path / "a.html"
    good.write_text("<p>First document.</p>", encoding="utf-8")
    bad = tmp_path / "b.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    last = tmp_path / "c.md"
    last.write_text("Last **document**.", encoding="utf-8")
    result = runner.invoke(app, ["clean", "--json", str(tmp_path), str(tmp_path / "gone.md")])
    assert result.exit_code == 1
    texts = [json.loads(line)["blocks"][0]["text"] for line in result.stdout.splitlines()]
    assert texts == ["First document.", "Last document."]
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [f"docgraph: error: {bad}: binary data (NUL bytes), not a text document",
                      f"docgraph: error: {tmp_path / 'gone.md'}: no such file"]
    assert "docgraph: cleaned 2 of 4 documents; 2 failed" in result.stderr


def test_warnings_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    page = tmp_path / "broken.md"
    page.write_text("---\ntitle: [oops\n---\nBody text.\n", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(page)])
    assert result.exit_code == 0
    warning = next(line for line in result.stderr.splitlines() if "warning" in line)
    assert warning.startswith(f"docgraph: warning: {page}:")
    assert "Body text." in result.stdout


def test_stdin_and_skip_boilerplate() -> None:
    page = "<p>7 Aug 2019 Posted in News</p><p>The news.</p>"
    result = runner.invoke(app, ["clean", "--skip-boilerplate", "-"], input=page)
    assert result.exit_code == 0
    assert "The news." in result.stdout
    assert "Posted in" not in result.stdout


def test_unknown_parser_is_a_usage_error() -> None:
    result = runner.invoke(app, ["clean", "--html-parser", "html5lib", str(SEED)])
    assert result.exit_code == 2
    assert "unknown --html-parser 'html5lib'" in result.stderr


def test_console_script_runs() -> None:
    output = subprocess.run([sys.executable, "-m", "docgraph", "clean", str(SEED)],
                            capture_output=True, text=True, check=False)
    assert output.returncode == 0
    assert "Singapore, as the Chair" in output.stdout
