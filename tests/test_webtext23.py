"""Web text, twenty-third round (found on tests/data/webtext23 and webtext24): a headline opening on an
exclamation is no browser prompt; a label «Важно:» over the headline names no site; a ticker of other
headlines run together and an editor's name line over the text are no headline; a views count written
«| 1 просмотров» after the timestamp leaves the date; a lead opening on «22.10.2025г.» and, under a
headline sentence and «Об этом сообщили …», the paragraph below date the page; the source is named by
a speaker's initials before the agency told («сказал А.Фомин "Интерфаксу-АВН"»), by «Об этом корр.
ИТАР-ТАСС сказал», by the site's newsroom («Служба новостей ForPost»), by a site's registration imprint
(«Сетевое издание «Cod26.ru» Учредитель: …») and by an aggregator's line («АРГУМЕНТЫ 1 час назад 9»).

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, MORE, parse

# --- headlines -------------------------------------------------------------------------------------


def test_a_headline_opening_on_an_exclamation_is_no_browser_prompt():
    headline = "Забудьте о Лиме! Чили нацелилась на Перу"
    page = parse(headline, LEAD, MORE)
    assert page.title == headline


def test_a_browser_prompt_over_the_headline_is_still_no_headline():
    page = parse("Подпишитесь на уведомления, чтобы не пропустить главное.", "", HEADLINE, "", LEAD)
    assert page.title == HEADLINE


def test_a_ticker_of_headlines_run_together_over_the_page_is_no_headline():
    ticker = (
        "В Лиме появится новый автобусный маршрут на Кальяо Новые линии электропередачи вводят в районе "
        "Барранко Власти Куско хотят поменять цветовую концепцию города Плановые работы энергетиков с 23 "
        "по 28 декабря Новая школа в столичном микрорайоне внесена в реестр"
    )
    page = parse(
        "top", ticker, "", "Общество", "", HEADLINE, "", "22 сентября 2023 г. в 09:39", "", LEAD, MORE
    )
    assert page.title == HEADLINE
    assert (page.date.year, page.date.month, page.date.day) == (2023, 9, 22)
    assert "автобусный" not in page.body


def test_a_long_headline_without_commas_is_no_ticker():
    headline = (
        "Перу и Чили согласовали десятилетнюю рамочную программу в сфере обороны для укрепления связей "
        "в области разведки и технологий - Новости Лимы"
    )
    assert parse(headline, LEAD, MORE).title.startswith("Перу и Чили согласовали")


def test_an_editors_name_under_the_timestamp_is_no_headline():
    headline = "Перу и Чили начали учения «Щит Анд»"
    page = parse(
        headline, "", "22 сентября 2023 г. в 09:39", "", "Редактор Николай Протасов", "",
        "Редактор: Николай Протасов", "", LEAD, MORE,
    )  # fmt: skip
    assert page.title == headline
    assert (page.date.year, page.date.month, page.date.day) == (2023, 9, 22)


def test_a_sentence_about_an_editor_is_still_text():
    from articles.pipeline.cleaning import is_byline

    assert is_byline("Редактор Николай Протасов")
    assert not is_byline("Редактор газеты заявил")


def test_a_label_with_a_colon_over_the_headline_names_no_site():
    page = parse(
        "Важно:", "", HEADLINE, "", LEAD + " Об этом ТАСС сообщил начальник центра.", "", HEADLINE, "", MORE
    )
    assert page.source == "ТАСС"


# --- dates -----------------------------------------------------------------------------------------


def test_a_views_count_with_its_number_first_leaves_the_timestamp():
    page = parse(HEADLINE, "", "25.08.2015 11:42 | 1 просмотров", "", LEAD, MORE)
    assert (page.date.year, page.date.month, page.date.day) == (2015, 8, 25)


def test_a_lead_opening_on_a_numeric_date_with_its_year_mark_dates_the_page():
    lead = "22.10.2025г. в Перу на полигоне прошли совместные учения армий Перу и Чили."
    page = parse(lead, MORE)
    assert (page.date.year, page.date.month, page.date.day) == (2025, 10, 22)


def test_under_a_headline_sentence_and_who_told_it_the_next_paragraph_dates_the_page():
    page = parse(
        "Министр обороны Чили находится в Лиме.",
        "Об этом сообщили в пресс-службе Минобороны Перу.",
        "26 августа министр обороны Перу встретил делегацию во главе с министром обороны Чили в аэропорту.",
    )
    assert (page.date.month, page.date.day) == (8, 26)


def test_under_a_lead_of_its_own_a_later_paragraphs_date_is_an_earlier_stage():
    page = parse(
        "Комитет сената поддержал соглашение о военной базе",
        "",
        "Профильный комитет сената Перу поддержал соглашение о расширении военной базы Чили.",
        "Об этом сообщает RT.",
        "",
        "21 декабря нижняя палата ратифицировала данное соглашение.",
    )
    assert page.date.day is None


# --- sources ---------------------------------------------------------------------------------------


def test_a_speaker_by_initials_before_the_agency_told_names_it():
    quote = '"Чили является одним из крупнейших партнеров Перу", - сказал А.Фомин "Интерфаксу-АВН".'
    assert parse(HEADLINE, "", LEAD, quote).source in ("Интерфакс", "Интерфакс-АВН")


def test_an_agencys_correspondent_told_names_it():
    told = "О этом корр. ИТАР-ТАСС сказал глава военного департамента Конфедерации промышленности Перу."
    assert parse(HEADLINE, "", LEAD, told).source in ("ТАСС", "ИТАР-ТАСС")
    told = "Об этом корреспонденту «Известий» сообщил источник в министерстве."
    assert parse(HEADLINE, "", LEAD, told).source == "Известия"


def test_a_sites_newsroom_signing_under_the_headline_names_it():
    assert parse(HEADLINE, "", "Служба новостей ForPost", "", LEAD, MORE).source == "ForPost"


def test_a_sites_registration_imprint_names_it():
    imprint = "Сетевое издание «Пример26.ru» Учредитель: Иванов Иван Иванович. Главный редактор: Петрова Анна"
    assert parse(HEADLINE, LEAD, MORE, imprint).source == "Пример26.ru"


def test_an_aggregators_line_under_the_headline_names_the_outlet():
    assert parse(HEADLINE, "", "АРГУМЕНТЫ 1 час назад 9", "", LEAD, MORE).source == "АРГУМЕНТЫ"


def test_a_place_beside_a_sites_clock_names_no_outlet():
    assert parse(HEADLINE, "", "Лима 1 час назад", "", LEAD, MORE).source is None
