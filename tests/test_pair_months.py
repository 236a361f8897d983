"""The pair × month table stays equal to a recount of visible pairs through every kind of write."""

from __future__ import annotations

from collections import Counter

import pytest
from admin_helpers import errors_of, form_data, make_editor, set_row
from django.db.models import Q
from reader_helpers import claim_pair, make_article

from articles.archive import generation
from articles.archive.pair_months import cell, recounting
from articles.models import ArticlePair, ClaimState, PairMonth

pytestmark = pytest.mark.django_db


def table() -> Counter:
    return Counter(
        {(r.country_a_id, r.country_b_id, r.year, r.month): r.articles for r in PairMonth.objects.all()}
    )


def recount() -> Counter:
    rows = ArticlePair.objects.visible().values_list(
        "country_a", "country_b", "article__date_year", "article__date_month"
    )
    return Counter(cell(*row) for row in rows)


def test_new_pairs_are_counted_in_their_month_year_or_as_undated():
    claim_pair(make_article(date=(2024, 5, 1)), "CN", "RU")
    claim_pair(make_article(date=(2024, 5, 9)), "CN", "RU")
    claim_pair(make_article(date=(2023, None, None)), "CN", "RU")
    claim_pair(make_article(), "BY", "RU", state=ClaimState.CONFIRMED)
    claim_pair(make_article(date=(2024, 5, 1)), "IN", "RU", state=ClaimState.REJECTED)
    assert table() == Counter({("CN", "RU", 2024, 5): 2, ("CN", "RU", 2023, 0): 1, ("BY", "RU", 0, 0): 1})


def test_a_rejected_pair_leaves_the_table_and_a_restored_one_returns():
    pair = claim_pair(make_article(date=(2024, 5, 1)), "CN", "RU")
    pair.state = ClaimState.REJECTED
    with recounting(Q(pk=pair.pk)):
        pair.save()
    assert table() == Counter()
    pair.state = ClaimState.CONFIRMED
    with recounting(Q(pk=pair.pk)):
        pair.save()
    assert table() == recount() == Counter({("CN", "RU", 2024, 5): 1})


def test_a_changed_date_moves_the_article_and_a_changed_country_moves_the_pair():
    article = make_article(date=(2024, 5, 1))
    pair = claim_pair(article, "CN", "RU")
    claim_pair(article, "BY", "RU", primary=False)
    article.date_month = 6
    with recounting(Q(article=article)):
        article.save()
    pair.country_a_id = "IN"
    with recounting(Q(pk=pair.pk)):
        pair.save()
    assert table() == recount() == Counter({("IN", "RU", 2024, 6): 1, ("BY", "RU", 2024, 6): 1})


def test_deleted_pairs_and_articles_are_subtracted():
    kept = make_article(date=(2024, 5, 1))
    claim_pair(kept, "CN", "RU")
    gone = make_article(date=(2024, 5, 2))
    claim_pair(gone, "CN", "RU")
    other = claim_pair(make_article(date=(2024, 5, 3)), "BY", "RU")
    with recounting(Q(article=gone.pk)):
        gone.delete()
    with recounting(Q(pk=other.pk)):
        ArticlePair.objects.filter(pk=other.pk).delete()
    assert table() == recount() == Counter({("CN", "RU", 2024, 5): 1})


def test_the_pages_read_the_table(client, django_capture_on_commit_callbacks):
    # The matrix's pair totals are kept for an archive generation, which a commit ends.
    with django_capture_on_commit_callbacks(execute=True):
        claim_pair(make_article(date=(2024, 5, 1)), "CN", "RU")
    assert "/pairs/cn-ru/" in client.get("/pairs/").content.decode()
    with django_capture_on_commit_callbacks(execute=True), recounting(Q()):
        ArticlePair.objects.get().delete()
        generation.bump_on_commit()  # the writer's call, made by every write path
    assert "/pairs/cn-ru/" not in client.get("/pairs/").content.decode()


def test_an_editor_rejecting_a_pair_in_the_admin_removes_it_from_the_matrix_at_once(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(date=(2024, 5, 1))
        pair = claim_pair(article, "CN", "RU")
    client.force_login(make_editor())
    assert "/pairs/cn-ru/" in client.get("/pairs/").content.decode()
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(client.get(url))
    set_row(data, "pairs", pair.pk, state="rejected")
    with django_capture_on_commit_callbacks(execute=True):  # the editor's save commits
        response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert table() == Counter()
    assert "/pairs/cn-ru/" not in client.get("/pairs/").content.decode()


def test_every_write_the_admin_offers_keeps_the_table_equal_to_a_recount(admin_client):
    """Change form (date), pair inline (reject, restore, add, delete), history revert, both
    bulk actions, deletion one by one and in bulk, of articles and of countries."""
    from admin_helpers import add_inline_row
    from django.urls import reverse

    from articles.models import Article, Country

    def check(step):
        assert table() == recount(), step

    article = make_article(date=(2024, 5, 1))
    pair = claim_pair(article, "CN", "RU")
    claim_pair(article, "BY", "RU", primary=False)
    url = reverse("admin:articles_article_change", args=[article.pk])

    def change(step, edit):
        data = form_data(admin_client.get(url))
        edit(data)
        response = admin_client.post(url, data)
        assert response.status_code == 302, errors_of(response)
        check(step)

    change("date", lambda d: d.update(date_year="2023", date_month="7"))
    change("reject", lambda d: set_row(d, "pairs", pair.pk, state="rejected"))
    change("restore", lambda d: set_row(d, "pairs", pair.pk, state="confirmed"))
    change(
        "add",
        lambda d: add_inline_row(d, "pairs", country_a="KZ", country_b="RU", state="confirmed", score="1"),
    )
    assert table()[("KZ", "RU", 2023, 7)] == table()[("CN", "RU", 2023, 7)] == 1
    added = ArticlePair.objects.get(article=article, country_a="KZ")
    change("delete row", lambda d: set_row(d, "pairs", added.pk, DELETE=True))  # an editor's own row
    assert ("KZ", "RU", 2023, 7) not in table()
    change(
        "add again", lambda d: add_inline_row(d, "pairs", country_a="KZ", country_b="RU", state="confirmed")
    )

    first = article.history.last()  # created in May 2024
    page_url = reverse("admin:articles_article_simple_history", args=[article.pk, first.history_id])
    response = admin_client.post(page_url, form_data(admin_client.get(page_url)))
    assert response.status_code == 302, errors_of(response)
    check("revert")
    assert ("KZ", "RU", 2024, 5) in table()

    changelist = reverse("admin:articles_article_changelist")
    for action in ("confirm_all_proposed", "mark_reviewed"):
        response = admin_client.post(changelist, {"action": action, "_selected_action": [article.pk]})
        assert response.status_code == 302
        check(action)

    doomed = make_article(date=(2024, 6, 1))
    claim_pair(doomed, "CN", "RU")
    response = admin_client.post(reverse("admin:articles_article_delete", args=[doomed.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Article.objects.filter(pk=doomed.pk).exists()
    check("delete one article")

    many = [make_article(date=(2024, 6, day)) for day in (2, 3)]
    for a in many:
        claim_pair(a, "CN", "RU")
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [a.pk for a in many], "post": "yes"}
    )
    assert response.status_code == 302 and not Article.objects.filter(pk__in=[a.pk for a in many]).exists()
    check("delete articles in bulk")

    claim_pair(make_article(date=(2024, 8, 1)), "AM", "RU")
    response = admin_client.post(reverse("admin:articles_country_delete", args=["AM"]), {"post": "yes"})
    assert response.status_code == 302 and not Country.objects.filter(iso="AM").exists()
    check("delete one country")

    claim_pair(make_article(date=(2024, 8, 2)), "AZ", "GE")
    response = admin_client.post(
        reverse("admin:articles_country_changelist"),
        {"action": "delete_selected", "_selected_action": ["AZ", "GE"], "post": "yes"},
    )
    assert response.status_code == 302 and not Country.objects.filter(iso__in=["AZ", "GE"]).exists()
    check("delete countries in bulk")
    assert table() == recount() != Counter()


def test_no_signal_keeps_the_table_the_writer_calls_it():
    from django.db.models.signals import post_delete, post_save, pre_save

    from articles.models import Article

    receivers = [
        receiver
        for signal in (pre_save, post_save, post_delete)
        for model in (Article, ArticlePair)
        for receiver in signal._live_receivers(model)[0]
    ]
    assert receivers  # history and the page cache still listen
    assert not [r for r in receivers if "pair_months" in getattr(r, "__module__", "")]


def test_an_estimated_year_counts_the_article_in_that_month_and_confirming_keeps_it_there():
    article = make_article(date=(None, 8, 18), date_estimated_year=2025)
    claim_pair(article, "CN", "RU")
    assert table() == Counter({("CN", "RU", 2025, 8): 1})
    article.date_estimated_year = 2024  # an editor's correction moves it
    with recounting(Q(article=article)):
        article.save()
    assert table() == Counter({("CN", "RU", 2024, 8): 1})
    article.confirm_estimated_year()
    with recounting(Q(article=article)):
        article.save()
    assert table() == Counter({("CN", "RU", 2024, 8): 1})
