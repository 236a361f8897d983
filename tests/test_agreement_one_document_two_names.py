"""One document named twice in one text (issue 14, round agreements12; found on tests/data/agreements10,
checked here on made-up sentences): the parties spelled out after «между» and a term («сроком на пять
лет») are no part of what a name is about, a later «Документ о …» repeating one name joins the two
names, and «ЧФ» is «Черноморский флот»."""

import pytest
from agreement_helpers import agreements

from articles.pipeline.extraction.documents import subject_lemmas
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_spelled_out_parties_and_a_term_say_nothing_of_the_subject():
    short = subject_lemmas("о дружбе и взаимодействии Франции и Германии сроком на пятнадцать лет")
    long = subject_lemmas(
        "о дружбе и сотрудничестве между Французской Республикой и Федеративной Республикой Германия"
    )
    assert short == long == subject_lemmas("о дружбе и сотрудничестве")


def test_a_subject_after_the_parties_is_kept():
    assert "таможенный" in subject_lemmas(
        "между Правительством Франции и Правительством Германии о таможенном деле"
    )


def test_one_treaty_with_and_without_its_parties_and_term_is_one(lexicon):
    text = (
        "Президент Франции подписал Договор о дружбе и сотрудничестве Франции и Германии сроком на пятнадцать "
        "лет. Канцлер Германии заявил: «Мы ратифицировали Договор о дружбе и взаимодействии между Французской "
        "Республикой и Федеративной Республикой Германия»."
    )
    found = agreements(text, lexicon)
    assert [(a.kind, a.parties) for a in found] == [("treaty", ["DE", "FR"])]


def test_a_document_retold_by_the_other_name_is_one(lexicon):
    text = (
        "Министры иностранных дел Франции и Германии подпишут соглашение о взаимном признании лицензий.\n\n"
        "В ведомстве анонсировали подписание межправительственного соглашения о вопросах, связанных с работой "
        "иностранных врачей. Документ о взаимном признании лицензий вступит в силу летом."
    )
    found = agreements(text, lexicon)
    assert [(a.kind, a.parties) for a in found] == [("agreement", ["DE", "FR"])]


def test_two_documents_with_different_names_stay_two(lexicon):
    text = (
        "Министры иностранных дел Франции и Германии подпишут соглашение о взаимном признании лицензий.\n\n"
        "В ведомстве анонсировали подписание межправительственного соглашения о вопросах, связанных с работой "
        "иностранных врачей. Документ о порядке найма вступит в силу летом."
    )
    assert len(agreements(text, lexicon)) == 2


def test_the_black_sea_fleet_abbreviated_is_the_fleet():
    assert subject_lemmas("по ЧФ")
    assert subject_lemmas("по ЧФ") <= subject_lemmas("о пребывании Черноморского флота")
