"""Later stages and one deal named two ways (issue 14, round agreements17; found on tests/data/agreements17,
checked here on made-up texts): a contract the press also calls «соглашение о поставке …» is one contract;
a bare «Контракт» after the only named purchase agreement is that document; «продлить соглашение на
российских условиях» gives the agreement no name «на … условиях»; «продлить» said of «соглашение о
продлении договора» extends the treaty, not the agreement; a later paragraph's «было подписано 24
апреля» recalls an earlier stage and does not date the article."""

import pytest
from agreement_helpers import agreements
from web_text_helpers import parse

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_contract_also_called_a_supply_agreement_is_one_contract(lexicon):
    text = (
        "Компания из Чили разорвала с министерством обороны Перу контракт на поставку систем самозащиты для "
        "вертолетов. Поводом стали ложные срабатывания систем. Соглашение о поставке Перу вертолетных систем "
        "самозащиты было подписано в июле 2010 года."
    )
    (found,) = agreements(text, lexicon)
    assert found.kind == "contract"
    assert sorted(found.parties) == ["CL", "PE"]


def test_a_bare_contract_after_the_only_purchase_agreement_is_that_document(lexicon):
    text = (
        "Министерство обороны Перу подтвердило, что разрывает соглашение с Чили о приобретении 16 вертолетов. "
        "Контракт, подписанный с чилийской компанией, будет расторгнут, заявил представитель ведомства."
    )
    (found,) = agreements(text, lexicon)
    assert (found.kind, found.status) == ("contract", "terminated")


def test_a_cooperation_agreement_and_a_supply_contract_stay_two(lexicon):
    text = (
        "Перу и Чили подписали соглашение о военном сотрудничестве. Кроме того, стороны заключили контракт на "
        "поставку 16 вертолетов."
    )
    assert sorted(a.kind for a in agreements(text, lexicon)) == ["agreement", "contract"]


def test_the_terms_a_document_is_extended_on_are_no_name(lexicon):
    text = (
        "Сенат Перу ратифицировал соглашение с Чили о продлении Договора о сокращении вооружений. По словам "
        "министра, Чили согласилась продлить соглашение на перуанских условиях."
    )
    titles = {a.title for a in agreements(text, lexicon)}
    assert not any("условиях" in t for t in titles)


def test_extending_said_of_an_extension_agreement_leaves_it_ratified(lexicon):
    text = (
        "Сенат Перу ратифицировал соглашение с Чили о продлении Договора о сокращении вооружений. По словам "
        "министра, Чили согласилась продлить соглашение без предварительных условий."
    )
    found = {a.kind: a for a in agreements(text, lexicon)}
    assert found["agreement"].status == "ratified"


def test_a_later_paragraphs_past_passive_date_does_not_date_the_article():
    page = parse(
        "Президент Перу подписал закон, ратифицирующий соглашение с Чили о военном сотрудничестве.",
        "",
        "Документ размещен на портале правовых актов.",
        "",
        "В нем отмечается, что соглашение было подписано в Лиме 24 апреля.",
    )
    assert page.date.day is None


def test_a_later_paragraph_reporting_the_news_still_dates_it():
    page = parse(
        "Перу и Чили провели переговоры о военном сотрудничестве",
        "",
        "Министры обороны Перу и Чили провели переговоры в Лиме.",
        "",
        "Как сообщили 24 апреля в министерстве, стороны подписали план сотрудничества.",
    )
    assert (page.date.month, page.date.day) == (4, 24)
