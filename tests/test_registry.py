"""The agreements registry across articles (issue 14, parts 2–3): one document is one Agreement, each
article's mention a claim on it with that article's own reading; editors' judgements last."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from import_helpers import run, write
from registry_helpers import agreement_of as _agreement_of
from registry_helpers import reading as _reading

from articles.archive import registry, registry_editing
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
        name: AgreementClaim.objects.select_related("agreement").get(
            article__source_file__endswith=f"{name}.txt"
        )
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
    registry_editing.judge([ratified], shared, AgreementJudgement.Verdict.DIFFERENT)
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
    two = registry.title_terms(
        "соглашение об охране внешней границы Союзного государства в воздушном пространстве"
    )
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


# --- the registry's own export: one row per document ----------------------------------------------


def test_export_agreements_gives_one_row_per_document_with_its_stages(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED, drones=OTHER_DOCUMENT)
    out = StringIO()
    call_command("export_agreements", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 2
    shared = next(r for r in records if r["id"] == claims["signed"].agreement_id)
    assert shared["parties"] == ["BY", "RU"] and shared["status"] == "ratified"
    assert shared["date"] == "2016-02-03" and shared["signed"] is True
    assert [s["status"] for s in shared["stages"]] == ["signed", "ratified"]
    assert shared["stages"][0] == {
        "status": "signed",
        "date": "2016-02-03",
        "articles": [claims["signed"].article_id],
    }
    assert shared["articles"] == sorted([claims["signed"].article_id, claims["ratified"].article_id])
    assert len(shared["signatories"]) == 2
    out = StringIO()
    call_command("export_agreements", "--format", "csv", "--excel", "--status", "signed", stdout=out)
    text = out.getvalue()
    assert text.startswith("\ufeffid,kind,title,parties,signatories,status,signed,date,stages,articles\n")
    assert len(text.splitlines()) == 2  # the header and the drones agreement, the one still only signed


def test_export_agreements_refuses_a_bad_filter(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--year"):
        call_command("export_agreements", "--year", "двадцатый", stdout=StringIO())


def test_agreements_export_urls_follow_the_lists_filters(client, tmp_path):
    imported(tmp_path, signed=SIGNED, ratified=RATIFIED, drones=OTHER_DOCUMENT)
    response = client.get("/agreements/export.jsonl", {"status": "ratified", "party": "BY"})
    assert response.status_code == 200
    records = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [r["status"] for r in records] == ["ratified"]
    response = client.get("/agreements/export.csv", {"year": "2024", "excel": "1"})
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeffid,") and len(text.splitlines()) == 2
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("params", [{"year": "abc"}, {"status": "sold"}, {"party": "Россия!"}, {"kind": "x"}])
def test_agreements_export_with_a_bad_parameter_is_a_400(client, params):
    assert client.get("/agreements/export.csv", params).status_code == 400
    assert client.get("/agreements/export.jsonl", params).status_code == 400


def test_the_agreement_page_shows_the_documents_life_as_a_timeline(client, tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    html = client.get(f"/agreements/{claims['signed'].agreement_id}/").content.decode()
    assert "Жизнь документа" in html
    signed_at, ratified_at = html.index("подписано</strong>"), html.index("ратифицировано</strong>")
    assert signed_at < ratified_at
    assert claims["signed"].quote[:40] in html and claims["ratified"].article.title in html


# --- the desk: moving, splitting, the duplicates review --------------------------------------------


def test_splitting_a_mention_off_keeps_it_apart_through_reextract(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    shared = claims["signed"].agreement_id
    new = registry_editing.move_claims([claims["ratified"].pk], None)
    assert new.pk != shared and new.status == "ratified"
    assert Agreement.objects.get(pk=shared).status == "signed"  # derived again from what it kept
    reextract()
    assert AgreementClaim.objects.get(pk=claims["ratified"].pk).agreement_id == new.pk
    assert AgreementClaim.objects.get(pk=claims["signed"].pk).agreement_id == shared


def test_a_mention_moved_to_another_agreement_stays_there(tmp_path):
    claims = imported(tmp_path, drones=OTHER_DOCUMENT, education=EDUCATION)
    drones, education = claims["drones"], claims["education"]
    registry_editing.move_claims([education.pk], drones.agreement_id)
    assert not Agreement.objects.filter(pk=education.agreement_id).exists()  # left empty: gone
    reextract()
    assert AgreementClaim.objects.get(pk=education.pk).agreement_id == drones.agreement_id


def test_the_duplicates_review_proposes_similar_agreements_until_marked_different(tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    first = claims["signed"].agreement_id
    second = registry_editing.move_claims([claims["ratified"].pk], None).pk
    AgreementJudgement.objects.all().delete()  # as if the two had been imported apart
    pairs = registry_editing.likely_duplicates()
    assert [(d.first.pk, d.second.pk) for d in pairs] == [(max(first, second), min(first, second))]
    assert pairs[0].score >= registry.JOIN_SCORE
    registry_editing.mark_different(first, second)
    assert registry_editing.likely_duplicates() == []


def test_the_review_page_merges_a_pair_in_one_click(admin_client, tmp_path):
    claims = imported(tmp_path, signed=SIGNED, ratified=RATIFIED)
    first = claims["signed"].agreement_id
    second = registry_editing.move_claims([claims["ratified"].pk], None).pk
    AgreementJudgement.objects.all().delete()
    page = admin_client.get("/admin/articles/agreement/duplicates/")
    assert page.status_code == 200 and f"№{second}" in page.content.decode()
    response = admin_client.post(
        "/admin/articles/agreement/duplicates/decide/", {"first": first, "second": second, "verdict": "merge"}
    )
    assert response.status_code == 302
    assert not Agreement.objects.filter(pk=second).exists()
    assert AgreementJudgement.objects.filter(agreement_id=first, verdict="same").count() == 2
    bad = admin_client.post(
        "/admin/articles/agreement/duplicates/decide/", {"first": "x", "verdict": "merge"}
    )
    assert bad.status_code == 302 and Agreement.objects.filter(pk=first).exists()


def test_the_move_action_on_mentions_records_the_editors_judgement(admin_client, tmp_path):
    claims = imported(tmp_path, drones=OTHER_DOCUMENT, education=EDUCATION)
    drones, education = claims["drones"], claims["education"]
    response = admin_client.post(
        "/admin/articles/agreementclaim/",
        {"action": "move_to_agreement", "_selected_action": [education.pk], "target": drones.agreement_id},
    )
    assert response.status_code == 302
    assert AgreementClaim.objects.get(pk=education.pk).agreement_id == drones.agreement_id
    verdicts = set(AgreementJudgement.objects.values_list("agreement_id", "verdict"))
    # the agreement it left had no other mention: it is gone, with the "not this document" on it
    assert verdicts == {(drones.agreement_id, "same")}
    assert not Agreement.objects.filter(pk=education.agreement_id).exists()


# --- two import workers resolving one document at once ---------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_resolving_one_document_at_once_make_one_agreement():
    import threading

    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("advisory locks need PostgreSQL (DATABASE_URL=postgres://...); SQLite serialises writers")
    reading = registry.Reading(
        kind="agreement",
        title="соглашение о совместном производстве беспилотников",
        status="signed",
        date=PartialDate(2024, 3, 5),
        parties_key="BY-RU",
    )
    created, failures = threading.Event(), []

    def first_worker():
        try:
            with transaction.atomic():
                registry.lock([reading.parties_key])
                assert registry.resolve(reading) is None
                registry.refresh(registry.new_agreement(reading), added=[reading])
                created.set()
                # Commit only once the other worker is waiting for the same parties' lock.
                with connection.cursor() as cursor:
                    for _ in range(10_000):
                        cursor.execute(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                        )
                        if cursor.fetchone()[0]:
                            break
        except Exception as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            connection.close()

    worker = threading.Thread(target=first_worker)
    worker.start()
    assert created.wait(30)
    with transaction.atomic():
        registry.lock([reading.parties_key])  # waits for the first worker's commit
        found = registry.resolve(reading)
    worker.join(30)
    assert failures == []
    assert found is not None
    assert Agreement.objects.count() == 1


# --- general rules tuned on the development set (made-up readings, not the set's) -------------------


def test_stage_and_pointing_words_are_no_part_of_a_title():
    plain = registry.title_terms("договор о дружбе и добрососедстве")
    assert registry.title_terms("закон о ратификации договора о дружбе и добрососедстве") == plain
    assert registry.title_terms("продление действующего договора о дружбе и добрососедстве") == plain


def test_a_signing_date_without_a_year_only_doubts_a_report_with_one():
    terms = {"titles": [["дружба"]], "signed_dates": [[2019, 12, 23]], "years": [2019]}
    yearless = registry.score(_reading("договор о дружбе", date=PartialDate(None, 10, 23)), terms, "treaty")
    assert yearless is not None and yearless < 1.0
    assert yearless >= registry.JOIN_SCORE  # the same title still makes it one document
    other_year = _reading("договор о дружбе", date=PartialDate(2021, 10, 23))
    assert registry.score(other_year, terms, "treaty") is None


def test_only_a_signed_stage_date_can_contradict_the_signing():
    terms = {"titles": [["дружба"]], "signed_dates": [[2019, 12, 23]], "years": [2019]}
    ratified = _reading("договор о дружбе", status="ratified", date=PartialDate(2020, 5, 1))
    assert registry.score(ratified, terms, "treaty") >= registry.JOIN_SCORE


def test_a_bare_title_joins_the_pairs_only_document_of_its_kind():
    treaty = _agreement_of(_reading("договор о дружбе", date=PartialDate(2019, 12, 23)))
    _agreement_of(_reading("соглашение о поставках зерна", kind="agreement"))
    bare = _reading("договор", status="ratified", date=PartialDate(2020, 3, 1))
    assert registry.resolve(bare) == treaty
    plan = _agreement_of(_reading("план сотрудничества на 2030 год", kind="plan"))
    assert registry.resolve(_reading("план сотрудничества", kind="plan")) == plan


def test_a_bare_title_joins_nothing_when_the_pair_has_two_documents_of_its_kind():
    _agreement_of(_reading("договор о дружбе", date=PartialDate(2019, 12, 23)))
    _agreement_of(_reading("договор о границе", date=PartialDate(2005, 4, 2)))
    assert registry.resolve(_reading("договор", status="ratified")) is None


def test_equal_titles_go_to_the_document_whose_years_are_nearest():
    older = _agreement_of(_reading("программа партнерства", kind="programme", date=PartialDate(2011)))
    newer = _agreement_of(
        _reading("программа партнерства", kind="programme", status="planned", date=PartialDate(2016))
    )
    planned = _reading("программа партнерства", kind="programme", status="planned", date=PartialDate(2016, 5))
    assert registry.resolve(planned) == newer != older


def test_a_periodic_document_still_to_be_signed_years_after_a_signing_is_the_next_edition():
    # the 2021 edition, known by a generic short title that any later title covers
    older = _agreement_of(
        _reading("программа стратегического партнерства", kind="programme", date=PartialDate(2021))
    )
    announced = _reading(
        "программа стратегического партнерства в военной области",
        kind="programme",
        status="planned",
        date=PartialDate(2025, 10, 15),
    )
    assert registry.resolve(announced) is None  # a new record: the edition to be approved
    # a year later is still the same edition's news (a signing planned for one year, done the next)
    soon = _reading(
        "программа стратегического партнерства в военной области",
        kind="programme",
        status="planned",
        date=PartialDate(2022, 3),
    )
    assert registry.resolve(soon) == older
    # a treaty is signed once: an announcement that names it is about that one
    treaty = _agreement_of(_reading("договор о дружбе", date=PartialDate(2001)))
    assert registry.resolve(_reading("договор о дружбе", status="planned", date=PartialDate(2025))) == treaty


# - one document, other words (tests/data/registry2: «авиагруппа» / «авиационная группировка», «пункт
#   МТО ВМФ», «о недрах» / «о полезных ископаемых», «об отправке военных» / «о порядке направления») -


def test_one_subject_spelled_with_an_abbreviation_a_compound_or_a_synonym_is_one_title():
    def similar(a, b):
        return registry.title_similarity(registry.title_terms(a), registry.title_terms(b))

    assert (
        similar("соглашение о размещении авиагруппы", "соглашение о размещении авиационной группировки")
        == 1.0
    )
    assert (
        similar(
            "соглашение о расширении пункта МТО ВМФ",
            "соглашение о расширении пункта материально-технического обеспечения военно-морского флота",
        )
        == 1.0
    )
    assert similar("соглашение о недрах", "соглашение о полезных ископаемых") >= registry.JOIN_SCORE
    assert similar("соглашение о недрах", "соглашение о редкоземельных металлах") >= registry.JOIN_SCORE
    # the parties' adjectives say who, not what
    assert registry.title_terms("российско-индийское соглашение о визитах") == registry.title_terms(
        "соглашение о визитах"
    )
    # and two subjects stay two
    assert (
        similar("соглашение о военном образовании", "соглашение о военно-техническом сотрудничестве") < 0.45
    )


def test_a_near_title_nothing_contradicts_joins_the_pairs_one_such_document():
    deployment = _agreement_of(
        _reading(
            "соглашение о направлении воинских формирований",
            kind="agreement",
            date=PartialDate(2025, 2, 18),
            key="IN-RU",
        )
    )
    near = _reading("соглашение об отправке солдат", kind="agreement", key="IN-RU")
    assert registry.FIT_SCORE <= registry.score(near, deployment.terms, "agreement") < registry.JOIN_SCORE
    assert registry.resolve(near) == deployment
    # signed another day: another document, however near the words
    other_day = _reading(
        "соглашение об отправке солдат",
        kind="agreement",
        date=PartialDate(2025, 3, 4),
        key="IN-RU",
    )
    assert registry.resolve(other_day) is None


def test_a_near_title_joins_nothing_when_another_document_of_the_pair_shares_its_words():
    _agreement_of(_reading("соглашение о направлении воинских формирований", kind="agreement", key="IN-RU"))
    _agreement_of(_reading("соглашение о подготовке солдат", kind="agreement", key="IN-RU"))
    near = _reading("соглашение об отправке солдат", kind="agreement", key="IN-RU")
    assert registry.resolve(near) is None


def test_a_near_title_of_a_contract_names_another_object_and_joins_nothing():
    submarines = _agreement_of(
        _reading("контракт на ремонт и модернизацию подводных лодок проекта", kind="contract", key="IN-RU")
    )
    near = _reading("контракт на ремонт и модернизацию учебно-боевых самолетов", kind="contract", key="IN-RU")
    assert registry.FIT_SCORE <= registry.score(near, submarines.terms, "contract") < registry.JOIN_SCORE
    assert registry.resolve(near) is None


# - found on tests/data/registry2 and registry3 (branch regread), checked on invented texts -


def test_a_titled_mention_takes_its_record_before_a_bare_one_of_the_same_text(tmp_path):
    first = imported(
        tmp_path,
        signed=(
            "Россия и Эритрея подписали соглашение о рыболовстве\n\n"
            "АСМЭРА, 3 февраля 2016. /ТАСС/. Россия и Эритрея подписали соглашение о рыболовстве в "
            "Красном море."
        ),
    )["signed"]
    write(
        tmp_path,
        "later.txt",
        "Эритрея ратифицирует соглашение с Россией\n\n"
        "АСМЭРА, 5 марта 2016. /ТАСС/. «Я надеюсь, что соглашение будет ратифицировано», — сказал "
        "президент Эритреи журналистам.\n\n"
        "Ранее депутаты Эритреи заявляли, что им не показали приложения к договору о рыболовстве, "
        "заключенному с Россией.",
    )
    assert run(tmp_path)[2] == 0
    claims = AgreementClaim.objects.filter(article__source_file__endswith="later.txt")
    titled = claims.get(title__contains="рыболов")
    assert titled.agreement_id == first.agreement_id  # the named document, not the bare «соглашение»
    # the bare «соглашение», the text's only other treaty or agreement, is now read as that treaty
    # (`same_document.bare_retelling`): one claim, never a record of its own
    assert claims.count() == 1


def test_which_one_and_whose_words_are_no_subject_of_a_title():
    assert registry.is_bare(registry.title_terms("соглашение между нашей страной и Эритреей"))
    assert registry.title_terms("этот договор о рыболовстве") == registry.title_terms("договор о рыболовстве")


def test_stationing_and_building_words_name_one_subject():
    def similar(a, b):
        return registry.title_similarity(registry.title_terms(a), registry.title_terms(b))

    assert similar("соглашение о размещении военной базы", "соглашение о пребывании военной базы") == 1.0
    # building a facility is creating it, and says nothing more of which one
    assert registry.is_bare(registry.title_terms("соглашение о строительстве"))
    assert similar("соглашение о строительстве порта", "соглашение о создании порта") == 1.0


def test_a_document_reported_extended_is_never_the_document_that_extends_it():
    extending = _agreement_of(
        _reading("соглашение о продлении срока пребывания авиабазы", kind="agreement", key="KZ-RU")
    )
    extended = _reading("соглашение", status="extended", kind="agreement", key="KZ-RU")
    assert registry.resolve(extended) is None  # a bare «соглашение … продлили»: the base document
    signed = _reading("соглашение", status="signed", kind="agreement", key="KZ-RU")
    assert registry.resolve(signed) == extending  # any other stage may still be the pair's only one
    assert registry.amends("протокол о внесении изменений в договор о базе")
    assert not registry.amends("договор о размещении базы")


def test_one_field_and_one_span_of_years_read_one_way_in_titles():
    industry = registry.title_terms("программа развития в оборонной отрасли на 2031–2035 годы")
    field = registry.title_terms("программа развития в оборонной области на 2031-2035 годы")
    assert industry == field
    assert {"2031", "2035"} <= set(field)
