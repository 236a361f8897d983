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
        page.get_by_role("link", name="CSV", exact=True).click()  # not «CSV по сюжетам»
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


def test_the_pair_filter_takes_country_names_and_suggests_pairs(page, archive, screenshot):
    page.goto("/articles/")
    field = page.get_by_label("Пара стран")
    assert field.get_attribute("list") == "f-pair-list"
    options = page.locator("#f-pair-list option").evaluate_all("os => os.map(o => o.value)")
    assert "Китай — Россия" in options
    field.fill("россия - Китай")
    page.get_by_role("button", name="Показать").click()
    page.wait_for_url(re.compile(r"pair="))
    assert page.get_by_role("link", name=re.compile("Убрать фильтр «Пара: Китай — Россия")).is_visible()
    assert page.get_by_role("heading", name=re.compile("Найден")).inner_text().endswith("33")
    screenshot(page, "pair-by-name")
    field = page.get_by_label("Пара стран")
    field.fill("Россия-Атлантида")
    page.get_by_role("button", name="Показать").click()
    assert "Не удалось узнать две страны" in page.get_by_role("alert").inner_text()
    # The only console message: the browser reporting the page's own 400.
    assert [e for e in page.console_errors if "400" not in e] == []


def test_the_dossier_chart_labels_months_and_years_legibly(page, archive, screenshot):
    page.goto("/pairs/cn-ru/")
    boxes = page.evaluate(
        "[...document.querySelectorAll('svg.chart text.chart-month')].map(t => {"
        " const r = t.getBoundingClientRect(); return [r.left, r.right, r.height, t.textContent]; })"
    )
    assert len(boxes) == page.locator("svg.chart rect.chart-bar").count() > 12
    assert all(height >= 10 for _, _, height, _ in boxes)
    assert all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:], strict=False)), "month labels overlap"
    assert [label for *_, label in boxes[:3]] == ["янв", "фев", "мар"]  # the fixture starts in January 2020
    years = page.locator("svg.chart text.chart-year").evaluate_all("ts => ts.map(t => t.textContent)")
    assert years[0] == "2020" and years[-1] == "2024"
    screenshot(page, "dossier-chart")
    assert page.console_errors == []


def test_a_list_query_is_a_feed_a_reader_can_subscribe_to(page, archive, live_server):
    page.goto("/articles/?pair=Россия-Китай&q=Китай")
    href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert href.startswith("/articles/feed/?")
    response = page.request.get(live_server.url + href)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    feed = response.text()
    assert "<feed" in feed and "Россия и Китай подписали меморандум" in feed
    assert page.get_by_role("link", name="Лента Atom по этому запросу").get_attribute("href") == href
