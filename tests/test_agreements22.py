"""Documents read on agreements22 (issue 14; found there, checked here on made-up texts): a second paper of no
kind coordinated with the first («план … и документ о реализации …») is no part of its name; a year's plan
signed at talks is the two sides'; «ратифицировал соглашение, заключенное в 2006 году» is ratified; «на
период до 2024 года» is part of a programme's name and leaves the day of the news to it; a state whose
officials are cited, a report's or a denial's day and «еще весной» give no party and no date."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_second_paper_of_no_kind_is_no_part_of_the_first_ones_name(lexicon):
    text = (
        "Министры обороны Перу и Чили подписали план двустороннего военного сотрудничества на 2025 год "
        "и документ о реализации стратегического сотрудничества в этой сфере."
    )
    assert one(text, lexicon).title == "план двустороннего военного сотрудничества на 2025 год"
    text = "Перу и Чили подписали протокол о военном сотрудничестве и положение о комиссии по сотрудничеству."
    assert one(text, lexicon).title == "протокол о военном сотрудничестве"


def test_a_years_plan_signed_at_talks(lexicon):
    text = "В Лиме состоялись перуанско-чилийские штабные переговоры. По итогам подписан план на 2023 год."
    found = one(text, lexicon)
    assert (found.kind, found.status) == ("plan", "signed")
    # a plan named only by its year and not signed is no document of the two
    assert agreements("Перу и Чили обсудили план на 2023 год.", lexicon) == []


def test_a_verb_before_the_noun_outranks_a_participle_after_it(lexicon):
    text = (
        "Парламент Перу одобрил размещение войск Чили. Таким образом, парламент ратифицировал двустороннее "
        "перуанско-чилийское соглашение, заключенное в декабре 2006 года."
    )
    found = one(text, lexicon)
    assert found.status == "ratified"
    assert (found.date.year, found.date.month) == (2006, 12)
    # a noun before it is no stage reached: «после обсуждения денонсации … договор, заключенный …»
    text = "После обсуждения денонсации Перу и Чили сохранили договор о дружбе, заключенный в 1997 году."
    assert one(text, lexicon).status == "signed"


def test_a_programmes_term_is_part_of_its_name_and_leaves_the_news_day(lexicon):
    text = (
        "Министр обороны Перу и его чилийский коллега утвердили программу межгосударственного сотрудничества "
        "в военной сфере на период до 2024 года."
    )
    found = one(text, lexicon, date=PartialDate(None, 11, 9))
    assert found.title.endswith("на период до 2024 года")
    assert (found.date.month, found.date.day) == (11, 9)


def test_a_state_whose_officials_are_cited_is_no_party(lexicon):
    text = (
        "Газета со ссылкой на должностных лиц США и их союзников сообщила, что Перу заключило тайное "
        "соглашение с Чили."
    )
    assert one(text, lexicon).parties == ["CL", "PE"]


def test_a_reports_or_a_denials_day_is_not_the_signing_day(lexicon):
    day = PartialDate(2019, 7, 22)
    text = (
        "21 июля газета сообщила, что Перу заключило тайное соглашение с Чили о совместном использовании "
        "военно-морской базы."
    )
    assert one(text, lexicon, date=day).date == PartialDate()
    text = (
        "Президент Перу опроверг информацию о том, что его страна подписала секретное соглашение с Чили "
        "о совместном использовании военно-морской базы."
    )
    assert one(text, lexicon, date=day).date == PartialDate()
    # the news itself takes the day
    text = "Перу подписало соглашение с Чили о совместном использовании военно-морской базы."
    assert one(text, lexicon, date=day).date == day


def test_a_season_leaves_the_signing_day_open(lexicon):
    text = "Соглашение Перу и Чили о совместном использовании военно-морской базы было подписано еще весной."
    assert one(text, lexicon, date=PartialDate(2019, 7, 22)).date == PartialDate()
