"""Login throttling (django-axes): a user name guessed at from one address is locked out, logged,
listed in the admin and lifted by a command; other addresses and other users are not affected."""

from __future__ import annotations

import io
import logging

import pytest
from admin_helpers import make_editor
from django.core.management import call_command
from django.test import Client, RequestFactory

from articles.web.clients import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "editor-pass-1"
LOGIN = "/admin/login/"


def log_in(client: Client, password: str, username: str = "editor", address: str = "198.51.100.7"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def guess(client: Client, times: int, **kwargs) -> None:
    for n in range(times):
        log_in(client, f"wrong-{n}", **kwargs)


@pytest.fixture
def editor():
    return make_editor(password=PASSWORD)


def test_fifty_wrong_passwords_lock_the_right_one_out(client, editor):
    guess(client, 50)
    refused = log_in(client, PASSWORD)
    assert refused.status_code == 429 and not signed_in(refused)
    assert "_auth_user_id" not in client.session


def test_lifting_the_lockout_by_user_name_lets_the_editor_in(client, editor):
    guess(client, 50)
    assert log_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert signed_in(log_in(client, PASSWORD))


def test_lifting_the_lockout_by_address_lets_the_editor_in(client, editor):
    guess(client, 5)
    assert log_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_ip", "198.51.100.7", stdout=io.StringIO())
    assert signed_in(log_in(client, PASSWORD))


def test_failures_below_the_limit_do_not_lock_and_a_success_starts_the_count_again(client, editor):
    guess(client, 4)
    assert signed_in(log_in(client, PASSWORD))
    guess(Client(), 4)
    assert signed_in(log_in(Client(), PASSWORD))


def test_the_lockout_holds_the_user_name_at_that_address_only(client, editor):
    make_editor("other", password=PASSWORD)
    guess(client, 5)
    assert log_in(client, PASSWORD).status_code == 429
    assert signed_in(log_in(Client(), PASSWORD, address="203.0.113.9"))
    assert signed_in(log_in(Client(), PASSWORD, username="other"))


def test_a_lockout_is_logged_and_listed_in_the_admin(client, admin_client, editor, caplog):
    with caplog.at_level(logging.WARNING):
        guess(client, 5)
    assert any(
        "locking out" in m.lower() and "editor" in m and "198.51.100.7" in m
        for m in (r.getMessage() for r in caplog.records)
    )
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "editor" in page and "198.51.100.7" in page


def test_the_test_client_signs_in_through_the_throttle_when_given_a_request(client, editor):
    assert client.login(request=RequestFactory().get("/"), username="editor", password=PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_behind_the_proxy_the_forwarded_address_counts(settings):
    settings.COOPNEWS_TRUSTED_PROXIES = ["127.0.0.1"]
    factory = RequestFactory()
    proxied = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.7")
    assert client_ip(proxied) == "198.51.100.7"


def test_a_forwarded_address_from_anyone_but_the_proxy_is_ignored(settings):
    settings.COOPNEWS_TRUSTED_PROXIES = ["127.0.0.1"]
    factory = RequestFactory()
    assert client_ip(factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_REAL_IP="1.2.3.4")) == "203.0.113.9"
    assert (
        client_ip(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="not an address")) == "127.0.0.1"
    )


def test_guesses_through_the_proxy_lock_out_the_guessers_address_not_everyones(client, editor):
    for n in range(5):
        client.post(
            LOGIN,
            {"username": "editor", "password": f"wrong-{n}"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP="198.51.100.7",
        )
    other = Client().post(
        LOGIN,
        {"username": "editor", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="203.0.113.9",
    )
    assert signed_in(other)
