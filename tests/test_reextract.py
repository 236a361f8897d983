"""reextract: extraction runs again on stored articles; editor decisions stay."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ClaimOrigin, ClaimState, CountryClaim
from articles.pipeline.extraction import pipeline
from articles.pipeline.extraction.entities import CountryMention, Extraction

pytestmark = pytest.mark.django_db

BODY = "Россия, Китай и Индия обсудили поставки. Казахстан наблюдал."


@pytest.fixture
def article():
    article = Article(title="Статья", body=BODY, raw_text=BODY, source_file="a.txt", fingerprint="f" * 64)
    article.save()
    return article


@pytest.fixture
def finds(monkeypatch):
    """finds(*isos): the extractor now finds these countries (by their Russian names in the body)."""
    names = {"RU": "Россия", "CN": "Китай", "IN": "Индия", "KZ": "Казахстан"}
    seen_bodies = []

    def set_found(*isos):
        def extract(parsed, lexicon):
            seen_bodies.append(parsed.body)
            found = Extraction()
            for iso in isos:
                start = parsed.body.index(names[iso])
                found.countries.append(CountryMention(iso, [(start, start + len(names[iso]))]))
            return found

        monkeypatch.setattr(pipeline, "extract", extract)
        return seen_bodies

    return set_found


def reextract(*args) -> str:
    out = StringIO()
    call_command("reextract", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def claims(article) -> dict[str, tuple[str, str]]:
    return {c.country_id: (c.origin, c.state) for c in CountryClaim.objects.filter(article=article)}


def test_reextract_proposes_what_the_extractor_finds_in_the_stored_body(article, finds):
    bodies = finds("RU", "CN")
    out = reextract("--all")
    assert "1 articles re-extracted" in out
    assert bodies == [BODY]
    claim = CountryClaim.objects.get(article=article, country_id="CN")
    assert (claim.state, claim.quote, claim.spans) == ("proposed", "Китай", [[8, 13]])


def test_a_rejected_claim_is_never_proposed_again(article, finds):
    finds("RU", "CN")
    reextract("--article", str(article.pk))
    CountryClaim.objects.filter(country_id="CN").update(state=ClaimState.REJECTED)
    reextract("--article", str(article.pk))
    assert claims(article)["CN"] == ("extracted", "rejected")
    assert CountryClaim.objects.filter(article=article, country_id="CN").count() == 1


def test_only_undecided_machine_claims_are_replaced(article, finds):
    finds("RU", "CN", "IN")
    reextract("--all")
    CountryClaim.objects.filter(country_id="RU").update(state=ClaimState.CONFIRMED)
    CountryClaim.objects.filter(country_id="IN").update(state=ClaimState.REJECTED)
    CountryClaim.objects.create(article=article, country_id="FR", origin=ClaimOrigin.EDITOR)

    finds("KZ")  # a new extractor finds something else entirely
    reextract("--all")
    assert claims(article) == {
        "RU": ("extracted", "confirmed"),
        "IN": ("extracted", "rejected"),
        "FR": ("editor", "proposed"),
        "KZ": ("extracted", "proposed"),
    }  # CN, machine and undecided, went


def test_an_unknown_article_id_is_bad_usage(article, finds):
    with pytest.raises(CommandError, match="no article with id 999") as exc:
        reextract("--article", "999")
    assert exc.value.returncode == 2


def test_reextract_needs_to_be_told_which_articles(article):
    with pytest.raises(CommandError, match="--all or --article"):
        reextract()


def test_an_extractor_crash_is_reported_and_leaves_claims_alone(article, finds, monkeypatch):
    finds("RU")
    reextract("--all")

    def broken(parsed, lexicon):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract", broken)
    with pytest.raises(CommandError, match="failed on 1") as exc:
        reextract("--all")
    assert exc.value.returncode == 1
    assert claims(article) == {"RU": ("extracted", "proposed")}
