"""Roles: the Editors group curates the archive and nothing else; readers need no account."""

import pytest
from admin_helpers import make_article, make_editor
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from articles.archive.roles import EDITORS_GROUP, editor_codenames, ensure_editors_group
from articles.models import ImportBatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_the_migration_creates_editors_with_exactly_the_curating_permissions():
    group = Group.objects.get(name=EDITORS_GROUP)
    granted = {
        (p.content_type.app_label, p.codename) for p in group.permissions.select_related("content_type")
    }
    assert granted == {("articles", codename) for codename in editor_codenames()}
    assert not any(app == "auth" for app, _ in granted)
    # Curating, not importing: articles and countries are corrected, never created or deleted here.
    assert {
        "change_article",
        "view_importbatch",
        "add_officialclaim",
        "delete_official",
    } <= editor_codenames()
    assert not {"add_article", "delete_article", "change_importbatch", "add_country"} & editor_codenames()


def test_the_group_is_recreated_when_missing_and_left_alone_when_present():
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.remove(Permission.objects.get(codename="delete_official"))
    assert ensure_editors_group() is False  # an administrator's adjustment is kept
    assert not group.permissions.filter(codename="delete_official").exists()
    group.delete()
    assert ensure_editors_group() is True
    assert Group.objects.get(name=EDITORS_GROUP).permissions.count() == len(editor_codenames())


@pytest.mark.parametrize(
    "url",
    [
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
        "admin:auth_group_add",
    ],
)
def test_an_editor_cannot_see_or_change_users_or_groups(editor_client, url):
    assert editor_client.get(reverse(url)).status_code == 403


def test_an_editor_cannot_change_a_user_or_group_by_id(editor_client, admin_user):
    assert editor_client.get(reverse("admin:auth_user_change", args=[admin_user.pk])).status_code == 403
    group = Group.objects.get(name=EDITORS_GROUP)
    assert editor_client.get(reverse("admin:auth_group_change", args=[group.pk])).status_code == 403
    response = editor_client.post(reverse("admin:auth_group_change", args=[group.pk]), {"name": "Admins"})
    assert response.status_code == 403
    assert Group.objects.filter(name=EDITORS_GROUP).exists()


def test_the_editors_index_lists_the_desk_but_not_accounts(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "Очередь проверки" in html and "Должностные лица" in html
    assert "/admin/auth/" not in html


@pytest.mark.parametrize(
    "url",
    [
        "admin:articles_article_changelist",
        "admin:articles_article_queue",
        "admin:articles_official_add",
        "admin:articles_agreement_add",
        "admin:articles_organisation_add",
        "admin:articles_importbatch_changelist",
    ],
)
def test_an_editor_reaches_every_desk_page(editor_client, url):
    assert editor_client.get(reverse(url), follow=True).status_code == 200


def test_an_editor_may_not_delete_articles_or_touch_import_batches(editor_client):
    article = make_article()
    assert editor_client.get(reverse("admin:articles_article_delete", args=[article.pk])).status_code == 403
    batch = ImportBatch.objects.create()
    response = editor_client.post(
        reverse("admin:articles_importbatch_change", args=[batch.pk]), {"status": "x"}
    )
    assert response.status_code == 403
    assert editor_client.get(reverse("admin:articles_importbatch_change", args=[batch.pk])).status_code == 200


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/articles/article/", "/admin/articles/article/queue/", "/admin/auth/user/"]
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "next=" in response["Location"]


def test_a_staff_user_outside_editors_can_change_nothing(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
