"""The command line, through typer's CliRunner and a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docgraph import __version__
from docgraph.cli import app
from helpers import ISOMER, SEED

QUERIES = Path(__file__).parent.parent / "queries"

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
        "heavy = {'spacy', 'bs4', 'lxml', 'rdflib', 'networkx', 'yaml', 'pandas',\n"
        "         'matplotlib', 'pyshacl'}\n"
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


# extract and entities (rules-only pipeline: fast, and the model has its own tests) --------


def test_extract_per_document_never_overwrites_same_named_inputs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "news.html").write_text("<p>Singapore met Malaysia.</p>", "utf-8")
    (tmp_path / "b" / "news.md").write_text("Thailand hosted **ASEAN**.", "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "a"), str(tmp_path / "b"),
                                 "--output", str(out), "--per-document", "--model", "blank"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["news-2.ttl", "news.ttl"]
    assert f"{tmp_path / 'b' / 'news.md'} has the same name as" in result.stderr
    from rdflib import Graph
    from rdflib.namespace import RDFS

    graph = Graph().parse(out / "news-2.ttl")
    assert {str(o) for o in graph.objects(None, RDFS.label)} >= {"Thailand", "ASEAN"}


def test_extract_merged_graph_and_a_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "a.html"
    good.write_text("<p>Mrs Josephine Teo met the ITU.</p>", "utf-8")
    bad = tmp_path / "b.html"
    bad.write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(good), str(bad), "--output", str(out),
                                 "--model", "blank"])
    assert result.exit_code == 1
    assert f"docgraph: error: {bad}: binary data" in result.stderr
    assert (out / "graph.ttl").exists()
    text = (out / "graph.ttl").read_text("utf-8")
    assert "Josephine Teo" in text
    assert "International Telecommunication Union" in text


def test_extract_rejects_an_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--output", str(tmp_path),
                                 "--format", "docx"])
    assert result.exit_code == 2
    assert "unknown format 'docx'" in result.stderr


def test_entities_lists_types_names_aliases_and_counts() -> None:
    result = runner.invoke(app, ["entities", "--json", "--model", "blank", str(SEED)])
    assert result.exit_code == 0, result.stderr
    [document] = [json.loads(line) for line in result.stdout.splitlines()]
    by_name = {e["name"]: e for e in document["entities"]}
    itu = by_name["International Telecommunication Union"]
    assert (itu["type"], itu["aliases"], itu["mentions"]) == (
        "IntergovernmentalOrganization", ["ITU"], 2)
    assert by_name["Josephine Teo"]["aliases"] == ["Teo"]
    assert {"form": "Teo", "rule": "short-name"} in by_name["Josephine Teo"]["merged"]
    text = runner.invoke(app, ["entities", "--model", "blank", str(SEED)])
    assert "Working Group on AI Governance  (also: WG-AI; Working Group)" in text.stdout


def _two_pages(tmp_path: Path) -> list[str]:
    pages = []
    for name, text in (("a.html", ("<p>Singapore chaired the 4th ASEAN Digital Ministers' "
                                  "Meeting.</p>")),
                       ("b.md", ("Mrs Josephine Teo, Minister for Digital Development and "
                                "Information, attended the meeting."))):
        (tmp_path / name).write_text(text, "utf-8")
        pages.append(str(tmp_path / name))
    return pages


def test_extract_trig_puts_each_document_in_its_graph_and_validates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", *_two_pages(tmp_path), "--output", str(out),
                                 "--format", "trig", "--validate", "--model", "blank",
                                 "--base-iri", "https://example.org/kg/"])
    assert result.exit_code == 0, result.stderr
    from docgraph.rdf import read

    dataset = read(out / "graph.trig")
    names = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    assert len(names) == 2
    assert all(name.startswith("https://example.org/kg/graph/") for name in names)


def test_extract_writes_graph_tool_formats(tmp_path: Path) -> None:
    for fmt, name in (("graphml", "graph.graphml"), ("nodelink", "graph.json")):
        result = runner.invoke(app, ["extract", *_two_pages(tmp_path), "--output",
                                     str(tmp_path / fmt), "--format", fmt, "--model", "blank"])
        assert result.exit_code == 0, result.stderr
        assert (tmp_path / fmt / name).stat().st_size > 200


def test_validate_reports_each_problem_and_exits_3(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", *_two_pages(tmp_path), "--output", str(out),
                               "--model", "blank"]).exit_code == 0
    good = out / "graph.ttl"
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.stderr
    assert "validated 1 document" in result.stderr
    bad = tmp_path / "bad.ttl"
    text = good.read_text("utf-8").replace('rdfs:label "Singapore"',
                                           'rdfs:label "Singapore", "Singapura"')
    bad.write_text(text, "utf-8")
    result = runner.invoke(app, ["validate", str(good), str(bad)])
    assert result.exit_code == 3
    singapore = "<https://w3id.org/docgraph/id/country/singapore>"
    assert f'docgraph: {bad}: Violation: "Singapore" {singapore}' in result.stderr
    assert "1 output invalid" in result.stderr


def test_validate_names_an_unreadable_file_and_goes_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", "utf-8")
    empty = tmp_path / "empty.nt"
    empty.write_text("", "utf-8")
    result = runner.invoke(app, ["validate", str(broken), str(empty)])
    assert result.exit_code == 1
    assert f"docgraph: error: {broken}: not valid turtle" in result.stderr
    assert "validated 1 of 2 documents; 1 failed" in result.stderr


def test_a_bad_base_iri_or_validating_a_graph_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--output", str(tmp_path),
                                 "--base-iri", "example.org"])
    assert result.exit_code == 2
    assert "base IRI 'example.org'" in result.stderr
    result = runner.invoke(app, ["extract", str(SEED), "--output", str(tmp_path),
                                 "--format", "graphml", "--validate"])
    assert result.exit_code == 2


def _tiny_graph(tmp_path: Path) -> Path:
    from docgraph.rdf import to_dataset, write
    from helpers import tiny_extraction

    path = tmp_path / "tiny.ttl"
    write(to_dataset(*tiny_extraction()), path)
    return path


def test_query_prints_a_table_csv_or_json(tmp_path: Path) -> None:
    graph = _tiny_graph(tmp_path)
    query = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label")
    result = runner.invoke(app, ["query", str(graph), "--query", query])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split()[0] == "label"
    assert "Josephine Teo" in result.stdout
    result = runner.invoke(app, ["query", str(graph), "-q", query, "--format", "csv"])
    assert result.stdout.splitlines()[0] == "label"
    result = runner.invoke(app, ["query", str(graph), query, "--format", "json"])
    assert json.loads(result.stdout.splitlines()[0]) == {"label": "4th ASEAN Digital "
                                                                  "Ministers' Meeting"}


def test_query_files_from_queries_folder_run(tmp_path: Path) -> None:
    graph = _tiny_graph(tmp_path)
    root = Path(__file__).parent.parent
    result = runner.invoke(app, ["query", str(graph), "--file",
                                 str(root / "queries" / "chairs-of-meeting.rq")])
    assert result.exit_code == 0, result.stderr
    assert "Singapore" in result.stdout


def test_query_refuses_service_and_load_and_bad_input(tmp_path: Path) -> None:
    graph = _tiny_graph(tmp_path)
    hostile = tmp_path / "hostile.rq"
    hostile.write_text("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                       "utf-8")
    result = runner.invoke(app, ["query", str(graph), "--file", str(hostile)])
    assert result.exit_code == 2
    assert f"docgraph: error: {hostile}: the query uses SERVICE" in result.stderr
    result = runner.invoke(app, ["query", str(graph), "-q", "LOAD <http://127.0.0.1:9/>"])
    assert result.exit_code == 2
    assert "updates are not run (LOAD)" in result.stderr
    assert runner.invoke(app, ["query", str(graph)]).exit_code == 2
    assert runner.invoke(app, ["query", str(graph), "-q", "ASK {}", "--file",
                               str(hostile)]).exit_code == 2
    missing = runner.invoke(app, ["query", str(tmp_path / "none.ttl"), "-q", "ASK {}"])
    assert missing.exit_code == 1
    assert "none.ttl: cannot read" in missing.stderr


def test_chairs_lists_the_chair(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chairs", str(_tiny_graph(tmp_path))])
    assert result.exit_code == 0, result.stderr
    header, row = result.stdout.splitlines()[:2]
    assert header.split()[:3] == ["meeting", "role", "holder"]
    assert "chair" in row
    assert "Singapore" in row
    assert "2024-02-01" in row


def test_viz_writes_html_svg_and_png(tmp_path: Path) -> None:
    graph = _tiny_graph(tmp_path)
    for name, extra in (("g.html", []), ("n.svg", ["--focus", "Singapore"]),
                        ("c.png", ["--view", "chairs"]),
                        ("t.png", ["--types", "Country", "--types", "Meeting"])):
        result = runner.invoke(app, ["viz", str(graph), "--output", str(tmp_path / name),
                                     *extra])
        assert result.exit_code == 0, (name, result.stderr)
        assert (tmp_path / name).stat().st_size > 2000
    result = runner.invoke(app, ["viz", str(graph), "-o", str(tmp_path / "x.png"),
                                 "--focus", "Atlantis"])
    assert result.exit_code == 2
    assert "no entity is called 'Atlantis'" in result.stderr
    result = runner.invoke(app, ["viz", str(graph), "-o", str(tmp_path / "x.gif")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["viz", str(graph), "-o", str(tmp_path / "x.png"),
                                 "--types", "Persn", "--relations", "chairOf"])
    assert result.exit_code == 2
    assert "unknown entity type or relation: Persn" in result.stderr


def test_an_output_that_is_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    taken = tmp_path / "graph.ttl"
    taken.write_text("keep me", "utf-8")
    result = runner.invoke(app, ["extract", *_two_pages(tmp_path), "--output", str(taken),
                                 "--model", "blank"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"docgraph: error: {taken}: exists and is not a folder; "
                                     "--output names a folder to write into")
    assert taken.read_text("utf-8") == "keep me"


def test_no_documents_is_a_warning_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(empty), "--output", str(out),
                                 "--model", "blank"])
    assert result.exit_code == 1
    assert f"no documents found in {empty}" in result.stderr
    assert not (out / "graph.ttl").exists()
    assert runner.invoke(app, ["clean", str(empty)]).exit_code == 1


def test_a_damaged_pdf_is_known_by_its_first_bytes_and_named(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"  # the name does not matter, the content does
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n")
    result = runner.invoke(app, ["extract", str(pdf), "--output", str(tmp_path / "o"),
                                 "--model", "blank"])
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if "error" in line]
    assert line.startswith(f"docgraph: error: {pdf}: cannot read this PDF (")


def test_graph_commands_take_folders(tmp_path: Path) -> None:
    out = tmp_path / "graphs"
    _tiny_graph(out / "sub")
    chairs = runner.invoke(app, ["chairs", str(out), "--format", "json"])
    assert chairs.exit_code == 0, chairs.stderr
    row = json.loads(chairs.stdout.splitlines()[0])
    assert row["holder"] == "Singapore"
    query = runner.invoke(app, ["query", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
    assert query.exit_code == 0, query.stderr
    picture = tmp_path / "p.html"
    assert runner.invoke(app, ["viz", str(out), "--output", str(picture)]).exit_code == 0
    assert picture.stat().st_size > 10_000
    empty = tmp_path / "nothing"
    empty.mkdir()
    refused = runner.invoke(app, ["chairs", str(empty)])
    assert refused.exit_code == 1
    assert "no graph file in this folder" in refused.stderr


def test_json_output_has_iso_dates(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chairs", str(_tiny_graph(tmp_path)), "--format", "json"])
    row = json.loads(result.stdout.splitlines()[0])
    assert (row["start"], row["end"]) == ("2024-02-01", "2024-02-29")


def test_help_shows_plain_flags_and_argument_names() -> None:
    for command in ("extract", "clean", "entities", "chairs", "query", "viz", "validate",
                    "evaluate"):
        text = runner.invoke(app, [command, "--help"]).stdout
        assert "<bool>" not in text, command
        usage = next(line for line in text.splitlines() if "Usage:" in line)
        assert "{" not in usage, (command, usage)


def test_a_refused_service_names_the_flag_that_allows_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(_tiny_graph(tmp_path)),
                                 "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"])
    assert result.exit_code == 2
    assert "give --allow-network to allow it" in result.stderr
    assert "allow_network" not in result.stderr


def test_why_prints_each_merged_name_and_refuses_unknown_names(tmp_path: Path) -> None:
    graph = _tiny_graph(tmp_path)
    result = runner.invoke(app, ["why", str(graph), "Singapore", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "entity,name,form,rule,evidence,path"
    unknown = runner.invoke(app, ["why", str(graph), "Atlantis"])
    assert unknown.exit_code == 2
    assert "no entity is called 'Atlantis'" in unknown.stderr


def test_the_same_site_from_two_folders_gives_the_same_bytes_and_no_local_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    here, there = tmp_path / "here" / "site", tmp_path / "elsewhere" / "deeper" / "site"
    for folder in (here, there):
        (folder / "news").mkdir(parents=True)
        shutil.copy(SEED, folder / "news" / SEED.name)
        for page in sorted(ISOMER.glob("*.md"))[:3]:
            shutil.copy(page, folder / page.name)
    first, second = tmp_path / "first", tmp_path / "second"
    done = runner.invoke(app, ["extract", str(here), "--output", str(first),
                               "--model", "blank", "--quiet"])
    assert done.exit_code == 0, done.stderr
    monkeypatch.chdir(there.parent)
    done = runner.invoke(app, ["extract", "site", "--output", str(second),
                               "--model", "blank", "--quiet", "--jobs", "2"])
    assert done.exit_code == 0, done.stderr
    turtle = (first / "graph.ttl").read_bytes()
    assert turtle == (second / "graph.ttl").read_bytes()
    assert f'dg:sourcePath "news/{SEED.name}"'.encode() in turtle
    picture = tmp_path / "picture.html"
    outputs = [turtle.decode("utf-8")]
    for command in (["chairs", str(first), "--format", "json"],
                    ["query", str(first), "--file", str(QUERIES / "provenance.rq")],
                    ["viz", str(first), "--output", str(picture)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.stderr)
        outputs.append(result.stdout)
    outputs.append(picture.read_text("utf-8"))
    for output in outputs:
        assert str(tmp_path) not in output
        assert "elsewhere" not in output


def test_a_site_url_gives_each_document_its_address(tmp_path: Path) -> None:
    (tmp_path / "site" / "news").mkdir(parents=True)
    (tmp_path / "site" / "news" / "a.md").write_text(
        "---\ntitle: A\npermalink: /media/a/\n---\nSingapore met Malaysia.\n", "utf-8")
    (tmp_path / "site" / "news" / "b c.html").write_text(
        '<html><head><link rel="canonical" href="https://www.example.gov.sg/b/"></head>'
        "<body><p>Thailand met Japan.</p></body></html>", "utf-8")
    (tmp_path / "site" / "d.txt").write_text("Malaysia met Japan.\n", "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "site"), "--output", str(out),
                                 "--model", "blank", "--quiet", "--validate",
                                 "--site-url", "https://www.example.gov.sg/en"])
    assert result.exit_code == 0, result.stderr
    from rdflib import Graph

    from docgraph.vocab import DG

    graph = Graph().parse(out / "graph.ttl")
    addresses = {str(graph.value(document, DG.sourcePath)): str(url)
                 for document, url in graph.subject_objects(DG.sourceURL)}
    assert addresses == {"news/a.md": "https://www.example.gov.sg/en/media/a/",
                         "news/b c.html": "https://www.example.gov.sg/b/",
                         "d.txt": "https://www.example.gov.sg/en/d.txt"}
    refused = runner.invoke(app, ["extract", str(tmp_path / "site"), "--output", str(out),
                                  "--model", "blank", "--site-url", "example.gov.sg"])
    assert refused.exit_code == 2
    assert "site URL 'example.gov.sg' must be an absolute http(s) URL" in refused.stderr


def test_an_empty_document_is_warned_about_and_counted(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n", "utf-8")
    (tmp_path / "only-front-matter.md").write_text("---\ntitle: Soon\n---\n", "utf-8")
    (tmp_path / "news.html").write_text("<p>Singapore met Malaysia.</p>", "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path), "--output", str(out),
                                 "--model", "blank", "--quiet"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"docgraph: warning: {tmp_path / 'blank.txt'}: only whitespace: no text to read",
        f"docgraph: warning: {tmp_path / 'empty.md'}: an empty file (0 bytes): no text to read",
        (f"docgraph: warning: {tmp_path / 'only-front-matter.md'}: no text to read once "
         "cleaned (only front matter, markup or hidden elements)"),
        f"docgraph: extracted to {out}: 4 documents; 3 with no text to read"]
    turtle = (out / "graph.ttl").read_text("utf-8")
    assert "Malaysia" in turtle
    assert 'dcterms:title "Soon"' in turtle  # a page with no text still has its metadata


@pytest.mark.parametrize("view", [[], ["--view", "chairs"], ["--focus", "Singapore"]])
@pytest.mark.parametrize("name", ["picture.html", "picture.png", "picture.svg"])
def test_a_picture_that_cannot_be_written_is_one_line_before_any_work(
        tmp_path: Path, name: str, view: list[str]) -> None:
    graph = _tiny_graph(tmp_path)
    (tmp_path / name).mkdir()
    (tmp_path / "a-file").write_text("x", "utf-8")
    for output, said in ((tmp_path / name, "is a folder; --output names the file to write"),
                         (tmp_path / "a-file" / "sub" / name,
                          f"cannot be written: {tmp_path / 'a-file'} is a file, not a folder")):
        result = runner.invoke(app, ["viz", str(graph), "--output", str(output), *view])
        assert result.exit_code == 2
        assert result.stderr == f"docgraph: error: {output}: {said}\n"
    made = tmp_path / "new" / "folder" / name
    result = runner.invoke(app, ["viz", str(graph), "--output", str(made), *view])
    assert result.exit_code == 0, result.stderr
    assert made.stat().st_size > 1000


@pytest.mark.parametrize(("name", "text", "said"), [
    ("broken.ttl", "@prefix x: <http://x/> .\nx:a x:b x:c ;;; x:d .\n",
     "not valid turtle: line 2: objectList expected, near 'x:a x:b x:c ;;; x:d .'"),
    ("unbound.ttl", "x:a x:b x:c .\n", 'not valid turtle: line 1: Prefix "x:" not bound'),
    ("broken.nt", "<http://a> <http://b> <http://c> .\n<a> <b> .\n",
     "not valid nt: line 2: Invalid line: <a> <b> ."),
    ("broken.rdf", "<rdf:RDF", "not valid xml: line 1: unclosed token"),
])
def test_a_broken_graph_file_says_where_and_why_on_one_line(
        tmp_path: Path, name: str, text: str, said: str) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    for command in (["chairs", str(path)], ["validate", str(path)],
                    ["query", str(path), "SELECT * WHERE { ?s ?p ?o }"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, command
        line = result.stderr.splitlines()[0]
        assert line.startswith(f"docgraph: error: {path}: {said}"), (command, line)


def test_a_broken_shapes_file_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:a sh:b ;;; .\n",
                      "utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path / "missing.ttl"),
                                 "--shapes", str(shapes)])
    assert result.exit_code == 2
    assert result.stderr == (f"docgraph: error: {shapes}: cannot read the shapes: not valid "
                             "turtle: line 2: objectList expected, near 'sh:a sh:b ;;; .'\n")
