"""One document named once by its subject and once generically (issue 14; found on tests/data/registry9 and
registry7, checked here on invented texts and readings): a plan named by its subject with no stage and
«подписали долгосрочный план двустороннего взаимодействия» later in the text is one plan under its subject's
name; two plans with subjects of their own, or a generic plan with a year of its own, stay two. A signing
the future copula speaks of («задачей визита станет подписание соглашения») is planned. «Стратегический
альянс» is the press's word for a «стратегическое партнерство»; «союз» is not folded."""

from __future__ import annotations

import pytest
from agreement_helpers import agreements, one
from registry_helpers import agreement_of, reading

from articles.archive import registry
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# - one text: a plan by its subject, then the same plan by generic words -

PLAN = (
    "Министр обороны Чили провел переговоры с министром обороны Перу. «Армии наших стран работают в "
    "соответствии с планом чилийско-перуанского стратегического партнерства в военной сфере», — сказал он. "
    "Стороны обсудили учения. «Перу стал одной из первых стран, с которой Чили подписала долгосрочный план "
    "двустороннего взаимодействия», — отметил министр."
)


def test_a_plan_named_by_its_subject_and_then_generically_is_one_plan(lexicon):
    found = one(PLAN, lexicon)
    assert found.kind == "plan"
    assert found.title == "план чилийско-перуанского стратегического партнерства в военной сфере"
    assert found.status == "signed"
    assert sorted(found.parties) == ["CL", "PE"]


def test_two_plans_with_subjects_of_their_own_stay_two(lexicon):
    text = (
        "Чили и Перу подписали план сотрудничества в области военного образования. Стороны обсудили учения. "
        "Кроме того, Чили и Перу подписали план совместных морских учений."
    )
    assert len([a for a in agreements(text, lexicon) if a.kind == "plan"]) == 2


def test_a_generic_plan_with_a_year_of_its_own_is_another_edition(lexicon):
    text = (
        "Армии Чили и Перу работают в соответствии с планом стратегического партнерства в военной сфере. "
        "Стороны обсудили учения. Министры обороны Чили и Перу подписали план двустороннего взаимодействия "
        "на 2026 год."
    )
    titles = [a.title for a in agreements(text, lexicon) if a.kind == "plan"]
    assert titles == ["план двустороннего взаимодействия на 2026 год"]


def test_two_plans_of_one_sentence_stay_apart(lexicon):
    text = (
        "Чили и Перу подписали план стратегического партнерства в военной сфере и долгосрочный план "
        "двустороннего взаимодействия."
    )
    assert len([a for a in agreements(text, lexicon) if a.kind == "plan"]) == 2


# - a signing the future copula speaks of -


@pytest.mark.parametrize(
    "text",
    [
        "Основной задачей визита президента Перу в Чили станет подписание соглашения между Чили и Перу о "
        "рыболовстве.",
        "Ярким примером сотрудничества Чили и Перу станет, как заметил министр, подписание соглашения о "
        "рыболовстве.",
        "Подписание соглашения между Чили и Перу о рыболовстве станет важным шагом.",
    ],
)
def test_a_signing_that_will_be_is_planned(lexicon, text):
    assert one(text, lexicon).status == "planned"


def test_a_signing_that_was_is_signed(lexicon):
    text = "Чили и Перу подписали соглашение о рыболовстве. Подписание соглашения стало важным шагом."
    assert one(text, lexicon).status == "signed"


# - the registry: «альянс» and «партнерство» -


@pytest.mark.django_db
def test_a_strategic_alliance_is_the_strategic_partnership():
    treaty = agreement_of(reading("договор о стратегическом партнерстве и сотрудничестве", key="CL-PE"))
    found = registry.resolve(
        reading(
            "соглашение о стратегическом альянсе и сотрудничестве", "planned", kind="agreement", key="CL-PE"
        )
    )
    assert found == treaty


def test_a_union_is_not_a_partnership():
    assert registry.title_terms("договор о союзе") != registry.title_terms("договор о партнерстве")


def test_a_recalled_edition_with_its_years_is_not_the_generic_plan(lexicon):
    text = (
        "Армии Чили и Перу действовали в соответствии с дорожной картой военного сотрудничества на 2017–2020 "
        "годы. Стороны обсудили учения. Министры обороны Чили и Перу подписали дорожную карту военного "
        "сотрудничества."
    )
    titles = [a.title for a in agreements(text, lexicon) if a.kind == "roadmap"]
    assert titles == ["дорожная карта военного сотрудничества"]
