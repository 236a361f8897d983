"""The reader's pages: what each shows, what it never shows, its URLs, and its query count."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from reader_helpers import add_articles, build_archive, claim_agreement, make_article

from articles.models import Agreement, Article, ClaimState, Outlet
from articles.web import reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def text(response) -> str:
    return response.content.decode()


# --- what the pages show -------------------------------------------------------------------------


def test_home_shows_counts_latest_articles_matrix_and_recent_agreements(client, archive):
    response = client.get("/")
    assert response.status_code == 200
    html = text(response)
    assert "Россия и Китай подписали меморандум" in html
    assert "Меморандум о военно-техническом сотрудничестве" in html
    assert 'href="/pairs/cn-ru/"' in html
    assert '<html lang="ru">' in html


def test_article_list_shows_result_count_and_25_per_page(client, archive):
    add_articles(30)
    response = client.get("/articles/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 36
    assert len(response.context["page"].object_list) == 25
    second = client.get("/articles/?page=2")
    assert len(second.context["page"].object_list) == 11


def test_article_list_shows_active_filters_each_with_a_link_that_removes_it(client, archive):
    response = client.get("/articles/?country=ru&country=CN&q=Китай&page=1")
    active = response.context["active"]
    assert [a["value"] for a in active] == ["Китай", "Россия", "«Китай»"] or [a["value"] for a in active] == [
        "Россия",
        "Китай",
        "«Китай»",
    ]
    removes = {a["value"]: a["remove"] for a in active}
    assert "country=RU" not in removes["Россия"].upper().replace("COUNTRY=CN", "")
    assert "page" not in removes["«Китай»"]
    assert "q=" not in removes["«Китай»"]
    follow = client.get("/articles/" + removes["«Китай»"])
    assert follow.status_code == 200
    assert {a["value"] for a in follow.context["active"]} == {"Россия", "Китай"}


def test_article_page_links_recognised_entities_in_the_body_and_lists_them(client, archive):
    response = client.get(f"/articles/{archive.a1.pk}/")
    html = text(response)
    assert f'href="/officials/{archive.shoigu.pk}/"' in html
    assert f'href="/agreements/{archive.memo.pk}/"' in html
    assert 'class="hl hl-country" href="/countries/cn/"' in html
    assert "16 мая 2024" in html
    assert "ТАСС" in html
    assert "reader-" in html  # provenance: the source file


def test_article_page_shows_a_date_without_year_at_its_precision(client, archive):
    response = client.get(f"/articles/{archive.a4.pk}/")
    assert "18 августа, год не указан" in text(response)


def test_article_page_marks_a_derived_title(client, archive):
    response = client.get(f"/articles/{archive.a5.pk}/")
    assert "заголовок выведен" in text(response).lower() or "составлен из начала текста" in text(response)


def test_rejected_claims_never_reach_the_reader(client, archive):
    html = text(client.get(f"/articles/{archive.a1.pk}/"))
    assert "/countries/in/" not in html  # Индия was rejected in this article
    assert "Иван Призраков" not in html
    # The rejected official is hidden everywhere, not only on the article.
    assert client.get(f"/officials/{archive.ghost.pk}/").status_code == 404
    assert "Иван Призраков" not in text(client.get("/officials/"))
    # The rejected India–China pair neither appears in the matrix nor counts.
    assert "/pairs/cn-in/" not in text(client.get("/pairs/"))
    assert client.get("/pairs/cn-in/").context["series"].total == 0


def test_article_text_is_escaped_everywhere(client, archive):
    for url in ["/", "/articles/", f"/articles/{archive.a4.pk}/", "/pairs/in-ru/", "/countries/in/"]:
        html = text(client.get(url))
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(" in html, url


def test_a_javascript_url_is_not_made_a_link(client, archive):
    article = make_article("Ссылка", "Текст.", url="javascript:alert(1)")
    html = text(client.get(f"/articles/{article.pk}/"))
    assert 'href="javascript:' not in html


def test_pair_matrix_links_each_cell_to_its_pair_and_shades_by_count(client, archive):
    add_articles(5)
    response = client.get("/pairs/")
    html = text(response)
    assert 'href="/pairs/cn-ru/"' in html
    assert 'href="/pairs/by-cn/"' in html
    assert "shade-5" in html  # the busiest pair
    assert "shade-1" in html or "shade-2" in html
    assert 'style="' not in html  # the CSP forbids inline styles


def test_pair_matrix_names_its_columns_as_well_as_its_rows(client, archive):
    html = text(client.get("/pairs/"))
    header = html[html.index("<thead>") : html.index("</thead>")]
    assert '<th scope="col" class="matrix__col"><span>Китай</span></th>' in header
    assert ">CN<" not in header and "<abbr" not in header


def test_pair_dossier_has_chart_agreements_officials_of_each_side_and_latest_articles(client, archive):
    response = client.get("/pairs/cn-ru/")
    assert response.status_code == 200
    html = text(response)
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "<table" in html  # the chart's numbers as a table
    assert "Меморандум о военно-техническом сотрудничестве" in html
    sides = dict((c.iso, rows) for c, rows in response.context["sides"])
    assert [r["official__full_name"] for r in sides["RU"]] == ["Сергей Шойгу"]
    assert [r["official__full_name"] for r in sides["CN"]] == ["Дун Цзюнь"]
    assert response.context["series"].total == 3
    assert "Белоруссия и Китай" not in html


def test_pair_dossier_lists_the_pairs_visible_agreements_newest_first(client, archive):
    def agreement(title, *, year=None, month=None, day=None, parties=("RU", "CN")):
        row = Agreement.objects.create(title=title, date_year=year, date_month=month, date_day=day)
        row.parties.set(parties)
        return row

    mixed = agreement("Смешанное", year=2024, month=12)  # one rejected claim, one visible: shown
    claim_agreement(archive.a1, mixed, state=ClaimState.REJECTED)
    claim_agreement(archive.a2, mixed)
    false = agreement("Ложное", year=2025)  # rejected claims only: hidden
    claim_agreement(archive.a1, false, state=ClaimState.REJECTED)
    claim_agreement(archive.a5, false, state=ClaimState.REJECTED)
    older = agreement("Редакторское", year=2020, month=3)  # no claims: an editor's, shown
    undated = agreement("Без даты")
    agreement("Тройное", year=2019, parties=("RU", "CN", "IN"))
    agreement("Другая пара", year=2025, parties=("RU", "IN"))

    titles = [a.title for a in client.get("/pairs/cn-ru/").context["agreements"]]
    assert titles == [mixed.title, archive.memo.title, older.title, "Тройное", undated.title]
    country = {a.title for a in client.get("/countries/ru/").context["agreements"]}
    assert country == {*titles, "Другая пара"}
    assert [a.title for a in reader.agreements_between("CN", "IN")] == ["Тройное"]

    many = [
        agreement(f"Соглашение {i}", year=2000 + i % 20, month=i % 12 + 1, parties=("BY", "RU"))
        for i in range(55)
    ]
    newest = sorted(many, key=lambda a: (a.date_from, a.pk), reverse=True)[:50]
    assert list(client.get("/pairs/by-ru/").context["agreements"]) == newest


def test_pair_in_the_other_order_or_upper_case_redirects_permanently(client, archive):
    for slug in ["ru-cn", "CN-RU", "RU-cn"]:
        response = client.get(f"/pairs/{slug}/")
        assert response.status_code == 301
        assert response["Location"] == "/pairs/cn-ru/"
    feed = client.get("/pairs/ru-cn/feed/")
    assert feed.status_code == 301 and feed["Location"] == "/pairs/cn-ru/feed/"


def test_a_countrys_article_count_is_its_articles_with_a_visible_claim(client, archive):
    from articles.models import CountryClaim

    for iso in ("CN", "IN", "RU"):
        expected = reader.articles_mentioning_country(iso).count()
        assert client.get(f"/countries/{iso.lower()}/").context["article_count"] == expected
    # Rejecting a claim takes its article out of the count; the rejected IN claim never counted.
    claim = CountryClaim.objects.filter(country_id="CN").first()
    before = reader.country_article_count("CN")
    claim.state = ClaimState.REJECTED
    claim.save()
    assert reader.country_article_count("CN") == before - 1
    assert reader.country_article_count("IN") == reader.articles_mentioning_country("IN").count()


@pytest.mark.parametrize("slug", ["ru-ru", "xx-ru", "russia", "r-u", "ru-cn-by", "12-34"])
def test_pair_with_unknown_or_invalid_codes_is_404(client, archive, slug):
    assert client.get(f"/pairs/{slug}/").status_code == 404


def test_countries_rank_partners_and_list_officials_and_agreements(client, archive):
    response = client.get("/countries/cn/")
    assert response.status_code == 200
    partners = [p["country"].iso for p in response.context["partners"]]
    assert partners == ["RU", "BY"]  # the rejected IN pair does not count
    assert [o.full_name for o in response.context["officials"]] == ["Дун Цзюнь"]
    assert {a.title for a in response.context["agreements"]} == {archive.memo.title, archive.plan.title}
    listing = client.get("/countries/")
    assert listing.context["countries"][0]["country"].iso in {"RU", "CN"}
    assert client.get("/countries/CN/")["Location"] == "/countries/cn/"
    assert client.get("/countries/xx/").status_code == 404
    assert client.get("/countries/rus/").status_code == 404


def test_official_page_shows_posts_over_time_articles_and_agreements_signed(client, archive):
    response = client.get(f"/officials/{archive.shoigu.pk}/")
    assert response.status_code == 200
    posts = [(p["position"], p["n"]) for p in response.context["posts"]]
    assert posts == [("министр обороны", 1), ("министр обороны Российской Федерации", 1)]
    assert response.context["article_count"] == 2
    assert [a.title for a in response.context["agreements"]] == [archive.memo.title]


def test_official_list_filters_by_country_and_name_in_any_case(client, archive):
    by_country = client.get("/officials/?country=by")
    assert [o.full_name for o in by_country.context["page"].object_list] == ["Виктор Хренин"]
    by_name = client.get("/officials/?name=ШОЙГУ")
    assert [o.full_name for o in by_name.context["page"].object_list] == ["Сергей Шойгу"]


def test_agreements_filter_by_kind_status_party_and_year(client, archive):
    def titles(query):
        response = client.get("/agreements/" + query)
        assert response.status_code == 200, query
        return [a.title for a in response.context["page"].object_list]

    assert titles("") == [archive.memo.title, archive.plan.title]
    assert titles("?kind=plan") == [archive.plan.title]
    assert titles("?status=signed") == [archive.memo.title]
    assert titles("?party=by") == [archive.plan.title]
    assert titles("?party=RU&year=2024") == [archive.memo.title]
    assert titles("?year=1999") == []
    detail = client.get(f"/agreements/{archive.memo.pk}/")
    assert [o.full_name for o in detail.context["signatories"]] == ["Дун Цзюнь", "Сергей Шойгу"]
    assert 'href="/pairs/cn-ru/"' in text(detail)


@pytest.mark.parametrize(
    "url",
    ["/articles/999999/", "/officials/999999/", "/agreements/999999/", "/articles/99999999999999999999999/"],
)
def test_unknown_ids_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_pages_send_a_content_security_policy_without_inline_script(client, archive):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script" not in text(response)


def test_english_is_one_click_away_and_translates_the_interface(client, archive):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/pairs/cn-ru/"})
    assert response.status_code == 302 and response["Location"] == "/pairs/cn-ru/"
    html = text(client.get("/pairs/cn-ru/"))
    assert '<html lang="en">' in html
    assert "China — Russia" in html
    assert "Stories per month" in html  # stories by default (articles/web/counting.py)
    assert "Articles per month" in text(client.get("/pairs/cn-ru/?count=articles"))
    assert "memorandum" in html
    back = text(client.get(f"/articles/{archive.a4.pk}/"))
    assert "18 August, year unknown" in back


# --- query counts: pinned, and not growing with the rows ------------------------------------------


def _count(client, url, django_assert_num_queries, n):
    with django_assert_num_queries(n):
        response = client.get(url)
    assert response.status_code == 200, url
    return response


# (url, queries, why): one comment per query.
PAGES = [
    # articles, officials, agreements counts (cold cache; kept per archive generation); latest articles
    # + their pairs; pair counts (pair × month table) + country names for the matrix; recent agreements.
    ("/", 8),
    # count; page rows; their pairs; countries and outlets for the form.
    ("/articles/", 5),
    # the same, plus the pair's countries validated by the form.
    ("/articles/?pair=RU-CN", 6),
    # the same, plus the countries validated by the form.
    ("/articles/?country=RU&date_after=2020-01-01&date_before=2025-12-31", 6),
    # the same as the plain list: the count and the page both over the capped, ranked matches.
    ("/articles/?q=Китай", 5),
    # folded by story: the same (the stories' leads); their other reports only for stories of two.
    ("/articles/?fold=story", 5),
    # pair counts (pair × month table); country names.
    ("/pairs/", 2),
    # the same, another column of the table.
    ("/pairs/?count=articles&pairs=all", 2),
    # the two countries; months; officials; agreements; latest articles + their pairs.
    ("/pairs/cn-ru/", 6),
    # country; partners + their names; officials; agreements + their parties; latest + their
    # pairs; article count.
    ("/countries/ru/", 9),
    # articles per country; the countries' names.
    ("/countries/", 2),
    # count; page rows (country joined, article count as a subquery); countries for the form.
    ("/officials/", 3),
    # count (the home page's cached total: cold here); page rows; their parties; countries for the form.
    ("/agreements/", 4),
    # filtered: its own count; page rows; their parties; countries for the form.
    ("/agreements/?kind=memorandum", 4),
]


@pytest.mark.parametrize("url,queries", PAGES)
def test_list_and_dossier_pages_use_a_fixed_number_of_queries(
    client, archive, django_assert_num_queries, url, queries
):
    _count(client, url, django_assert_num_queries, queries)


@pytest.mark.parametrize("url,queries", PAGES)
def test_query_count_does_not_grow_with_rows(client, archive, django_assert_num_queries, url, queries):
    add_articles(60)
    _count(client, url, django_assert_num_queries, queries)


def test_detail_pages_use_a_fixed_number_of_queries(client, archive, django_assert_num_queries):
    add_articles(30)
    # article (outlet, batch joined); countries; officials; agreements; pairs.
    _count(client, f"/articles/{archive.a1.pk}/", django_assert_num_queries, 5)
    # official; aliases; posts; their stories in total; latest + their pairs; agreements + parties.
    _count(client, f"/officials/{archive.shoigu.pk}/", django_assert_num_queries, 8)
    # agreement; parties; signatories; latest + their pairs; article count; the timeline's stages
    # and the first claim of each (however many articles mention it).
    _count(client, f"/agreements/{archive.memo.pk}/", django_assert_num_queries, 8)
    # the two countries; latest articles (outlet joined).
    _count(client, "/pairs/cn-ru/feed/", django_assert_num_queries, 2)


def test_every_list_page_stays_within_ten_queries(client, archive, django_assert_max_num_queries):
    add_articles(30)
    for url, _ in PAGES:
        with django_assert_max_num_queries(10):
            client.get(url)


def test_undated_articles_come_last_when_newest_first(client, archive):
    rows = list(client.get("/articles/").context["page"].object_list)
    assert rows[0].pk == archive.a2.pk  # August 2024
    assert rows[-1].date_year is None
    assert Article.objects.filter(date_year__isnull=True).count() == 2


def test_claims_decided_rejected_after_the_fact_disappear(client, archive):
    archive.a1.official_claims.filter(official=archive.dong).update(state=ClaimState.REJECTED)
    html = text(client.get(f"/articles/{archive.a1.pk}/"))
    assert f"/officials/{archive.dong.pk}/" not in html
    assert reverse("articles:official", args=[archive.shoigu.pk]) in html


def test_search_pages_rank_a_capped_number_of_matches_and_say_so(client, archive, monkeypatch):
    from articles.web import search

    add_articles(10)
    monkeypatch.setattr(search, "PAGE_LIMIT", 4)
    response = client.get("/articles/?q=Китай")
    assert response.status_code == 200
    paginator = response.context["page"].paginator
    assert paginator.capped and paginator.count == 4
    assert "Найдено больше 4 статей" in text(response)
    # The newest matches are the ones ranked: August 2024 first among them.
    assert archive.a2.pk in [a.pk for a in response.context["page"].object_list]
    # Exports are not capped.
    export = b"".join(client.get("/articles/export.jsonl?q=Китай").streaming_content)
    assert len(export.splitlines()) > 4


@pytest.mark.django_db
def test_pages_are_in_russian_whatever_the_browser_asks_until_the_reader_switches(client):
    response = client.get("/pairs/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "ru"
    client.post("/i18n/setlang/", {"language": "en", "next": "/pairs/"})
    response = client.get("/pairs/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.headers["Content-Language"] == "en"


# --- English names ---------------------------------------------------------------------------------


def _english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})


def test_english_pages_transliterate_officials_and_outlets_without_an_english_name(client, archive):
    _english(client)
    html = text(client.get(f"/officials/{archive.shoigu.pk}/"))
    assert "<h1>Sergey Shoygu</h1>" in html
    listing = text(client.get("/articles/"))
    assert "RIA Novosti" in listing and "РИА Новости" not in listing


def test_an_editors_english_name_wins_over_the_transliteration(client, archive):
    archive.shoigu.name_en = "Sergei Shoigu"
    archive.shoigu.save()
    archive.tass.name_en = "TASS news agency"
    archive.tass.save()
    _english(client)
    assert "<h1>Sergei Shoigu</h1>" in text(client.get(f"/officials/{archive.shoigu.pk}/"))
    assert "TASS news agency" in text(client.get(f"/articles/{archive.a1.pk}/"))


def test_russian_pages_keep_the_russian_names(client, archive):
    archive.shoigu.name_en = "Sergei Shoigu"
    archive.shoigu.save()
    html = text(client.get(f"/officials/{archive.shoigu.pk}/"))
    assert "<h1>Сергей Шойгу</h1>" in html and "Sergei" not in html


# --- the article list's form ---------------------------------------------------------------------


def test_a_pair_by_name_narrows_the_list_and_an_unknown_name_is_a_400_saying_why(client, archive):
    by_name = client.get("/articles/", {"pair": "Россия-Китай"})
    by_code = client.get("/articles/", {"pair": "CN-RU"})
    assert by_name.status_code == 200
    assert [a.pk for a in by_name.context["page"]] == [a.pk for a in by_code.context["page"]]
    unknown = client.get("/articles/", {"pair": "Россия-Атлантида"})
    assert unknown.status_code == 400
    assert "Не удалось узнать две страны в «Россия-Атлантида»" in text(unknown)


def test_the_pair_field_suggests_the_archives_pairs_as_you_type(client, archive):
    html = text(client.get("/articles/"))
    assert 'list="f-pair-list"' in html
    datalist = html[html.index('<datalist id="f-pair-list">') : html.index("</datalist>")]
    assert '<option value="Китай — Россия">' in datalist
    assert "Индия" not in datalist.replace("Индия — Россия", "")  # CN-IN was rejected: no such pair


def test_the_outlet_filter_lists_only_outlets_with_articles_and_their_counts(client, archive):
    Outlet.objects.create(name="Издание без статей")
    html = text(client.get("/articles/"))
    select = html[html.index('id="f-source"') : html.index("</select>", html.index('id="f-source"'))]
    assert "Издание без статей" not in select
    assert "ТАСС (3)" in select and "РИА Новости (2)" in select


# --- charts and the period filter ------------------------------------------------------------------


def test_the_pair_chart_names_each_month_and_marks_each_year(client, archive):
    add_articles(30)  # January 2020 to June 2022, with May and August 2024 in the archive
    html = text(client.get("/pairs/cn-ru/"))
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert chart.count('class="chart-axis chart-month"') == chart.count('class="chart-bar"')
    assert ">янв</text>" in chart and ">авг</text>" in chart
    years = re.findall(r'class="chart-axis chart-year"[^>]*>([0-9]{4})</text>', chart)
    assert years == ["2020", "2021", "2022", "2023", "2024"]
    assert chart.count('class="chart-year-tick"') == 5


def test_a_period_narrows_the_pair_dossier(client, archive):
    add_articles(30)
    response = client.get("/pairs/cn-ru/", {"from": "2024-01", "to": "2024-12"})
    assert response.status_code == 200
    context = response.context
    assert [ym for ym, n in context["series"].months if n] == [(2024, 5), (2024, 8)]
    assert context["series"].total == 2  # the undated a5 cannot be placed in 2024
    assert {a.pk for a in context["latest"]} == {archive.a1.pk, archive.a2.pk}
    assert "date_after=2024-01-01&amp;date_before=2024-12-31" in text(response)


def test_country_pages_get_a_chart_and_a_period(client, archive):
    add_articles(30)
    everything = client.get("/countries/cn/")
    assert "<svg" in text(everything) and 'id="country-months-t"' in text(everything)
    assert everything.context["article_count"] == reader.country_article_count("CN")
    narrowed = client.get("/countries/cn/", {"from": "2024-01"})
    # a1 (May 2024), a2 (August 2024), a3 (2024, year only): not a5 (undated) nor the 2020–2022 ones.
    assert narrowed.context["article_count"] == 3
    assert {p["country"].iso: p["n"] for p in narrowed.context["partners"]} == {"RU": 2, "BY": 1}
    assert all(p["url"].endswith("?from=2024-01") for p in narrowed.context["partners"])


def test_a_period_narrows_the_matrix_and_its_links_keep_it(client, archive):
    add_articles(30)
    response = client.get("/pairs/", {"to": "2023-12"})
    matrix = response.context["matrix"]
    assert [(a.iso, b.iso, n) for a, b, n, _ in matrix.top_pairs] == [("CN", "RU", 30)]
    assert 'href="/pairs/cn-ru/?to=2023-12"' in text(response)


@pytest.mark.parametrize(
    "query,message",
    [
        ({"from": "2024-13"}, "не месяц"),
        ({"to": "вчера"}, "не месяц"),
        ({"from": "2024-06", "to": "2024-01"}, "Конец периода раньше его начала"),
    ],
)
@pytest.mark.parametrize("url", ["/pairs/", "/pairs/cn-ru/", "/countries/ru/"])
def test_a_bad_period_is_a_400_saying_why(client, archive, url, query, message):
    response = client.get(url, query)
    assert response.status_code == 400
    html = text(response)
    assert message in html and 'name="from"' in html


@pytest.mark.parametrize(
    "url,queries",
    [
        ("/pairs/?from=2021-01&to=2024-12", 2),
        ("/pairs/cn-ru/?from=2021-01", 6),
        ("/countries/ru/?to=2024-06", 9),
    ],
)
def test_a_period_costs_no_more_queries_than_the_whole_archive(
    client, archive, django_assert_num_queries, url, queries
):
    add_articles(30)
    _count(client, url, django_assert_num_queries, queries)


def test_the_new_controls_are_translated_on_english_pages(client, archive):
    _english(client)
    assert "From month" in text(client.get("/pairs/cn-ru/"))
    listing = text(client.get("/articles/"))
    assert "Atom feed of this search" in listing and "in Russian, in English or as ISO" in listing
    assert '<option value="China — Russia">' in listing


def test_an_editor_sets_english_names_in_the_admin(admin_client, archive):
    official = admin_client.get(f"/admin/articles/official/{archive.shoigu.pk}/change/")
    outlet = admin_client.get(f"/admin/articles/outlet/{archive.tass.pk}/change/")
    assert 'name="name_en"' in text(official) and 'name="name_en"' in text(outlet)
