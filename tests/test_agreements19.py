"""One document named two ways, and a «договор» of goods (issue 14, rounds agreements19/20; found there,
checked here on made-up texts): «соглашение о военном сотрудничестве» and «соглашение об оборонном
сотрудничестве» are one document; a «Меморандум о взаимопонимании между министерствами обороны …» names no
subject of its own and is the memorandum the article named before; «договор на 2 фрегата», «на вторую пару
кораблей» are contracts, «договор на 25 лет» stays a treaty."""

import pytest
from agreement_helpers import agreements

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_military_and_defence_cooperation_name_one_agreement(lexicon):
    text = (
        "Власти Перу, разорвав соглашение о военном сотрудничестве с Чили, потребовали вывести чилийских военных. "
        "Правительство Перу в конце ноября расторгло соглашение об оборонном сотрудничестве с Чили, "
        "подписанное 5 сентября 2019 года."
    )
    (found,) = agreements(text, lexicon)
    assert found.status == "terminated"


def test_a_mutual_defence_treaty_and_a_cooperation_agreement_stay_two(lexicon):
    text = (
        "Перу и Чили подписали соглашение о военном сотрудничестве. Ранее стороны заключили договор об обороне "
        "от внешней агрессии."
    )
    assert len(agreements(text, lexicon)) == 2


def test_a_memorandum_of_understanding_between_ministries_is_the_memorandum_named_before(lexicon):
    text = (
        "Министры обороны Перу и Чили подписали Меморандум о военном сотрудничестве. Итогом визита стало "
        "подписание Меморандума о взаимопонимании между Министерством обороны Перу и Министерством обороны Чили."
    )
    (found,) = agreements(text, lexicon)
    assert found.kind == "memorandum"


def test_a_contract_for_ships_by_number_is_a_contract(lexicon):
    text = (
        "Верфь из Чили завершила договор на поставку в Перу двух кораблей и подписала второй договор на 2 фрегата, "
        "сообщил представитель верфи."
    )
    assert {a.kind for a in agreements(text, lexicon)} == {"contract"}


def test_a_treaty_for_a_term_of_years_stays_a_treaty(lexicon):
    text = "Перу и Чили подписали договор на 25 лет о дружбе и сотрудничестве."
    assert [a.kind for a in agreements(text, lexicon)] == ["treaty"]


def test_a_law_on_ratification_named_in_quotes_and_signed_ratifies(lexicon):
    text = (
        "Президент Перу Хуан Перес подписал закон «О ратификации договора между Республикой Перу и Республикой "
        "Чили о союзнических отношениях», сообщила пресс-служба главы государства."
    )
    (found,) = agreements(text, lexicon)
    assert found.status == "ratified"


def test_a_government_approving_the_bill_on_ratification_does_not_ratify(lexicon):
    text = (
        "Правительство Перу одобрило проект федерального закона «О ратификации договора между Республикой Перу "
        "и Республикой Чили о союзнических отношениях»."
    )
    (found,) = agreements(text, lexicon)
    assert found.status != "ratified"


def test_a_dashed_list_under_a_line_naming_the_parties_and_the_signing(lexicon):
    text = (
        "Кроме того, между правительством Перу и правительством Чили подписаны:\n"
        "- Соглашение о сотрудничестве в области безопасности;\n"
        "- Соглашение о совместном производстве патрульных катеров."
    )
    found = agreements(text, lexicon)
    assert len(found) == 2
    assert all((a.status, sorted(a.parties)) == ("signed", ["CL", "PE"]) for a in found)


def test_a_dashed_line_with_no_list_opening_above_it_takes_nothing_from_there(lexicon):
    text = (
        "Перу и Чили подписали меморандум.\n- Соглашение о сотрудничестве в области безопасности обсуждается."
    )
    assert all(a.title.lower() != "соглашение о сотрудничестве в области безопасности" or a.status != "signed"
               for a in agreements(text, lexicon))  # fmt: skip
