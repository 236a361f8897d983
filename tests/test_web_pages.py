"""Saved web pages: import_articles reads .html/.htm files — the page's metadata first, the text after."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.parsing import ParsedArticle, ParseError
from articles.pipeline.webpage import parse_html

OUTLETS = Lexicon.from_files().outlets

PARAGRAPHS = (
    "<p>Министры обороны Казахстана и Турции подписали в Анкаре план двустороннего военного "
    "сотрудничества на следующий год.</p>"
    "<p>Документ предусматривает обмен опытом, подготовку офицеров и совместные учения сухопутных "
    "войск двух стран в течение года.</p>"
)

WITH_METADATA = f"""<!doctype html><html lang="ru"><head>
<title>Казахстан и Турция подписали план военного сотрудничества — Kazinform</title>
<meta property="og:site_name" content="Kazinform">
<meta property="og:title" content="Казахстан и Турция подписали план военного сотрудничества">
<meta property="article:published_time" content="2023-02-03T14:05:00+05:00">
<link rel="canonical" href="https://www.inform.kz/ru/kazahstan-i-turciya_a1234">
</head><body>
<nav><a href="/">Главная</a> <a href="/politics">Политика</a></nav>
<article><h1>Казахстан и Турция подписали план военного сотрудничества</h1>{PARAGRAPHS}</article>
<footer>© 2024 Kazinform. Все права защищены.</footer>
</body></html>"""

WITHOUT_METADATA = f"""<html><body>
<div class="content">
<h1>Казахстан и Турция подписали план военного сотрудничества</h1>
<p>Анкара, 3 февраля. БелТА. Министры обороны Казахстана и Турции подписали в Анкаре план
двустороннего военного сотрудничества на следующий год.</p>
{PARAGRAPHS}
</div></body></html>"""

NO_TEXT = """<html><head><title>Страница не найдена</title></head>
<body><nav><a href="/">Главная</a></nav></body></html>"""


def parsed(html: str, name: str = "page.html") -> ParsedArticle:
    result = parse_html(html.encode("utf-8"), name, OUTLETS)
    assert isinstance(result, ParsedArticle), result
    return result


def test_a_page_with_metadata_gives_its_title_date_outlet_and_address():
    article = parsed(WITH_METADATA)
    assert article.title == "Казахстан и Турция подписали план военного сотрудничества"
    assert article.date == PartialDate(2023, 2, 3)
    assert article.source == "Kazinform"
    assert article.url == "https://www.inform.kz/ru/kazahstan-i-turciya_a1234"
    assert article.body.startswith("Министры обороны Казахстана")
    assert "Главная" not in article.body


def test_a_page_without_metadata_is_read_by_the_text_readers():
    article = parsed(WITHOUT_METADATA)
    assert article.title == "Казахстан и Турция подписали план военного сотрудничества"
    assert article.date == PartialDate(None, 2, 3)
    assert article.source == "БелТА"
    assert article.url == ""


def test_a_page_with_no_article_text_is_an_error_naming_why():
    result = parse_html(NO_TEXT.encode("utf-8"), "404.html", OUTLETS)
    assert isinstance(result, ParseError)
    assert str(result) == "404.html: no article text in the page"


def test_an_empty_page_is_an_error():
    assert str(parse_html(b"  \n", "empty.htm", OUTLETS)) == "empty.htm: empty file"


@pytest.mark.django_db
def test_import_reads_html_files_and_names_a_page_without_text(tmp_path):
    (tmp_path / "kazinform.html").write_text(WITH_METADATA, encoding="utf-8")
    (tmp_path / "belta.htm").write_text(WITHOUT_METADATA, encoding="utf-8")
    (tmp_path / "404.html").write_text(NO_TEXT, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_articles", str(tmp_path), "--no-extract", stdout=out, stderr=err)
    assert failed.value.returncode == 1
    assert "failed: 404.html: no article text in the page" in err.getvalue()
    articles = {a.source_file: a for a in Article.objects.select_related("source")}
    assert set(articles) == {"kazinform.html", "belta.htm"}
    assert articles["kazinform.html"].source.name == "Kazinform"
    assert articles["kazinform.html"].partial_date == PartialDate(2023, 2, 3)
    assert articles["belta.htm"].source.name == "БелТА"
