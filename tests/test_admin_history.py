"""History on the desk: every editor change is recorded (who, when, what) and can be reverted —
including an agreement's parties and signatories."""

import pytest
from admin_helpers import errors_of, form_data, make_article, make_editor
from django.urls import reverse

from articles.models import Agreement, Official

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def change(client, obj, **values):
    url = reverse(f"admin:articles_{obj._meta.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url))
    data.update(values)
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)


def revert(client, obj, record):
    """Open a version's revert form in the admin and submit it as shown."""
    url = reverse(f"admin:articles_{obj._meta.model_name}_simple_history", args=[obj.pk, record.history_id])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page))
    assert response.status_code == 302, errors_of(response)
    return page


def parties(record) -> list[str]:
    return sorted(row.country_id for row in record.parties.all())


def test_a_title_change_is_recorded_with_who_and_what_and_reverted(client, editor):
    article = make_article("Исходный заголовок", "Текст.")
    change(client, article, title="Ошибочная правка")
    article.refresh_from_db()
    latest = article.history.first()
    assert (latest.title, latest.history_user, latest.history_type) == ("Ошибочная правка", editor, "~")

    history_page = client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "Ошибочная правка" in history_page and "editor" in history_page
    assert ' style="' not in history_page  # the CSP refuses inline styles

    revert(client, article, article.history.last())
    article.refresh_from_db()
    assert article.title == "Исходный заголовок"
    assert article.body == "Текст."  # fields history doesn't keep are left as they are
    assert article.history.first().history_user == editor
    assert article.history.count() == 3
    # Back to what the import wrote: the title is no longer the editor's, so imports may correct it.
    assert "title" not in article.edited_fields


def test_a_change_of_an_agreements_parties_is_recorded_and_reverted(client, editor):
    response = client.post(
        reverse("admin:articles_agreement_add"),
        {
            "title": "Меморандум о военном сотрудничестве",
            "kind": "memorandum",
            "status": "signed",
            "parties": ["BY", "CN"],
            "review_state": "unreviewed",
            "claims-TOTAL_FORMS": "0",
            "claims-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, errors_of(response)
    agreement = Agreement.objects.get()
    signer = Official.objects.create(full_name="Виктор Хренин", country_id="BY")

    change(client, agreement, parties=["BY", "RU"], signatories=[str(signer.pk)])
    assert sorted(agreement.parties.values_list("iso", flat=True)) == ["BY", "RU"]
    latest = agreement.history.first()
    assert parties(latest) == ["BY", "RU"] and latest.history_user == editor
    assert [row.official_id for row in latest.signatories.all()] == [signer.pk]

    before = next(r for r in agreement.history.all() if parties(r) == ["BY", "CN"])
    page = revert(client, agreement, before)
    # The revert form shows that version's parties, not today's.
    assert sorted(page.context["adminform"].form["parties"].value()) == ["BY", "CN"]
    agreement.refresh_from_db()
    assert sorted(agreement.parties.values_list("iso", flat=True)) == ["BY", "CN"]
    assert list(agreement.signatories.all()) == []
    assert parties(agreement.history.first()) == ["BY", "CN"]
    assert agreement.history.first().history_user == editor
    assert {"parties", "signatories"} <= set(agreement.edited_fields)


def test_an_officials_change_is_recorded_and_reverted(client, editor):
    official = Official.objects.create(
        full_name="Андрей Белоусов", position="министр обороны", country_id="RU"
    )
    change(client, official, position="первый вице-премьер", **{"aliases-TOTAL_FORMS": "0"})
    official.refresh_from_db()
    assert official.position == "первый вице-премьер"
    assert official.history.first().history_user == editor
    revert(client, official, official.history.last())
    official.refresh_from_db()
    assert official.position == "министр обороны"


def test_the_history_list_links_users_only_for_those_who_may_see_them(client, editor, admin_client):
    official = Official.objects.create(full_name="Андрей Белоусов")
    change(client, official, position="министр")
    url = reverse("admin:articles_official_history", args=[official.pk])
    assert "/admin/auth/user/" not in client.get(url).content.decode()
    assert "/admin/auth/user/" in admin_client.get(url).content.decode()


def test_reverting_to_an_editors_own_version_keeps_the_field_protected(client, editor):
    article = make_article("Исходный заголовок", "Текст.")
    change(client, article, title="Правка редактора")
    editors_version = article.history.first()
    change(client, article, title="Вторая правка")
    revert(client, article, editors_version)
    article.refresh_from_db()
    assert article.title == "Правка редактора" and "title" in article.edited_fields


def test_a_revert_leaves_the_marks_of_fields_it_does_not_change(client, editor):
    official = Official.objects.create(
        full_name="Андрей Белоусов", position="министр обороны", country_id="RU"
    )
    imported = official.history.first()
    change(client, official, position="первый вице-премьер", **{"aliases-TOTAL_FORMS": "0"})
    change(client, official, country="BY", **{"aliases-TOTAL_FORMS": "0"})
    official.refresh_from_db()
    assert {"position", "country"} <= set(official.edited_fields)
    # The imported version: both fields go back, and neither was the editor's then.
    revert(client, official, imported)
    official.refresh_from_db()
    assert (official.position, official.country_id) == ("министр обороны", "RU")
    assert official.edited_fields == []


def test_the_history_page_speaks_russian_with_labels_and_human_values(client, editor):
    from articles.models import Outlet

    article = make_article("Заголовок", "Текст.", date_year=2026, date_month=5)
    outlet = Outlet.objects.create(name="Звезда для истории")
    change(client, article, date_day="7", source=str(outlet.pk))
    html = " ".join(
        client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode().split()
    )
    assert "Что изменилось" in html and "Кто" in html and "Changes" not in html and "CHANGES" not in html
    assert (
        "<strong>Точность даты:</strong> месяц &nbsp;&rarr;&nbsp;&nbsp;день" in html
        and "day_month" not in html
    )
    assert (
        "<strong>Поля, изменённые редактором:</strong> — &nbsp;&rarr;&nbsp;&nbsp;день, месяц, год, издание"
        in html
    )
    assert "<strong>Издание:</strong> — &nbsp;&rarr;&nbsp;&nbsp;Звезда для истории" in html
    assert "pk=None" not in html and "Deleted" not in html
    assert "изменение" in html and "История изменений: Заголовок" in html
    assert "Изменён:" not in html  # bookkeeping (updated_at) is not a change an editor made


def test_the_history_hides_benchmark_fields_from_editors(client, editor, admin_client):
    article = make_article("Заголовок", "Текст.")
    article.is_generated = True
    article.save()
    url = reverse("admin:articles_article_history", args=[article.pk])
    assert "сгенерирована для замеров" not in client.get(url).content.decode().lower()
    assert "сгенерирована для замеров" in admin_client.get(url).content.decode().lower()


def test_claim_decisions_are_in_the_articles_history_with_who_and_when(client, editor):
    from admin_helpers import set_row

    from articles.models import CountryClaim

    article = make_article("Статья", "Россия и Китай.")
    ru = CountryClaim.objects.create(article=article, country_id="RU")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    set_row(data, "country_claims", ru.pk, state="rejected")
    assert client.post(url, data).status_code == 302
    response = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    decisions = response.context["decisions"]
    assert [(d.who, d.kind, d.claim, d.what) for d in decisions] == [
        ("editor", "страна", "RU", "решение: предложено → отклонено"),
        ("импорт", "страна", "RU", "добавлено (извлечено): предложено"),
    ]
    html = response.content.decode()
    assert "Решения по упоминаниям" in html and "решение: предложено → отклонено" in html
