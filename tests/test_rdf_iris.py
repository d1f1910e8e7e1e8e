"""IRIs: readable slugs, unique and stable, safe for any name, under any base."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgraph.errors import ConfigurationError
from docgraph.rdf import (
    block_iri,
    check_base,
    check_site_url,
    document_iri,
    entity_iris,
    graph_iri,
    slug,
    source_url,
)
from docgraph.types import Entity


@pytest.mark.parametrize(("name", "expected"), [
    ("Josephine Teo", "josephine-teo"),
    ("4th ASEAN Digital Ministers' Meeting", "4th-asean-digital-ministers-meeting"),
    ("Viet Nam", "viet-nam"),
    ("Côte d'Ivoire", "cote-d-ivoire"),
])
def test_slugs_are_readable(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize("name", ["", "新加坡", "x" * 300, "\u200b\u200f"])
def test_names_without_a_readable_slug_are_hashed(name: str) -> None:
    result = slug(name)
    assert re.fullmatch(r"([a-z0-9-]+-)?[0-9a-f]{8}", result)
    assert len(result) <= 90


@given(st.text(min_size=0, max_size=300))
def test_any_name_gives_a_safe_slug(name: str) -> None:
    result = slug(name)
    assert result
    assert len(result) <= 90
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in result)
    assert slug(name) == result


def _entity(key: str, label: str, name: str, iri: str | None = None) -> Entity:
    return Entity(key=key, label=label, name=name, aliases=(), mentions=(),
                  documents=("doc1",), iri=iri)


def test_names_that_fold_to_one_slug_still_get_two_iris() -> None:
    iris = entity_iris([_entity("organization:at&t", "Organization", "AT&T"),
                        _entity("organization:at-t", "Organization", "AT-T")])
    assert len(set(iris.values())) == 2


def test_the_base_prefixes_minted_iris_but_not_gazetteer_ones() -> None:
    sg = "https://w3id.org/docgraph/id/country/singapore"
    iris = entity_iris([_entity(sg, "Country", "Singapore", iri=sg),
                        _entity("person:josephine teo", "Person", "Josephine Teo")],
                       base="https://example.org/kg/")
    assert str(iris[sg]) == sg
    assert str(iris["person:josephine teo"]) == "https://example.org/kg/person/josephine-teo"


def test_documents_blocks_and_graphs_have_distinct_iris() -> None:
    base = "https://example.org/kg/"
    assert str(document_iri("abc", base)) == "https://example.org/kg/document/abc"
    assert str(block_iri("abc", 3, base)) == "https://example.org/kg/document/abc#block-3"
    assert str(graph_iri("abc", base)) == "https://example.org/kg/graph/abc"


@pytest.mark.parametrize("base", ["example.org/", "https://example.org/kg", "ftp://x/",
                                  "https://exa mple.org/", "https:///nohost/"])
def test_a_base_that_cannot_prefix_iris_is_refused(base: str) -> None:
    with pytest.raises(ConfigurationError, match="base IRI"):
        check_base(base)


def test_rule_names_that_slug_alike_are_two_activities() -> None:
    from docgraph.rdf.iris import activity_iri

    first, second = activity_iri("role:Vice Chair"), activity_iri("role:Vice-Chair")
    assert first != second
    assert "/role-vice-chair-" in str(first)


@pytest.mark.parametrize(("source_path", "permalink", "site", "expected"), [
    ("a.md", "/news/a/", "https://www.example.gov.sg/", "https://www.example.gov.sg/news/a/"),
    ("a.md", "news/a/", "https://www.example.gov.sg/sub/",
     "https://www.example.gov.sg/sub/news/a/"),
    ("a.md", "https://other.example/x y", None, "https://other.example/x%20y"),
    ("news/a b.html", None, "https://www.example.gov.sg/",
     "https://www.example.gov.sg/news/a%20b.html"),
    ("a.md", "/news/a/", None, None),
    ("-", None, "https://www.example.gov.sg/", None),
])
def test_a_source_url_from_the_page_or_the_site(source_path: str, permalink: str | None,
                                                site: str | None, expected: str | None
                                                ) -> None:
    assert source_url(source_path, permalink, site) == expected


@pytest.mark.parametrize("url", ["www.example.gov.sg", "ftp://example.org/", "/local/",
                                 "https://example.org/?page=1", "https://exa mple.org/"])
def test_a_site_url_that_pages_cannot_join_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="site URL"):
        check_site_url(url)
    assert check_site_url("https://example.org") == "https://example.org/"
