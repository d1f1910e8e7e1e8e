"""SPARQL over docgraph's graphs, safely, with results as pandas tables.

The contract: :func:`select` refuses what would make docgraph reach outside the graphs
it was given — ``SERVICE`` (a remote endpoint), ``FROM`` and ``FROM NAMED`` (rdflib
fetches those IRIs, ``file:`` ones included) — unless network access is allowed, and
refuses updates (``LOAD``, ``INSERT``, ``DROP``, ...) always, before the engine sees the
query; it then runs it and returns a ``pandas.DataFrame``. A query file from someone else
can therefore be run without it reaching the network or reading local files.
:func:`check` makes the same refusals and also parses the query, to report a malformed
one without running it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef

from docgraph.errors import QueryError, first_line
from docgraph.sparql import Scan, scan

if TYPE_CHECKING:
    import pandas as pd

    from docgraph.store import Store


def check(query: str, *, allow_network: bool = False) -> str:
    """Return ``query`` if docgraph may run it.

    Raises:
        QueryError: If it does not parse, is an update, or reaches outside the graph
            (``SERVICE``, ``FROM``) while network access is not allowed.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    _checked(query, allow_network)
    try:
        parseQuery(query)
    except ParseException as exc:
        raise QueryError(f"not a SPARQL query: {first_line(exc)}") from exc
    return query


def _checked(query: str, allow_network: bool) -> Scan:
    """What a query asks for, if docgraph may run it (see :func:`check`).

    Read from the query's keywords (:mod:`docgraph.sparql`), not by parsing it: the
    engine parses it, and reports a malformed query, when it runs it.
    """
    found = scan(query)
    if found.updates:
        raise QueryError(f"updates are not run ({', '.join(found.updates)}); "
                         "docgraph only answers queries")
    if found.form is None:
        raise QueryError("not a SPARQL query: it has no SELECT, CONSTRUCT, DESCRIBE or ASK")
    if found.remote and not allow_network:
        raise QueryError(f"the query uses {' and '.join(found.remote)}, which fetch data "
                         "from elsewhere; refused unless network access is allowed")
    return found


def select(source: Graph | Store, query: str, *, allow_network: bool = False
           ) -> pd.DataFrame:
    """Run a SELECT or ASK query; rows become a DataFrame with one column per variable.

    ``source`` is an rdflib graph or a docgraph store (:mod:`docgraph.store`), whose
    answers are the same. IRIs become strings, literals their Python values (dates,
    numbers), unbound variables ``None``. An ASK query gives one row with one column,
    ``ask``; a CONSTRUCT or DESCRIBE gives one row per triple (``subject``,
    ``predicate``, ``object``).

    Raises:
        QueryError: See :func:`check`, or if evaluation fails.
    """
    import pandas as pd
    found = _checked(query, allow_network)
    try:
        kind, columns, rows = _rdflib(source, query, allow_network) \
            if isinstance(source, Graph) else _oxigraph(source, query)
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"the query failed: {first_line(exc)}") from exc
    if kind == "ASK":
        return pd.DataFrame({"ask": [bool(rows[0][0])]})
    table = [[_python(term) for term in row] for row in rows]
    if kind in {"CONSTRUCT", "DESCRIBE"}:
        return pd.DataFrame(_stable(table), columns=["subject", "predicate", "object"])
    keys = found.order
    return pd.DataFrame(_stable(table) if keys is None else _ties_sorted(table, columns, keys),
                        columns=columns)


Answer = tuple[str, list[str], list[list[Any]]]
"""The kind of query (SELECT, ASK, CONSTRUCT or DESCRIBE), variables and rows of terms."""


def _rdflib(graph: Graph, query: str, allow_network: bool) -> Answer:
    import rdflib.plugins.sparql as sparql
    from pyparsing import ParseException

    loading = sparql.SPARQL_LOAD_GRAPHS
    # Never let rdflib fetch graphs named in a query unless the caller allowed it.
    sparql.SPARQL_LOAD_GRAPHS = allow_network
    try:
        try:
            result = graph.query(query)
        except ParseException as exc:
            raise QueryError(f"not a SPARQL query: {first_line(exc)}") from exc
        if result.type == "ASK":
            return "ASK", ["ask"], [[bool(result.askAnswer)]]
        if result.type in {"CONSTRUCT", "DESCRIBE"}:
            return result.type, [], [list(triple) for triple in result]  # type: ignore[arg-type]
        return "SELECT", [str(var) for var in result.vars or ()], \
            [list(row) for row in result]  # type: ignore[arg-type]
    finally:
        sparql.SPARQL_LOAD_GRAPHS = loading


def _oxigraph(store: Store, query: str) -> Answer:
    import pyoxigraph as ox

    from docgraph.store import to_rdflib

    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"not a SPARQL query: {first_line(exc)}") from exc
    if isinstance(result, ox.QueryBoolean):
        return "ASK", ["ask"], [[bool(result)]]
    if isinstance(result, ox.QueryTriples):
        return "CONSTRUCT", [], [[to_rdflib(t.subject), to_rdflib(t.predicate),
                                  to_rdflib(t.object)] for t in result]
    columns = [var.value for var in result.variables]
    return "SELECT", columns, [[None if term is None else to_rdflib(term)
                                for term in row] for row in result]


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


def _ties_sorted(rows: list[list[Any]], columns: list[str], keys: Sequence[str]
                 ) -> list[list[Any]]:
    """Rows in the engine's order, and rows it ranks equal in a fixed order.

    SPARQL leaves the order of rows with equal ``ORDER BY`` keys to the engine, and
    rdflib and Oxigraph differ there; the same query must give the same table.
    """
    if not keys or not set(keys) <= set(columns):
        return rows
    at = [columns.index(key) for key in keys]
    out: list[list[Any]] = []
    group: list[list[Any]] = []
    for row in rows:
        if group and [row[i] for i in at] != [group[0][i] for i in at]:
            out.extend(_stable(group))
            group = []
        group.append(row)
    out.extend(_stable(group))
    return out


def _stable(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows in a fixed order, for a query that asks for none.

    rdflib's store returns them in an order that changes with Python's hash seed; a
    user running the same query twice on the same graph must get the same output.
    """
    return sorted(rows, key=lambda row: [(value is None, str(value)) for value in row])
