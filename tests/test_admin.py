"""The editors' desk: changelists without N+1, the article page with its evidence, claim decisions,
corrections kept from imports, clear errors for bad input, the review queue and its bulk actions."""

import re
from io import StringIO

import pytest
from admin_helpers import add_inline_row, errors_of, form_data, make_article, make_editor, set_row
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin.highlight import Mark, find_spans, highlight
from articles.archive.reference import lexicon_from_db
from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    ClaimOrigin,
    ClaimState,
    CountryAlias,
    CountryClaim,
    ImportBatch,
    Official,
    OfficialAlias,
    OfficialClaim,
    Organisation,
    Outlet,
    OutletAlias,
    ReviewState,
)
from articles.web.presentation import pdate

pytestmark = pytest.mark.django_db

BODY = "Россия и Китай подписали меморандум. Министр обороны Китая Дун Цзюнь встретился с Андреем Белоусовым."


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


@pytest.fixture
def article():
    article = make_article("Россия и Китай", BODY)
    CountryClaim.objects.create(
        article=article, country_id="RU", start=0, end=6, quote="Россия", spans=[[0, 6]]
    )
    CountryClaim.objects.create(
        article=article, country_id="CN", start=9, end=14, quote="Китай", spans=[[9, 14], [52, 57]]
    )
    dun = Official.objects.create(full_name="Дун Цзюнь", country_id="CN", position="министр обороны")
    start = BODY.index("Дун Цзюнь")
    OfficialClaim.objects.create(
        article=article,
        official=dun,
        start=start,
        end=start + 9,
        quote="Дун Цзюнь",
        spans=[[start, start + 9]],
    )
    ArticlePair.objects.create(article=article, country_a_id="CN", country_b_id="RU", primary=True, score=1)
    return article


def change_url(obj) -> str:
    return reverse(f"admin:articles_{obj._meta.model_name}_change", args=[obj.pk])


# --- changelists: every one loads, and its query count does not grow with its rows ---------------


def _rows(n: int, offset: int) -> None:
    outlet = Outlet.objects.create(name=f"Издание {offset}")
    batch = ImportBatch.objects.create(paths=["seeds/"])
    for i in range(n):
        a = make_article(f"Статья {offset}-{i}", BODY, source=outlet, import_batch=batch)
        CountryClaim.objects.create(article=a, country_id="RU")
        official = Official.objects.create(full_name=f"Лицо {offset} {i}", country_id="RU")
        OfficialAlias.objects.create(official=official, name=f"Лица {offset} {i}")
        OfficialClaim.objects.create(article=a, official=official)
        agreement = Agreement.objects.create(title=f"Соглашение {offset}-{i}")
        agreement.parties.set(["RU", "CN"])
        agreement.signatories.set([official])
        AgreementClaim.objects.create(article=a, agreement=agreement)
        Organisation.objects.create(name=f"Орг {offset}-{i}", country_id="RU")
        OutletAlias.objects.create(outlet=outlet, spelling=f"ИЗД {offset}-{i}")
        ImportBatch.objects.create(paths=[f"{offset}-{i}"])


CHANGELISTS = ["article", "official", "agreement", "country", "outlet", "organisation", "importbatch"]


@pytest.mark.parametrize("model", CHANGELISTS)
def test_changelist_query_count_does_not_grow_with_rows(admin_client, model):
    url = reverse(f"admin:articles_{model}_changelist")
    _rows(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url).status_code == 200
    _rows(8, 1)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    # Session, user, the page's count(s), its rows, filters and prefetches: a small fixed number.
    assert len(many) <= 14


def test_review_queue_changelist_query_count_is_fixed(admin_client, django_assert_max_num_queries):
    _rows(10, 0)
    with django_assert_max_num_queries(14):
        assert (
            admin_client.get(reverse("admin:articles_article_changelist") + "?queue=yes").status_code == 200
        )


def test_changelists_search_and_filter(admin_client, article):
    url = reverse("admin:articles_article_changelist")
    assert "Россия и Китай" in admin_client.get(url, {"q": "Китай"}).content.decode()
    assert "Россия и Китай" not in admin_client.get(url, {"q": "Бразилия"}).content.decode()
    officials = reverse("admin:articles_official_changelist")
    OfficialAlias.objects.create(official=Official.objects.get(full_name="Дун Цзюнь"), name="Дун Цзюня")
    assert "Дун Цзюнь" in admin_client.get(officials, {"q": "Цзюня"}).content.decode()


# --- the article page ------------------------------------------------------------------------------


def test_article_page_highlights_every_claim_span_by_type(admin_client, article):
    html = admin_client.get(change_url(article)).content.decode()
    body = html[html.index('class="desk-body"') :]
    assert '<mark class="hl hl-country hl-proposed" title="страна: Россия — предложено"' in body
    assert body.count("hl-country") >= 3  # Россия, Китай twice
    assert re.search(r'<mark class="hl hl-official hl-proposed"[^>]*>Дун Цзюнь</mark>', body)
    claim = article.official_claims.get()
    assert f'id="claim-official-{claim.pk}"' in body
    assert f'href="#claim-official-{claim.pk}"' in html  # the claims table links to the evidence


def test_article_page_escapes_article_text(admin_client):
    body = "<script>alert(1)</script> Китай & <b>Россия</b>"
    a = make_article("<img src=x onerror=alert(1)>", body)
    CountryClaim.objects.create(article=a, country_id="CN", start=27, end=32, quote="Китай", spans=[[27, 32]])
    html = admin_client.get(change_url(a)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;b&gt;Россия&lt;/b&gt;" in html


def test_highlight_handles_overlapping_and_stale_spans():
    text = "министр обороны России Андрей Белоусов"
    html = highlight(
        text,
        [
            Mark(0, 38, "official", "confirmed", "лицо"),
            Mark(16, 22, "country", "rejected", "страна <RU>"),
            Mark(30, 99, "country", "proposed", "вне текста"),
        ],
    )
    assert 'class="hl hl-official hl-confirmed hl-country hl-rejected"' in html
    assert "страна &lt;RU&gt;" in html
    assert "вне текста" not in html
    assert re.sub(r"<[^>]+>", "", html) == text


def test_find_spans_finds_inflected_forms_at_word_starts():
    body = "Китая нет, а в Китае есть. Сергея Шойгу видели. Некитайский."
    assert find_spans(body, ["Китай"]) == [[0, 5], [15, 20]]
    assert find_spans(body, ["Шойгу"]) == [[34, 39]]


def test_change_page_and_admin_responses_carry_the_csp(admin_client, article):
    response = admin_client.get(change_url(article))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<script>" not in html and ' style="' not in html


# --- claim decisions -------------------------------------------------------------------------------


def test_editor_rejects_confirms_and_adds_claims_of_every_kind(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    dun = article.official_claims.get()
    ru = article.country_claims.get(country_id="RU")
    set_row(data, "official_claims", dun.pk, state="rejected")
    set_row(data, "country_claims", ru.pk, state="confirmed")
    shoigu = Official.objects.create(full_name="Андрей Белоусов", country_id="RU")
    agreement = Agreement.objects.create(title="Меморандум о сотрудничестве", kind="memorandum")
    add_inline_row(data, "official_claims", official=shoigu.pk, state="confirmed", position="министр обороны")
    add_inline_row(data, "country_claims", country="BY", state="confirmed")
    add_inline_row(data, "agreement_claims", agreement=agreement.pk, state="confirmed")
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)

    dun.refresh_from_db()
    ru.refresh_from_db()
    assert (dun.state, dun.origin) == (ClaimState.REJECTED, ClaimOrigin.EXTRACTED) and dun.decided_at
    assert ru.state == ClaimState.CONFIRMED and ru.decided_at
    added = article.official_claims.get(official=shoigu)
    assert (added.state, added.origin) == (ClaimState.CONFIRMED, ClaimOrigin.EDITOR)
    assert added.quote == "Белоусовым"  # evidence found in the body for the editor
    by = article.country_claims.get(country_id="BY")
    assert by.origin == ClaimOrigin.EDITOR and by.spans == []
    assert article.agreement_claims.get().origin == ClaimOrigin.EDITOR
    # Who decided is in the claims' history.
    assert dun.history.first().history_user == editor
    assert not article.country_claims.get(country_id="CN").decided_at  # untouched stays undecided


def test_editor_sets_the_primary_pair_rejecting_the_machine_one_in_one_save(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    machine = article.pairs.get()
    set_row(data, "pairs", machine.pk, state="rejected")
    add_inline_row(data, "pairs", country_a="RU", country_b="BY", primary=True, state="confirmed")
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    pair = article.pairs.get(origin=ClaimOrigin.EDITOR)
    assert (pair.country_a_id, pair.country_b_id, pair.primary) == ("BY", "RU", True)
    assert article.pairs.get(pk=machine.pk).state == ClaimState.REJECTED


def test_two_primary_pairs_are_a_form_error(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    add_inline_row(data, "pairs", country_a="RU", country_b="BY", primary=True, state="confirmed")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Основная пара у статьи одна" in response.content.decode()
    assert article.pairs.count() == 1


def test_changing_a_machine_claims_post_confirms_it(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    dun = article.official_claims.get()
    set_row(data, "official_claims", dun.pk, position="министр национальной обороны")
    assert client.post(url, data).status_code == 302
    dun.refresh_from_db()
    assert (dun.position, dun.state) == ("министр национальной обороны", ClaimState.CONFIRMED)


def test_a_machine_claim_offers_rejection_not_deletion(client, editor, article):
    url = change_url(article)
    page = client.get(url)
    html = page.content.decode()
    ru = article.country_claims.get(country_id="RU")
    i = next(i for i in range(10) if f'name="country_claims-{i}-id" value="{ru.pk}"' in html)
    assert f'type="checkbox" name="country_claims-{i}-DELETE"' not in html
    assert "Отклонено</strong> — упоминание неверно" in html  # the page says what each one does
    data = form_data(page)
    data[f"country_claims-{i}-DELETE"] = "on"  # posted anyway: ignored, nothing deleted
    assert client.post(url, data).status_code == 302
    assert CountryClaim.objects.filter(pk=ru.pk).exists()


def test_a_row_an_editor_added_can_still_be_deleted(client, editor, article):
    added = CountryClaim.objects.create(article=article, country_id="BY", origin=ClaimOrigin.EDITOR)
    url = change_url(article)
    data = form_data(client.get(url))
    set_row(data, "country_claims", added.pk, DELETE=True)
    assert client.post(url, data).status_code == 302
    assert not CountryClaim.objects.filter(pk=added.pk).exists()


def test_a_machine_claims_entity_cannot_be_swapped(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    ru = article.country_claims.get(country_id="RU")
    i = next(i for i in range(10) if data.get(f"country_claims-{i}-id") == str(ru.pk))
    data[f"country_claims-{i}-country"] = "BY"  # a disabled field: the posted value is ignored
    assert client.post(url, data).status_code == 302
    assert CountryClaim.objects.get(pk=ru.pk).country_id == "RU"


# --- corrections survive imports: edited_fields ----------------------------------------------------


def test_corrected_title_date_and_outlet_are_recorded_in_edited_fields(client, editor, article):
    article.title_derived = True
    article.save()
    url = change_url(article)
    data = form_data(client.get(url))
    outlet = Outlet.objects.create(name="Вестник Архива")
    data.update(
        title="Исправленный заголовок", date_day="18", date_month="8", date_year="", source=str(outlet.pk)
    )
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert article.title == "Исправленный заголовок" and not article.title_derived
    assert (article.date_precision, pdate(article)) == (
        "day_month",
        "18 августа, год не указан",
    )
    assert set(article.edited_fields) == {
        "title",
        "title_derived",
        "date_year",
        "date_month",
        "date_day",
        "source",
    }
    assert article.history.first().history_user == editor


def test_saving_without_changes_protects_nothing(client, editor, article):
    url = change_url(article)
    assert client.post(url, form_data(client.get(url))).status_code == 302
    article.refresh_from_db()
    assert article.edited_fields == []


# --- bad input: clear messages, nothing half-saved -------------------------------------------------


def test_impossible_date_is_a_form_error_and_nothing_is_saved(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    dun = article.official_claims.get()
    set_row(data, "official_claims", dun.pk, state="rejected")
    data.update(title="Новый заголовок", date_day="31", date_month="2", date_year="2025")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "в этом месяце нет 31-го числа" in response.content.decode()
    article.refresh_from_db()
    dun.refresh_from_db()
    assert article.title == "Россия и Китай" and article.date_day is None
    assert dun.state == ClaimState.PROPOSED


def test_empty_title_is_a_form_error(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    data["title"] = "   "
    response = client.post(url, data)
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).title == "Россия и Китай"


def test_empty_official_name_is_a_form_error(client, editor):
    response = client.post(reverse("admin:articles_official_add"), {"full_name": "  ", **_no_aliases()})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["full_name"]
    assert not Official.objects.exists()


def test_official_name_taken_by_another_suggests_merging(client, editor):
    Official.objects.create(full_name="Дун Цзюнь")
    response = client.post(
        reverse("admin:articles_official_add"), {"full_name": "дун  цзюнь", **_no_aliases()}
    )
    assert response.status_code == 200
    assert "объедините" in str(response.context["adminform"].form.errors["full_name"])
    assert Official.objects.count() == 1


def test_renaming_an_official_keeps_the_old_name_as_an_alias(client, editor):
    official = Official.objects.create(full_name="Дун Цзюнем")
    url = change_url(official)
    data = form_data(client.get(url))
    data["full_name"] = "Дун Цзюнь"
    assert client.post(url, data).status_code == 302
    official.refresh_from_db()
    assert official.full_name == "Дун Цзюнь" and official.edited_fields == ["full_name"]
    assert list(official.aliases.values_list("name", flat=True)) == ["Дун Цзюнем"]


def _no_aliases() -> dict:
    return {"aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0"}


def test_country_form_belonging_to_another_country_is_a_form_error(client, editor):
    CountryAlias.objects.create(country_id="CN", form="Страна тестового дракона")
    url = reverse("admin:articles_country_change", args=["RU"])
    data = form_data(client.get(url))
    add_inline_row(data, "aliases", form="страна  тестового дракона", kind="name")
    add_inline_row(data, "aliases", form="Северная страна", kind="name")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "уже принадлежит стране «Китай» (CN)" in response.content.decode()
    assert not CountryAlias.objects.filter(form="Северная страна").exists()  # nothing half-saved


def test_the_same_new_form_twice_in_one_save_is_a_form_error(client, editor):
    url = reverse("admin:articles_country_change", args=["RU"])
    data = form_data(client.get(url))
    add_inline_row(data, "aliases", form="Северная страна", kind="name")
    add_inline_row(data, "aliases", form="северная  страна", kind="name")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "уже есть в этой таблице" in response.content.decode()


def test_outlet_spelling_of_another_outlet_is_a_form_error(client, editor):
    first = Outlet.objects.create(name="Вестник А")
    OutletAlias.objects.create(outlet=first, spelling="ВЕСТНИК-А")
    second = Outlet.objects.create(name="Вестник Б")
    url = change_url(second)
    data = form_data(client.get(url))
    add_inline_row(data, "aliases", spelling="вестник-а")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "уже относится к изданию «Вестник А»" in response.content.decode()


# --- aliases an editor adds reach the extractor ----------------------------------------------------


def test_forms_spellings_and_organisations_added_by_editors_are_read_by_the_lexicon(client, editor):
    url = reverse("admin:articles_country_change", args=["JP"])
    data = form_data(client.get(url))
    add_inline_row(data, "aliases", form="Страна тестовой зари", kind="name")
    assert client.post(url, data).status_code == 302

    outlet = Outlet.objects.create(name="Вестник Архива")
    url = change_url(outlet)
    data = form_data(client.get(url))
    add_inline_row(data, "aliases", spelling="VESTNIK.ARCHIVE")
    assert client.post(url, data).status_code == 302

    response = client.post(
        reverse("admin:articles_organisation_add"),
        {"name": "ТестОборонПром", "full_name": "Тестовая оборонная промышленность", "country": "CN"},
    )
    assert response.status_code == 302

    lexicon = lexicon_from_db()
    assert lexicon.country_forms["страна тестовой зари"][0] == "JP"
    assert lexicon.outlets["vestnik.archive"] == "Вестник Архива"
    assert lexicon.organisations["тестоборонпром"] == "CN"
    assert CountryAlias.objects.get(form="Страна тестовой зари").origin == ClaimOrigin.EDITOR
    assert Organisation.objects.get(name="ТестОборонПром").origin == ClaimOrigin.EDITOR


# --- the review queue ------------------------------------------------------------------------------


def _queue_titles(client) -> list[str]:
    response = client.get(reverse("admin:articles_article_queue"), follow=True)
    return [a.title for a in response.context["cl"].result_list]


def test_review_queue_lists_unreviewed_articles_with_proposed_claims_oldest_first(client, editor):
    old = make_article("Старая")
    new = make_article("Новая")
    decided = make_article("Всё решено")
    reviewed = make_article("Проверенная", review_state=ReviewState.REVIEWED)
    for a in (new, old, decided, reviewed):
        CountryClaim.objects.create(article=a, country_id="RU")
    Article.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")
    decided.country_claims.update(state=ClaimState.CONFIRMED)
    assert _queue_titles(client) == ["Старая", "Новая"]


def test_confirm_all_proposed_reports_its_counts(client, editor, article):
    empty = make_article("Пустая")
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "confirm_all_proposed", "_selected_action": [article.pk, empty.pk]},
        follow=True,
    )
    message = [str(m) for m in response.context["messages"]]
    assert message == ["Подтверждено упоминаний: 4, в статьях: 1 (выбрано статей: 2, без предложенного: 1)."]
    assert not CountryClaim.objects.filter(state=ClaimState.PROPOSED).exists()
    assert article.pairs.get().state == ClaimState.CONFIRMED
    assert article.official_claims.get().history.first().history_user == editor
    assert _queue_titles(client) == []


def test_mark_reviewed_reports_its_counts(client, editor, article):
    done = make_article("Уже проверена", review_state=ReviewState.REVIEWED)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "mark_reviewed", "_selected_action": [article.pk, done.pk]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Отмечено проверенными: 1 (уже были проверены: 1)."
    ]
    article.refresh_from_db()
    assert article.review_state == ReviewState.REVIEWED
    assert article.history.first().history_user == editor


def test_save_and_next_marks_reviewed_and_opens_the_next_in_the_queue(client, editor, article):
    following = make_article("Следующая")
    CountryClaim.objects.create(article=following, country_id="BY")
    url = change_url(article)
    data = form_data(client.get(url))
    data["_reviewed_next"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == change_url(following)
    article.refresh_from_db()
    assert article.review_state == ReviewState.REVIEWED


def test_admin_index_shows_the_desk_panel_with_the_queue_size(client, editor, article):
    html = client.get(reverse("admin:index")).content.decode()
    assert "Рабочий стол редактора" in html
    assert "статей ждут проверки — 1" in html


# --- import batches are read-only ------------------------------------------------------------------


def test_import_batch_is_read_only_even_for_a_superuser(admin_client):
    batch = ImportBatch.objects.create(
        paths=["seeds/"], errors=[{"file": "bad.txt", "line": None, "reason": "empty"}]
    )
    response = admin_client.get(change_url(batch))
    assert response.status_code == 200
    html = response.content.decode()
    assert "bad.txt" in html and 'name="_save"' not in html
    assert admin_client.get(reverse("admin:articles_importbatch_add")).status_code == 403


# --- make run: the local administrator ---------------------------------------------------------------


def test_ensure_local_admin_creates_one_superuser_with_a_generated_password_once(capsys):
    from io import StringIO

    first, second = StringIO(), StringIO()
    call_command("ensure_local_admin", stdout=first)
    password = re.search(r"password: (\S+)", first.getvalue()).group(1)
    user = User.objects.get(is_superuser=True)
    assert user.username == "admin" and user.check_password(password) and len(password) >= 20
    call_command("ensure_local_admin", stdout=second)
    assert "already exists" in second.getvalue() and "changepassword admin" in second.getvalue()
    assert password not in second.getvalue()
    assert User.objects.count() == 1


def test_ensure_local_admin_generates_a_different_password_each_fresh_start():
    from io import StringIO

    passwords = set()
    for _ in range(2):
        out = StringIO()
        User.objects.all().delete()
        call_command("ensure_local_admin", stdout=out)
        passwords.add(re.search(r"password: (\S+)", out.getvalue()).group(1))
    assert len(passwords) == 2


def test_organisation_already_recorded_is_a_form_error(client, editor):
    Organisation.objects.create(name="ТестОборонПром", country_id="CN")
    response = client.post(
        reverse("admin:articles_organisation_add"),
        {"name": "тестоборонпром", "full_name": "", "country": "RU"},
    )
    assert response.status_code == 200
    assert "уже записана (страна: CN)" in response.content.decode()
    assert list(
        Organisation.objects.filter(normalised="тестоборонпром").values_list("country_id", flat=True)
    ) == ["CN"]


def test_the_next_reextract_uses_a_country_form_an_editor_added(client, editor):
    article = make_article("Визит", "Делегация прибыла в Страну тестовой зари для переговоров о поставках.")
    call_command("reextract", "--all", stdout=StringIO(), stderr=StringIO())
    assert not article.country_claims.filter(country_id="JP").exists()

    url = reverse("admin:articles_country_change", args=["JP"])
    data = form_data(client.get(url))
    add_inline_row(data, "aliases", form="Страна тестовой зари", kind="name")
    assert client.post(url, data).status_code == 302

    call_command("reextract", "--all", stdout=StringIO(), stderr=StringIO())
    assert article.country_claims.filter(country_id="JP").exists()


def test_a_second_claim_for_the_same_official_or_pair_is_a_form_error(client, editor, article):
    url = change_url(article)
    data = form_data(client.get(url))
    add_inline_row(
        data, "official_claims", official=article.official_claims.get().official_id, state="confirmed"
    )
    add_inline_row(data, "pairs", country_a="RU", country_b="CN", state="confirmed")
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Пара CN–RU уже есть у статьи." in html
    assert article.official_claims.count() == 1 and article.pairs.count() == 1
    officials = next(
        i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == "official_claims"
    )
    assert officials.non_form_errors() or any(officials.errors)
