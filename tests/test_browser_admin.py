"""In a real browser: an editor logs in, does one full correction on the desk, and a reader sees it."""

import pytest
from admin_helpers import desk_article, make_editor, sign_in
from playwright.sync_api import expect

from articles.models import ClaimOrigin, ClaimState, Official

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "Министр обороны Китая Ли Шанфу и министр обороны России Андрей Белоусов обсудили в Пекине "
    "военное сотрудничество."
)


@pytest.fixture
def article():
    return desk_article(
        "Китай и Россия обсудили военное сотрудничество", BODY, official=("Ли Шанфу", "министр обороны")
    )


def test_an_editor_rejects_a_claim_adds_an_official_and_the_reader_sees_it(
    page, article, screenshot, settings
):
    make_editor("redaktor", password="desk-pass-2026")
    # Readers' pages come from the page cache, as in production: the correction must still show.
    settings.COOPNEWS_PAGE_CACHE_SECONDS = 600
    reader_url = f"/articles/{article.pk}/"
    assert page.goto(reader_url).headers["x-coopnews-cache"] == "miss"
    assert page.goto(reader_url).headers["x-coopnews-cache"] == "hit"
    expect(page.locator("body")).to_contain_text("Ли Шанфу")

    sign_in(page, "redaktor", "desk-pass-2026", "/admin/articles/article/")
    expect(page.locator("#result_list")).to_contain_text("Китай и Россия")

    page.click(f"a[href$='/admin/articles/article/{article.pk}/change/']")
    expect(page.locator(".desk-body mark.hl-official")).to_have_text("Ли Шанфу")
    screenshot(page, "article-before")

    # Reject the extracted official.
    page.select_option("select[name='official_claims-0-state']", "rejected")

    # Add the official the extractor missed: a new row, and a new person created in the popup.
    page.click("#official_claims-group .add-row a")
    with page.expect_popup() as popup_info:
        page.click("#add_id_official_claims-1-official")
    popup = popup_info.value
    popup.fill("#id_full_name", "Андрей Белоусов")
    popup.fill("#id_position", "министр обороны")
    popup.click("input[name=_save]")
    popup.wait_for_event("close")
    expect(page.locator("#id_official_claims-1-official")).to_have_value(
        str(Official.objects.get(full_name="Андрей Белоусов").pk)
    )
    page.fill("input[name='official_claims-1-position']", "министр обороны России")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist")).to_contain_text("успешно")
    expect(page.locator(".desk-body mark.hl-rejected")).to_have_text("Ли Шанфу")
    expect(page.locator(".desk-body mark.hl-official.hl-confirmed")).to_have_text("Андрей Белоусов")
    screenshot(page, "article-after")

    li = article.official_claims.get(official__full_name="Ли Шанфу")
    assert li.state == ClaimState.REJECTED
    added = article.official_claims.get(official__full_name="Андрей Белоусов")
    assert (added.origin, added.state) == (ClaimOrigin.EDITOR, ClaimState.CONFIRMED)

    # The reader's page, without an account.
    page.click("#logout-form button")
    assert page.goto(reader_url).headers["x-coopnews-cache"] == "miss"  # the edit made it stale
    expect(page.locator("body")).to_contain_text("Андрей Белоусов")
    expect(page.locator(f"a[href='/officials/{added.official_id}/']").first).to_be_visible()
    assert page.locator(f"a[href='/officials/{li.official_id}/']").count() == 0
    screenshot(page, "reader-article")
    assert page.console_errors == []
