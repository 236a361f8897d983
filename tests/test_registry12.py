"""registry12 round: the agreements registry's seen misses (issue 14), each checked here on a made-up
text: a plural state noun in a post («глав республик А и Б») stands for the states named before it, one
each, in order; the epithets outlets add
or drop («совместное», «стратегическое», «историческое») do not tell one pact from another, but a shared
one still keeps a near title from joining another document; «оборонное соглашение» is «соглашение об
обороне».

Officials and subjects are read without a database (countries marked by hand); the registry tests
make their readings directly.
"""

from functools import partial

import pytest
from extraction_helpers import officials
from registry_helpers import agreement_of, reading

from articles.archive import registry
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.documents import subject_lemmas
from articles.pipeline.extraction.lexicon import Lexicon

_pact = partial(reading, kind="agreement", key="OM-YE")


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@pytest.mark.parametrize(
    ("text", "forms", "expected"),
    [
        (
            "Сербия и Черногория подписали договор о границе. Документ скрепили подписями в Брюсселе "
            "в присутствии глав республик Александра Вучича и Милы Джукановича.",
            {"RS": ["Сербия"], "ME": ["Черногория"]},
            {"Александр Вучич": "RS", "Мила Джуканович": "ME"},
        ),
        (
            "В Праге прошло заседание чешско-польской комиссии по оборонной промышленности под "
            "руководством министров обороны двух государств Яна Новака и Анджея Ковальского.",
            {"CZ": ["чешско"], "PL": ["польской"]},
            {"Ян Новак": "CZ", "Анджей Ковальский": "PL"},
        ),
    ],
)
def test_a_plural_state_noun_gives_each_name_the_states_named_before_in_order(lexicon, text, forms, expected):
    found = officials(text, lexicon, **forms)
    assert {name: found[name].country for name in expected} == expected


def test_a_plural_noun_with_too_few_states_before_it_names_none(lexicon):
    text = "Встречу провели министры обороны двух государств Ян Новак и Анджей Ковальский."
    found = officials(text, lexicon)
    assert found["Ян Новак"].country is None


def test_the_head_of_the_republic_is_still_of_the_state_named_before(lexicon):
    text = "Президент Сербии прибыл в Брюссель. Его сопровождал посол республики в Бельгии Марко Петрович."
    found = officials(text, lexicon, RS=["Сербии"], BE=["Бельгии"])
    assert found["Марко Петрович"].country == "RS"


def test_the_subjects_adjective_is_the_subject():
    assert subject_lemmas("оборонное соглашение") - {"соглашение"} == subject_lemmas(
        "соглашение об обороне"
    ) - {"соглашение"}


@pytest.mark.django_db
def test_one_pact_told_with_and_without_its_epithets_is_one_document():
    pact = agreement_of(_pact("совместное оборонное соглашение"))
    assert registry.resolve(_pact("соглашение о взаимной обороне")) == pact


@pytest.mark.django_db
def test_a_shared_epithet_does_not_make_two_subjects_one_document():
    agreement_of(_pact("соглашение о стратегическом партнерстве"))
    assert registry.resolve(_pact("соглашение о стратегических наступательных вооружениях")) is None


@pytest.mark.django_db
def test_a_shared_epithet_keeps_a_near_title_from_another_document():
    agreement_of(_pact("соглашение об образовании союзного государства", date=PartialDate(1999, 12, 8)))
    agreement_of(_pact("соглашение о создании совместных учебных центров"))
    later = _pact(
        "соглашение о совместной охране внешней границы союзного государства в воздушном пространстве"
    )
    assert registry.resolve(later) is None
