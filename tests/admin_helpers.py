"""Helpers shared by the editors' desk tests (test_admin*.py, test_editor_decisions.py, test_browser_*.py)."""

from __future__ import annotations

import itertools

from django.contrib.auth.models import Group, User

from articles.archive.reference import load_reference_data
from articles.archive.roles import EDITORS_GROUP, ensure_editors_group
from articles.models import Article, ArticlePair, Country, CountryClaim, Official, OfficialClaim

_numbers = itertools.count(1)


def make_article(title: str = "Статья", body: str = "Текст статьи.", **fields) -> Article:
    n = next(_numbers)
    return Article.objects.create(
        title=title,
        body=body,
        raw_text=fields.pop("raw_text", body),
        source_file=fields.pop("source_file", f"desk-{n}.txt"),
        fingerprint=fields.pop("fingerprint", f"desk-fingerprint-{n}"),
        **fields,
    )


def make_editor(username: str = "editor", password: str = "editor-pass-1") -> User:
    ensure_editors_group()  # a transactional test before this one may have flushed the group away
    user = User.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def _put(data: dict, form) -> None:
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        else:
            data[key] = "" if value is None else str(value)


def form_data(response) -> dict:
    """POST data that re-submits an admin change form as shown (main form and every inline)."""
    data: dict = {}
    _put(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        for form in formset.forms:
            _put(data, form)
    return data


def inline_rows(data: dict, prefix: str) -> int:
    return int(data[f"{prefix}-TOTAL_FORMS"])


def add_inline_row(data: dict, prefix: str, **values) -> None:
    """Append a new row to the inline `prefix` of POST data built by form_data()."""
    n = inline_rows(data, prefix)
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)
    for name, value in values.items():
        data[f"{prefix}-{n}-{name}"] = "on" if value is True else str(value)


def row_index(data: dict, prefix: str, pk: int) -> int:
    for i in range(inline_rows(data, prefix)):
        if data.get(f"{prefix}-{i}-id") == str(pk):
            return i
    raise KeyError(f"no row {pk} in {prefix}")


def set_row(data: dict, prefix: str, pk: int, **values) -> None:
    i = row_index(data, prefix, pk)
    for name, value in values.items():
        key = f"{prefix}-{i}-{name}"
        if value is False:
            data.pop(key, None)
        else:
            data[key] = "on" if value is True else str(value)


def errors_of(response) -> str:
    """Every error on an admin form page, as text, for assertion messages."""
    context = response.context
    parts = [str(context["adminform"].form.errors)]
    for inline in context.get("inline_admin_formsets", []):
        parts += [str(inline.formset.non_form_errors()), str(inline.formset.errors)]
    return " ".join(parts)


def desk_article(
    title: str, body: str, official: tuple[str, str], claim_position: str = "", pair: bool = False
) -> Article:
    """An article about China and Russia as the extractor would leave it: a claim for each country
    word («Китая», «России») in `body`, and one for the Chinese official `official` = (name, post),
    wording the post `claim_position` in this article. With `pair`, also its primary pair CN–RU."""
    if not Country.objects.exists():  # an earlier transactional test flushed the reference data
        load_reference_data()
    article = make_article(title, body)
    for iso, word in (("CN", "Китая"), ("RU", "России")):
        at = body.index(word)
        CountryClaim.objects.create(
            article=article,
            country_id=iso,
            start=at,
            end=at + len(word),
            quote=word,
            spans=[[at, at + len(word)]],
        )
    if pair:
        ArticlePair.objects.create(
            article=article, country_a_id="CN", country_b_id="RU", primary=True, score=9.5
        )
    name, post = official
    at = body.index(name)
    person = Official.objects.create(full_name=name, country_id="CN", position=post)
    OfficialClaim.objects.create(
        article=article,
        official=person,
        position=claim_position,
        start=at,
        end=at + len(name),
        quote=name,
        spans=[[at, at + len(name)]],
    )
    return article


def sign_in(page, username: str, password: str, next_url: str = "/admin/") -> None:
    """In a browser (Playwright `page`): go to `next_url` as an anonymous visitor, land on the
    admin's login form, and sign in there."""
    import re

    from playwright.sync_api import expect

    page.goto(next_url)
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
