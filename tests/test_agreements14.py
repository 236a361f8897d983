"""Stages, names and dates the older sets showed misread (issue 14, round agreements14; found on
tests/data/agreements13, agreements10 and registry9, checked here on made-up sentences): a long list
under one lead keeps the lead's stage to its last item; «международные договоры» lead items of any
kind; a decision in the infinitive («решено прекратить») ends a document, even one a participle recalls
as signed; a signing still awaited («грядущее подписание», «срок подписания», «должно стать (будет)
подписание», «подписи под которым должны поставить») is not one done, nor is a draft's approval; a decree
signed after a document is no signing of it; «соответствующие соглашения» with other states are other
documents; a headline's shorter name is the lead's document; «соглашение 2024 года» is dated 2024."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon

DAY = PartialDate(2025, 3, 10)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


STATES = (
    ("Эстонией", "EE"),
    ("Латвией", "LV"),
    ("Литвой", "LT"),
    ("Финляндией", "FI"),
    ("Швецией", "SE"),
    ("Исландией", "IS"),
    ("Ирландией", "IE"),
    ("Португалией", "PT"),
    ("Испанией", "ES"),
)


def _long_list(lead: str) -> str:
    lines = [lead, ""]
    for k, (state, _iso) in enumerate(STATES):
        lines += [f"соглашение с {state}, подписанное {k + 1} марта {1992 + k} года;", ""]
    lines[-2:-2] = ["меморандум о взаимопонимании с Данией, подписанный 5 мая 2001 года;", ""]
    return "\n".join(lines)


def test_every_item_of_a_long_list_takes_the_leads_stage(lexicon):
    text = "Правительство России расторгло ряд двусторонних соглашений со странами Европы.\n\n" + _long_list(
        "В перечень вошли:"
    )
    found = sorted(agreements(text, lexicon, date=DAY), key=lambda a: a.spans[0])
    assert [a.status for a in found] == ["terminated"] * (len(STATES) + 1)
    assert found[0].date == PartialDate(1992, 3, 1)
    assert ("memorandum", ["DK", "RU"], "terminated") in [(a.kind, a.parties, a.status) for a in found]


def test_a_list_after_a_lead_stops_where_the_items_stop(lexicon):
    text = (
        "Правительство России расторгло ряд двусторонних соглашений со странами Европы:\n\n"
        "соглашение с Эстонией, подписанное 1 марта 1992 года;\n\n"
        "соглашение с Латвией, подписанное 2 марта 1993 года.\n\n"
        "Министр напомнил о давних связях с партнерами.\n\n"
        "Москва ценит сотрудничество в гуманитарной сфере.\n\n"
        "Развитие связей обсуждалось и на встрече послов.\n\n"
        "Отдельно обсуждались вопросы образования.\n\n"
        "Кроме того, соглашение России с Японией о морском сообщении, подписанное в 1998 году, действует и сейчас."
    )
    found = {
        a.parties[0] if a.parties[0] != "RU" else a.parties[1]: a.status for a in agreements(text, lexicon)
    }
    assert found["EE"] == found["LV"] == "terminated"
    assert found["JP"] == "signed"


def test_international_treaties_in_a_decree_lead_items_of_any_kind(lexicon):
    text = (
        "«Разрешить Минобороны России прекратить следующие международные договоры: Соглашение между "
        "Министерством обороны Российской Федерации и Министерством обороны Эстонской Республики о "
        "сотрудничестве, подписанное в Таллине 4 августа 1992 года. Соглашение между Министерством обороны "
        "Российской Федерации и Министерством обороны Латвийской Республики, подписанное в Москве 13 апреля "
        "1993 года», — говорится в распоряжении."
    )
    found = sorted(agreements(text, lexicon, date=DAY), key=lambda a: a.spans[0])
    assert [(a.parties, a.status, a.date) for a in found] == [
        (["EE", "RU"], "terminated", PartialDate(1992, 8, 4)),
        (["LV", "RU"], "terminated", PartialDate(1993, 4, 13)),
    ]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "Также решено прекратить действие соглашения между Россией и Эстонией о военных перевозках.",
            "terminated",
        ),
        (
            "Правительство России разрешило Минобороны прекратить действие соглашения с Эстонией о военных "
            "перевозках.",
            "terminated",
        ),
        (
            "Также решено прекратить действие подписанного в феврале 1995 года соглашения между Россией и "
            "Эстонией о военных перевозках.",
            "terminated",
        ),
        (
            "Данные о грядущем подписании соглашения между Россией и Никарагуа о заходе кораблей подтвердил "
            "источник.",
            "planned",
        ),
        (
            "Лавров назвал срок подписания соглашения между Россией и Белоруссией о взаимном признании виз.",
            "planned",
        ),
        (
            "Итогом переговоров должно стать подписание плана сотрудничества между оборонными ведомствами "
            "Азербайджана и Украины на 2013 год.",
            "planned",
        ),
        (
            "Главным событием визита будет подписание декларации о стратегическом партнерстве России и Индонезии.",
            "planned",
        ),
        (
            "Министры России и Индонезии финализировали декларацию о стратегическом партнерстве, подписи под "
            "которой должны поставить лидеры двух стран.",
            "planned",
        ),
    ],
)
def test_a_decision_to_end_ends_and_a_signing_awaited_is_planned(lexicon, sentence, status):
    assert one(sentence, lexicon, date=DAY).status == status


def test_a_decision_to_end_keeps_the_date_the_participle_gives(lexicon):
    text = (
        "Также решено прекратить действие подписанного в феврале 1995 года соглашения между Россией и "
        "Эстонией о военных перевозках."
    )
    assert one(text, lexicon, date=DAY).date == PartialDate(1995, 2)


@pytest.mark.parametrize(
    "text",
    [
        # an approval before the signing approves a draft
        "Россия и Белоруссия планируют подписать соглашение о взаимном признании виз. "
        "Правительство одобрило документ, который определяет принципы взаимодействия.",
        # a decree signed after the document is the decree's signing
        "Россия и Белоруссия близки к подписанию соглашения о взаимном признании виз. Необходимость "
        "заключения такого договора возникла после того, как президент Белоруссии подписал указ о "
        "безвизовом въезде.",
        # «соответствующие соглашения» with other states are other documents
        "Россия и Белоруссия готовятся к грядущему подписанию соглашения о взаимном признании виз. "
        "Данные о подготовке документа подтвердил источник. "
        "Ранее соответствующие соглашения были заключены с Сирией и Вьетнамом.",
    ],
)
def test_what_is_not_the_documents_signing_leaves_it_planned(lexicon, text):
    found = agreements(text, lexicon, date=DAY)
    assert [(a.parties, a.status) for a in found] == [(["BY", "RU"], "planned")]


def test_a_headlines_shorter_name_is_the_leads_document(lexicon):
    text = (
        "Путин подписал закон о денонсации соглашения с США об утилизации плутония\n\n"
        "Президент России подписал закон о денонсации соглашения с Соединенными Штатами об утилизации "
        "оружейного плутония.\n\n"
        "Закон денонсирует соглашение между Россией и США об утилизации плутония, обращении с ним и "
        "сотрудничестве в этой области, подписанное в Москве 1 сентября 2000 года."
    )
    a = one(text, lexicon, date=DAY)
    assert (a.parties, a.status, a.date) == (["RU", "US"], "terminated", PartialDate(2000, 9, 1))


def test_two_documents_of_one_pair_with_different_subjects_stay_two(lexicon):
    text = (
        "Россия и Лаос подписали соглашение о военном образовании. "
        "Кроме того, стороны подписали соглашение о военно-медицинском обеспечении."
    )
    assert len(agreements(text, lexicon, date=DAY)) == 2


def test_a_document_named_by_its_year_is_dated_by_it(lexicon):
    text = "Замминистра положительно оценил динамику связей России и Лаоса после подписания соглашения 2024 года."
    assert one(text, lexicon, date=DAY).date == PartialDate(2024)


def test_leaving_an_organisation_does_not_end_a_document(lexicon):
    text = (
        "С 20 апреля между Россией и Украиной приостановлено соглашение о сотрудничестве в сфере информации. "
        "В Киеве назвали сферы, в которых сохранят соглашение с Россией после выхода из СНГ."
    )
    assert one(text, lexicon, date=DAY).status == "suspended"
