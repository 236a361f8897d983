"""Making someone an editor: `manage.py add_editor`, the staff flag that follows the Editors group,
and a login page that says what is missing instead of "wrong password"."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from articles.archive.roles import EDITORS_GROUP, ensure_editors_group
from tests.admin_helpers import form_data

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def add_editor(*args) -> str:
    out = StringIO()
    call_command("add_editor", *args, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    match = re.search(r"password: (\S+)", output)
    assert match, output
    return match[1]


def sign_in(client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def test_add_editor_creates_a_staff_editor_who_can_sign_in_and_reach_the_review_queue(client):
    output = add_editor("nina")

    user = User.objects.get(username="nina")
    assert user.is_staff and user.is_active and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    response = sign_in(client, "nina", printed_password(output))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    queue = client.get(reverse("admin:articles_article_queue"))
    assert queue.status_code == 200
    assert queue.context["title"] == "Очередь проверки"


def test_add_editor_prints_a_new_password_each_time_and_only_the_last_one_works(client):
    first = printed_password(add_editor("nina"))
    second = printed_password(add_editor("nina"))

    assert first != second
    assert sign_in(client, "nina", first).status_code == 200  # the form again, with an error
    assert sign_in(client, "nina", second).status_code == 302


def test_add_editor_makes_an_existing_user_an_editor_keeping_the_password_when_asked(client):
    User.objects.create_user("oleg", password="oleg-own-pass-1", is_active=False)

    output = add_editor("oleg", "--no-password")

    assert "password:" not in output
    assert "is_active, is_staff, groups" in output
    oleg = User.objects.get(username="oleg")
    assert oleg.is_staff and oleg.is_active
    assert sign_in(client, "oleg", "oleg-own-pass-1").status_code == 302


def test_add_editor_without_a_password_for_a_new_user_says_how_to_set_one():
    output = add_editor("pavel", "--no-password")

    assert "changepassword pavel" in output
    assert not User.objects.get(username="pavel").has_usable_password()


def test_add_editor_twice_says_the_user_already_was_an_editor():
    add_editor("nina")
    assert "already an editor" in add_editor("nina", "--no-password")
    assert User.objects.get(username="nina").groups.count() == 1


def test_add_editor_recreates_the_editors_group_when_an_administrator_deleted_it():
    Group.objects.filter(name=EDITORS_GROUP).delete()

    add_editor("nina")

    group = Group.objects.get(name=EDITORS_GROUP)
    assert group.permissions.filter(codename="change_article").exists()
    assert group.user_set.filter(username="nina").exists()


@pytest.mark.parametrize(
    "username, message",
    [("   ", "must not be empty"), ("nina petrova!", "is not a valid user name"), ("x" * 200, "150")],
)
def test_add_editor_refuses_a_bad_user_name_with_a_clear_message(username, message):
    with pytest.raises(CommandError, match=message):
        add_editor(username)
    assert not User.objects.exists()


def test_add_editor_refuses_an_email_that_is_not_one():
    with pytest.raises(CommandError, match="not an e-mail address"):
        add_editor("nina", "--email", "nina at example")
    assert not User.objects.exists()


def test_add_editor_stores_the_email_it_is_given():
    add_editor("nina", "--email", "Nina@Example.ORG", "--no-password")
    assert User.objects.get(username="nina").email == "Nina@example.org"


# --- the staff flag and the Editors group ----------------------------------------------------------


def editor_without_staff_flag() -> User:
    ensure_editors_group()
    user = User.objects.create_user("vera", password="vera-pass-1")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def test_an_editor_without_the_staff_flag_is_told_what_is_missing_not_that_the_password_is_wrong(client):
    editor_without_staff_flag()

    response = sign_in(client, "vera", "vera-pass-1")

    assert response.status_code == 200
    text = response.content.decode()
    assert "Пароль верный" in text and "персонал" in text and "add_editor vera" in text
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_still_only_a_wrong_password(client):
    editor_without_staff_flag()

    text = sign_in(client, "vera", "not-her-password").content.decode()

    assert "Пароль верный" not in text
    assert "add_editor" not in text


def test_a_user_outside_editors_without_the_staff_flag_is_told_how_to_get_access(client):
    User.objects.create_user("guest", password="guest-pass-1")

    text = sign_in(client, "guest", "guest-pass-1").content.decode()

    assert "нет доступа к рабочему столу" in text and "add_editor guest" in text


def user_form(admin_client, user) -> tuple[str, dict]:
    """The user's admin page as shown, ready to post back (the join date is a split widget)."""
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_data(admin_client.get(url))
    joined = timezone.localtime(user.date_joined)
    data.pop("date_joined")
    data.update(date_joined_0=joined.strftime("%d.%m.%Y"), date_joined_1=joined.strftime("%H:%M:%S"))
    return url, data


def test_putting_a_user_in_editors_in_the_admin_marks_them_staff(admin_client, client):
    ensure_editors_group()
    user = User.objects.create_user("vera", password="vera-pass-1")
    url, data = user_form(admin_client, user)
    data["groups"] = [str(Group.objects.get(name=EDITORS_GROUP).pk)]

    response = admin_client.post(url, data, follow=True)

    assert response.status_code == 200
    assert "отмечена как персонал" in response.content.decode()
    user.refresh_from_db()
    assert user.is_staff
    assert sign_in(client, "vera", "vera-pass-1").status_code == 302


def test_saving_a_user_outside_editors_leaves_the_staff_flag_alone(admin_client):
    user = User.objects.create_user("guest", password="guest-pass-1", first_name="Гость")
    url, data = user_form(admin_client, user)
    data["first_name"] = "Посетитель"

    assert admin_client.post(url, data).status_code == 302

    user.refresh_from_db()
    assert user.first_name == "Посетитель"  # the save went through
    assert not user.is_staff
