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
    assert "title" in article.edited_fields  # the revert is an editor's decision too


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
