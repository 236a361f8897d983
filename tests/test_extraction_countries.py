"""Countries in Russian text: every case form, adjectives, compounds, abbreviations, official names,
capitals standing for governments — and the look-alikes that are not countries."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.pipeline.extraction.countries import find_countries, scan_countries
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.reference_data import shipped_rows as _rows


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def isos(text, lexicon):
    return {c.iso for c in find_countries(text, lexicon)}


def quoted(text, lexicon):
    return [(h.iso, text[h.start : h.end]) for h in scan_countries(text, lexicon)]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Делегация Индонезии прибыла на переговоры.", "ID"),
        ("Москва поддерживает контакты с Венесуэлой.", "VE"),
        ("Поставки в Алжир выросли.", "DZ"),
        ("Соглашение с Монголией подписано.", "MN"),
        ("О Вьетнаме говорили отдельно.", "VN"),
        ("Военные Египта провели смотр.", "EG"),
        ("Корабли зашли в порт Мьянмы.", "MM"),
        ("Переговоры с Нидерландами продолжатся.", "NL"),
        ("Поставки Филиппинам начнутся весной.", "PH"),
        ("Визит в Кот-д'Ивуар отложен.", "CI"),
        ("Миротворцы в Гвинее-Бисау остаются.", "GW"),
        ("Делегация Буркина-Фасо посетила выставку.", "BF"),
    ],
)
def test_a_country_is_found_in_any_case_form(text, iso, lexicon):
    assert iso in isos(text, lexicon)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("турецкие беспилотники", {"TR"}),
        ("на индийской стороне", {"IN"}),
        ("Египетские военные", {"EG"}),
        ("с южнокорейскими гаубицами", {"KR"}),
        ("северокорейского лидера", {"KP"}),
        ("саудовского принца", {"SA"}),
        ("белорусских предприятий", {"BY"}),
    ],
)
def test_an_adjective_names_its_country(text, expected, lexicon):
    assert isos(text, lexicon) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("белорусско-китайской продукции", ["BY", "CN"]),
        ("российско-азербайджанское сотрудничество", ["RU", "AZ"]),
        ("американо-японский договор", ["US", "JP"]),
        ("франко-германской бригады", ["FR", "DE"]),
        ("индийско-вьетнамских учений", ["IN", "VN"]),
        ("турецко-пакистанского проекта", ["TR", "PK"]),
        ("казахстанско-узбекская граница", ["KZ", "UZ"]),
        ("российско-китайско-иранские учения", ["RU", "CN", "IR"]),
    ],
)
def test_a_compound_adjective_names_each_of_its_countries(text, expected, lexicon):
    assert [iso for iso, _ in quoted(text, lexicon)] == expected


def test_a_compound_with_a_region_keeps_only_the_country(lexicon):
    assert isos("российско-африканский саммит", lexicon) == {"RU"}


@pytest.mark.parametrize(
    "text",
    ["Индо-Тихоокеанский регион", "англо-саксонский мир", "Южно-Китайское море", "северо-американский рынок"],
)
def test_compounds_that_are_geography_or_culture_name_no_country(text, lexicon):
    assert isos(text, lexicon) == set()


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Вооружённые силы РФ", "RU"),
        ("министр обороны КНР", "CN"),
        ("санкции США", "US"),
        ("ракеты КНДР", "KP"),
        ("делегация ОАЭ", "AE"),
        ("армия ЮАР", "ZA"),
        ("правительство ФРГ", "DE"),
        ("флот СРВ", "VN"),
    ],
)
def test_abbreviations_name_countries(text, iso, lexicon):
    assert isos(text, lexicon) == {iso}


def test_an_abbreviation_must_be_written_in_capitals(lexicon):
    assert isos("в сша и рф", lexicon) == set()


def test_a_domain_zone_is_not_a_country(lexicon):
    assert isos("регистрация сайтов в зоне .РФ открыта", lexicon) == set()


def test_an_ambiguous_abbreviation_follows_the_country_the_article_names(lexicon):
    assert quoted("Казахстан расширяет армию. Минобороны РК закупит вертолеты.", lexicon) == [
        ("KZ", "Казахстан"),
        ("KZ", "РК"),
    ]
    assert quoted("Республика Корея и РК.", lexicon) == [("KR", "Республика Корея"), ("KR", "РК")]
    assert isos("Минобороны РК закупит вертолеты.", lexicon) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("между Республикой Беларусь и Китайской Народной Республикой", ["BY", "CN"]),
        ("президент Арабской Республики Египет", ["EG"]),
        ("делегация Соединённых Штатов Америки", ["US"]),
        ("с Объединёнными Арабскими Эмиратами", ["AE"]),
        ("Корейской Народно-Демократической Республики", ["KP"]),
        ("правительство Демократической Республики Конго", ["CD"]),
        ("Исламской Республики Иран", ["IR"]),
    ],
)
def test_an_official_name_is_one_mention_however_many_words_it_has(text, expected, lexicon):
    assert [iso for iso, _ in quoted(text, lexicon)] == expected


def test_inner_words_of_a_long_name_are_not_counted_again(lexicon):
    (mention,) = find_countries("Китайской Народной Республики", lexicon)
    assert mention.iso == "CN" and mention.mentions == 1


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Баку и Пекин подписали декларацию.", "AZ"),
        ("Анкара выразила протест.", "TR"),
        ("позиция Тегерана не изменилась", "IR"),
        ("отношения между Москвой и Ханоем", "VN"),
        ("Официальный Ереван ответил.", "AM"),
        ("Кремль заявил о готовности к диалогу.", "RU"),
        ("Абу-Даби и Эр-Рияд договорились.", "SA"),
    ],
)
def test_a_capital_standing_for_its_government_counts(text, iso, lexicon):
    assert iso in isos(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "В Минске прошло заседание комиссии.",
        "Выставка открылась в Абу-Даби.",
        "Делегация вылетела из Ташкента.",
        "Мэр Москвы открыл парк.",
        "Жители Тбилиси вышли на улицы.",
        "Крейсер «Москва» вышел в море.",
    ],
)
def test_a_capital_that_only_says_where_counts_as_nothing(text, lexicon):
    assert isos(text, lexicon) == set()


def test_a_dateline_left_in_the_body_names_no_government(lexicon):
    assert isos("МИНСК, 15 августа. Заседание прошло.", lexicon) == set()


@pytest.mark.parametrize(
    "text",
    [
        "НАТО, ОДКБ, ШОС, АСЕАН, ЕС, СНГ и ЕАЭС провели встречи.",
        "Союзное государство и Евросоюз.",
        "Африканский союз и Лига арабских государств.",
    ],
)
def test_blocs_and_organisations_are_not_countries(text, lexicon):
    assert isos(text, lexicon) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Актер Василий Ливанов получил премию.",
        "Того же мнения придерживается эксперт.",
        "Над пожарищем стоял чад.",
        "Художник Сальвадор Дали.",
        "Шахматист Израиль Гельфанд.",
        "Полководец Александр Македонский.",
        "Сергей Китаев и Павел Германов.",
    ],
)
def test_people_and_ordinary_words_that_look_like_countries_are_not_countries(text, lexicon):
    assert isos(text, lexicon) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Японское море и Индийский океан.",
        "Учения в Тайваньском проливе.",
        "Переговоры на английском языке.",
        "Страны Латинской Америки и Южной Америки.",
        "обстановка на Корейском полуострове",
        "в Санкт-Петербурге и Подмосковье",
    ],
)
def test_seas_languages_and_regions_are_not_countries(text, lexicon):
    assert isos(text, lexicon) == set()


def test_a_country_that_is_also_a_word_counts_when_written_as_a_name(lexicon):
    assert isos("Глава государства Того и президент Чада.", lexicon) == {"TG", "TD"}


def test_alternative_names_point_to_the_same_country(lexicon):
    text = "Белоруссия, Беларусь, РБ; Молдавия и Молдова; Киргизия и Кыргызстан; Поднебесная."
    assert isos(text, lexicon) == {"BY", "MD", "KG", "CN"}


def test_each_country_keeps_every_span_in_order(lexicon):
    text = "Россия и Китай. Китаем; российский, РФ."
    mentions = {c.iso: c.spans for c in find_countries(text, lexicon)}
    assert [text[s:e] for s, e in mentions["RU"]] == ["Россия", "российский", "РФ"]
    assert [text[s:e] for s, e in mentions["CN"]] == ["Китай", "Китаем"]


def test_hard_wrapped_lines_do_not_break_a_long_name(lexicon):
    assert quoted("правительства Российской\nФедерации", lexicon) == [("RU", "Российской\nФедерации")]


def test_every_shipped_country_name_is_found_in_the_nominative(lexicon):
    missed = []
    for row in _rows("countries.csv"):
        name = row["name_ru"]
        if "(" in name or "," in name:
            continue
        if row["iso"] not in isos(f"Делегация прибыла, и {name} подтвердила участие.", lexicon):
            missed.append(name)
    assert missed == []


def test_shipped_forms_cover_the_countries_of_military_cooperation_news():
    covered = {r["iso"] for r in _rows("country_forms.csv")}
    assert len(covered) >= 120
    kinds = {r["kind"] for r in _rows("country_forms.csv")}
    assert kinds <= {"name", "official", "adjective", "abbreviation", "capital"}


def test_odd_text_does_not_break_the_scanner(lexicon):
    for text in ["", " ", "-", "--- ---", "'", "Кот-д'", "12:00 — 14:00", "\n\n", "ё" * 1000]:
        find_countries(text, lexicon)


ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ -—–'’.,«»()\n0123456789"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_spans_always_lie_inside_the_text(lexicon, text):
    for mention in find_countries(text, lexicon):
        for start, end in mention.spans:
            assert 0 <= start < end <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(["Россия", "Китаю", "и", "с", "в", "Минске", "-", "китайско", "РК", "."]), max_size=30
    )
)
def test_any_arrangement_of_country_words_is_handled(lexicon, words):
    text = " ".join(words).replace(" - ", "-")
    for mention in find_countries(text, lexicon):
        assert all(0 <= s < e <= len(text) for s, e in mention.spans)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Делегация посетила Южную Корею.", {"KR"}),
        ("Поставки в Новую Зеландию.", {"NZ"}),
        ("Южную Америку представляют пять стран.", set()),
        ("Центральную Америку представляют три арбитра.", set()),
        ("Учения у берегов Северной Кореи.", {"KP"}),
    ],
)
def test_names_that_begin_with_a_short_adjective_are_found_in_every_case(text, expected, lexicon):
    assert isos(text, lexicon) == expected


def test_a_dateline_glued_to_a_headline_names_no_government(lexicon):
    assert isos("Стороны подпишут договор о сотрудничестве МОСКВА, 21 ноя — РИА Новости.", lexicon) == set()


@pytest.mark.parametrize(
    "text, iso",
    [("В Пекине заявили, что не согласны.", "CN"), ("В Анкаре выразили протест.", "TR")],
)
def test_a_capital_whose_people_speak_for_the_state_counts(text, iso, lexicon):
    assert isos(text, lexicon) == {iso}


# --- compounds with irregular first halves, capitals as places, names that only look like places ---


@pytest.mark.parametrize(
    "text, expected",
    [
        ("после обострения пакистано-индийских отношений", {"PK", "IN"}),
        ("индо-пакистанский конфликт 1971 года", {"IN", "PK"}),
        ("мексикано-американская граница", {"MX", "US"}),
        ("таджико-афганская граница охраняется", {"TJ", "AF"}),
        ("туркмено-иранские переговоры", {"TM", "IR"}),
        ("монголо-китайская торговля", {"MN", "CN"}),
        ("румыно-молдавская интеграция", {"RO", "MD"}),
        ("аргентино-британский спор", {"AR", "GB"}),
    ],
)
def test_irregular_first_halves_of_compounds_name_their_country(text, expected, lexicon):
    assert isos(text, lexicon) == expected


@pytest.mark.parametrize(
    "text",
    [
        "в Индо-Тихоокеанском регионе",
        "индо-европейские языки",
        "англо-русский словарь",
        "Южно-Китайское море",
    ],
)
def test_an_irregular_first_half_counts_only_beside_another_country(text, lexicon):
    assert isos(text, lexicon) == set()


def test_a_first_name_that_looks_like_a_capital_is_a_person(lexicon):
    assert isos("Министр обороны Сербии Братислав Гашич добавил", lexicon) == {"RS"}
    assert isos("Делегация прибыла в Братиславу.", lexicon) == set()  # a place, not the state
    assert isos("Братислава выразила протест.", lexicon) == {"SK"}


@pytest.mark.parametrize(
    "text", ["После гибели шаттла «Колумбия» полёты прекратились.", "Телеканал «Россия» показал фильм."]
)
def test_a_country_name_in_quotes_is_a_ship_a_channel_or_a_club(text, lexicon):
    assert isos(text, lexicon) == set()


@pytest.mark.parametrize(
    "text, iso",
    [
        ("В Баку неоднократно выражали недовольство поставками.", "AZ"),
        ("В Пекине называют эти учения провокацией.", "CN"),
        ("В Анкаре напомнили о прежних договорённостях.", "TR"),
    ],
)
def test_a_capital_whose_people_react_speaks_for_the_state(text, iso, lexicon):
    assert {h.kind for h in scan_countries(text, lexicon)} == {"capital"}
    assert isos(text, lexicon) == {iso}


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Переговоры прошли в Минске.", "BY"),
        ("Делегация вылетела из Ташкента.", "UZ"),
        ("Выставка открылась в Абу-Даби.", "AE"),
    ],
)
def test_a_capital_that_says_where_is_kept_as_a_place_when_asked(text, iso, lexicon):
    assert [(h.iso, h.kind) for h in scan_countries(text, lexicon, places=True)] == [(iso, "place")]
    assert scan_countries(text, lexicon) == []


def test_places_never_include_ships_or_datelines(lexicon):
    for text in ["Крейсер «Москва» вышел в море.", "МИНСК, 15 августа. Заседание прошло."]:
        assert scan_countries(text, lexicon, places=True) == []


def test_a_country_word_after_a_chinese_syllable_is_part_of_the_name(lexicon):
    assert "GH" not in isos("Переговоры с главой МИД КНР Цинь Гана прошли в Пекине.", lexicon)
    assert "GH" in isos("Министр обороны Ганы прибыл в Пекин. Гана закупит технику.", lexicon)
