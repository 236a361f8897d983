"""Bad input from the issue: a 400 (or an empty result) with the form saying what was wrong, a 404
for what does not exist — never a 500. Run on SQLite and on PostgreSQL (CI runs both)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_helpers import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


# (query string, the parameter the form must name)
BAD = [
    ("country=XX", "country"),
    ("country=Россия", "country"),
    ("pair=XX", "pair"),
    ("pair=RU-RU", "pair"),
    ("pair=XX-YY", "pair"),
    ("date_after=yesterday", "date_after"),
    ("date_before=2024-13-45", "date_before"),
    ("page=0", "page"),
    ("page=abc", "page"),
    ("page=-1", "page"),
    ("page=1.5", "page"),
    ("q=" + "ж" * 10_000, "q"),
    ("sort=drop", "sort"),
    ("official=abc", "official"),
    ("official=99999999999999999999999", "official"),
    ("q=Рос%00сия", "q"),
    ("country=R%00", "country"),
    ("source=%00", "source"),
    ("source=%C2%B2", "source"),  # «²»: a digit to str.isdigit(), not to int()
    ("source=99999999999999999999", "source"),
    ("date_after=2024-01-01%00", "date_after"),
    ("agreement_kind=%3Cscript%3E", "agreement_kind"),
]


@pytest.mark.parametrize("query,param", BAD)
def test_bad_article_list_input_is_a_400_naming_the_parameter_with_no_rows(client, archive, query, param):
    response = client.get("/articles/?" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f"<code>{param}</code>" in html
    assert response.context["page"] is None  # nothing shown, rather than everything


@pytest.mark.parametrize("query,param", [(q, p) for q, p in BAD if p != "page"])  # exports have no pages
def test_bad_input_to_exports_is_a_400_never_a_dump_of_everything(client, archive, query, param):
    for url in ["/articles/export.csv", "/articles/export.jsonl"]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, url
        assert param in response.content.decode()


def test_a_page_past_the_end_is_404(client, archive):
    assert client.get("/articles/?page=2").status_code == 404
    assert client.get("/articles/?page=999999999").status_code == 404
    assert client.get("/officials/?page=5").status_code == 404
    assert client.get("/agreements/?page=5").status_code == 404


def test_the_form_keeps_the_bad_value_and_the_good_ones(client, archive):
    response = client.get("/articles/?date_after=yesterday&pair=CN-RU")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="CN-RU"' in html


def test_an_unknown_but_well_formed_filter_value_shows_an_empty_list(client, archive):
    response = client.get("/articles/?date_after=2999-01-01")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert "ни одна статья" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/officials/?country=Russia",
        "/officials/?name=%00",
        "/officials/?page=abc",
        "/agreements/?year=abc",
        "/agreements/?year=0",
        "/agreements/?year=99999999999999999999",
        "/agreements/?kind=drop",
        "/agreements/?status=%00",
        "/agreements/?party=XYZ",
    ],
)
def test_bad_input_to_the_other_lists_is_a_400(client, archive, url):
    response = client.get(url)
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/articles/0/",
        "/articles/abc/",
        "/articles/99999999999999999999/",
        "/officials/99999999999999999999/",
        "/agreements/0/",
        "/countries/zz/",
        "/countries/%00%00/",
        "/countries/рф/",
        "/pairs/zz-ru/",
        "/pairs/ru-ru/",
        "/pairs/ru-ru/feed/",
        "/pairs/%00/",
        "/no-such-page/",
    ],
)
def test_unknown_ids_and_codes_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_the_404_page_is_the_sites_own_and_escapes_the_path(client, archive):
    response = client.get("/countries/%3Cscript%3E/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<script>" not in html
    assert "CoopNews" in html


PARAMS = [
    "country",
    "pair",
    "official",
    "agreement_kind",
    "source",
    "date_after",
    "date_before",
    "q",
    "sort",
    "page",
]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.lists(
        st.tuples(st.sampled_from(PARAMS), st.text(max_size=40)),
        min_size=1,
        max_size=4,
    )
)
def test_no_query_string_makes_a_server_error(client, archive, params):
    response = client.get("/articles/", [(k, v) for k, v in params])
    assert response.status_code in (200, 400, 404)
    export = client.get("/articles/export.jsonl", [(k, v) for k, v in params if k != "page"])
    assert export.status_code in (200, 400)
    if export.status_code == 200:
        b"".join(export.streaming_content)
