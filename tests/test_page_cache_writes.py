"""Who makes readers' cached pages stale (articles/archive/generation.py): the writer, by explicit
calls, and nobody else — no anonymous request, no refused POST. During an import readers' pages
follow at a bounded delay; editors always see the archive as it is."""

from __future__ import annotations

import io
import math
import re
import threading
import time

import pytest
from admin_helpers import errors_of, form_data, make_editor
from django.contrib import admin
from django.core.management import call_command
from django.test import Client

from articles.admin.writes import ArchiveAdmin
from articles.archive import generation
from articles.archive.generation import Throttle, pages_generation
from articles.models import Article, Organisation
from articles.web.page_cache import CACHE_HEADER
from tests.reader_helpers import build_archive, make_article

STALE = 30  # COOPNEWS_PAGE_STALE_SECONDS in these tests


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.COOPNEWS_PAGE_CACHE_SECONDS = 600
    settings.COOPNEWS_PAGE_STALE_SECONDS = STALE


@pytest.fixture
def archive(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_archive()


def tokens() -> tuple[str, str]:
    return generation.generation(), pages_generation()


def write_articles(folder, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03}.txt").write_text(
            f"Статья номер {i} о поставках техники\n\nМосква, 1 марта 2024 года. Текст статьи номер {i}.\n",
            encoding="utf-8",
        )


# --- nothing from outside ------------------------------------------------------------------------


def test_an_anonymous_language_switch_leaves_the_cached_pages(client, archive):
    client.get("/")
    before = tokens()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert tokens() == before
    client.cookies.clear()
    assert client.get("/")[CACHE_HEADER] == "hit"


def test_a_post_refused_by_the_csrf_check_leaves_the_cached_pages(archive):
    strict = Client(enforce_csrf_checks=True)
    strict.get("/")
    before = tokens()
    refused = strict.post("/admin/login/", {"username": "x", "password": "y"})
    assert refused.status_code == 403
    assert tokens() == before
    assert strict.get("/")[CACHE_HEADER] == "hit"


def test_an_anonymous_post_to_an_admin_change_page_leaves_the_cached_pages(client, archive):
    before = tokens()
    response = client.post(f"/admin/articles/article/{archive.a1.pk}/change/", {"title": "x"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert tokens() == before


def test_an_admin_form_shown_again_with_errors_leaves_the_cached_pages(admin_client, archive):
    change = f"/admin/articles/article/{archive.a1.pk}/change/"
    data = form_data(admin_client.get(change))
    data["title"] = ""  # required
    before = tokens()
    assert admin_client.post(change, data).status_code == 200
    assert tokens() == before


def test_an_editors_admin_edit_makes_the_pages_stale(client, archive, django_capture_on_commit_callbacks):
    editor = Client()
    editor.force_login(make_editor())
    client.get("/")
    before = tokens()
    change = f"/admin/articles/article/{archive.a1.pk}/change/"
    data = form_data(editor.get(change))
    data["title"] = "Новый заголовок"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(change, data)
    assert response.status_code == 302, errors_of(response)
    assert all(new != old for new, old in zip(tokens(), before, strict=True))
    assert client.get("/")[CACHE_HEADER] == "miss"


def test_an_admin_bulk_action_makes_the_pages_stale(
    admin_client, archive, django_capture_on_commit_callbacks
):
    before = pages_generation()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/articles/article/",
            {"action": "mark_reviewed", "_selected_action": [archive.a1.pk]},
        )
    assert response.status_code == 302
    assert pages_generation() != before


def test_loading_new_reference_data_makes_the_pages_stale(db, django_capture_on_commit_callbacks):
    Organisation.objects.order_by("pk").first().delete()  # as if a release shipped it
    before = pages_generation()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_reference_data", stdout=io.StringIO())
    after = pages_generation()
    assert after != before
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_reference_data", stdout=io.StringIO())  # nothing new
    assert pages_generation() == after


def test_every_admin_of_an_archive_model_publishes_its_writes():
    archive_admins = [a for m, a in admin.site._registry.items() if m._meta.app_label == "articles"]
    assert archive_admins and all(isinstance(a, ArchiveAdmin) for a in archive_admins)


def test_a_host_outside_allowed_hosts_is_refused_even_for_a_cached_page(client, archive):
    client.get("/")
    assert client.get("/")[CACHE_HEADER] == "hit"
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_pages_asked_for_under_two_allowed_hosts_are_cached_apart(client, archive, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    client.get("/")
    assert client.get("/", HTTP_HOST="mirror.example")[CACHE_HEADER] == "miss"


# --- batches -------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_batch_publishes_at_most_once_per_interval_and_at_its_end(monkeypatch):
    published: list[float] = []
    clock = FakeClock()
    monkeypatch.setattr(generation, "_replace", lambda *keys: published.append(clock.now))
    throttle = Throttle(STALE, clock=clock)
    for _ in range(100):  # a change a second for 100 s
        clock.now += 1
        throttle.changed()
    throttle.close()
    assert published == [30, 60, 90, 100]
    assert len(published) <= math.ceil(clock.now / STALE) + 1


def test_a_batch_that_changed_nothing_publishes_nothing(monkeypatch):
    published = []
    monkeypatch.setattr(generation, "_replace", lambda *keys: published.append(keys))
    with generation.batch(seconds=1):
        pass
    assert published == []


def test_a_batch_that_fails_still_publishes_its_changes(monkeypatch):
    published = []
    monkeypatch.setattr(generation, "_replace", lambda *keys: published.append(keys))
    with pytest.raises(RuntimeError), generation.batch(seconds=STALE):
        generation.bump_on_commit()  # outside a transaction: committed at once
        raise RuntimeError("the batch failed")
    assert (generation.PAGES_GENERATION_KEY,) in published


def test_a_change_no_later_commit_follows_is_published_by_the_timer(monkeypatch):
    published = threading.Event()
    monkeypatch.setattr(generation, "_replace", lambda *keys: published.set())
    clock = FakeClock()
    throttle = Throttle(0.05, clock=clock)
    try:
        throttle.changed()  # too early to publish: a timer is set
        assert not published.is_set() and throttle.pending
        clock.now = 1  # due now; no other change follows
        assert published.wait(10)
        assert throttle.published == 1 and not throttle.pending
    finally:
        throttle.close()


@pytest.mark.django_db(transaction=True)
def test_an_import_of_several_articles_replaces_the_pages_generation_a_bounded_number_of_times(
    settings, tmp_path, monkeypatch
):
    settings.COOPNEWS_PAGE_STALE_SECONDS = 1
    write_articles(tmp_path / "texts", 8)
    real_replace = generation._replace
    pages = []

    def counting(*keys):
        pages.extend(k for k in keys if k == generation.PAGES_GENERATION_KEY)
        real_replace(*keys)

    monkeypatch.setattr(generation, "_replace", counting)
    started = time.monotonic()
    call_command("import_articles", str(tmp_path / "texts"), "--no-extract", verbosity=0)
    duration = time.monotonic() - started
    assert Article.objects.count() == 8
    assert 1 <= len(pages) <= math.ceil(duration / 1) + 1


def home_count(client, url: str = "/") -> int:
    page = client.get(url).content.decode()
    found = re.search(r'<a href="/articles/">([\d\s\u00a0]+)</a>', page)
    assert found, "the home page shows no article count"
    return int(re.sub(r"\D", "", found.group(1)))


@pytest.mark.django_db(transaction=True)
def test_during_an_import_readers_see_counts_at_most_the_stated_bound_old_and_editors_exact_ones(
    tmp_path, monkeypatch
):
    """Each article commits 10 (fake) seconds after the previous one; after each, a reader and an
    editor read the home page's article count and compare it with the database."""
    from articles.archive.importing import Importer

    clock = FakeClock()
    monkeypatch.setattr(generation, "CLOCK", clock)
    write_articles(tmp_path / "texts", 10)
    reader, editor = Client(), Client()
    editor.force_login(make_editor())
    committed: list[tuple[float, int]] = [(clock.now, 0)]  # (when, articles in the database)
    seen: list[tuple[float, int, int, int, int]] = []  # when; a reader's count, owed; an editor's, exact
    write = Importer.write

    def write_then_read(self, parsed, extraction, story=None):
        result = write(self, parsed, extraction, story)
        committed.append((clock.now, Article.objects.count()))
        clock.now += 10
        owed = max(count for at, count in committed if at <= clock.now - STALE) if clock.now >= STALE else 0
        seen.append((clock.now, home_count(reader), owed, home_count(editor), committed[-1][1]))
        return result

    monkeypatch.setattr(Importer, "write", write_then_read)
    call_command("import_articles", str(tmp_path / "texts"), "--no-extract", verbosity=0)

    for when, readers, owed, editors, exact in seen:
        assert readers >= owed, (
            f"at {when} s a reader saw {readers} articles, {owed} committed by {when - STALE} s"
        )
        assert editors == exact
    assert any(readers < editors for _, readers, _, editors, _ in seen)  # the reader's page was cached
    assert home_count(reader) == Article.objects.count() == 10  # the batch's end publishes the rest


def test_during_a_batch_a_readers_page_rendered_afresh_shows_the_published_totals(
    client, archive, monkeypatch, django_capture_on_commit_callbacks
):
    """Totals follow the page they are on: a reader's page rendered mid-import does not count the
    archive again after every article, and shows what the other cached pages show."""
    clock = FakeClock()
    monkeypatch.setattr(generation, "CLOCK", clock)
    editor = Client()
    editor.force_login(make_editor())
    before = home_count(client)

    def commit_an_article():
        with django_capture_on_commit_callbacks(execute=True):
            make_article("Новая статья")
            generation.bump_on_commit()

    with generation.batch(seconds=STALE):
        commit_an_article()
        assert home_count(client, "/?a-page-not-cached-yet") == before
        assert home_count(editor) == before + 1
        clock.now += STALE
        commit_an_article()  # due: published
        assert home_count(client, "/?another-page") == before + 2
