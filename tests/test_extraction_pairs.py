"""The article's country pair, and extract() as a whole (countries → officials → agreements → pairs)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.countries import scan_countries
from articles.pipeline.extraction.entities import AgreementMention, OfficialMention
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pairs import find_pairs
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import ParsedArticle


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def pairs(text, lexicon, title="", officials=(), agreements=()):
    return find_pairs(
        text,
        scan_countries(text, lexicon),
        list(officials),
        list(agreements),
        title,
        scan_countries(title, lexicon),
    )


def primary(text, lexicon, **kw):
    found = [p for p in pairs(text, lexicon, **kw) if p.primary]
    assert len(found) <= 1
    return found[0].countries if found else None


def article(body, title="", date=None):
    return ParsedArticle(
        source_file="x.txt",
        title=title or body[:60],
        title_derived=not title,
        body=body,
        raw_text=body,
        date=date or PartialDate(),
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Переговоры между Египтом и Францией прошли в Каире. Египет рассчитывает на новые поставки. "
            "Франция готова их обеспечить.",
            ("EG", "FR"),
        ),
        (
            "Армения и Индия подписали контракт на поставку систем ПВО. Армения уже получила от Индии гаубицы.",
            ("AM", "IN"),
        ),
        (
            "Развивается турецко-пакистанское сотрудничество в области судостроения. Турция строит для "
            "Пакистана корветы, Пакистан заказал ещё два.",
            ("PK", "TR"),
        ),
        (
            "Сербия расширяет сотрудничество с Китаем. Сербия получила от Китая комплексы FK-3, "
            "а Китай предложил Сербии беспилотники.",
            ("CN", "RS"),
        ),
    ],
)
def test_the_primary_pair_follows_bilateral_wording(text, expected, lexicon):
    assert primary(text, lexicon) == expected


def test_a_third_country_mentioned_in_passing_does_not_take_the_pair(lexicon):
    text = (
        "Министры обороны Казахстана и Узбекистана обсудили военное сотрудничество. Казахстан и Узбекистан "
        "проведут совместные учения. Ранее Казахстан закупил вертолеты во Франции."
    )
    assert primary(text, lexicon) == ("KZ", "UZ")


def test_the_title_weighs_in(lexicon):
    body = (
        "Азербайджан продолжает модернизацию армии. Баку рассматривает Анкару как ключевого партнера. "
        "Россия также предлагает свою технику."
    )
    assert primary(body, lexicon, title="Азербайджан и Турция расширят военное сотрудничество") == (
        "AZ",
        "TR",
    )


def test_officials_of_two_countries_meeting_make_a_pair(lexicon):
    text = "Хренин встретился с Нгуеном. Стороны обсудили военное сотрудничество Белоруссии и Вьетнама."
    officials = [
        OfficialMention(name="Виктор Хренин", country="BY", spans=[(0, 6)]),
        OfficialMention(name="Нгуен Ван", country="VN", spans=[(20, 27)]),
    ]
    assert primary(text, lexicon, officials=officials) == ("BY", "VN")


def test_the_parties_of_an_agreement_make_a_pair(lexicon):
    text = "Индонезия получила первые самолеты. Франция поставит остальные. Стороны подписали контракт."
    agreement = AgreementMention(kind="contract", title="контракт", status="signed", parties=["FR", "ID"])
    assert primary(text, lexicon, agreements=[agreement]) == ("FR", "ID")


def test_one_state_with_many_partners_has_no_primary_pair(lexicon):
    text = (
        "Россия в прошлом году заключила контракты с Индией, Египтом, Алжиром и Вьетнамом. Россия поставила "
        "Индии истребители, Египту — вертолеты, Алжиру — танки, Вьетнаму — корабли."
    )
    assert primary(text, lexicon) is None


def test_one_state_alone_has_no_pair(lexicon):
    text = "Минобороны России сообщило об испытании ракеты. Россия продолжит испытания."
    assert pairs(text, lexicon) == []


def test_a_second_country_named_once_in_passing_is_no_pair(lexicon):
    text = (
        "Китай провел испытания нового истребителя. Китай наращивает производство, Китай готов к экспорту. "
        "Как и в Бразилии, программа рассчитана на десять лет."
    )
    assert primary(text, lexicon) is None


def test_countries_listed_side_by_side_are_not_a_pair(lexicon):
    text = "Представители Бразилии, Аргентины, Чили, Перу и Колумбии приняли участие в выставке."
    assert primary(text, lexicon) is None


def test_a_pair_keeps_its_evidence_spans(lexicon):
    text = "Отношения между Ираном и Ираком обсуждались. Ирано-иракская комиссия собралась снова."
    (pair,) = [p for p in pairs(text, lexicon) if p.countries == ("IQ", "IR")]
    quotes = [text[s:e] for s, e in pair.spans]
    assert "между Ираном и Ираком" in quotes
    assert "Ирано-иракская" in quotes


def test_other_joined_pairs_stay_as_secondary(lexicon):
    text = (
        "Россия и Азербайджан обсудили военно-техническое сотрудничество. Россия поставит Азербайджану "
        "вертолеты. Азербайджан и Армения провели переговоры о границе."
    )
    found = {p.countries: p.primary for p in pairs(text, lexicon)}
    assert found[("AZ", "RU")] is True
    assert found[("AM", "AZ")] is False


def test_extract_names_countries_pair_and_agreement_together(lexicon):
    body = (
        "Министры обороны Вьетнама и Индии подписали 8 июня в Ханое меморандум о взаимопонимании в сфере "
        "взаимной логистической поддержки. Документ стал первым подобным соглашением для Вьетнама. "
        "Индия и Вьетнам также обсудили совместное производство вооружений."
    )
    result = extract(article(body), lexicon)
    assert {c.iso for c in result.countries} == {"IN", "VN"}
    assert result.primary_pair.countries == ("IN", "VN")
    (agreement,) = result.agreements
    assert (agreement.kind, agreement.status, agreement.parties) == ("memorandum", "signed", ["IN", "VN"])
    assert agreement.date.iso() == "--06-08"


def test_a_country_only_in_the_title_is_a_country_without_spans(lexicon):
    result = extract(article("Стороны обсудили поставки.", title="Турция и Катар обсудили поставки"), lexicon)
    assert {c.iso: c.spans for c in result.countries} == {"TR": [], "QA": []}


def test_an_agreement_naming_no_parties_takes_the_articles_pair(lexicon):
    body = (
        "Президенты Кыргызстана и Таджикистана провели переговоры о военном сотрудничестве. Кыргызстан и "
        "Таджикистан договорились о демаркации. По итогам стороны подписали протокол о сотрудничестве."
    )
    result = extract(article(body), lexicon)
    (agreement,) = result.agreements
    assert agreement.parties == ["KG", "TJ"]


def test_an_agreement_with_one_party_and_no_pair_is_dropped(lexicon):
    body = "Минобороны России подписало контракт на поставку самолетов. Россия получит их в 2026 году."
    assert extract(article(body), lexicon).agreements == []


def test_extract_finds_nothing_in_text_without_entities_and_never_raises(lexicon):
    for body in ["", "   ", "\n\n\n", "—", "12345", "«»" * 100]:
        result = extract(article(body), lexicon)
        assert (result.countries, result.pairs, result.officials, result.agreements) == ([], [], [], [])
    repeated = extract(article("Россия" * 500), lexicon)
    assert repeated.primary_pair is None


WORDS = [
    "Россия",
    "и",
    "Китай",
    "подписали",
    "соглашение",
    "о",
    "между",
    "с",
    "Индией",
    ",",
    ".",
    "меморандум",
    "в",
    "2024",
    "году",
    "15",
    "мая",
    "проект",
    "договора",
    "российско-китайский",
    "Баку",
    "Пекином",
    "подпишут",
    "документ",
    "заявление",
    "совместное",
    "«",
    "»",
    "\n",
    "—",
    "контракты",
    "ряд",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_any_arrangement_of_pair_and_agreement_words_is_handled(lexicon, words):
    from articles.pipeline.extraction.agreements import find_agreements

    text = " ".join(words)
    hits = scan_countries(text, lexicon)
    found = find_agreements(text, hits, [], lexicon, PartialDate(2025))
    for agreement in found:
        assert all(0 <= s < e <= len(text) for s, e in agreement.spans)
    result = find_pairs(text, hits, [], found, text[:40], scan_countries(text[:40], lexicon))
    assert sum(p.primary for p in result) <= 1
    assert all(p.countries[0] < p.countries[1] for p in result)


def test_an_organisation_can_stand_for_the_second_country(lexicon):
    body = (
        "«Рособоронэкспорт» поставит Индии партию вертолетов Ми-17. Контракт с Индией подписан в Дели. "
        "«Рособоронэкспорт» также обучит индийских техников."
    )
    assert extract(article(body), lexicon).primary_pair.countries == ("IN", "RU")


def test_pair_spans_point_into_the_body_never_the_title(lexicon):
    body = "Стороны обсудили поставки. Вьетнам закупит у Индии патрульные катера."
    result = extract(article(body, title="Вьетнам и Индия: между Ханоем и Дели"), lexicon)
    pair = result.primary_pair
    assert pair.countries == ("IN", "VN")
    assert all(0 <= s < e <= len(body) for s, e in pair.spans)
    assert [body[s:e] for s, e in pair.spans] == ["Вьетнам закупит у Индии"]


def test_a_list_of_customers_one_a_line_is_one_state_s_exports_not_a_pair(lexicon):
    text = (
        "Турция по итогам года заключила экспортные контракты на 5 млрд долларов.\n"
        "Крупнейшие сделки:\n"
        "– Польша: беспилотники, контракт на 1 млрд долларов;\n"
        "– Египет: корветы, контракт подписан в мае;\n"
        "– Индонезия: фрегаты, около 1 млрд долларов.\n"
        "Подписание второго контракта с Польшей перенесено. Турция и Польша обсудят поставки."
    )
    assert primary(text, lexicon) is None


def test_a_list_whose_items_name_both_countries_of_the_pair_keeps_it(lexicon):
    text = (
        "Турция и Польша подписали соглашение о поставках беспилотников.\n"
        "– Польша: получит 24 беспилотника;\n"
        "– Турция: обучит операторов;\n"
        "– Египет: наблюдатель на переговорах.\n"
        "Переговоры между Турцией и Польшей продолжатся."
    )
    assert primary(text, lexicon) == ("PL", "TR")


def test_a_three_way_document_keeps_its_third_party(lexicon):
    body = (
        "Египет и Греция подписали соглашение о военном сотрудничестве. Переговоры между Египтом и Грецией "
        "прошли в Афинах. Ранее Египет, Греция и Кипр подписали трёхстороннюю совместную декларацию."
    )
    result = extract(article(body), lexicon)
    assert result.primary_pair.countries == ("EG", "GR")
    declaration = next(a for a in result.agreements if a.kind == "declaration")
    assert sorted(declaration.parties) == ["CY", "EG", "GR"]


def test_interest_on_a_countrys_part_is_not_a_deal_with_it(lexicon):
    text = (
        "Среди главных покупателей компания назвала Турцию, Катар, Оман и Кувейт, а также отметила "
        "интерес со стороны Перу и Чили. Спрос на технику растет."
    )
    assert primary(text, lexicon) is None


def test_fellow_customers_in_a_running_enumeration_are_not_a_pair(lexicon):
    text = (
        "Ключевыми партнерами концерна остаются Индия, Египет и Алжир. Индия и Египет увеличили закупки. "
        "Поставки в Индию и Египет выросли вдвое."
    )
    assert primary(text, lexicon) is None


def test_a_bilateral_article_survives_an_enumeration_of_partners(lexicon):
    text = (
        "Армения и Индия подписали контракт на поставку систем ПВО. Индия также поставляет оружие "
        "в Бразилию, Египет и Вьетнам. Армения уже получила от Индии гаубицы."
    )
    assert primary(text, lexicon) == ("AM", "IN")


# --- contrasts, comparisons and balances are not cooperation ------------------------------------


@pytest.mark.parametrize(
    ("text", "pair", "not_a_pair"),
    [
        (
            "Россия и Иран подписали договор о стратегическом партнерстве. Новый договор России с Ираном, "
            "в отличие от договора России с КНДР, не предусматривает взаимной военной помощи.",
            ("IR", "RU"),
            ("KP", "RU"),
        ),
        (
            "Индия поставит Армении системы ПВО. Контракт Индии с Арменией может изменить "
            "баланс сил между Азербайджаном и Арменией.",
            ("AM", "IN"),
            ("AM", "AZ"),
        ),
        (
            "Китай и Пакистан договорились о поставках истребителей. Переговоры Китая с Пакистаном шли "
            "дольше, чем по сравнению с Турцией и Пакистаном в прошлом году.",
            ("CN", "PK"),
            ("PK", "TR"),
        ),
    ],
)
def test_countries_compared_or_weighed_are_not_a_cooperation_pair(lexicon, text, pair, not_a_pair):
    found = {p.countries for p in pairs(text, lexicon)}
    assert primary(text, lexicon) == pair
    assert not_a_pair not in found


def test_a_comparison_does_not_hide_the_cooperation_outside_it(lexicon):
    text = "В отличие от прошлого года, Россия и Индия подписали контракт на поставку фрегатов."
    assert primary(text, lexicon) == ("IN", "RU")
