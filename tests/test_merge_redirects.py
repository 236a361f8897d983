"""A merged-away official's or agreement's public URL sends readers to the record it was merged
into, permanently, however many merges later."""

import pytest
from admin_helpers import make_article

from articles.archive.merging import merge_agreements, merge_officials
from articles.models import Agreement, AgreementClaim, MergedAway, Official, OfficialClaim

pytestmark = pytest.mark.django_db


def official(name: str) -> Official:
    person = Official.objects.create(full_name=name, position="министр обороны", country_id="CN")
    OfficialClaim.objects.create(article=make_article(), official=person)
    return person


def agreement(title: str) -> Agreement:
    document = Agreement.objects.create(title=title, kind="memorandum")
    document.parties.set(["CN", "RU"])
    AgreementClaim.objects.create(article=make_article(), agreement=document, match_key=title)
    return document


def test_a_merged_away_officials_page_redirects_permanently_to_the_survivor(client):
    right, wrong = official("Дун Цзюнь"), official("Дун Цзюнем")
    merge_officials(right.pk, [wrong.pk])
    response = client.get(f"/officials/{wrong.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/officials/{right.pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_a_merged_away_agreements_page_redirects_permanently_to_the_survivor(client):
    kept, dropped = agreement("Меморандум о сотрудничестве"), agreement("меморандум о сотрудничестве")
    merge_agreements(kept.pk, [dropped.pk])
    response = client.get(f"/agreements/{dropped.pk}/")
    assert (response.status_code, response["Location"]) == (301, f"/agreements/{kept.pk}/")


def test_after_a_second_merge_the_first_url_still_takes_one_hop_to_the_last_survivor(client):
    first, second, third = official("Дун Цзюнь"), official("Дун Цзюнем"), official("Дун Цзюня")
    merge_officials(second.pk, [first.pk])
    merge_officials(third.pk, [second.pk])
    for gone in (first, second):
        response = client.get(f"/officials/{gone.pk}/")
        assert (response.status_code, response["Location"]) == (301, f"/officials/{third.pk}/")


def test_an_id_that_was_never_merged_is_still_not_found(client):
    right, wrong = official("Дун Цзюнь"), official("Дун Цзюнем")
    merge_officials(right.pk, [wrong.pk])
    assert client.get(f"/officials/{wrong.pk + 1000}/").status_code == 404
    assert client.get(f"/agreements/{wrong.pk}/").status_code == 404  # the other kind's numbers
    assert client.get("/officials/99999999999999999999/").status_code == 404


def test_a_survivor_merged_back_into_a_record_it_absorbed_is_not_redirected_in_a_loop(client):
    a, b = official("Дун Цзюнь"), official("Дун Цзюнем")
    merge_officials(a.pk, [b.pk])
    revived = official("Дун Цзюнем")  # an editor recreates it; a later merge goes the other way
    merge_officials(revived.pk, [a.pk])
    assert not MergedAway.objects.filter(
        old_id__in=[r.survivor_id for r in MergedAway.objects.all()]
    ).exists()
    response = client.get(f"/officials/{a.pk}/")
    assert (response.status_code, response["Location"]) == (301, f"/officials/{revived.pk}/")
