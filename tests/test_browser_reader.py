"""An analyst's walk through the archive in a real browser (Debian's Chromium): what only a browser
shows — the pages render and link up under the CSP with no console errors, forms work without
JavaScript, the CSV downloads. Screenshots of the key pages go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import re

import pytest
from reader_helpers import add_articles, build_archive

from articles.archive.reference import load_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive():
    # The live server needs committed data, so these tests are transactional; the flush after each
    # one empties the reference tables (every ISO country), so they are loaded back first.
    load_reference_data()
    archive = build_archive()
    add_articles(30)
    return archive


def test_analyst_walks_from_home_to_a_pair_an_article_an_official_and_a_csv(page, archive, screenshot):
    page.goto("/")
    assert page.title().endswith("CoopNews")
    screenshot(page, "home")

    page.get_by_role("navigation", name="Разделы").get_by_role("link", name="Пары стран").click()
    page.wait_for_url("**/pairs/")
    screenshot(page, "matrix")

    page.get_by_role("link", name="Россия — Китай: 33").click()
    page.wait_for_url("**/pairs/cn-ru/")
    assert page.get_by_role("heading", level=1).inner_text() == "Китай — Россия"
    assert page.locator("svg.chart rect.chart-bar").count() > 1
    screenshot(page, "pair")

    page.get_by_role("link", name="Все статьи пары с фильтрами").click()
    page.wait_for_url("**/articles/?pair=*")
    before = page.locator("ol.items > li").count()
    page.get_by_label("С даты").fill("2024-01-01")
    page.get_by_role("button", name="Показать").click()
    page.wait_for_url(re.compile(r"date_after=2024-01-01"))
    assert page.get_by_role("heading", name=re.compile("Найден")).inner_text().endswith("2")
    assert page.locator("ol.items > li").count() == 2 < before
    assert page.get_by_role("link", name=re.compile("Убрать фильтр «С даты")).is_visible()
    screenshot(page, "narrowed")

    page.get_by_role("link", name="Россия и Китай подписали меморандум").click()
    page.wait_for_url(f"**/articles/{archive.a1.pk}/")
    assert page.locator(".article__body a.hl-official").count() == 2
    screenshot(page, "article")

    page.locator(".article__body").get_by_role("link", name="Сергей Шойгу").click()
    page.wait_for_url(f"**/officials/{archive.shoigu.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Сергей Шойгу"
    screenshot(page, "official")

    page.get_by_role("link", name="Все статьи с фильтрами").click()
    page.wait_for_url(f"**/articles/?official={archive.shoigu.pk}")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "coopnews-articles.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert {r["title"] for r in rows} == {archive.a1.title, archive.a2.title}

    assert page.console_errors == []


def test_language_switch_works_without_javascript(chromium, live_server, archive, screenshot):
    context = chromium.new_context(base_url=live_server.url, locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto("/pairs/cn-ru/")
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/pairs/cn-ru/")
    assert page.get_by_role("heading", level=1).inner_text() == "China — Russia"
    assert page.locator("html").get_attribute("lang") == "en"
    screenshot(page, "pair-en")
    page.get_by_role("button", name="Русский").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Китай — Россия"
    context.close()


def test_pages_are_usable_on_a_phone_and_by_keyboard(chromium, live_server, archive, screenshot):
    context = chromium.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto("/articles/")
    # Nothing wider than the screen except the scrollable matrix.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "list-phone")
    # The first Tab lands on the skip link, which takes focus to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(f"/articles/{archive.a4.pk}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("<script>")
    screenshot(page, "escaped-phone")
    assert errors == []
    context.close()


PHONE = {"width": 390, "height": 844}


def test_no_page_of_the_readers_map_scrolls_sideways_on_a_phone(chromium, live_server, archive, screenshot):
    context = chromium.new_context(base_url=live_server.url, locale="ru-RU", viewport=PHONE)
    page = context.new_page()
    pages = {
        "home": "/",
        "articles": "/articles/",
        "article": f"/articles/{archive.a1.pk}/",
        "pairs": "/pairs/",
        "pair": "/pairs/cn-ru/",
        "countries": "/countries/",
        "country": "/countries/ru/",
        "officials": "/officials/",
        "official": f"/officials/{archive.shoigu.pk}/",
        "agreements": "/agreements/",
        "agreement": f"/agreements/{archive.memo.pk}/",
    }
    too_wide, tiny_labels = {}, {}
    for name, url in pages.items():
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
        screenshot(page, f"phone-{name}")
        # Chart labels are drawn in SVG units scaled to the screen: measure what a reader sees.
        smallest = page.evaluate(
            "Math.min(...[...document.querySelectorAll('svg.chart text')]"
            ".map(t => t.getBoundingClientRect().height), 99)"
        )
        if smallest < 10:
            tiny_labels[name] = round(smallest, 1)
    assert too_wide == {}
    assert tiny_labels == {}
    context.close()
