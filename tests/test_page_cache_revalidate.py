"""Stale while revalidating (articles/web/page_cache.py): when a write makes a cached page stale,
one reader renders it again while the others get the stale copy, for a bounded time only; editors
are never given a stale page."""

from __future__ import annotations

import pytest
from admin_helpers import make_editor
from django.core.cache import cache
from django.test import Client

from articles.archive import generation
from articles.models import Article
from articles.web.page_cache import CACHE_HEADER, _page_key
from tests.reader_helpers import build_archive

WINDOW = 10  # COOPNEWS_PAGE_REVALIDATE_SECONDS in these tests
TITLE = "Заголовок, исправленный редактором"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.COOPNEWS_PAGE_CACHE_SECONDS = 600
    settings.COOPNEWS_PAGE_REVALIDATE_SECONDS = WINDOW


class WallClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = WallClock()
    monkeypatch.setattr(generation, "WALL_CLOCK", clock)
    return clock


@pytest.fixture
def page(db, client, clock, django_capture_on_commit_callbacks):
    """An article's page, cached; then its title changed by a write that has been published."""
    with django_capture_on_commit_callbacks(execute=True):
        archive = build_archive()
    url = f"/articles/{archive.a1.pk}/"
    assert client.get(url)[CACHE_HEADER] == "miss"
    assert client.get(url)[CACHE_HEADER] == "hit"
    Article.objects.filter(pk=archive.a1.pk).update(title=TITLE)
    generation.bump()  # the writer publishes its change
    return url


def someone_renders(client, url) -> None:
    """Another reader's request has taken the render of the stale page and is still rendering."""
    request = client.get("/").wsgi_request  # only for the key's host and language
    request.path, request.path_info = url, url
    request.META["QUERY_STRING"] = ""
    key = _page_key(request)
    assert cache.add(f"{key}:rendering:{generation.pages_generation()}", True, WINDOW)


def test_the_first_reader_after_a_change_renders_the_page_afresh(client, page):
    response = client.get(page)
    assert response[CACHE_HEADER] == "miss"
    assert TITLE in response.content.decode()
    again = client.get(page)
    assert again[CACHE_HEADER] == "hit" and TITLE in again.content.decode()


def test_while_one_reader_renders_the_others_get_the_stale_copy(client, page, clock):
    someone_renders(client, page)
    clock.now += WINDOW - 1
    response = client.get(page)
    assert response.status_code == 200
    assert response[CACHE_HEADER] == "stale"
    assert TITLE not in response.content.decode()


def test_no_stale_copy_is_served_past_the_bound(client, page, clock):
    someone_renders(client, page)
    clock.now += WINDOW + 1  # the render is taking too long, or its request died
    response = client.get(page)
    assert response[CACHE_HEADER] == "miss"
    assert TITLE in response.content.decode()


def test_an_editor_is_never_given_the_stale_copy(client, page):
    someone_renders(client, page)
    editor = Client()
    editor.force_login(make_editor())
    response = editor.get(page)
    assert CACHE_HEADER not in response
    assert TITLE in response.content.decode()


def test_with_no_window_every_reader_renders_a_stale_page(client, page, settings):
    settings.COOPNEWS_PAGE_REVALIDATE_SECONDS = 0
    someone_renders(client, page)
    response = client.get(page)
    assert response[CACHE_HEADER] == "miss" and TITLE in response.content.decode()


def test_a_page_that_is_gone_after_the_change_is_not_served_stale_to_the_next_reader(client, page):
    pk = int(page.strip("/").split("/")[-1])
    Article.objects.filter(pk=pk).delete()
    generation.bump()
    assert client.get(page).status_code == 404  # this reader took the render: nothing to store
    assert client.get(page).status_code == 404  # …and left the render to the next one
