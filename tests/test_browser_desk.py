"""In a real browser, the editor's flows: the review queue page; confirming and rejecting a claim and
seeing who decided; correcting a post both in the person's record and in the articles that word it;
merging two officials, after which the merged-away public URL answers 301 to the survivor."""

import re

import pytest
from admin_helpers import desk_article, make_editor
from admin_helpers import sign_in as sign_in_as
from playwright.sync_api import expect

from articles.models import ClaimState, CountryClaim, Official

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "Министр обороны Китая Дун Цзюнь и министр обороны России Андрей Белоусов обсудили сотрудничество."
PASSWORD = "desk-pass-2026"


@pytest.fixture
def article():
    return desk_article(
        "Китай и Россия обсудили сотрудничество",
        BODY,
        official=("Дун Цзюнь", "министр обороны"),
        claim_position="министр обороны",
        pair=True,
    )


def sign_in(page, next_url: str = "/admin/"):
    make_editor("redaktor", password=PASSWORD)
    sign_in_as(page, "redaktor", PASSWORD, next_url)


def test_the_review_queue_is_a_page_of_its_own(page, article, screenshot):
    sign_in(page)
    page.click("#desk-panel a:has-text('Очередь проверки')")
    expect(page).to_have_url(re.compile(r"/admin/articles/article/queue/$"))
    expect(page.locator("h1")).to_have_text("Очередь проверки")
    headers = page.locator("#result_list thead th").all_inner_texts()
    assert [h.strip().lower() for h in headers[1:]] == [
        "заголовок",
        "издание",
        "дата",
        "пара",
        "ждут решения",
        "импортирована",
    ]
    row = page.locator("#result_list tbody tr").first
    expect(row).to_contain_text("Китай и Россия обсудили сотрудничество")
    expect(row.locator("td.field-pair_display")).to_have_text("CN–RU")
    expect(row.locator("td.field-waiting")).to_have_text("4")
    expect(page.locator("#changelist-filter")).not_to_contain_text("замеров")
    screenshot(page, "queue")
    assert page.console_errors == []


def test_an_editor_confirms_and_rejects_claims_and_sees_who_decided(page, article, screenshot):
    sign_in(page, f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#desk-claims-help")).to_contain_text("Отклонено")
    # A machine claim offers rejection, not deletion.
    expect(page.locator("input[type=checkbox][name='country_claims-0-DELETE']")).to_have_count(0)
    page.select_option("select[name='country_claims-0-state']", "confirmed")
    page.select_option("select[name='country_claims-1-state']", "rejected")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("успешно")
    provenance = page.locator("#country_claims-group td.field-provenance")
    expect(provenance.nth(0)).to_contain_text("подтвердил: redaktor")
    expect(provenance.nth(1)).to_contain_text("отклонил: redaktor")
    screenshot(page, "decided")

    page.click("a.historylink")
    expect(page.locator("#desk-decisions")).to_contain_text("решение: предложено → отклонено")
    expect(page.locator("#desk-decisions")).to_contain_text("redaktor")
    screenshot(page, "history")
    decided = {
        c.country_id: (c.state, c.decided_by.username)
        for c in CountryClaim.objects.select_related("decided_by")
    }
    assert decided == {"CN": (ClaimState.CONFIRMED, "redaktor"), "RU": (ClaimState.REJECTED, "redaktor")}
    assert page.console_errors == []


def test_a_post_correction_is_offered_for_the_person_and_for_the_articles(page, article, screenshot):
    dun = Official.objects.get(full_name="Дун Цзюнь")
    sign_in(page, f"/admin/articles/official/{dun.pk}/change/")
    expect(page.locator(".field-position .help")).to_contain_text("Текущая должность лица")
    offered = page.locator("#id_correct_in_articles")
    expect(offered).to_contain_text("«министр обороны» — статей: 1")
    page.fill("#id_position", "министр национальной обороны КНР")
    offered.locator("input[value='министр обороны']").check()
    screenshot(page, "official-form")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("записана и в статьях: 1")

    # On the article's page: the article's wording and the person's post, side by side.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    row = page.locator("#official_claims-group tr.has_original").first
    expect(row.locator("input[name$='-position']")).to_have_value("министр национальной обороны КНР")
    expect(row.locator("td.field-official_post")).to_have_text("министр национальной обороны КНР")
    # And from here the other way: a new wording, also made the person's post.
    row.locator("input[name$='-position']").fill("министр обороны КНР")
    row.locator("input[name$='-also_official']").check()
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("успешно")
    expect(row.locator("td.field-official_post")).to_have_text("министр обороны КНР")
    screenshot(page, "article-posts")
    dun.refresh_from_db()
    assert dun.position == "министр обороны КНР"
    assert page.console_errors == []


def test_merging_two_officials_redirects_the_merged_away_page_to_the_survivor(page, article, screenshot):
    dun = Official.objects.get(full_name="Дун Цзюнь")
    twin = Official.objects.create(full_name="Дун Цзюня", country_id="CN", position="министр обороны")
    sign_in(page, "/admin/articles/official/")
    for official in (dun, twin):
        page.check(f"input[name=_selected_action][value='{official.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    expect(page.locator("h1")).to_contain_text("Объединить")
    page.check(f"input[name=survivor][value='{dun.pk}']")
    screenshot(page, "merge-confirmation")
    page.click("input[value='Объединить']")
    expect(page.locator(".messagelist")).to_contain_text("Объединено в «Дун Цзюнь»")

    moved = page.request.get(f"/officials/{twin.pk}/", max_redirects=0)
    assert moved.status == 301 and moved.headers["location"].endswith(f"/officials/{dun.pk}/")
    page.goto(f"/officials/{twin.pk}/")
    expect(page).to_have_url(re.compile(rf"/officials/{dun.pk}/$"))
    expect(page.locator("h1")).to_contain_text("Дун Цзюнь")
    screenshot(page, "survivor")
    assert page.console_errors == []
