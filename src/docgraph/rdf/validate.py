"""Check graphs: SHACL shapes (pyshacl) and OWL-RL consistency (owlrl).

The contract: :func:`validate` checks a graph against ``ontologies/shapes.ttl`` (or any
shapes file), with docgraph's ontology mixed in so that shapes on a class reach its
subclasses, and returns a :class:`Report` listing each problem in one readable line;
:func:`inconsistencies` runs OWL-RL reasoning over the ontology and a graph and returns
what the reasoner found contradictory (nothing, for what docgraph writes).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph
from rdflib.namespace import RDFS, SH
from rdflib.term import Node

from docgraph.errors import ConfigurationError
from docgraph.rdf.build import union
from docgraph.rdf.formats import parse_problem
from docgraph.resources import ontologies_dir
from docgraph.vocab import PREFIXES, ontology


@dataclass(frozen=True, slots=True)
class Problem:
    """One SHACL result.

    Attributes:
        severity: ``Violation``, ``Warning`` or ``Info``.
        focus: The node that fails the shape.
        path: The property checked, if any, as a prefixed name ("dg:rule"), "^" before
            one followed backwards ("^dg:holdsPost").
        message: What is wrong.
        value: The offending value, if any.
        label: The focus node's label, if it has one.
    """

    severity: str
    focus: str
    path: str | None
    message: str
    value: str | None = None
    label: str | None = None

    def __str__(self) -> str:
        name = f'"{self.label}" ' if self.label else ""
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity}: {name}<{self.focus}>{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of :func:`validate`: valid unless some problem is a violation."""

    problems: tuple[Problem, ...]

    @property
    def conforms(self) -> bool:
        """Whether no problem is a violation (warnings are allowed)."""
        return not self.violations

    @property
    def violations(self) -> tuple[Problem, ...]:
        """The problems that make the graph invalid."""
        return tuple(p for p in self.problems if p.severity == "Violation")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems worth a look that do not make the graph invalid."""
        return tuple(p for p in self.problems if p.severity != "Violation")


def shapes_path() -> Path:
    """The shapes docgraph ships, ``ontologies/shapes.ttl``."""
    return ontologies_dir() / "shapes.ttl"


def validate(data: Graph | Dataset, shapes: Path | None = None) -> Report:
    """Check ``data`` (all its graphs together) against SHACL shapes.

    Args:
        data: The graph or dataset to check.
        shapes: A shapes file (default: docgraph's ``ontologies/shapes.ttl``).

    Raises:
        ConfigurationError: If the shapes file cannot be read.
    """
    from pyshacl import validate as shacl

    shapes_graph = load_shapes(shapes)
    graph = union(data) if isinstance(data, Dataset) else data
    _, results, _ = shacl(graph, shacl_graph=shapes_graph, ont_graph=ontology(),
                          inference="none", allow_warnings=True, allow_infos=True)
    if not isinstance(results, Graph):  # pyshacl returns text only when asked to
        raise TypeError("pyshacl returned no results graph")
    problems = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        # The first label in order, so that a node with two labels reads the same each run.
        label = min((str(o) for o in graph.objects(focus, RDFS.label)), default=None) \
            if focus is not None else None
        problems.append(Problem(
            severity=severity, focus=str(focus),
            path=_path(results, results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or "fails its shape"),
            # A blank node's generated name tells a reader nothing.
            value=str(value) if value is not None and not isinstance(value, BNode) else None,
            label=label))
    problems.sort(key=lambda p: (p.severity != "Violation", p.focus, p.path or "", p.message))
    return Report(tuple(problems))


def _path(results: Graph, path: Node | None) -> str | None:
    """A result's path as a reader writes it: "dg:rule", "^dg:holdsPost"."""
    if path is None:
        return None
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        return f"^{_compact(inverse)}" if inverse is not None else None
    return _compact(path)


def _compact(term: Node) -> str:
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(str(p[1]))):
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return f"<{text}>"


def inconsistencies(data: Graph | Dataset) -> list[str]:
    """What OWL-RL reasoning over docgraph's ontology and ``data`` finds inconsistent."""
    from owlrl import OWLRL_Semantics

    graph = Graph()
    for triple in ontology():
        graph.add(triple)
    for triple in union(data) if isinstance(data, Dataset) else data:
        graph.add(triple)
    closure = OWLRL_Semantics(graph, axioms=False, daxioms=False, rdfs=False)
    closure.closure()
    return sorted(str(message) for message in closure.error_messages)


def load_shapes(path: Path | None = None) -> Graph:
    """A shapes file (default: docgraph's), parsed once per process.

    Raises:
        ConfigurationError: If the file cannot be read or is not valid Turtle.
    """
    return _shapes(path or shapes_path())


@functools.cache
def _shapes(path: Path) -> Graph:
    # Once per process: ``extract --validate`` checks each output.
    graph = Graph()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror.lower() if isinstance(exc, OSError) and exc.strerror else exc
        raise ConfigurationError(f"{path}: cannot read the shapes: {reason}") from exc
    try:
        # Parsed from text: rdflib leaves a file it opened itself to the garbage collector.
        graph.parse(data=text, format="turtle")
    except (SyntaxError, ValueError) as exc:
        raise ConfigurationError(f"{path}: cannot read the shapes: not valid turtle: "
                                 f"{parse_problem(exc, text)}") from exc
    return graph
