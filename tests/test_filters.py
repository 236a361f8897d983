"""ArticleFilter: one definition of each list/export parameter; invalid input never widens."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from reader_helpers import build_archive, claim_country, claim_pair, make_article

from articles.models import Article, ClaimState, OutletAlias
from articles.web.filters import ArticleFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def ids(data) -> list[int]:
    f = ArticleFilter(data, queryset=Article.objects.all())
    return [a.pk for a in f.qs]


def titles(data) -> set[str]:
    return set(ArticleFilter(data, queryset=Article.objects.all()).qs.values_list("title", flat=True))


def q(query: str) -> QueryDict:
    return QueryDict(query)


def test_no_parameters_lists_every_article_newest_first_undated_last(archive):
    result = ids({})
    assert len(result) == 6
    assert result[:2] == [archive.a2.pk, archive.a1.pk]  # August 2024, then 16 May 2024
    assert set(result[-2:]) == {archive.a4.pk, archive.a5.pk}  # no year


def test_an_unbound_filter_sorts_like_an_empty_one(archive):
    assert [a.pk for a in ArticleFilter(queryset=Article.objects.all()).qs] == ids({})


def test_country_repeated_means_articles_mentioning_all_of_them(archive):
    assert titles(q("country=CN")) == {
        archive.a1.title,
        archive.a2.title,
        archive.a3.title,
        archive.a5.title,
        archive.a6.title,
    }
    assert titles(q("country=cn&country=by")) == {archive.a3.title}
    assert titles(q("country=RU&country=CN&country=BY")) == set()


def test_country_ignores_rejected_claims(archive):
    # a1 mentions India, but that claim was rejected.
    assert archive.a1.title not in titles(q("country=IN"))


def test_country_accepts_a_single_string_from_a_plain_dict(archive):
    assert titles({"country": "by"}) == {archive.a3.title}
    assert titles({"country": ["BY", "CN"]}) == {archive.a3.title}


def test_pair_matches_in_either_order_and_any_case(archive):
    expected = {archive.a1.title, archive.a2.title, archive.a5.title}
    assert titles({"pair": "CN-RU"}) == expected
    assert titles({"pair": "ru-cn"}) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "Россия-Китай",
        "китай россия",
        "Russia–China",
        "RU-CN",
        "CN-RU",
        "КИТАЙ — РОССИЯ",
        "china, russia",
        "Китай и Россия",
        "КНР-РФ",
    ],
)
def test_pair_by_name_in_russian_or_english_any_order_case_and_dash(archive, typed):
    assert titles({"pair": typed}) == titles({"pair": "CN-RU"}) != set()


def test_pair_names_with_several_words_or_an_inner_and(archive):
    us = make_article("США и Южная Корея", "США и Южная Корея провели учения.", date=(2024, 3, 1))
    claim_pair(us, "KR", "US")
    assert titles({"pair": "Южная Корея - США"}) == {us.title}
    assert titles({"pair": "united states south korea"}) == {us.title}


@pytest.mark.parametrize("typed", ["Россия-Атлантида", "Россия", "Пекин-Москва", "Россия-Россия"])
def test_an_unknown_or_incomplete_pair_name_is_an_error_not_everything(archive, typed):
    f = ArticleFilter({"pair": typed}, queryset=Article.objects.all())
    assert not f.is_valid() and "pair" in f.errors
    assert list(f.qs) == []


def test_pair_ignores_rejected_pairs(archive):
    assert titles({"pair": "CN-IN"}) == set()


def test_official_by_id_ignores_rejected_claims(archive):
    assert titles({"official": str(archive.shoigu.pk)}) == {archive.a1.title, archive.a2.title}
    assert titles({"official": str(archive.ghost.pk)}) == set()


def test_agreement_kind_matches_articles_with_such_an_agreement(archive):
    assert titles({"agreement_kind": "memorandum"}) == {archive.a1.title}
    assert titles({"agreement_kind": "plan"}) == {archive.a3.title}
    assert titles({"agreement_kind": "treaty"}) == set()


def test_source_is_an_outlet_id_name_or_known_spelling_in_any_case(archive):
    tass = {archive.a1.title, archive.a3.title, archive.a6.title}
    assert titles({"source": str(archive.tass.pk)}) == tass
    assert titles({"source": "ТАСС"}) == tass
    OutletAlias.objects.create(outlet=archive.tass, spelling="Тасс-Тестовый")
    assert titles({"source": "тасс-ТЕСТОВЫЙ"}) == tass


def test_unknown_source_is_an_error_not_everything(archive):
    f = ArticleFilter({"source": "Вестник Марса"}, queryset=Article.objects.all())
    assert list(f.qs) == []
    assert "source" in f.errors


def test_date_range_includes_partial_dates_that_can_fall_in_it(archive):
    # a2 is «август 2024»: any day of August can be it.
    assert archive.a2.title in titles({"date_after": "2024-08-31"})
    assert archive.a2.title not in titles({"date_after": "2024-09-01"})
    assert archive.a2.title in titles({"date_before": "2024-08-01"})
    assert archive.a2.title not in titles({"date_before": "2024-07-31"})
    # a3 is «2024»: a June fortnight can hold it.
    assert archive.a3.title in titles({"date_after": "2024-06-01", "date_before": "2024-06-14"})
    # a1 is a day: only ranges containing 16 May 2024.
    assert archive.a1.title in titles({"date_after": "2024-05-16", "date_before": "2024-05-16"})
    assert archive.a1.title not in titles({"date_after": "2024-05-17", "date_before": "2024-07-01"})


def test_articles_without_a_year_are_left_out_of_any_date_range(archive):
    # a4 is «18 августа, год не указан», a5 has no date at all.
    for data in ({"date_after": "1900-01-01"}, {"date_before": "2999-12-31"}):
        result = titles(data)
        assert archive.a4.title not in result and archive.a5.title not in result
        assert archive.a1.title in result


def test_sort_oldest_puts_undated_last_too(archive):
    result = ids({"sort": "oldest"})
    assert result[0] == archive.a6.pk  # January 2023
    assert set(result[-2:]) == {archive.a4.pk, archive.a5.pk}


def test_relevance_without_a_query_means_newest(archive):
    assert ids({"sort": "relevance"}) == ids({"sort": "newest"}) == ids({})


def test_filters_combine(archive):
    data = q("country=RU&pair=CN-RU&source=" + str(archive.ria.pk) + "&date_after=2024-01-01")
    assert titles(data) == {archive.a2.title}


@pytest.mark.parametrize(
    "data,field",
    [
        ({"country": "XX"}, "country"),
        ({"country": "Russia"}, "country"),
        ({"country": ["RU"] * 11}, "country"),
        ({"pair": "XX"}, "pair"),
        ({"pair": "RU-RU"}, "pair"),
        ({"pair": "RU-XX"}, "pair"),
        ({"official": "abc"}, "official"),
        ({"official": "999999"}, "official"),
        ({"agreement_kind": "alliance"}, "agreement_kind"),
        ({"date_after": "yesterday"}, "date_after"),
        ({"date_before": "2024-13-45"}, "date_before"),
        ({"date_after": "18.08.2024"}, "date_after"),
        ({"date_after": "2024-06-01", "date_before": "2024-01-01"}, "date_before"),
        ({"q": "x" * 10_000}, "q"),
        ({"q": "Росс\x00ия"}, "q"),
        ({"sort": "drop"}, "sort"),
    ],
)
def test_invalid_input_is_reported_and_narrows_to_nothing(archive, data, field):
    f = ArticleFilter(data, queryset=Article.objects.all())
    assert not f.is_valid()
    assert field in f.errors
    assert list(f.qs) == []


def test_invalid_input_narrows_even_when_other_parameters_are_valid(archive):
    f = ArticleFilter({"pair": "CN-RU", "date_after": "yesterday"}, queryset=Article.objects.all())
    assert list(f.qs) == []


def test_a_claim_rejected_later_drops_the_article_from_the_country_filter(archive):
    article = make_article("Позднее решение", "Китай и Вьетнам.", date=(2024, 1, 1))
    claim = claim_country(article, "VN", "Вьетнам")
    assert titles({"country": "VN"}) == {"Позднее решение"}
    claim.state = ClaimState.REJECTED
    claim.save()
    assert titles({"country": "VN"}) == set()


def test_the_filtered_queryset_has_no_duplicate_rows(archive):
    # Exists() rather than joins: an article with several matching claims appears once.
    result = ids(q("country=RU&country=CN&pair=CN-RU"))
    assert len(result) == len(set(result)) == 3


def test_year_unknown_articles_sort_by_their_day_and_month_after_the_dated_and_before_the_undated(archive):
    # Imported in this order; the list must not follow it.
    may = make_article("Первое мая, год неизвестен", date=(None, 5, 1))
    undated = make_article("Без даты")
    december = make_article("Тридцатое декабря, год неизвестен", date=(None, 12, 30))
    march = make_article("Март 2020", date=(2020, 3, None))
    newest = ids({})
    dated = [pk for pk in newest if Article.objects.get(pk=pk).date_year]
    assert newest[: len(dated)] == dated and march.pk == dated[-1]
    year_unknown = newest[len(dated) : len(dated) + 3]
    assert year_unknown == [december.pk, archive.a4.pk, may.pk]  # 30 December, 18 August, 1 May
    assert set(newest[len(dated) + 3 :]) == {undated.pk, archive.a5.pk}
    oldest = ids({"sort": "oldest"})
    assert oldest[len(dated) : len(dated) + 3] == [may.pk, archive.a4.pk, december.pk]
    assert set(oldest[-2:]) == {undated.pk, archive.a5.pk}
