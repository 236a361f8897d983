"""One person keeps one country across articles: the country their articles' claims support."""

from collections import Counter

import pytest
from admin_helpers import form_data, make_article, make_editor, set_row

from articles.archive import merging, official_countries
from articles.archive.claims import apply_extraction
from articles.models import ClaimState, Country, Official, OfficialClaim
from articles.pipeline.extraction.entities import Extraction, OfficialMention

pytestmark = pytest.mark.django_db


def known() -> set[str]:
    return set(Country.objects.values_list("iso", flat=True))


def report(name: str, country: str | None, position: str = "министр обороны") -> OfficialMention:
    body = f"{name} провёл переговоры."
    return OfficialMention(name=name, position=position, country=country, spans=[(0, len(name))]), body


def import_text(name: str, country: str | None, position: str = "министр обороны") -> OfficialClaim:
    mention, body = report(name, country, position)
    article = make_article(body=body)
    apply_extraction(article, Extraction(officials=[mention]), known(), fresh=True)
    return OfficialClaim.objects.get(article=article)


def test_the_verdict_is_the_clear_majority_and_a_tie_decides_nothing():
    assert official_countries.verdict(Counter({"IN": 3})) == ("IN", False)
    assert official_countries.verdict(Counter({"IN": 4, "PK": 1})) == ("IN", True)
    assert official_countries.verdict(Counter({"IN": 2, "PK": 2})) == (None, True)
    assert official_countries.verdict(Counter({"IN": 3, "PK": 2})) == (None, True)
    assert official_countries.verdict(Counter()) == (None, False)


def test_the_official_takes_the_country_most_of_their_articles_give():
    first = import_text("Раджнатх Сингх", None)
    official = first.official
    assert Official.objects.get(pk=official.pk).country_id is None
    for _ in range(3):
        import_text("Раджнатх Сингх", "IN")
    import_text("Раджнатх Сингх", "PK")
    official.refresh_from_db()
    assert official.country_id == "IN"
    assert official.country_disputed  # one text says otherwise: an editor should see it


def test_a_second_country_without_a_clear_majority_overwrites_nothing_and_is_listed():
    import_text("Ли Шанфу", "CN")
    official = Official.objects.get(full_name="Ли Шанфу")
    assert (official.country_id, official.country_disputed) == ("CN", False)
    import_text("Ли Шанфу", "KP")
    official.refresh_from_db()
    assert official.country_id == "CN"  # not silently overwritten by the tie
    assert official.country_disputed
    assert list(Official.objects.filter(country_disputed=True)) == [official]


def test_an_editors_country_survives_new_articles_and_leaves_the_review_list():
    import_text("Ли Шанфу", "CN")
    import_text("Ли Шанфу", "KP")
    official = Official.objects.get(full_name="Ли Шанфу")
    official_countries.settle(official, "KP")
    for _ in range(4):
        import_text("Ли Шанфу", "CN")
    official.refresh_from_db()
    assert official.country_id == "KP"
    assert not official.country_disputed
    assert "country" in official.edited_fields


def test_a_rejected_claim_no_longer_votes():
    import_text("Ли Шанфу", "CN")
    wrong = import_text("Ли Шанфу", "KP")
    official = wrong.official
    wrong.state = ClaimState.REJECTED
    wrong.save()
    official_countries.recompute([official.pk])
    official.refresh_from_db()
    assert (official.country_id, official.country_disputed) == ("CN", False)


def test_a_merge_puts_the_united_claims_to_one_vote():
    import_text("Раджнат Сингх", "IN")
    import_text("Раджнат Сингх", "IN")
    other = import_text("Раджнатх Сингх", None).official
    survivor = Official.objects.get(full_name="Раджнат Сингх")
    merging.merge_officials(other.pk, [survivor.pk])
    other.refresh_from_db()
    assert other.country_id == "IN"
    assert not other.country_disputed


def test_a_surname_alone_does_not_join_a_namesake_of_another_country():
    import_text("Ильхам Алиев", "AZ", position="президент")
    azerbaijani = Official.objects.get(full_name="Ильхам Алиев")
    # the initials form is recorded as an alias of the first person…
    mention = OfficialMention(name="Ильхам Алиев", aliases=["И. Алиев"], country="AZ", spans=[(0, 12)])
    apply_extraction(make_article(body="Ильхам Алиев (И. Алиев)."), Extraction(officials=[mention]), known())
    # …and a Russian «И. Алиев» in another text is someone else
    claim = import_text("И. Алиев", "RU", position="депутат")
    assert claim.official_id != azerbaijani.pk
    assert claim.official.country_id == "RU"
    azerbaijani.refresh_from_db()
    assert (azerbaijani.country_id, azerbaijani.country_disputed) == ("AZ", False)


def test_a_surname_alone_of_the_same_country_still_joins_the_person():
    full = import_text("Ильхам Алиев", "AZ", position="президент").official
    mention = OfficialMention(name="Ильхам Алиев", aliases=["И. Алиев"], country="AZ", spans=[(0, 12)])
    apply_extraction(make_article(body="Ильхам Алиев (И. Алиев)."), Extraction(officials=[mention]), known())
    assert import_text("И. Алиев", "AZ").official_id == full.pk
    assert import_text("И. Алиев", None).official_id == full.pk


def test_rejecting_a_claim_on_the_article_page_recounts_the_officials_country(client):
    import_text("Ли Шанфу", "CN")
    wrong = import_text("Ли Шанфу", "KP")
    official = wrong.official
    official.refresh_from_db()
    assert official.country_disputed
    client.force_login(make_editor())
    url = f"/admin/articles/article/{wrong.article_id}/change/"
    data = form_data(client.get(url))
    set_row(data, "official_claims", wrong.pk, state="rejected")
    assert client.post(url, data).status_code == 302
    official.refresh_from_db()
    assert (official.country_id, official.country_disputed) == ("CN", False)
