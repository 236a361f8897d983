"""Several documents in one sentence, and wordings of a stage the older sets showed misread (issue 14,
round agreements9; found on tests/data/agreements7, agreements8, webtext4, webtext7, webtext10 and webtext11, checked
here on made-up sentences): names listed under one plural noun or after one verb are documents each; a
document singled out of «ряд соглашений» is one, and the items of a bulleted list after a named document
are documents of its kind; a legislature passing a ratification bill ratifies; a
document named as the frame of another act takes no stage from its verb; a statement someone makes is no
document; a «договор» of a sale is a contract; «на будущий год» and «на 2019 год» name one plan."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon

DAY = PartialDate(2024, 5, 10)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def _stages(found):
    return sorted((a.kind, a.status) for a in found)


# - lists -


def test_names_listed_under_one_plural_noun_are_a_document_each(lexicon):
    text = (
        "Сейм Литвы денонсировал соглашения с Беларусью о взаимной охране секретной информации и о "
        "сотрудничестве в области пограничного контроля."
    )
    found = agreements(text, lexicon, date=DAY)
    assert _stages(found) == [("agreement", "terminated"), ("agreement", "terminated")]
    assert all(a.parties == ["BY", "LT"] for a in found)


def test_one_verb_before_a_list_gives_each_document_its_stage(lexicon):
    text = (
        "Было расторгнуто соглашение между Чили и Перу о сотрудничестве в морской отрасли от 3 мая 1999 "
        "года, соглашение о порядке взаимных расчетов за перевозки, а также соглашение о сотрудничестве в "
        "отрасли морской разведки."
    )
    found = agreements(text, lexicon, date=DAY)
    assert _stages(found) == [("agreement", "terminated")] * 3


def test_documents_listed_together_stay_apart_though_their_names_overlap(lexicon):
    text = (
        "Чили и Перу подписали соглашение о сотрудничестве в морской отрасли, а также соглашение о "
        "сотрудничестве в отрасли морской разведки."
    )
    assert len(agreements(text, lexicon, date=DAY)) == 2


def test_a_document_singled_out_of_several_signed_is_one(lexicon):
    text = (
        "Министры обороны Чили и Перу подписали ряд соглашений, в частности о сотрудничестве в сфере "
        "военного образования."
    )
    found = one(text, lexicon, date=DAY)
    assert (found.kind, found.status, found.parties) == ("agreement", "signed", ["CL", "PE"])
    assert "военного образования" in found.title


def test_several_documents_with_none_singled_out_are_none(lexicon):
    text = "Министры обороны Чили и Перу подписали ряд соглашений о сотрудничестве."
    assert agreements(text, lexicon, date=DAY) == []


# - stages -


@pytest.mark.parametrize(
    "text",
    [
        "В среду мажилис одобрил проект закона «О ратификации соглашения между Казахстаном и Грецией о "
        "военном сотрудничестве».",
        "Ратификация соглашения между Казахстаном и Грецией о военном сотрудничестве принята депутатами "
        "Сената.",
    ],
)
def test_a_legislature_passing_the_ratification_ratifies(lexicon, text):
    assert one(text, lexicon, date=DAY).status == "ratified"


@pytest.mark.parametrize(
    "text",
    [
        "Мажилис одобрил в первом чтении проект закона «О ратификации соглашения между Казахстаном и "
        "Грецией о военном сотрудничестве».",
        "Проект закона о ратификации соглашения между Казахстаном и Грецией о военном сотрудничестве "
        "одобрен правительством.",
    ],
)
def test_a_first_reading_or_a_government_approving_the_bill_does_not(lexicon, text):
    assert one(text, lexicon, date=DAY).status == "signed"


def test_a_document_named_as_the_frame_of_another_takes_no_stage_from_its_verb(lexicon):
    text = (
        "Чили и Перу подписали программу военного сотрудничества на 2025 год. Документ был разработан в "
        "развитие положений Договора о стратегическом партнерстве между Чили и Перу."
    )
    assert all(a.status != "draft" for a in agreements(text, lexicon, date=DAY))


def test_a_statement_someone_makes_is_no_document(lexicon):
    text = (
        "В 1998 году Чили и Перу подписали договор о военном сотрудничестве. Несмотря на заявление "
        "министра о том, что соглашение не направлено против третьих стран, МИД Боливии выступил с "
        "заявлением, в котором говорилось, что подписанное соглашение угрожает региону."
    )
    found = one(text, lexicon, date=DAY)
    assert (found.kind, found.parties) == ("treaty", ["CL", "PE"])


def test_a_treaty_of_a_sale_is_a_contract(lexicon):
    text = "В 2019 году Чили и Испания заключили договор по поставке бронетехники."
    assert one(text, lexicon, date=DAY).kind == "contract"


# - one plan, the year said two ways -


def test_a_plan_for_next_year_is_the_plan_for_that_year(lexicon):
    text = (
        "Министерства обороны Чили и Перу подписали план военного сотрудничества на будущий год. Главы "
        "ведомств подписали также план двустороннего военного сотрудничества на 2025 год."
    )
    found = one(text, lexicon, date=PartialDate(2024, 11, 15))
    assert (found.kind, found.date) == ("plan", PartialDate(2024, 11, 15))


def test_a_bulleted_list_after_a_document_names_one_of_its_kind_per_item(lexicon):
    text = (
        "Сейм Литвы принял закон о денонсации Соглашения между Литвой и Беларусью о взаимной охране "
        "секретной информации.\n\nА также:\n\n"
        "• 71 голосом — о пограничном контроле на реке Неман, от 1996 года;\n\n"
        "• 69 голосами — о сотрудничестве в области военной разведки, от 1998 года.\n"
    )
    found = agreements(text, lexicon, date=DAY)
    assert _stages(found) == [("agreement", "terminated")] * 3
    assert sorted(a.date.year for a in found if a.date.year) == [1996, 1998]


def test_a_bulleted_list_after_no_document_names_none(lexicon):
    text = (
        "Министры Литвы и Беларуси обсудили вопросы:\n\n"
        "• о пограничном контроле на реке Неман;\n\n"
        "• о сотрудничестве в области военной разведки.\n"
    )
    assert agreements(text, lexicon, date=DAY) == []
