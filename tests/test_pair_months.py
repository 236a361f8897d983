"""The pair × month table stays equal to a recount of visible pairs through every kind of write."""

from __future__ import annotations

from collections import Counter

import pytest
from admin_helpers import errors_of, form_data, make_editor, set_row
from reader_helpers import claim_pair, make_article

from articles.archive.pair_months import cell
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
    pair.save()
    assert table() == Counter()
    pair.state = ClaimState.CONFIRMED
    pair.save()
    assert table() == recount() == Counter({("CN", "RU", 2024, 5): 1})


def test_a_changed_date_moves_the_article_and_a_changed_country_moves_the_pair():
    article = make_article(date=(2024, 5, 1))
    pair = claim_pair(article, "CN", "RU")
    claim_pair(article, "BY", "RU", primary=False)
    article.date_month = 6
    article.save()
    pair.country_a_id = "IN"
    pair.save()
    assert table() == recount() == Counter({("IN", "RU", 2024, 6): 1, ("BY", "RU", 2024, 6): 1})


def test_deleted_pairs_and_articles_are_subtracted():
    kept = make_article(date=(2024, 5, 1))
    claim_pair(kept, "CN", "RU")
    gone = make_article(date=(2024, 5, 2))
    claim_pair(gone, "CN", "RU")
    other = claim_pair(make_article(date=(2024, 5, 3)), "BY", "RU")
    gone.delete()
    ArticlePair.objects.filter(pk=other.pk).delete()
    assert table() == recount() == Counter({("CN", "RU", 2024, 5): 1})


def test_the_pages_read_the_table(client, django_capture_on_commit_callbacks):
    # The matrix's pair totals are kept for an archive generation, which a commit ends.
    with django_capture_on_commit_callbacks(execute=True):
        claim_pair(make_article(date=(2024, 5, 1)), "CN", "RU")
    assert "/pairs/cn-ru/" in client.get("/pairs/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePair.objects.get().delete()
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


def test_an_estimated_year_counts_the_article_in_that_month_and_confirming_keeps_it_there():
    article = make_article(date=(None, 8, 18), date_estimated_year=2025)
    claim_pair(article, "CN", "RU")
    assert table() == Counter({("CN", "RU", 2025, 8): 1})
    article.date_estimated_year = 2024  # an editor's correction moves it
    article.save()
    assert table() == Counter({("CN", "RU", 2024, 8): 1})
    article.confirm_estimated_year()
    article.save()
    assert table() == Counter({("CN", "RU", 2024, 8): 1})
