"""import_articles: every readable file becomes an article, every bad one is named, re-runs change nothing."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from import_helpers import TEXT, manage_py, run, write

from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    ClaimOrigin,
    ClaimState,
    CountryClaim,
    ImportBatch,
    Official,
    OfficialAlias,
    OfficialClaim,
    Outlet,
)
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction import pipeline
from articles.pipeline.extraction.entities import (
    AgreementMention,
    CountryMention,
    Extraction,
    OfficialMention,
    PairMention,
)

pytestmark = pytest.mark.django_db


def span(text: str, body: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


@pytest.fixture
def fixed_extraction(monkeypatch):
    """Replace the extractor: finds RU and CN (pair primary), Белоусов and a memorandum wherever present."""

    def extract(parsed, lexicon):
        body = parsed.body
        found = Extraction()
        for iso, word in (("RU", "Россия"), ("CN", "Китай")):
            if word in body:
                found.countries.append(CountryMention(iso, [span(word, body)]))
        if "Белоусов" in body:
            found.officials.append(
                OfficialMention(
                    "Андрей Белоусов",
                    aliases=["Андрея Белоусова"],
                    position="министр обороны",
                    country="RU",
                    spans=[span("Андрей Белоусов", body)],
                )
            )
        if len(found.countries) == 2:
            found.pairs.append(PairMention(("CN", "RU"), primary=True, score=1.0))
        if "меморандум" in body:
            found.agreements.append(
                AgreementMention(
                    kind="memorandum",
                    title="меморандум о сотрудничестве",
                    status="signed",
                    parties=["RU", "CN"],
                    signatories=["Андрей Белоусов"],
                    date=PartialDate(None, 12, 17),
                    spans=[span("меморандум", body)],
                    key="memorandum:1",
                )
            )
        return found

    monkeypatch.setattr(pipeline, "extract", extract)
    return extract


# --- seeds ---------------------------------------------------------------------------------------


def test_importing_seeds_twice_reports_five_new_then_five_unchanged(seeds_dir):
    out, err, code = run(seeds_dir)
    assert code == 0, err
    assert "5 new, 0 unchanged, 0 updated, 0 failed" in out
    out, err, code = run(seeds_dir)
    assert code == 0, err
    assert "0 new, 5 unchanged, 0 updated, 0 failed" in out
    assert Article.objects.count() == 5


def test_a_new_articles_claims_each_get_one_history_row_and_its_pairs_are_counted(seeds_dir, tmp_path):
    """New articles' claims are inserted in bulk: each still has its creation in the history, and
    the pair × month table (kept by signals elsewhere) equals a recount of the visible pairs."""
    import shutil
    from collections import Counter

    from articles.archive.pair_months import cell
    from articles.models import PairMonth

    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    # one article with a second pair beside its primary one, so that non-primary pairs are counted too
    (tmp_path / "two_pairs.txt").write_text(
        "Россия и Индия подписали контракт на поставку фрегатов\n\n"
        "Россия и Индия подписали контракт на поставку фрегатов. Российско-индийское сотрудничество "
        "расширяется. Индия также провела переговоры с Францией о поставках истребителей.\n",
        encoding="utf-8",
    )
    out, err, code = run(tmp_path)
    assert code == 0, err
    for model in (CountryClaim, OfficialClaim, AgreementClaim, ArticlePair):
        claims = list(model.objects.all())
        assert claims, model
        created = Counter(model.history.filter(history_type="+").values_list("id", flat=True))
        assert created == Counter(c.pk for c in claims), model
    assert max(Article.objects.get(pk=p.article_id).pairs.count() for p in ArticlePair.objects.all()) > 1
    recount = Counter(
        cell(*row)
        for row in ArticlePair.objects.visible().values_list(
            "country_a", "country_b", "article__date_year", "article__date_month"
        )
    )
    table = Counter(
        {(r.country_a_id, r.country_b_id, r.year, r.month): r.articles for r in PairMonth.objects.all()}
    )
    assert table == recount


def test_seed_articles_have_their_titles_dates_sources_and_clean_bodies(seeds_dir):
    run(seeds_dir)
    by_prefix = {a.source_file[:3]: a for a in Article.objects.select_related("source")}
    assert by_prefix["001"].source.name == "ЦАМТО"
    assert by_prefix["001"].partial_date.iso() == "--08-18"
    assert by_prefix["002"].title == "Белоусов обсудил с министром обороны КНР взаимодействие в военной сфере"
    assert by_prefix["002"].partial_date.iso() == "2026-01-27"
    assert by_prefix["002"].source.name == "Интерфакс"
    assert by_prefix["004"].body.count("В интервью Azeri.Today известный российский военный эксперт") == 1
    assert by_prefix["004"].raw_text.count("В интервью Azeri.Today известный российский военный эксперт") == 2
    assert by_prefix["004"].source.name == "Azeri.Today"  # not in the outlet table: created on import
    assert Outlet.objects.filter(name="Azeri.Today").count() == 1


def test_every_run_is_recorded_as_an_import_batch(seeds_dir):
    run(seeds_dir)
    run(seeds_dir)
    first, second = ImportBatch.objects.order_by("id")
    assert (first.status, first.new_count, first.unchanged_count) == ("finished", 5, 0)
    assert (second.new_count, second.unchanged_count, second.failed_count) == (0, 5, 0)
    assert first.finished_at is not None and first.paths == [str(seeds_dir)]
    assert Article.objects.filter(import_batch=first).count() == 5


# --- bad input next to good files ----------------------------------------------------------------


def test_a_batch_with_every_bad_input_names_each_and_imports_the_good_ones(tmp_path, settings):
    settings.COOPNEWS_MAX_FILE_BYTES = 2000
    write(tmp_path, "good_1.txt", TEXT)
    write(tmp_path, "sub/good_2.txt", TEXT.replace("учения", "манёвры"))
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", "  \n\n\t \n")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    write(tmp_path, "undecodable.txt", b"\x98\x98\x98\x98 \x98\x98")
    write(tmp_path, "huge.txt", "Очень длинный текст. " * 200)
    os.symlink(tmp_path / "gone", tmp_path / "unreadable.txt")
    write(
        tmp_path,
        "batch.jsonl",
        '{"text": "Третья статья о сотрудничестве. Подробности."}\n{broken json\n{"title": "no text"}\n',
    )
    out, err, code = run(tmp_path)
    assert code == 1
    assert "3 new, 0 unchanged, 0 updated, 8 failed" in out
    for expected in [
        "empty.txt: empty file",
        "blank.txt: whitespace only",
        "binary.txt: binary file",
        "undecodable.txt: undecodable",
        "huge.txt: larger than 2000 bytes",
        "unreadable.txt: cannot read",
        "batch.jsonl:2: not JSON",
        "batch.jsonl:3: no text",
    ]:
        assert expected in err
    assert set(Article.objects.values_list("source_file", flat=True)) == {
        "good_1.txt",
        "sub/good_2.txt",
        "batch.jsonl:1",
    }
    batch = ImportBatch.objects.get()
    assert batch.failed_count == 8
    assert {"file": "batch.jsonl", "line": 2, "reason": "not JSON"} in [
        {**error, "reason": error["reason"].split(" (")[0]} for error in batch.errors
    ]


def test_no_path_is_bad_usage():
    _, err, code = run()
    assert code == 2 and "no PATH" in err


def test_a_glob_matching_nothing_is_named_and_the_rest_imports(tmp_path):
    write(tmp_path, "good.txt", TEXT)
    out, err, code = run(tmp_path / "good.txt", tmp_path / "missing*.txt")
    assert code == 1 and "1 new" in out
    assert f"failed: {tmp_path / 'missing*.txt'}: no file matches this pattern" in err
    assert ImportBatch.objects.get().failed_count == 1


def test_globs_and_single_files_are_accepted(tmp_path):
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", TEXT + "\n\nЕщё абзац.")
    out, _, code = run(tmp_path / "a.txt", str(tmp_path / "b*.txt"))
    assert code == 0 and "2 new" in out


def test_workers_below_one_is_bad_usage(tmp_path):
    _, err, code = run(write(tmp_path, "a.txt", TEXT), workers=0)
    assert code == 2 and "--workers" in err


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_progress_bar_and_a_pipe_plain_lines(seeds_dir):
    terminal = Terminal()
    call_command("import_articles", str(seeds_dir), stdout=terminal, stderr=StringIO())
    shown = terminal.getvalue()
    assert "\r[" in shown and "5/5 files" in shown and "[1/5] new" not in shown
    Article.objects.all().delete()
    out, _, _ = run(seeds_dir)
    assert "\r" not in out and "[1/5] new: 000_" in out


# --- encodings -----------------------------------------------------------------------------------


def test_windows_1251_and_utf16_twins_import_with_the_same_title_and_body(tmp_path, seeds_dir):
    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    stored = []
    for encoding in ("utf-8", "cp1251", "utf-16"):
        Article.objects.all().delete()
        path = write(tmp_path, f"{encoding}/article.txt", text.encode(encoding))
        _, err, code = run(path)
        assert code == 0, err
        article = Article.objects.get()
        stored.append((article.title, article.body, article.title_derived))
    assert stored[0] == stored[1] == stored[2]


def test_the_same_content_under_another_name_is_the_same_article(tmp_path):
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", TEXT.encode("cp1251"))
    out, _, code = run(tmp_path, verbosity=2)
    assert code == 0
    assert "1 new, 1 unchanged" in out and "same content as a.txt" in out
    assert Article.objects.count() == 1


# --- idempotence and editor decisions ------------------------------------------------------------


def test_a_changed_file_updates_its_article(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    run(path)
    write(tmp_path, "a.txt", TEXT + "\n\nНовый абзац.")
    out, _, _ = run(path)
    assert "0 new, 0 unchanged, 1 updated" in out
    assert Article.objects.get().body.endswith("Новый абзац.")


def test_editor_changes_survive_reimport_of_the_same_and_of_a_changed_file(tmp_path, fixed_extraction):
    path = write(tmp_path, "a.txt", TEXT)
    run(path)
    article = Article.objects.get()
    assert set(article.country_claims.values_list("country_id", flat=True)) == {"CN", "RU"}
    article.title = "Исправленный заголовок"
    article.edited_fields = ["title"]
    article.save()
    CountryClaim.objects.filter(article=article, country_id="CN").update(state=ClaimState.REJECTED)
    ArticlePair.objects.filter(article=article).update(state=ClaimState.CONFIRMED)

    out, _, _ = run(path)
    assert "1 unchanged" in out
    write(tmp_path, "a.txt", TEXT.replace("учения в Жёлтом море", "учения в Японском море"))
    out, _, _ = run(path)
    assert "1 updated" in out

    article.refresh_from_db()
    assert article.title == "Исправленный заголовок"
    assert "Японском" in article.body
    cn = CountryClaim.objects.get(article=article, country_id="CN")
    assert cn.state == ClaimState.REJECTED  # kept, and not proposed again
    assert cn.quote == "Китай" and article.body[cn.start : cn.end] == "Китай"  # evidence follows the text
    assert CountryClaim.objects.filter(article=article).count() == 2
    assert ArticlePair.objects.get(article=article).state == ClaimState.CONFIRMED


def test_machine_claims_no_longer_found_go_but_editor_decisions_stay(tmp_path, fixed_extraction):
    path = write(tmp_path, "a.txt", TEXT)
    run(path)
    article = Article.objects.get()
    CountryClaim.objects.filter(article=article, country_id="RU").update(state=ClaimState.CONFIRMED)
    CountryClaim.objects.create(article=article, country_id="IN", origin=ClaimOrigin.EDITOR)

    write(tmp_path, "a.txt", "Заголовок без стран\n\nНичего о странах и людях. Только текст.")
    run(path)
    claims = dict(CountryClaim.objects.filter(article=article).values_list("country_id", "state"))
    assert claims == {"RU": "confirmed", "IN": "proposed"}  # CN (machine, proposed) went
    assert not OfficialClaim.objects.filter(article=article).exists()
    assert not AgreementClaim.objects.exists()
    assert not Agreement.objects.exists()  # its last machine claim went, so did the machine agreement
    assert Official.objects.filter(full_name="Андрей Белоусов").exists()  # people stay in the registry


def test_officials_resolve_across_articles_by_name_or_alias(tmp_path, fixed_extraction):
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", TEXT.replace("учения", "переговоры"))
    run(tmp_path)
    official = Official.objects.get()
    assert (official.full_name, official.position, official.country_id) == (
        "Андрей Белоусов",
        "министр обороны",
        "RU",
    )
    assert OfficialClaim.objects.filter(official=official).count() == 2
    assert list(OfficialAlias.objects.values_list("name", flat=True)) == ["Андрея Белоусова"]


def test_an_alias_belonging_to_another_official_is_not_taken(tmp_path, fixed_extraction):
    other = Official.objects.create(full_name="Андрей Другой")
    OfficialAlias.objects.create(official=other, name="Андрея Белоусова")
    run(write(tmp_path, "a.txt", TEXT))
    # "Андрея Белоусова" already names someone: the mention resolved through it, to that official.
    assert Official.objects.count() == 1
    assert OfficialClaim.objects.get().official == other


def test_agreements_are_matched_on_reimport_and_keep_their_parties_and_signatories(
    tmp_path, fixed_extraction
):
    path = write(tmp_path, "a.txt", TEXT)
    run(path)
    agreement = Agreement.objects.get()
    assert sorted(agreement.parties.values_list("iso", flat=True)) == ["CN", "RU"]
    assert list(agreement.signatories.values_list("full_name", flat=True)) == ["Андрей Белоусов"]
    assert agreement.partial_date.iso() == "--12-17"
    write(tmp_path, "a.txt", TEXT + "\n\nДругой абзац.")
    run(path)
    assert Agreement.objects.get().pk == agreement.pk
    assert AgreementClaim.objects.get().match_key == "memorandum:1"


def test_an_edited_agreement_keeps_the_editors_values(tmp_path, fixed_extraction):
    path = write(tmp_path, "a.txt", TEXT)
    run(path)
    Agreement.objects.update(title="Меморандум (уточнено)", edited_fields=["title"])
    write(tmp_path, "a.txt", TEXT + "\n\nДругой абзац.")
    run(path)
    assert Agreement.objects.get().title == "Меморандум (уточнено)"


def test_machine_sets_no_primary_pair_when_an_editor_chose_one(tmp_path, fixed_extraction):
    path = write(tmp_path, "a.txt", TEXT)
    run(path)
    article = Article.objects.get()
    ArticlePair.objects.filter(article=article).delete()
    ArticlePair.objects.create(
        article=article, country_a_id="IN", country_b_id="RU", primary=True, origin=ClaimOrigin.EDITOR
    )
    write(tmp_path, "a.txt", TEXT + "\n\nЕщё абзац.")
    run(path)
    pairs = {(p.country_a_id, p.country_b_id): p.primary for p in ArticlePair.objects.filter(article=article)}
    assert pairs == {("IN", "RU"): True, ("CN", "RU"): False}


# --- dry run, workers, interruption --------------------------------------------------------------


def test_dry_run_writes_nothing(tmp_path, seeds_dir, fixed_extraction):
    before = (Outlet.objects.count(), Official.objects.count())
    out, _, code = run(seeds_dir, dry_run=True)
    assert code == 0
    assert "would be new: 000_" in out and "dry run, nothing written: 5 new" in out
    assert not Article.objects.exists() and not ImportBatch.objects.exists()
    assert (Outlet.objects.count(), Official.objects.count()) == before


def test_dry_run_tells_unchanged_and_updated_apart(tmp_path):
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", TEXT + "\n\nАбзац.")
    run(tmp_path)
    write(tmp_path, "b.txt", TEXT + "\n\nДругой абзац.")
    out, _, _ = run(tmp_path, dry_run=True)
    assert "0 new, 1 unchanged, 1 updated" in out
    assert Article.objects.get(source_file="b.txt").body.endswith("\n\nАбзац.")


@pytest.mark.slow
def test_workers_parse_in_parallel_with_the_same_result(seeds_dir):
    out, err, code = run(seeds_dir, workers=2)
    assert code == 0, err
    assert "5 new" in out
    assert Article.objects.get(source_file__startswith="001").source.name == "ЦАМТО"


@pytest.mark.slow
def test_a_worker_that_dies_is_replaced_and_only_its_file_fails(tmp_path, monkeypatch):
    from articles.archive import batches

    for n in range(6):
        write(tmp_path, f"{n}.txt", TEXT + f"\n\nАбзац {n}.")
    write(tmp_path, "killer.txt", TEXT + "\n\nЭтот файл роняет процесс.")
    real = batches.process

    def process(source, *args):
        if source.name == "killer.txt":
            os._exit(1)  # as if the kernel killed the worker
        return real(source, *args)

    monkeypatch.setattr(batches, "process", process)  # forked workers inherit the patch
    out, err, code = run(tmp_path, workers=2)
    assert code == 1
    assert "6 new, 0 unchanged, 0 updated, 1 failed" in out
    assert "killer.txt: a worker process died reading it" in err


def test_an_interrupted_run_leaves_no_half_article_and_a_rerun_completes_it(tmp_path, monkeypatch):
    for n in range(4):
        write(tmp_path, f"{n}.txt", TEXT + f"\n\nАбзац {n}.")
    from articles.archive import importing

    real = importing.apply_extraction
    calls = []

    def interrupt_third(article, *args, **kwargs):
        calls.append(article.source_file)
        if len(calls) == 3:
            raise KeyboardInterrupt  # after the article row was saved, inside its transaction
        return real(article, *args, **kwargs)

    monkeypatch.setattr(importing, "apply_extraction", interrupt_third)
    out, err, code = run(tmp_path)
    assert code == 130 and "interrupted" in err
    assert Article.objects.count() == 2  # the third one rolled back
    assert ImportBatch.objects.get().status == "interrupted"
    monkeypatch.setattr(importing, "apply_extraction", real)
    out, _, code = run(tmp_path)
    assert code == 0 and "2 new, 2 unchanged" in out


def test_a_failed_write_is_reported_and_leaves_no_trace_for_the_next_article(tmp_path, monkeypatch):
    from articles.archive import importing

    real = importing.apply_extraction
    calls = []

    def fail_first(article, *args, **kwargs):
        calls.append(article.source_file)
        if len(calls) == 1:
            raise ValueError("bad evidence")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(importing, "apply_extraction", fail_first)
    write(
        tmp_path,
        "b.jsonl",
        '{"text": "Первая статья. Текст.", "source": "Новое издание"}\n'
        '{"text": "Вторая статья. Текст.", "source": "Новое издание"}\n',
    )
    out, err, code = run(tmp_path)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 1 failed" in out
    assert "b.jsonl:1: cannot write: ValueError: bad evidence" in err
    assert Article.objects.get().source.name == "Новое издание"
    assert Outlet.objects.filter(name="Новое издание").count() == 1


def test_sigterm_finishes_the_article_being_written_then_stops(tmp_path, monkeypatch):
    import signal

    from articles.archive import importing

    for n in range(4):
        write(tmp_path, f"{n}.txt", TEXT + f"\n\nАбзац {n}.")
    real = importing.apply_extraction
    calls = []

    def terminate_on_second(article, *args, **kwargs):
        calls.append(article.source_file)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGTERM)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(importing, "apply_extraction", terminate_on_second)
    before = signal.getsignal(signal.SIGTERM)
    out, err, code = run(tmp_path)
    assert code == 130 and "2 new" in out
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.new_count) == ("interrupted", 2) and Article.objects.count() == 2
    assert signal.getsignal(signal.SIGTERM) == before  # the command put the old handler back


def test_an_extractor_crash_costs_the_article_its_entities_not_its_import(tmp_path, monkeypatch):
    def broken(parsed, lexicon):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract", broken)
    out, err, code = run(write(tmp_path, "a.txt", TEXT))
    assert code == 0 and "1 new" in out
    assert "extraction failed: RuntimeError: boom" in err


def test_jsonl_articles_are_keyed_by_file_and_line(tmp_path):
    write(
        tmp_path,
        "scraped.jsonl",
        '{"text": "Первая статья. Текст.", "url": "https://example.org/1", "source": "ТАСС"}\n'
        '{"text": "Вторая статья. Текст.", "title": "Вторая", "date": "2025-02"}\n',
    )
    out, _, code = run(tmp_path)
    assert code == 0 and "2 new" in out
    first = Article.objects.get(source_file="scraped.jsonl:1")
    assert (first.url, first.source.name) == ("https://example.org/1", "ТАСС")
    second = Article.objects.get(source_file="scraped.jsonl:2")
    assert (second.title, second.partial_date.iso()) == ("Вторая", "2025-02")
    out, _, _ = run(tmp_path)
    assert "2 unchanged" in out


# --- PostgreSQL: concurrent imports --------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_imports_running_at_once_create_no_duplicates(tmp_path, seeds_dir):
    import subprocess

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    for seed in seeds_dir.glob("*.txt"):
        write(tmp_path, seed.name, seed.read_bytes())
    for n in range(40):
        write(tmp_path, f"gen_{n:03d}.txt", TEXT + f"\n\nАбзац номер {n}.")
    runs = [
        subprocess.Popen(
            **manage_py("import_articles", str(tmp_path)), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], results
    assert Article.objects.count() == 45
    assert Outlet.objects.filter(name="Azeri.Today").count() == 1
    new = sum(int(out.rsplit(" new,", 1)[0].split()[-1]) for out, _ in results)
    assert new == 45  # each file new in exactly one of the two runs


# --- reference data ------------------------------------------------------------------------------


def test_load_reference_data_adds_what_is_missing_and_keeps_editor_rows():
    from articles.models import OutletAlias

    OutletAlias.objects.filter(spelling="INTERFAX.RU").delete()
    OutletAlias.objects.create(outlet=Outlet.objects.get(name="ТАСС"), spelling="ТАСС-Сибирь")
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert "0 outlets, 1 outlet spellings" in out.getvalue()
    assert OutletAlias.objects.get(spelling="INTERFAX.RU").outlet.name == "Интерфакс"
    assert OutletAlias.objects.filter(spelling="ТАСС-Сибирь").exists()
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert (
        "0 countries, 0 country forms, 0 outlets, 0 outlet spellings, 0 organisations added" in out.getvalue()
    )


def test_load_reference_data_does_not_recreate_an_outlet_an_editor_renamed():
    Outlet.objects.filter(name="Интерфакс").update(name="Интерфакс (Россия)")
    call_command("load_reference_data", stdout=StringIO())
    assert not Outlet.objects.filter(name="Интерфакс").exists()
    assert Outlet.objects.get(aliases__spelling="INTERFAX.RU").name == "Интерфакс (Россия)"
