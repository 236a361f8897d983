"""Merging duplicate officials and agreements: everything moves to the survivor, once, in history."""

import threading
import time

import pytest
from admin_helpers import make_article, make_editor
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse

from articles.archive.merging import MergeError, merge_agreements, merge_officials
from articles.models import (
    Agreement,
    AgreementClaim,
    ClaimOrigin,
    ClaimState,
    Official,
    OfficialAlias,
    OfficialClaim,
)
from articles.pipeline.extraction.entities import Extraction, OfficialMention

pytestmark = pytest.mark.django_db


@pytest.fixture
def dun():
    """The right name, and the form a faulty normaliser made of the instrumental «Дун Цзюнем»."""
    right = Official.objects.create(full_name="Дун Цзюнь", position="министр обороны", country_id="CN")
    wrong = Official.objects.create(full_name="Дун Цзюнем")
    OfficialAlias.objects.create(official=wrong, name="Дуна Цзюнем")
    return right, wrong


def claim(article, official, **fields):
    return OfficialClaim.objects.create(article=article, official=official, **fields)


def test_dun_jun_and_dun_junem_become_one_official(dun):
    right, wrong = dun
    only_wrong = make_article("Встреча с Дун Цзюнем")
    both = make_article("Обе формы")
    claim(only_wrong, wrong, start=10, end=20, quote="Дун Цзюнем", spans=[[10, 20]])
    claim(both, right, start=0, end=9, quote="Дун Цзюнь", spans=[[0, 9]])
    claim(both, wrong, start=30, end=40, quote="Дун Цзюнем", spans=[[30, 40]])
    agreement = Agreement.objects.create(title="Меморандум")
    agreement.signatories.set([wrong])

    result = merge_officials(right.pk, [wrong.pk])

    assert not Official.objects.filter(pk=wrong.pk).exists()
    assert (result.claims_moved, result.claims_united, result.aliases_added) == (1, 1, 1)
    assert only_wrong.official_claims.get().official == right  # the article links to the survivor
    kept = both.official_claims.get()  # one claim per article, evidence of both
    assert kept.official == right and kept.spans == [[0, 9], [30, 40]]
    assert set(right.aliases.values_list("name", flat=True)) == {"Дун Цзюнем", "Дуна Цзюнем"}
    assert list(agreement.signatories.all()) == [right]
    # Recorded in history, the reason naming the merge.
    assert right.history.first().history_change_reason.startswith("merged into")
    assert "Дун Цзюнем" in right.history.first().history_change_reason
    deleted = Official.history.filter(id=wrong.pk, history_type="-").get()
    assert deleted.history_change_reason.startswith("merged")
    assert agreement.history.filter(history_change_reason__startswith="merged").exists()


def test_the_decided_claim_is_kept_when_both_were_on_one_article(dun):
    right, wrong = dun
    article = make_article()
    machine = claim(article, right)  # proposed, by the extractor
    decided = claim(article, wrong, state=ClaimState.CONFIRMED, position="министр обороны КНР")
    merge_officials(right.pk, [wrong.pk])
    kept = article.official_claims.get()
    assert kept.pk == decided.pk and kept.state == ClaimState.CONFIRMED and kept.decided_at
    assert not OfficialClaim.objects.filter(pk=machine.pk).exists()


def test_an_editor_claim_is_preferred_to_a_machine_proposal(dun):
    right, wrong = dun
    article = make_article()
    claim(article, right, position="министр")
    editor = claim(article, wrong, origin=ClaimOrigin.EDITOR)
    merge_officials(right.pk, [wrong.pk])
    kept = article.official_claims.get()
    assert kept.pk == editor.pk and kept.position == "министр"  # the dropped claim's post fills the gap


def test_merging_an_official_into_itself_is_refused_and_changes_nothing(dun):
    right, wrong = dun
    with pytest.raises(MergeError, match="саму с собой"):
        merge_officials(right.pk, [right.pk, wrong.pk])
    with pytest.raises(MergeError, match="хотя бы одну"):
        merge_officials(right.pk, [])
    assert Official.objects.count() == 2 and not right.aliases.exists()


def test_merging_a_record_that_is_gone_is_refused_and_changes_nothing(dun):
    right, wrong = dun
    article = make_article()
    claim(article, wrong)
    with pytest.raises(MergeError, match="№ 99999"):
        merge_officials(right.pk, [wrong.pk, 99999])
    assert article.official_claims.get().official == wrong
    assert Official.objects.filter(pk=wrong.pk).exists()


def test_merging_agreements_unites_claims_parties_and_signatories(dun):
    right, _ = dun
    first = Agreement.objects.create(title="Меморандум о сотрудничестве", kind="memorandum")
    first.parties.set(["BY", "CN"])
    second = Agreement.objects.create(
        title="меморандум о военном сотрудничестве", date_year=2025, date_month=8
    )
    second.parties.set(["CN", "RU"])
    second.signatories.set([right])
    article, other = make_article(), make_article()
    AgreementClaim.objects.create(article=article, agreement=first, match_key="a")
    AgreementClaim.objects.create(article=article, agreement=second, match_key="b", state=ClaimState.REJECTED)
    AgreementClaim.objects.create(article=other, agreement=second, match_key="c")

    result = merge_agreements(first.pk, [second.pk])

    assert (result.claims_moved, result.claims_united) == (2, 1)  # the kept claim on `article` moved too
    assert not Agreement.objects.filter(pk=second.pk).exists()
    first.refresh_from_db()
    assert sorted(first.parties.values_list("iso", flat=True)) == ["BY", "CN", "RU"]
    assert list(first.signatories.all()) == [right]
    assert (first.date_year, first.date_month) == (2025, 8)  # the survivor had no date
    assert article.agreement_claims.get().state == ClaimState.REJECTED  # the decided one is kept
    assert other.agreement_claims.get().agreement == first
    latest = first.history.first()
    assert latest.history_change_reason.startswith("merged")
    assert sorted(row.country_id for row in latest.parties.all()) == ["BY", "CN", "RU"]


# --- through the admin --------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def _post_action(client, ids, **extra):
    return client.post(
        reverse("admin:articles_official_changelist"),
        {"action": "merge_selected", "_selected_action": [str(i) for i in ids], **extra},
        follow=True,
    )


def test_merge_action_asks_which_record_survives_then_merges(editor_client, dun):
    right, wrong = dun
    claim(make_article(), right)
    page = _post_action(editor_client, [right.pk, wrong.pk])
    html = page.content.decode()
    assert "Какая запись останется?" in html
    assert f'value="{right.pk}" checked' in html  # the one with more articles is suggested
    assert "Дуна Цзюнем" in html  # its name forms are shown

    done = _post_action(editor_client, [right.pk, wrong.pk], post="yes", survivor=str(right.pk))
    messages = [str(m) for m in done.context["messages"]]
    assert messages and messages[0].startswith("Объединено в «Дун Цзюнь»: Дун Цзюнем.")
    assert list(Official.objects.values_list("full_name", flat=True)) == ["Дун Цзюнь"]


def test_merge_action_with_one_record_selected_explains_and_changes_nothing(editor_client, dun):
    right, _ = dun
    page = _post_action(editor_client, [right.pk], post="yes", survivor=str(right.pk))
    assert [str(m) for m in page.context["messages"]] == [
        "Для объединения выберите хотя бы две записи: запись нельзя объединить саму с собой."
    ]
    assert Official.objects.count() == 2


def test_merge_action_without_a_chosen_survivor_asks_again(editor_client, dun):
    right, wrong = dun
    page = _post_action(editor_client, [right.pk, wrong.pk], post="yes", survivor="")
    assert "Выберите, какая из записей останется." in page.content.decode()
    page = _post_action(editor_client, [right.pk, wrong.pk], post="yes", survivor="12345")
    assert "Выберите, какая из записей останется." in page.content.decode()
    assert Official.objects.count() == 2


def test_agreements_merge_through_the_admin(editor_client):
    a = Agreement.objects.create(title="Протокол А")
    b = Agreement.objects.create(title="Протокол Б")
    page = editor_client.post(
        reverse("admin:articles_agreement_changelist"),
        {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "post": "yes", "survivor": b.pk},
        follow=True,
    )
    assert [str(m) for m in page.context["messages"]][0].startswith("Объединено в «Протокол Б»")
    assert list(Agreement.objects.all()) == [b]


# --- later imports resolve the merged-away name to the survivor -----------------------------------


def test_an_import_of_a_text_saying_dun_junem_links_to_the_survivor(dun, tmp_path, monkeypatch):
    right, wrong = dun
    merge_officials(right.pk, [wrong.pk])
    text = "Переговоры в Пекине\n\nМинистр обороны России провёл переговоры с Дун Цзюнем в Пекине."
    start = text.split("\n\n", 1)[1].index("Дун Цзюнем")

    def extract(parsed, lexicon):
        at = parsed.body.find("Дун Цзюнем")
        spans = [(at, at + 10)] if at >= 0 else [(start, start + 10)]
        return Extraction(officials=[OfficialMention(name="Дун Цзюнем", country="CN", spans=spans)])

    monkeypatch.setattr("articles.pipeline.extraction.pipeline.extract", extract)
    path = tmp_path / "dun.txt"
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), verbosity=0)

    claims = OfficialClaim.objects.filter(article__source_file__contains="dun.txt")
    assert [c.official_id for c in claims] == [right.pk]
    assert Official.objects.count() == 1


# --- concurrency: an import writing claims for the same official while the merge runs -------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_merge_waits_for_an_import_updating_the_same_official_and_then_moves_its_claim():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (DATABASE_URL=postgres://...)")
    right = Official.objects.create(full_name="Дун Цзюнь")
    wrong = Official.objects.create(full_name="Дун Цзюнем")
    article = make_article()
    written, release = threading.Event(), threading.Event()

    def importing():
        # What an import does for a known person: fill in the post, add the article's claim.
        with transaction.atomic():
            Official.objects.filter(pk=wrong.pk).update(position="министр обороны")
            OfficialClaim.objects.create(article=article, official=wrong)
            written.set()
            release.wait(10)
        connection.close()

    worker = threading.Thread(target=importing)
    worker.start()
    assert written.wait(10)
    threading.Timer(0.5, release.set).start()
    started = time.monotonic()
    merge_officials(right.pk, [wrong.pk])  # SELECT … FOR UPDATE waits for the import to commit
    waited = time.monotonic() - started
    worker.join(10)
    assert waited >= 0.4
    assert article.official_claims.get().official == right  # the import's claim was moved, not lost
    right.refresh_from_db()
    assert right.position == "министр обороны"
    assert not Official.objects.filter(pk=wrong.pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_import_racing_a_merge_ends_on_the_survivor(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (DATABASE_URL=postgres://...)")
    right = Official.objects.create(full_name="Дун Цзюнь")
    wrong = Official.objects.create(full_name="Дун Цзюнем")
    locked, release = threading.Event(), threading.Event()

    def merging():
        # Hold the merge's locks while the import tries to link the merged-away official.
        with transaction.atomic():
            list(Official.objects.select_for_update().filter(pk__in=[right.pk, wrong.pk]))
            locked.set()
            release.wait(10)
            merge_officials(right.pk, [wrong.pk])
        connection.close()

    monkeypatch.setattr(
        "articles.pipeline.extraction.pipeline.extract",
        lambda parsed, lexicon: Extraction(officials=[OfficialMention(name="Дун Цзюнем", spans=[(0, 3)])]),
    )
    path = tmp_path / "race.txt"
    path.write_text(
        "Дун Цзюнем встретился с министром.\n\nДун Цзюнем встретился с министром.", encoding="utf-8"
    )
    worker = threading.Thread(target=merging)
    worker.start()
    assert locked.wait(10)
    threading.Timer(0.5, release.set).start()
    call_command("import_articles", str(path), verbosity=0)  # waits, fails on the deleted row, retries
    worker.join(10)
    assert [c.official_id for c in OfficialClaim.objects.all()] == [right.pk]
    assert list(Official.objects.values_list("pk", flat=True)) == [right.pk]
