"""The agreements registry across articles (issue 14, parts 2–3): one document is one Agreement, each
article's mention a claim on it with that article's own reading; editors' judgements last."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from import_helpers import run, write

from articles.archive import registry
from articles.archive.merging import merge_agreements
from articles.models import Agreement, AgreementClaim, AgreementJudgement, ClaimState
from articles.pipeline.dates import PartialDate

pytestmark = pytest.mark.django_db

SIGNED = (
    "Россия и Белоруссия подписали соглашение о единой региональной системе ПВО\n\n"
    "МИНСК, 3 февраля 2016. /ТАСС/. Министр обороны России Сергей Шойгу и министр обороны Белоруссии "
    "Андрей Равков подписали соглашение о совместной охране внешней границы Союзного государства в "
    "воздушном пространстве и создании единой региональной системы противовоздушной обороны."
)
RATIFIED = (
    "Госдума ратифицировала соглашение с Белоруссией о единой системе ПВО\n\n"
    "МОСКВА, 10 октября 2016. /ТАСС/. Государственная дума ратифицировала соглашение между Россией и "
    "Белоруссией о совместной охране внешней границы Союзного государства в воздушном пространстве "
    "и создании единой региональной системы противовоздушной обороны."
)
OTHER_DOCUMENT = (
    "Россия и Белоруссия подписали соглашение о беспилотниках\n\n"
    "МИНСК, 5 марта 2024. /ТАСС/. Россия и Белоруссия подписали соглашение о совместном производстве "
    "беспилотных летательных аппаратов."
)
EDUCATION = (
    "Россия и Белоруссия подписали меморандум о военном образовании\n\n"
    "МИНСК, 6 марта 2024. /ТАСС/. Россия и Белоруссия подписали меморандум о взаимопонимании в области "
    "военного образования."
)


def imported(tmp_path, **texts) -> dict[str, AgreementClaim]:
    for name, text in texts.items():
        write(tmp_path, f"{name}.txt", text)
    out, err, code = run(tmp_path)
    assert code == 0, err
    return {
        name: AgreementClaim.objects.select_related("agreement").get(article__source_file__endswith=f"{name}.txt")
        for name in texts
    }


def reextract() -> None:
    call_command("reextract", "--all", stdout=StringIO(), stderr=StringIO())


def test_two_articles_about_one_document_make_one_agreement_with_both_claims(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    assert claims["signed"].agreement_id == claims["ratified"].agreement_id
    agreement = Agreement.objects.get()
    assert agreement.claims.count() == 2
    assert agreement.status == "ratified"  # the latest stage its claims support
    assert agreement.partial_date == PartialDate(2016, 2, 3)  # the signing date, from the signed claim
    assert sorted(agreement.parties.values_list("iso", flat=True)) == ["BY", "RU"]
    assert agreement.parties_key == "BY-RU"
    # each claim keeps its own article's reading
    assert (claims["signed"].status, claims["ratified"].status) == ("signed", "ratified")
    assert claims["signed"].partial_date == PartialDate(2016, 2, 3)
    assert claims["signed"].signatories.count() == 2 and claims["ratified"].signatories.count() == 0
    assert agreement.signatories.count() == 2


def test_two_documents_between_one_pair_stay_two(tmp_path):
    claims = imported(tmp_path, drones=OTHER_DOCUMENT, education=EDUCATION, signed=SIGNED)
    assert len({c.agreement_id for c in claims.values()}) == 3
    assert Agreement.objects.filter(parties_key="BY-RU").count() == 3


def test_status_follows_the_latest_visible_stage_until_an_editor_sets_it(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    agreement = claims["signed"].agreement
    ratified = claims["ratified"]
    ratified.state = ClaimState.REJECTED
    ratified.save()
    registry.refresh(agreement)
    agreement.refresh_from_db()
    assert agreement.status == "signed"  # the hidden claim no longer supports "ratified"
    agreement.status = "in_force"
    agreement.record_edits(["status"])
    agreement.save()
    ratified.state = ClaimState.PROPOSED
    ratified.save()
    registry.refresh(agreement)
    agreement.refresh_from_db()
    assert agreement.status == "in_force"  # the editor's word stays


def test_a_not_this_document_judgement_survives_reimport_and_reextract(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    ratified = claims["ratified"]
    shared = ratified.agreement_id
    registry.judge([ratified], shared, AgreementJudgement.Verdict.DIFFERENT)
    ratified.delete()  # the editor's split: the machine claim goes, the judgement stays
    reextract()
    again = AgreementClaim.objects.get(article__source_file__endswith="ratified.txt")
    assert again.agreement_id != shared
    write(tmp_path, "ratified.txt", RATIFIED + "\n\nМатериал дополняется.")
    out, err, code = run(tmp_path)
    assert code == 0, err
    reextract()
    again = AgreementClaim.objects.get(article__source_file__endswith="ratified.txt")
    assert again.agreement_id != shared
    assert AgreementClaim.objects.get(article__source_file__endswith="signed.txt").agreement_id == shared


def test_merging_two_agreements_records_same_document_for_their_claims(tmp_path):
    claims = imported(tmp_path, drones=OTHER_DOCUMENT, education=EDUCATION)
    survivor, other = claims["drones"].agreement_id, claims["education"].agreement_id
    merge_agreements(survivor, [other])
    judged = AgreementJudgement.objects.get(article=claims["education"].article)
    assert (judged.agreement_id, judged.verdict) == (survivor, "same")
    reextract()
    assert {c.agreement_id for c in AgreementClaim.objects.all()} == {survivor}


def test_reextract_joins_agreements_imported_one_per_mention_before_the_registry(tmp_path):
    claims = imported(tmp_path, signed=SIGNED)
    first = claims["signed"].agreement
    # an archive from before the registry: the second mention on an agreement of its own
    second = imported(tmp_path, ratified=RATIFIED)["ratified"]
    lone = Agreement.objects.create(
        kind=second.kind, title=second.title, status=second.status, parties_key="BY-RU", terms={}
    )
    second.agreement = lone
    second.save()
    registry.refresh(lone)
    registry.refresh(first)  # as the migration left them: one agreement a mention
    reextract()
    assert Agreement.objects.count() == 1
    assert Agreement.objects.get().claims.count() == 2


def test_export_articles_keeps_each_articles_own_reading_under_the_registry_id(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    out = StringIO()
    call_command("export_articles", stdout=out)
    records = {r["source_file"].rsplit("/", 1)[-1]: r for r in map(json.loads, out.getvalue().splitlines())}
    signed, ratified = records["signed.txt"]["agreements"], records["ratified.txt"]["agreements"]
    assert signed[0]["id"] == ratified[0]["id"] == claims["signed"].agreement_id
    assert (signed[0]["status"], signed[0]["date"], signed[0]["signed"]) == ("signed", "2016-02-03", True)
    assert (ratified[0]["status"], ratified[0]["signatories"]) == ("ratified", [])


def test_title_similarity_tells_one_documents_wordings_from_two_documents():
    one = registry.title_terms("соглашение о совместной охране внешней границы в воздушном пространстве")
    two = registry.title_terms("соглашение об охране внешней границы Союзного государства в воздушном пространстве")
    assert registry.title_similarity(one, two) >= registry.JOIN_SCORE
    drones = registry.title_terms("соглашение о совместном производстве беспилотников")
    education = registry.title_terms("меморандум о взаимопонимании в области военного образования")
    assert registry.title_similarity(drones, education) < registry.JOIN_SCORE
    military = registry.title_terms("соглашение о военном сотрудничестве")
    technical = registry.title_terms("соглашение о военно-техническом сотрудничестве")
    assert registry.title_similarity(military, technical) < registry.JOIN_SCORE
    assert registry.title_similarity(military, registry.title_terms("договор о военном сотрудничестве")) == 1
    assert registry.title_similarity(military, registry.title_terms("соглашение")) is None


def test_kinds_and_signing_dates_that_contradict_keep_documents_apart():
    terms = {"titles": [registry.title_terms("о военном сотрудничестве")], "signed": [2020, 5, 1]}
    reading = registry.Reading(
        kind="agreement",
        title="соглашение о военном сотрудничестве",
        status="signed",
        date=PartialDate(2021, 6, 2),
        parties_key="BY-RU",
    )
    assert registry.score(reading, terms, "agreement") is None  # signed on another day
    reading.date = PartialDate(2020, 5)
    assert registry.score(reading, terms, "agreement") >= registry.JOIN_SCORE
    assert registry.score(reading, terms, "memorandum") is None
    assert registry.score(reading, terms, "treaty") >= registry.JOIN_SCORE

