"""In a real browser: an editor logs in, does one full correction on the desk, and a reader sees it."""

import re

import pytest
from admin_helpers import make_article, make_editor
from playwright.sync_api import expect

from articles.archive.reference import load_reference_data
from articles.models import ClaimOrigin, ClaimState, Country, CountryClaim, Official, OfficialClaim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "Министр обороны Китая Ли Шанфу и министр обороны России Андрей Белоусов обсудили в Пекине "
    "военное сотрудничество."
)


@pytest.fixture
def article():
    if not Country.objects.exists():  # an earlier transactional test flushed the reference data
        load_reference_data()
    article = make_article("Китай и Россия обсудили военное сотрудничество", BODY)
    for iso, word in (("CN", "Китая"), ("RU", "России")):
        at = BODY.index(word)
        CountryClaim.objects.create(
            article=article,
            country_id=iso,
            start=at,
            end=at + len(word),
            quote=word,
            spans=[[at, at + len(word)]],
        )
    at = BODY.index("Ли Шанфу")
    li = Official.objects.create(full_name="Ли Шанфу", country_id="CN", position="министр обороны")
    OfficialClaim.objects.create(
        article=article, official=li, start=at, end=at + 8, quote="Ли Шанфу", spans=[[at, at + 8]]
    )
    return article


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

    page.goto("/admin/articles/article/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "desk-pass-2026")
    page.click("input[type=submit]")
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
