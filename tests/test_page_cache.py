"""Readers' pages from the shared cache (articles/web/page_cache.py): served without a query, never
after a write to the archive has committed, never to editors, never for what is someone's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from admin_helpers import errors_of, form_data, set_row
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.archive.generation import bump_on_commit, generation, pages_generation
from articles.models import Article, ClaimState, CountryClaim
from articles.web.page_cache import CACHE_HEADER
from coopnews.settings import cache_from_url
from tests.reader_helpers import build_archive

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.COOPNEWS_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def archive(django_capture_on_commit_callbacks):
    # As if committed: the test's own transaction never is, so run what a commit would run.
    with django_capture_on_commit_callbacks(execute=True):
        return build_archive()


def claim_prefix(data: dict, pk: int) -> str:
    """The inline formset (its form prefix) that holds the claim row `pk` in an admin form's data."""
    return next(key.split("-")[0] for key, value in data.items() if key.endswith("-id") and value == str(pk))


def get(client, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return response, len(queries)


@pytest.mark.parametrize(
    "url", ["/", "/articles/", "/articles/?q=Китай", "/pairs/", "/pairs/cn-ru/", "/agreements/"]
)
def test_a_second_reader_gets_the_same_page_without_a_query(client, archive, url):
    first, first_queries = get(client, url)
    again, again_queries = get(client, url)
    assert first.status_code == again.status_code == 200
    assert first[CACHE_HEADER] == "miss" and again[CACHE_HEADER] == "hit"
    assert first_queries > 0 and again_queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_an_editors_save_in_the_admin_shows_on_the_next_readers_view(
    client, admin_client, archive, django_capture_on_commit_callbacks
):
    url = f"/articles/{archive.a1.pk}/"
    client.get(url)
    assert client.get(url)[CACHE_HEADER] == "hit"
    change = f"/admin/articles/article/{archive.a1.pk}/change/"
    data = form_data(admin_client.get(change))
    data["title"] = "Заголовок, исправленный редактором"
    with django_capture_on_commit_callbacks(execute=True):  # the editor's save commits
        response = admin_client.post(change, data)
    assert response.status_code == 302, errors_of(response)
    after = client.get(url)
    assert after[CACHE_HEADER] == "miss"
    assert "Заголовок, исправленный редактором" in after.content.decode()


def test_a_claim_rejected_in_the_admin_leaves_the_cached_list_at_once(
    client, admin_client, archive, django_capture_on_commit_callbacks
):
    assert archive.a3.title in client.get("/articles/?country=BY").content.decode()
    claim = CountryClaim.objects.get(article=archive.a3, country_id="BY")
    change = f"/admin/articles/article/{archive.a3.pk}/change/"
    data = form_data(admin_client.get(change))
    set_row(data, claim_prefix(data, claim.pk), claim.pk, state=ClaimState.REJECTED)
    with django_capture_on_commit_callbacks(execute=True):  # the editor's save commits
        response = admin_client.post(change, data)
    assert response.status_code == 302, errors_of(response)
    assert archive.a3.title not in client.get("/articles/?country=BY").content.decode()


def test_a_write_that_rolls_back_keeps_the_cached_pages(archive, django_capture_on_commit_callbacks):
    before = pages_generation(), generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                Article.objects.filter(pk=archive.a1.pk).get().save()
                bump_on_commit()
                raise RuntimeError("the import failed")
    assert callbacks == [] and (pages_generation(), generation()) == before


def test_one_transaction_replaces_the_generation_once(archive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            for article in Article.objects.all():
                article.save()
                bump_on_commit()
    assert len(callbacks) == 1


def test_languages_and_query_strings_are_cached_apart(client, archive):
    russian = client.get("/pairs/cn-ru/")
    client.cookies["django_language"] = "en"
    english = client.get("/pairs/cn-ru/")
    assert english[CACHE_HEADER] == "miss" and '<html lang="en">' in english.content.decode()
    assert '<html lang="ru">' in russian.content.decode()
    assert client.get("/articles/?q=Китай")[CACHE_HEADER] == "miss"
    assert client.get("/articles/?q=Индия")[CACHE_HEADER] == "miss"


def test_the_language_switch_needs_no_token_and_sets_no_cookie_on_pages(archive):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.get("/")
    assert "csrfmiddlewaretoken" not in page.content.decode() and not page.cookies
    switched = strict.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert switched.status_code == 302 and switched.cookies["django_language"].value == "en"


def test_editors_always_get_fresh_pages(admin_client, archive):
    admin_client.get("/pairs/")
    response, queries = get(admin_client, "/pairs/")
    assert CACHE_HEADER not in response and queries > 0


@pytest.mark.parametrize("url", ["/healthz", "/articles/999999/", "/articles/export.csv", "/admin/login/"])
def test_probes_errors_exports_and_the_admin_are_never_cached(client, archive, url):
    client.get(url)
    response, queries = get(client, url)
    assert CACHE_HEADER not in response
    assert queries > 0 or url in ("/admin/login/", "/articles/export.csv")  # a stream queries later


def test_a_bad_parameter_is_answered_afresh_every_time(client, archive):
    first = client.get("/articles/?page=abc")
    second = client.get("/articles/?page=abc")
    assert first.status_code == second.status_code
    if first.status_code != 200:
        assert CACHE_HEADER not in second


def test_the_cache_can_be_turned_off(client, archive, settings):
    settings.COOPNEWS_PAGE_CACHE_SECONDS = 0
    client.get("/")
    response, queries = get(client, "/")
    assert CACHE_HEADER not in response and queries > 0


@pytest.mark.slow
def test_another_process_invalidates_the_pages_this_one_cached(client, archive, settings, tmp_path):
    """gunicorn's workers share the file cache: a write in one process makes every worker's pages
    stale — here the other process is a separate Python that replaces the generation, as an import
    run's commit does."""
    settings.CACHES = {
        "default": {
            **cache_from_url(f"file://{tmp_path / 'cache'}"),
            "KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],  # the same database
        }
    }
    client.get("/pairs/")
    assert client.get("/pairs/")[CACHE_HEADER] == "hit"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coopnews.settings",
        "DJANGO_CACHE_URL": f"file://{tmp_path / 'cache'}",
    }
    script = "import django; django.setup(); from articles.archive.generation import bump; bump()"
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=120)
    assert client.get("/pairs/")[CACHE_HEADER] == "miss"
    assert client.get("/pairs/")[CACHE_HEADER] == "hit"


REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own: nothing else on the server is touched


@pytest.fixture
def redis_cache(settings):
    """The shared cache on the Redis server this machine runs; CI must reach it, a checkout may not."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        message = f"Redis at {REDIS_URL} cannot be reached ({exc})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message + ": start redis-server to run this test")
    prefix = settings.CACHES["default"]["KEY_PREFIX"]  # this checkout's database: its keys only
    settings.CACHES = {"default": {**cache_from_url(REDIS_URL), "KEY_PREFIX": prefix}}
    yield
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


@pytest.mark.slow
def test_pages_cached_in_redis_go_stale_when_another_process_writes(client, archive, redis_cache):
    """Several machines share one Redis: the archive's writer in another process (here a separate
    Python, as on another machine) replaces the generation, and pages cached here are stale."""
    client.get("/pairs/")
    assert client.get("/pairs/")[CACHE_HEADER] == "hit"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "coopnews.settings", "DJANGO_CACHE_URL": REDIS_URL}
    script = "import django; django.setup(); from articles.archive.generation import bump; bump()"
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=120)
    assert client.get("/pairs/")[CACHE_HEADER] == "miss"
    assert client.get("/pairs/")[CACHE_HEADER] == "hit"


@pytest.mark.parametrize(
    "url", ["redis://cache.internal:6379/0", "rediss://cache.internal:6380/2", "redis://h"]
)
def test_a_redis_url_selects_djangos_redis_backend(url):
    config = cache_from_url(url)
    assert config == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


@pytest.mark.parametrize("url", ["redis://", "redis://host:port/0", "redis://host/cache", "rediss:///0"])
def test_a_malformed_redis_url_is_refused_naming_the_variable(url):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_CACHE_URL"):
        cache_from_url(url)


def test_a_malformed_cache_url_is_named(tmp_path):
    from tests.test_foundation import run_settings

    result = run_settings({"DJANGO_SECRET_KEY": "k" * 60, "DJANGO_CACHE_URL": "memcached://x"})
    assert result.returncode != 0 and "DJANGO_CACHE_URL" in result.stderr


@pytest.mark.slow
def test_two_databases_sharing_a_cache_directory_never_see_each_others_pages():
    from tests.test_foundation import run_settings

    code = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"
    prefixes = {
        run_settings({"DJANGO_DEBUG": "1", "DATABASE_URL": url}, code).stdout.strip()
        for url in ("sqlite:////tmp/one.sqlite3", "postgres://postgres@127.0.0.1:5432/two")
    }
    assert len(prefixes) == 2 and "" not in prefixes


def test_a_cached_total_is_recounted_once_a_write_commits(
    archive, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from articles.web.counts import cached

    with django_assert_num_queries(1):
        first = cached(("articles",), Article.objects.count)
        assert cached(("articles",), Article.objects.count) == first  # from the cache
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.create(title="Новая", body="Текст.", raw_text="Текст.", source_file="new.txt")
        bump_on_commit()  # the writer's call
    with django_assert_num_queries(1):
        assert cached(("articles",), Article.objects.count) == first + 1


def test_the_unfiltered_agreement_list_reuses_the_home_pages_total(
    client, archive, django_assert_num_queries
):
    client.get("/")  # counts every visible agreement
    with django_assert_num_queries(3):  # page rows; their parties; countries for the form (cached: none)
        page = client.get("/agreements/")
    assert page.status_code == 200 and archive.memo.title in page.content.decode()


def test_the_file_cache_counts_its_files_once_every_so_many_writes_and_still_culls(tmp_path, monkeypatch):
    """Django's file cache lists its whole directory on every write; ours once every CULL_EVERY writes
    of a process, and still deletes a third of the files once past MAX_ENTRIES."""
    from coopnews import cache as file_cache

    monkeypatch.setattr(file_cache, "CULL_EVERY", 4)
    backend = file_cache.FileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 5}})
    listings = []
    real_list = backend._list_cache_files
    monkeypatch.setattr(backend, "_list_cache_files", lambda: listings.append(1) or real_list())
    for i in range(8):
        backend.set(f"page-{i}", "x" * 10)
    assert len(listings) == 2  # the 1st and the 5th write, not all 8
    assert len(list(tmp_path.glob("*.djcache"))) == 8  # 4 files at the 5th write: below MAX_ENTRIES
    backend.set("page-8", "x")  # the 9th write counts 8 files, past MAX_ENTRIES: a third goes
    assert len(listings) >= 3 and len(list(tmp_path.glob("*.djcache"))) < 9
    assert cache_from_url(f"file://{tmp_path}")["BACKEND"] == "coopnews.cache.FileBasedCache"
