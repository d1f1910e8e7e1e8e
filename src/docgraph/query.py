"""SPARQL over docgraph's graphs, safely, with results as pandas tables.

The contract: :func:`check` parses a query and refuses what would make docgraph reach
outside the graphs it was given — ``SERVICE`` (a remote endpoint), ``FROM`` and ``FROM
NAMED`` (rdflib fetches those IRIs, ``file:`` ones included) — unless network access is
allowed, and refuses updates (``LOAD``, ``INSERT``, ``DROP``, ...) always; :func:`select`
runs a checked query and returns a ``pandas.DataFrame``. A query file from someone else
can therefore be run without it reaching the network or reading local files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef

from docgraph.errors import QueryError, first_line

if TYPE_CHECKING:
    import pandas as pd

_REMOTE = {"ServiceGraphPattern": "SERVICE (a remote endpoint)",
           "DatasetClause": "FROM / FROM NAMED (rdflib would fetch the IRI)"}


def check(query: str, *, allow_network: bool = False) -> str:
    """Return ``query`` if docgraph may run it.

    Raises:
        QueryError: If it does not parse, is an update, or reaches outside the graph
            (``SERVICE``, ``FROM``) while network access is not allowed.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(query)
    except ParseException as exc:
        try:
            update = parseUpdate(query)
        except ParseException:
            raise QueryError(f"not a SPARQL query: {first_line(exc)}") from exc
        kinds = sorted({node.name.upper() for node in _nodes(update)
                        if node.name not in {"Update", "Prologue"}})
        raise QueryError(f"updates are not run ({', '.join(kinds) or 'update'}); "
                         "docgraph only answers queries") from exc
    if not allow_network:
        found = sorted({_REMOTE[node.name] for node in _nodes(tree) if node.name in _REMOTE})
        if found:
            raise QueryError(f"the query uses {' and '.join(found)}, which fetch data "
                             "from elsewhere; refused unless network access is allowed")
    return query


def select(graph: Graph, query: str, *, allow_network: bool = False) -> pd.DataFrame:
    """Run a SELECT or ASK query; rows become a DataFrame with one column per variable.

    IRIs become strings, literals their Python values (dates, numbers), unbound
    variables ``None``. An ASK query gives one row with one column, ``ask``; a CONSTRUCT
    or DESCRIBE gives one row per triple (``subject``, ``predicate``, ``object``).

    Raises:
        QueryError: See :func:`check`, or if evaluation fails.
    """
    import pandas as pd
    import rdflib.plugins.sparql as sparql

    check(query, allow_network=allow_network)
    loading = sparql.SPARQL_LOAD_GRAPHS
    # Never let rdflib fetch graphs named in a query unless the caller allowed it.
    sparql.SPARQL_LOAD_GRAPHS = allow_network
    try:
        result = graph.query(query)
        if result.type == "ASK":
            return pd.DataFrame({"ask": [bool(result.askAnswer)]})
        ordered = _ordered(query)
        if result.type in {"CONSTRUCT", "DESCRIBE"}:
            triples = [[_python(term) for term in triple] for triple in result]  # type: ignore[union-attr]
            return pd.DataFrame(_stable(triples), columns=["subject", "predicate", "object"])
        columns = [str(var) for var in result.vars or ()]
        rows = [[_python(term) for term in row] for row in result]  # type: ignore[union-attr]
        return pd.DataFrame(rows if ordered else _stable(rows), columns=columns)
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"the query failed: {first_line(exc)}") from exc
    finally:
        sparql.SPARQL_LOAD_GRAPHS = loading


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dictionaries, with ``None`` for missing values."""
    return [{str(key): (None if _missing(value) else value) for key, value in row.items()}
            for row in frame.to_dict("records")]


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, (list, tuple, dict)) and
                             bool(pd.isna(value)))


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    return term


def _ordered(query: str) -> bool:
    """Whether the query orders its rows (ORDER BY)."""
    from rdflib.plugins.sparql.parser import parseQuery

    return any(node.name == "OrderClause" for node in _nodes(parseQuery(query)))


def _stable(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows in a fixed order, for a query that asks for none.

    rdflib's store returns them in an order that changes with Python's hash seed; a
    user running the same query twice on the same graph must get the same output.
    """
    return sorted(rows, key=lambda row: [(value is None, str(value)) for value in row])


def _nodes(tree: Any) -> Iterator[Any]:
    """Every node of a parse tree from rdflib's SPARQL parser."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(tree, CompValue):
        yield tree
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, (list, tuple)) or hasattr(tree, "asList"):
        for value in tree:
            yield from _nodes(value)
