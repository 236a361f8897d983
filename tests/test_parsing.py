"""Parsing is pure: bytes and a file name in, a ParsedArticle or a ParseError out. No database."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.pipeline.attribution import find_attribution, outlet_for
from articles.pipeline.cleaning import is_photo_credit
from articles.pipeline.datelines import split_dateline
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.jsonl import parse_jsonl
from articles.pipeline.parsing import ParsedArticle, ParseError, parse_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTLETS = Lexicon.from_files().outlets


def seed(prefix: str) -> ParsedArticle:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    result = parse_file(path.read_bytes(), path.name, OUTLETS)
    assert isinstance(result, ParsedArticle), result
    return result


def parse(text: str, name: str = "a.txt") -> ParsedArticle:
    result = parse_file(text.encode("utf-8"), name, OUTLETS)
    assert isinstance(result, ParsedArticle), result
    return result


LEAD = (
    "Министр обороны России провёл переговоры с коллегой из Китая. Стороны обсудили военное "
    "сотрудничество и совместные учения."
)


# --- the seeds -----------------------------------------------------------------------------------


def test_header_line_gives_title_and_date():
    article = seed("002")
    assert article.title == "Белоусов обсудил с министром обороны КНР взаимодействие в военной сфере"
    assert article.title_derived is False
    assert article.date == PartialDate(2026, 1, 27)
    assert article.source == "Интерфакс"  # INTERFAX.RU in the dateline, normalised
    assert article.place == "Москва"
    assert article.body.startswith("Министр обороны РФ Андрей Белоусов")


def test_outlet_dateline_without_year_keeps_day_and_month_only():
    article = seed("001")
    assert article.source == "ЦАМТО"
    assert article.date.iso() == "--08-18"
    assert article.body.startswith("В Минске 15 августа")


def test_file_without_headline_gets_a_derived_title_from_the_lead():
    article = seed("001")
    assert article.title_derived is True
    assert article.title.startswith("В Минске 15 августа прошло очередное заседание")
    assert len(article.title) <= 101
    assert article.title.endswith("…")


def test_headline_line_is_the_title_and_lines_stay_paragraphs():
    article = seed("003")
    assert article.title == "Азербайджан начинает диалог с Китаем в оборонной промышленности"
    assert article.title_derived is False
    # one line a paragraph in the file: none merged
    assert len(article.body.split("\n\n")) == 8


def test_correspondent_attribution_is_the_source():
    assert seed("003").source == "Kazinform"


def test_interview_attribution_names_an_unknown_latin_outlet():
    article = parse_file(
        next(SEEDS.glob("004_*.txt")).read_bytes(), "004.txt", {}
    )  # an empty outlet table: recognised by shape
    assert article.source == "Azeri.Today"


def test_hard_wrapped_lines_are_unwrapped_and_a_repeated_block_is_kept_once():
    article = seed("004")
    first = article.body.split("\n\n")[0]
    assert first.startswith("Вице-премьер правительства Российской Федерации Дмитрий Рогозин, отвечающий")
    assert "\n" not in first
    assert article.body.count("В интервью Azeri.Today известный российский военный эксперт") == 1
    assert article.body.count("Как вы оцениваете текущий уровень") == 1
    assert article.raw_text.count("Как вы оцениваете текущий уровень") == 2


def test_photo_credit_is_dropped_from_the_body_and_is_not_the_source():
    article = seed("000")
    assert "Chen Jimin" not in article.body
    assert "Chen Jimin/China News Service/VC/ТАСС" in article.raw_text
    assert article.source is None  # ТАСС only in the credit; РИА and Регнум only cited


def test_lead_date_without_a_dateline_keeps_its_precision():
    assert seed("000").date.iso() == "--11-13"


def test_raw_text_is_the_file_exactly():
    path = next(SEEDS.glob("004_*.txt"))
    assert seed("004").raw_text == path.read_text(encoding="utf-8")


# --- datelines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, place, date, outlet",
    [
        ("МОСКВА, 17 декабря. /ТАСС/. Текст.", "Москва", "--12-17", "ТАСС"),
        ("Москва. 27 января. INTERFAX.RU - Текст.", "Москва", "--01-27", "INTERFAX.RU"),
        ("ЦАМТО, 18 августа. Текст.", "", "--08-18", "ЦАМТО"),
        ("Ташкент. 22 января. ИНТЕРФАКС - Текст.", "Ташкент", "--01-22", "ИНТЕРФАКС"),
        ("МОСКВА, 3 мар — РИА Новости. Текст.", "Москва", "--03-03", "РИА Новости"),
        ("Пекин, 26 января /Синьхуа/ -- Текст.", "Пекин", "--01-26", "Синьхуа"),
        ("Нью-Йорк, 5 мая 2024 года. /ТАСС/. Текст.", "Нью-Йорк", "2024-05-05", "ТАСС"),
        ("ВАШИНГТОН, 17 декабря. /Корр. ТАСС Иван Иванов/. Текст.", "Вашингтон", "--12-17", "ТАСС"),
        ("МИНСК, 5 мая (БЕЛТА) – Текст.", "Минск", "--05-05", "БЕЛТА"),
        ("Баку, Азербайджан, 12 июня (Trend) - Текст.", "Баку", "--06-12", "Trend"),
        ("ЕРЕВАН, 5 МАЯ, АРМЕНПРЕСС. Текст.", "Ереван", "--05-05", "АРМЕНПРЕСС"),
        ("МОСКВА, 3 мар - РИА Новости, Иван Иванов. Текст.", "Москва", "--03-03", "РИА Новости"),
        ("Москва, 5 мая. Текст.", "Москва", "--05-05", None),
    ],
)
def test_wire_dateline_gives_place_date_and_outlet(text, place, date, outlet):
    found = split_dateline(text, OUTLETS)
    assert found is not None
    assert found[0] == place
    assert found[1].iso() == date
    assert found[2] == outlet
    assert found[3] == "Текст."


@pytest.mark.parametrize(
    "text",
    [
        "Сегодня, 17 декабря, в Москве прошли переговоры.",
        "В Минске 15 августа прошло заседание.",
        "Генсек НАТО - о расширении альянса.",
        "Министр обороны России провёл переговоры.",
    ],
)
def test_a_sentence_is_not_taken_for_a_dateline(text):
    assert split_dateline(text, OUTLETS) is None


@pytest.mark.parametrize(
    "dateline, outlet",
    [
        ("Москва. 27 января. INTERFAX.RU - ", "Интерфакс"),
        ("Ташкент. 22 января. ИНТЕРФАКС - ", "Интерфакс"),
        ("МОСКВА, 17 декабря. /ИТАР-ТАСС/. ", "ТАСС"),
        ("МОСКВА, 3 мар — РИА Новости. ", "РИА Новости"),
    ],
)
def test_outlet_spellings_normalise_through_the_outlet_table(dateline, outlet):
    assert parse(dateline + LEAD).source == outlet


def test_dateline_is_stripped_from_the_body_and_never_gets_this_years_date():
    article = parse("МОСКВА, 17 декабря. /ТАСС/. " + LEAD)
    assert article.body.startswith("Министр обороны России")
    assert article.date == PartialDate(None, 12, 17)
    assert article.raw_text.startswith("МОСКВА, 17 декабря.")


def test_a_dateline_without_a_year_takes_the_year_the_text_gives_for_that_day():
    article = parse("МОСКВА, 17 декабря. /ТАСС/. Переговоры прошли 17 декабря 2025 года в Москве.")
    assert article.date == PartialDate(2025, 12, 17)
    other_day = parse("МОСКВА, 17 декабря. /ТАСС/. Договор подписан 5 мая 2020 года.")
    assert other_day.date == PartialDate(None, 12, 17)


def test_lead_date_with_a_year_is_a_full_date():
    assert parse("Об этом 13 ноября 2024 года сообщили в ведомстве.").date == PartialDate(2024, 11, 13)


def test_text_without_any_date_has_none():
    assert parse(LEAD).date.iso() is None


@pytest.mark.parametrize(
    "text",
    [
        "«Сотрудничество развивается», — приводит «РИА Новости» сообщение ведомства.",
        "Как передавало ИА Регнум, стороны подписали заявление.",
        "Как сообщает ТАСС, переговоры прошли в Пекине.",
        "В интервью китайскому телеканалу CGTN президент сказал, что ожидает роста.",
    ],
)
def test_a_cited_outlet_is_not_the_source(text):
    assert find_attribution(text, OUTLETS) is None


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Об этом сообщает корреспондент агентства Trend.", "Trend"),
        ("Переговоры прошли в Баку, передает собственный корреспондент агентства Kazinform.", "Kazinform"),
        ("В интервью Azeri.Today эксперт рассказал о сотрудничестве.", "Azeri.Today"),
        ("Об этом рассказал корреспонденту «Известий» источник.", "Известий"),
    ],
)
def test_an_attribution_of_the_article_names_its_source(text, outlet):
    assert find_attribution(text, OUTLETS) == outlet


@pytest.mark.parametrize(
    "closing, outlet",
    [
        ("Источник: ТАСС", "ТАСС"),
        ("Источник: https://topwar.ru/12345-news.html", "Военное обозрение"),
        ("Источник: пресс-служба Минобороны", None),
    ],
)
def test_a_closing_source_line_names_the_source(closing, outlet):
    assert parse(LEAD + "\n\n" + closing).source == outlet


@pytest.mark.parametrize(
    "dateline, date, outlet",
    [
        ("ЕРЕВАН, 5 июня. /АРКА/. ", "--06-05", "АРКА"),
        ("Баку, 12 марта, АПА. ", "--03-12", "APA"),
        ("НУР-СУЛТАН. 3 апреля. КАЗИНФОРМ - ", "--04-03", "Kazinform"),
        ("Анкара, 4 мая 2024 – Anadolu. ", "2024-05-04", "Анадолу"),
        ("Минск, 1 июля (БЕЛТА). ", "--07-01", "БелТА"),
        ("ТАШКЕНТ, 2 февраля — Sputnik. ", "--02-02", "Sputnik"),
        ("Вашингтон, 15 мая (Reuters) - ", "--05-15", "Reuters"),
        ("Бишкек, 3 марта 2025 /Кабар/. ", "2025-03-03", "Кабар"),
    ],
)
def test_wire_datelines_of_many_agencies_give_date_and_outlet_and_leave_the_lead(dateline, date, outlet):
    article = parse(dateline + LEAD)
    assert (article.date.iso(), article.source) == (date, outlet)
    assert article.body == LEAD


WRAPPED_LEAD = (
    "Министр обороны Киргизии\n"
    "провел переговоры с делегацией Министерства обороны России во\n"
    "главе с заместителем министра обороны. Стороны обсудили\n"
    "совместные учения и подготовку военнослужащих в российских\n"
    "военных вузах.\n"
    "\n"
    "Второй абзац о поставках бронетехники и средств связи для\n"
    "армии республики в рамках соглашения о военной помощи.\n"
)


@pytest.mark.parametrize(
    "dateline, date, outlet",
    [
        ("Бишкек, 4 июня 2025 /Байкал-Информ/. ", "2025-06-04", "Байкал-Информ"),
        ("БИШКЕК, 4 июня. /КАБАР/. ", "--06-04", "Кабар"),
        ("Бишкек, 4 июня (БЕЛТА). ", "--06-04", "БелТА"),
        ("Бишкек, 4 июня — Sputnik. ", "--06-04", "Sputnik"),
        ("Бишкек, 4 июня 2025 /Байкал-Информ/\n", "2025-06-04", "Байкал-Информ"),
    ],
)
def test_a_dateline_opening_a_hard_wrapped_lead_keeps_the_lead_in_the_body(dateline, date, outlet):
    article = parse(dateline + WRAPPED_LEAD)
    assert (article.date.iso(), article.source) == (date, outlet)  # an unknown outlet by its spelling
    assert article.body.startswith("Министр обороны Киргизии провел переговоры с делегацией Министерства")
    assert article.title.startswith("Министр обороны Киргизии провел переговоры") and article.title_derived
    assert len(article.body.split("\n\n")) == 2


def test_a_wrapped_dateline_line_ending_before_a_name_joins_the_next_line():
    text = (
        "Бишкек, 4 июня 2025 /Байкал-Информ/. Министр обороны Киргизии\n"
        "Б.Бекболотов принял делегацию Министерства обороны Российской\n"
        "Федерации во главе с заместителем министра обороны России\n"
        "генерал-полковником, сообщает пресс-служба ведомства.\n"
        "\n"
        "Стороны обсудили ход подготовки к совместному учению, которое\n"
        "пройдет в августе на территории республики этого года.\n"
    )
    article = parse(text)
    assert (article.date.iso(), article.source, article.place) == ("2025-06-04", "Байкал-Информ", "Бишкек")
    assert article.body.startswith("Министр обороны Киргизии Б.Бекболотов принял делегацию")


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Улан-Батор, 28 мая 2025 /МОНЦАМЭ/. Министр обороны Монголии", False),
        ("Бишкек, 4 июня 2025 /Байкал-Информ/", False),
        ("Москва /ТАСС/. Министр обороны России", False),
        ("Иван Петров/ТАСС", True),
        ("Chen Jimin/China News Service/VC/ТАСС", True),
    ],
)
def test_a_dateline_with_slashes_is_not_a_photo_credit(line, credit):
    assert is_photo_credit(line) is credit


@pytest.mark.parametrize(
    "stamp",
    ["22.01.2025, 14:05", "22.01.2025 14:05", "14:05, 22.01.2025", "22 января 2025, 14:05", "2025-01-22"],
)
def test_a_timestamp_line_under_the_headline_dates_the_article(stamp):
    article = parse("Россия и Китай провели учения\n" + stamp + "\n\n" + LEAD)
    assert article.date == PartialDate(2025, 1, 22)
    assert article.title == "Россия и Китай провели учения" and article.body == LEAD


# --- attributions in the text --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, outlet",
    [
        ("Документ подписан, сообщили «Известиям» в военном ведомстве.", "Известия"),
        ("Как стало известно “Ъ”, переговоры затянулись.", "Коммерсантъ"),
        ('Об этом рассказал "Ъ" источник в правительстве.', "Коммерсантъ"),
        ("По словам источника «Ъ», сделка сорвалась.", "Коммерсантъ"),
        ("Переговоры продолжатся, сообщил «Коммерсанту» собеседник в министерстве.", "Коммерсантъ"),
        ("Как уже писал “Ъ”, Индия закупает самолеты.", "Коммерсантъ"),
        ('Как уже писало "Военное обозрение", Алжир покупает оружие.', "Военное обозрение"),
        ("Об этом рассказали «Ведомостям» два федеральных чиновника.", "Ведомости"),
        ("Как отметил в беседе с «Известиями» эксперт, опасения преувеличены.", "Известия"),
        ("Об этом сообщили «Красной звезде» в Минобороны.", "Красная звезда"),
        ("Документ, с которым ознакомились «Известия», предусматривает поставки.", "Известия"),
        ("Об этом сообщили ТАСС в пресс-службе министерства.", "ТАСС"),
        ("— Мы готовы, — рассказал РИА Новости глава делегации.", "РИА Новости"),
    ],
)
def test_a_paper_signing_its_own_reporting_is_the_source(sentence, outlet):
    assert parse(LEAD + " " + sentence).source == outlet


@pytest.mark.parametrize(
    "sentence",
    [
        "Контракт подписан, по данным Reuters, еще в 2019 году.",
        "Как сообщает «Коммерсантъ», контракт подписан.",
        "Как сообщили «Известия», контракт подписан.",  # the paper reported: nominative, cited
        "Об этом сообщили «Ведомости» со ссылкой на источники.",
        "Как сообщил ТАСС, переговоры прошли успешно.",
        "Об этом сообщило агентство Reuters со ссылкой на источник Reuters в Пентагоне.",
        "Министр сообщил журналистам, что сделка сорвалась.",
        "Об этом рассказали «Рособоронэкспорту» в ведомстве.",  # not an outlet
    ],
)
def test_an_outlet_merely_cited_in_the_text_is_not_the_source(sentence):
    assert parse(LEAD + " " + sentence).source is None


def test_a_photo_credit_and_a_cited_outlet_together_give_no_source():
    article = parse(
        "Заголовок статьи о поставках\n\nФото: Reuters\n\n" + LEAD + " По данным Reuters, сделка сорвалась."
    )
    assert article.source is None
    assert "Фото" not in article.body


def test_the_dateline_outlet_wins_over_an_outlet_named_in_the_text():
    article = parse("МОСКВА, 17 декабря. /ТАСС/. " + LEAD + " Об этом сообщили «Известиям» в ведомстве.")
    assert article.source == "ТАСС"


@pytest.mark.parametrize(
    "spelling, outlet",
    [
        ("Известиям", "Известия"),
        ("Известий", "Известия"),
        ("Коммерсанту", "Коммерсантъ"),
        ("Красной звезде", "Красная звезда"),
        ("Аргументам и фактам", "Аргументы и факты"),
        ("Неизвестному", None),
    ],
)
def test_declined_outlet_names_resolve_through_the_table_without_listing_each_case(spelling, outlet):
    table = {"известия": "Известия", "коммерсантъ": "Коммерсантъ", "красная звезда": "Красная звезда"}
    table["аргументы и факты"] = "Аргументы и факты"
    assert outlet_for(spelling, table) == outlet


@pytest.mark.parametrize(
    "closing, outlet",
    [
        ("Источник: Военное обозрение", "Военное обозрение"),
        ("Источник: «Коммерсантъ»", "Коммерсантъ"),
        ("По материалам РИА Новости", "РИА Новости"),
        ("Источник фото: Reuters", None),
        ("Фото: Reuters", None),
    ],
)
def test_a_closing_line_names_the_source_but_a_photo_credit_does_not(closing, outlet):
    assert parse(LEAD + "\n\n" + closing).source == outlet


# --- layout --------------------------------------------------------------------------------------


def test_crlf_and_cr_line_ends_parse_like_lf():
    text = "Заголовок статьи о сотрудничестве\n" + LEAD + "\nВторой абзац текста.\n"
    lf = parse(text)
    for ending in ("\r\n", "\r"):
        other = parse(text.replace("\n", ending))
        assert (other.title, other.body, other.fingerprint) == (lf.title, lf.body, lf.fingerprint)


def test_derived_title_is_cut_at_a_word_boundary():
    article = parse("Очень " * 60 + "длинное первое предложение.")
    assert article.title_derived
    assert len(article.title) <= 101
    assert article.title.endswith("Очень…")


@pytest.mark.parametrize(
    "text",
    [
        "Россия и Китай провели учения\n18.08.2024 10:15\n" + LEAD,
        "18 августа 2024, 10:15\nРоссия и Китай провели учения\n\n" + LEAD,
    ],
)
def test_a_date_line_above_the_text_is_the_date_and_not_body(text):
    article = parse(text)
    assert article.title == "Россия и Китай провели учения" and not article.title_derived
    assert article.date == PartialDate(2024, 8, 18)
    assert article.body == LEAD


def test_furniture_lines_are_dropped():
    article = parse(LEAD + "\n\nФото: Иван Петров/ТАСС\n\nЧитайте также: другие новости\n\nКонец.")
    assert "Фото" not in article.body and "Читайте" not in article.body
    assert article.body.endswith("Конец.")


def test_a_text_of_only_credit_like_lines_keeps_them_as_its_body():
    article = parse("Россия/Китай\nФото: ТАСС")
    assert article.body and article.title


def test_a_list_after_a_colon_is_not_merged():
    article = parse("Заголовок о протоколе\nСтороны обсудили:\n- поставки;\n- учения.")
    assert article.body.split("\n\n") == ["Стороны обсудили:", "- поставки;", "- учения."]


# --- encodings and bad input ---------------------------------------------------------------------


def test_windows_1251_and_utf16_twins_parse_like_utf8():
    path = next(SEEDS.glob("003_*.txt"))
    text = path.read_text(encoding="utf-8")
    utf8 = parse_file(path.read_bytes(), "x.txt", OUTLETS)
    for data in (text.encode("cp1251"), text.encode("utf-16"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        twin = parse_file(data, "x.txt", OUTLETS)
        assert isinstance(twin, ParsedArticle), twin
        assert (twin.title, twin.body, twin.date, twin.source) == (
            utf8.title,
            utf8.body,
            utf8.date,
            utf8.source,
        )
        assert twin.fingerprint == utf8.fingerprint


def test_utf8_with_rare_letters_is_not_misread_as_windows_1251():
    text = "Ёлки, «цитата» — №5 и Café. " + LEAD
    assert parse(text).body.startswith("Ёлки, «цитата» — №5 и Café.")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "whitespace only"),
        ("  \n\u00a0\n".encode(), "whitespace only"),
        (b"text\x00with NUL", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 20, "binary"),
        (b"\x98\x98\x98 not text", "undecodable"),
        (b"\xd0\xc0\xb9\xa3\xe9\xbf\xbc\xa5\xcb\xde\xbc", "undecodable"),
        (b"\xff\xfe" + b"\x00\xd8", "undecodable"),
    ],
)
def test_bad_input_gives_a_clear_error(data, reason):
    result = parse_file(data, "bad.txt", OUTLETS)
    assert isinstance(result, ParseError)
    assert reason in result.reason
    assert result.source_file == "bad.txt"


def test_file_over_the_size_limit_is_rejected():
    result = parse_file(("а" * 600).encode(), "big.txt", OUTLETS, max_bytes=1000)
    assert isinstance(result, ParseError) and "larger than 1000 bytes" in result.reason
    assert isinstance(parse_file(("а" * 400).encode(), "ok.txt", OUTLETS, max_bytes=1000), ParsedArticle)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_article_or_an_error(data):
    result = parse_file(data, "fuzz.txt", OUTLETS)
    assert isinstance(result, ParsedArticle | ParseError)
    if isinstance(result, ParsedArticle):
        assert result.title.strip() and len(result.title) <= 500


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500))
def test_any_text_gives_an_article_or_an_error(text):
    result = parse_file(text.encode("utf-8"), "fuzz.txt", OUTLETS)
    assert isinstance(result, ParsedArticle | ParseError)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=5))
def test_any_jsonl_bytes_give_articles_or_errors(lines):
    results = list(parse_jsonl(b"\n".join(lines), "fuzz.jsonl", OUTLETS))
    assert results
    assert all(isinstance(r, ParsedArticle | ParseError) for r in results)


# --- .jsonl --------------------------------------------------------------------------------------


def test_jsonl_lines_become_articles_and_bad_lines_errors_with_line_numbers():
    data = "\n".join(
        [
            '{"text": "' + LEAD + '", "title": "Заголовок", "date": "2025-03-04", "source": "ИТАР-ТАСС",'
            ' "url": "https://example.org/a"}',
            "not json at all",
            "",
            '{"title": "no text"}',
            '{"text": "   "}',
            '["a list"]',
            '{"text": "Только текст без метаданных. Второе предложение."}',
        ]
    ).encode("utf-8")
    results = list(parse_jsonl(data, "batch.jsonl", OUTLETS))
    assert [type(r).__name__ for r in results] == [
        "ParsedArticle",
        "ParseError",
        "ParseError",
        "ParseError",
        "ParseError",
        "ParsedArticle",
    ]
    first = results[0]
    assert (first.source_file, first.title, first.title_derived) == ("batch.jsonl:1", "Заголовок", False)
    assert (first.date.iso(), first.source, first.url) == ("2025-03-04", "ТАСС", "https://example.org/a")
    assert [(r.line, r.reason.split(" (")[0]) for r in results[1:5]] == [
        (2, "not JSON"),
        (4, "no text"),
        (5, "text is not a non-empty string"),
        (6, "not a JSON object"),
    ]
    assert results[5].source_file == "batch.jsonl:7" and results[5].title_derived


def test_jsonl_record_metadata_changes_the_fingerprint():
    a = next(parse_jsonl(b'{"text": "Same text.", "title": "A"}', "b.jsonl", OUTLETS))
    b = next(parse_jsonl(b'{"text": "Same text.", "title": "B"}', "b.jsonl", OUTLETS))
    assert a.fingerprint != b.fingerprint


def test_jsonl_with_a_timestamp_date_keeps_the_day():
    record = next(parse_jsonl(b'{"text": "Text.", "date": "2025-03-04T10:00:00+03:00"}', "b.jsonl", OUTLETS))
    assert record.date == PartialDate(2025, 3, 4)


# --- the block above the text: timestamps, issue lines, rubrics, bylines -------------------------

HEADLINE = "Россия и Китай провели совместные учения"


@pytest.mark.parametrize(
    "stamp, date",
    [
        ("19 апреля 2024, 10:15", PartialDate(2024, 4, 19)),
        ("3 окт 2023, 09:12", PartialDate(2023, 10, 3)),
        ("Обновлено: 22.01.2025, 14:05", PartialDate(2025, 1, 22)),
        ("09:40 11.02.2023 (обновлено: 10:02 11.02.2023)", PartialDate(2023, 2, 11)),
        ("2023.07.30 08:15", PartialDate(2023, 7, 30)),
        ("11:20 / 01.09.2022", PartialDate(2022, 9, 1)),
        ("30.06.2022 20:00:00", PartialDate(2022, 6, 30)),
    ],
)
def test_timestamp_lines_in_any_site_format_date_the_article(stamp, date):
    article = parse(f"{HEADLINE}\n\n{stamp}\n\n{LEAD}")
    assert article.date == date
    assert article.title == HEADLINE and article.body == LEAD


@pytest.mark.parametrize(
    "issue, date, source",
    [
        ("№ 12 от 03.03.2023", PartialDate(2023, 3, 3), None),
        ("Газета «Известия» №33 от 17.02.2022, стр. 2", PartialDate(2022, 2, 17), "Известия"),
        ('Газета "Ведомости" № 101 от 9 июня 2021', PartialDate(2021, 6, 9), "Ведомости"),
        ("Опубликовано в выпуске № 7 (900) за 21 февраля 2022 года", PartialDate(2022, 2, 21), None),
    ],
)
def test_an_issue_line_dates_the_article_and_names_its_paper(issue, date, source):
    article = parse(f"{HEADLINE}\nПодзаголовок о сути дела\n{issue}\n\n{LEAD}")
    assert article.date == date
    assert article.source == source
    assert article.title == HEADLINE
    assert issue not in article.body


def test_an_outlet_named_in_the_timestamp_line_is_the_source():
    article = parse(f"{HEADLINE}\nРБК, 7 мар 2023, 12:00\n\n{LEAD}")
    assert (article.source, article.date) == ("РБК", PartialDate(2023, 3, 7))


def test_a_timestamp_line_gives_the_year_of_a_dateline_on_the_same_day():
    text = f"{HEADLINE}\n\n07.03.2023, 12:00\n\nМОСКВА, 7 мар — РИА Новости. {LEAD}"
    assert parse(text).date == PartialDate(2023, 3, 7)


def test_a_timestamp_on_another_day_leaves_the_dateline_date_alone():
    text = f"{HEADLINE}\n\n08.03.2023, 00:10\n\nМОСКВА, 7 мар — РИА Новости. {LEAD}"
    assert parse(text).date == PartialDate(None, 3, 7)


@pytest.mark.parametrize("rubric", ["ОБЩЕСТВО", "В МИРЕ", "Оборона", "Рубрика: Армия", "В мире"])
def test_a_rubric_above_the_headline_is_not_the_title(rubric):
    article = parse(f"{rubric}\n{HEADLINE}\n\n{LEAD}")
    assert article.title == HEADLINE and not article.title_derived
    assert rubric not in article.body


@pytest.mark.parametrize("byline", ["Текст: Пётр Сидоров", "Мария Кузнецова", "Автор: Ирина Белова"])
def test_a_byline_under_the_headline_is_dropped_and_a_subtitle_stays(byline):
    subtitle = "Стороны договорились о новых маневрах"
    article = parse(f"{HEADLINE}\n{subtitle}\n15.05.2023 18:00\n{byline}\n\n{LEAD}")
    assert article.title == HEADLINE and article.date == PartialDate(2023, 5, 15)
    assert article.body == f"{subtitle}\n\n{LEAD}"


def test_a_two_word_headline_is_not_taken_for_a_rubric():
    assert parse(f"Корейская волна\n\n{LEAD}").title == "Корейская волна"


def test_a_hard_wrapped_lead_under_the_headline_keeps_its_lines():
    lead = "Министр обороны России провёл переговоры\nИван Петров\nс коллегой из Китая в Пекине."
    article = parse(f"{HEADLINE}\n\n{lead}")
    assert "Иван Петров" in article.body


def test_a_country_after_the_place_in_a_dateline_leaves_the_date():
    article = parse(f"{HEADLINE}\n\nБаку, Азербайджан, 18 февраля\n\n{LEAD}")
    assert (article.place, article.date) == ("Баку", PartialDate(None, 2, 18))


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Стороны подписали меморандум, передает Trend со ссылкой на агентство IRNA.", "Trend"),
        ("Сделка заключена, передает Kun.uz со ссылкой на пресс-службу министерства.", "Kun.uz"),
    ],
)
def test_an_agency_relaying_another_report_is_the_source(text, outlet):
    assert outlet_for(find_attribution(text, OUTLETS), OUTLETS) == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Стороны подписали меморандум, передает агентство со ссылкой на источники.",
        "Сделка заключена, сообщает Defense News со ссылкой на министерство.",
        "Он передает привет коллегам со ссылкой на старую дружбу.",
    ],
)
def test_relaying_counts_only_for_a_known_outlet_that_relays(text):
    assert find_attribution(text, OUTLETS) is None


@pytest.mark.parametrize(
    "dateline, outlet",
    [
        ("СЕУЛ, 5 марта. /Ёнхап/. ", "Ренхап"),
        ("EADaily, 12 марта 2025, 15:20. ", "EurAsia Daily"),
        ("МИНСК, 14 июн – Sputnik Беларусь. ", "Sputnik Беларусь"),
    ],
)
def test_more_agencies_datelines_give_their_outlet(dateline, outlet):
    article = parse(f"{HEADLINE}\n\n{dateline}{LEAD}")
    assert article.source == outlet and article.body == LEAD


def test_a_closing_sign_off_names_the_source():
    assert parse(f"{HEADLINE}\n\n{LEAD}\n\n— Yonhap").source == "Ренхап"
    assert parse(f"{HEADLINE}\n\n{LEAD}\n\n— Иван Петров").source is None
