"""A title that names only its year (issue 14, part 2; found on tests/data/registry9, checked here on
invented readings): «соглашение 2024 года» is the pair's only agreement signed in 2024, never one signed
in another year, nor one of two documents of its kind."""

from __future__ import annotations

import pytest
from registry_helpers import agreement_of, reading

from articles.archive import registry
from articles.archive.registry_titles import named_year
from articles.pipeline.dates import PartialDate


def test_a_title_naming_only_its_year():
    assert named_year(registry.title_terms("соглашение 2019 года")) == 2019
    assert named_year(registry.title_terms("договор от 2019 г.")) == 2019
    assert named_year(registry.title_terms("договор 2019 года о рыболовстве")) is None
    assert named_year(registry.title_terms("соглашение о рыболовстве")) is None


@pytest.mark.django_db
def test_a_year_title_joins_the_pairs_only_agreement_signed_that_year():
    fishing = agreement_of(
        reading("соглашение о рыболовстве", kind="agreement", date=PartialDate(2019, 5, 14), key="CL-PE")
    )
    assert registry.resolve(reading("соглашение 2019 года", kind="agreement", key="CL-PE")) == fishing


@pytest.mark.django_db
def test_a_year_title_of_another_year_stays_apart():
    agreement_of(
        reading("соглашение о рыболовстве", kind="agreement", date=PartialDate(2019, 5, 14), key="CL-PE")
    )
    assert registry.resolve(reading("соглашение 2016 года", kind="agreement", key="CL-PE")) is None


@pytest.mark.django_db
def test_a_year_title_of_an_agreement_never_signed_stays_apart():
    agreement_of(reading("соглашение о рыболовстве", kind="agreement", status="planned", key="CL-PE"))
    assert registry.resolve(reading("соглашение 2019 года", kind="agreement", key="CL-PE")) is None


@pytest.mark.django_db
def test_two_agreements_of_one_pair_and_year_take_no_year_title():
    agreement_of(
        reading("соглашение о рыболовстве", kind="agreement", date=PartialDate(2019, 5, 14), key="CL-PE")
    )
    agreement_of(reading("соглашение о границе", kind="agreement", date=PartialDate(2019, 9, 2), key="CL-PE"))
    assert registry.resolve(reading("соглашение 2019 года", kind="agreement", key="CL-PE")) is None
