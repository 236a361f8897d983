"""Web text, thirty-seventh round (found on tests/data/webtext37 and webtext38): a headline, the page's timestamp
and the lead run into one line; «Политика | 30 Июня, 2016»; an English tagline, a picture's alt text «Изображение
'…'», a teaser cut with «…» and «Просмотров:2490» are no headline; «передает ИА El.kz со ссылкой на …», «Haqqin.az.»
closing the text and «Елена Короткова, © News-Asia» name the source; a stretch of border and «граница с X» are
where, not with whom.

Made-up pages. The first test of each rule failed before it; the others guard what it must leave alone.
"""

from web_text_helpers import HEADLINE, LEAD, MORE, parse, primary


def _ymd(page):
    return (page.date.year, page.date.month, page.date.day)


def test_a_headline_the_timestamp_and_the_lead_run_into_one_line():
    line = f"{HEADLINE}19 Сентябрь 2022, 15:41 (GMT +4) Лима, 19 сентября. {LEAD} {MORE}"
    page = parse(line)
    assert page.title == HEADLINE
    assert _ymd(page) == (2022, 9, 19)
    assert page.body.startswith("Лима") or page.body.startswith("Министры")


def test_a_rubric_a_bar_and_the_date():
    page = parse("Политика | 30 Июня, 2016", "", HEADLINE, "", LEAD, MORE)
    assert page.title == HEADLINE
    assert _ymd(page) == (2016, 6, 30)


def test_an_english_tagline_over_a_russian_headline_is_no_headline():
    caps = "ЛИМА И САНТЬЯГО ДОГОВОРИЛИСЬ О СОТРУДНИЧЕСТВЕ В СФЕРЕ ОБОРОНЫ"
    page = parse(
        "LA-News.INFO", "", "Latin America regional news digest", "", caps, "", "18 мая 2002", "", LEAD, MORE
    )
    assert page.title == caps


def test_a_pictures_alt_text_under_the_headline_is_no_headline():
    caps = "СТАРТОВАЛИ СОВМЕСТНЫЕ ПЕРУАНСКО-ЧИЛИЙСКИЕ УЧЕНИЯ (ВИДЕО)"
    title = parse("ГлавнаяОбщество", caps, f"Изрображение '{caps}'", LEAD, MORE).title
    assert title.startswith("СТАРТОВАЛИ")


def test_a_teaser_cut_with_an_ellipsis_over_the_headline_is_no_headline():
    teaser = "Из пакта министров: Перу и Чили наладят отношения, никаких иностранных войск на границе…"
    assert parse(teaser, HEADLINE, "12:12 451", LEAD, MORE).title == HEADLINE


def test_a_views_counter_is_no_headline():
    page = parse("Просмотров:2490", "Your browser doesn’t support HTML5 audio", HEADLINE, LEAD, MORE)
    assert page.title == HEADLINE


def test_sources_named_by_the_text_and_its_end():
    relayed = LEAD[:-1] + ", передает ИА Lima.pe со ссылкой на министерство."
    assert parse(HEADLINE, "", relayed, MORE).source == "Lima.pe"
    assert parse(HEADLINE, "", LEAD, MORE, "Lima.pe.").source == "lima.pe"
    assert parse(HEADLINE, "", LEAD, MORE, "Елена Короткова, © Andes-News").source == "Andes-News"
    # a paper that «пишет … со ссылкой на …» is cited, not the site
    cited = LEAD[:-1] + ", пишет РИА Новости со ссылкой на министерство."
    assert parse(HEADLINE, "", cited, MORE).source is None


def test_a_stretch_of_border_and_a_border_with_a_state_are_no_relation():
    body = (
        "Спецподразделения Перу и Чили проводят учения недалеко от границы с Боливией\n\n"
        "Спецподразделения вооруженных сил Перу и Чили проводят учения на полигоне недалеко от границы с "
        "Боливией. Перуанские военные приняли участие в учениях в Чили."
    )
    assert primary(body) == ("CL", "PE")
    body = (
        "В Перу отмечается День пограничника\n\n"
        "Перуанские пограничники охраняют границу страны, при этом перуанско-боливийский участок является "
        "наиболее сложным. Многолетнее сотрудничество связывает перуанских пограничников с коллегами из Чили."
    )
    assert primary(body) != ("BO", "PE")


def test_a_timestamp_with_who_posted_it():
    page = parse(HEADLINE, "", "25-10-2017, 09:25. Разместил: Редакция Андского портала", "", LEAD, MORE)
    assert _ymd(page) == (2017, 10, 25)
