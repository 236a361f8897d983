"""Stage wordings the web-text sets showed misread (issue 14; found on tests/data/webtext3, webtext4 and
webtext8, checked here on made-up sentences): a signing something is done for, agreed to or
forthcoming is still to come; a law on ratification named by its title and signed is a ratification;
a legislature's vote in a first reading is none yet; the bare noun «подписание» does not undo a
signing the text says is still to come; contracts of one trade signed between two states are one deal."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon

DAY = PartialDate(2024, 5, 10)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@pytest.mark.parametrize(
    "text",
    [
        # a journey or a visit made for the signing
        "Президент Монголии на следующей неделе прилетит в Пекин для подписания соглашения о поставках "
        "военной техники между Монголией и Китаем.",
        "Для подписания контракта с Индонезией министр обороны Франции посетит Джакарту в июле.",
        # a state agreeing to sign
        "Норвегия согласилась подписать с Эстонией соглашение о подготовке военных пилотов.",
        "Финляндия дала согласие на подписание соглашения с Латвией о морском патрулировании.",
        # a signing forthcoming
        "Министры сообщили о предстоящем в конце месяца подписании соглашения о совместных учениях "
        "между Чили и Перу.",
        # «Подписание … состоится» with a long name between
        "Подписание соглашения о создании общей системы раннего предупреждения между Чехией и "
        "Словакией состоится на ближайшей встрече министров.",
        # a drafting only considered
        "Чили и Перу рассмотрели возможность разработки меморандума о сотрудничестве в военно-морской "
        "области.",
    ],
)
def test_a_signing_still_to_come_is_planned(lexicon, text):
    assert one(text, lexicon, date=DAY).status == "planned"


def test_a_generic_mention_of_the_signing_does_not_undo_a_planned_one(lexicon):
    text = (
        "Венгрия и Сербия подпишут в июне соглашение о совместной охране воздушного пространства. "
        "Министр указал на особую важность подписания этого документа для региона."
    )
    assert one(text, lexicon, date=DAY).status == "planned"


def test_a_law_on_ratification_named_by_its_title_and_signed_ratifies(lexicon):
    text = (
        'Закон "О ратификации Соглашения между Правительством Грузии и Правительством Армении о '
        'военном сотрудничестве" был подписан президентом.'
    )
    assert one(text, lexicon, date=DAY).status == "ratified"


def test_a_first_reading_is_no_ratification(lexicon):
    text = (
        "Парламент утвердил в первом чтении поправку к соглашению о сотрудничестве между Молдовой и "
        "Грецией в военной области."
    )
    assert one(text, lexicon, date=DAY).status != "ratified"


# - contracts of one trade -


def test_contracts_of_one_trade_signed_between_two_states_are_one_deal(lexicon):
    text = "В прошлом году Чили подписала с Испанией контракты на поставку бронетехники."
    found = one(text, lexicon, date=DAY)
    assert (found.kind, found.status, found.parties) == ("contract", "signed", ["CL", "ES"])


def test_counted_contracts_are_no_one_deal(lexicon):
    text = "Чили подписала с Испанией пять контрактов на поставку бронетехники."
    assert agreements(text, lexicon, date=DAY) == []
