"""The scale tooling: the synthetic corpus, generate_corpus and benchmark (no timings asserted)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.archive.sources import collect
from articles.bench.corpus import generate, write_corpus
from articles.bench.corpus.russian import PersonName, decline_word
from articles.bench.floor import import_vs_extraction, measure_floor
from articles.models import Article
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.parsing import parse_file

PAGES = {
    "home",
    "articles_list",
    "articles_filter_pair",
    "articles_filter_country_date",
    "articles_search",
    "pairs_matrix",
    "pair_dossier",
    "official",
    "agreements_list",
    "export_csv",
}


# --- the corpus (pure) -------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_corpus():
    first = [(a.name, a.text) for a in generate(40, seed=7)]
    again = [(a.name, a.text) for a in generate(40, seed=7)]
    other = [(a.name, a.text) for a in generate(40, seed=8)]
    assert first == again
    assert first != other


def test_a_smaller_corpus_is_the_beginning_of_a_larger_one():
    assert [a.text for a in generate(15, seed=3)] == [a.text for a in generate(40, seed=3)][:15]


def test_no_two_generated_articles_have_the_same_text():
    texts = [a.text for a in generate(500, seed=1)]
    assert len(set(texts)) == len(texts)


def test_the_corpus_varies_like_the_news():
    articles = list(generate(600, seed=1))
    truths = [a.truth for a in articles]
    pairs = {t["pair"] for t in truths}
    kinds = {d["kind"] for t in truths for d in t["agreements"]}
    statuses = {d["status"] for t in truths for d in t["agreements"]}
    assert len(pairs) > 60 and None in pairs  # hot pairs, a long tail, and articles with no pair
    assert kinds >= {"memorandum", "agreement", "treaty", "contract", "protocol", "roadmap", "statement"}
    assert statuses == {"signed", "planned", "draft", "initialled", "ratified", "in_force"}
    assert len({t["date"][:4] for t in truths if t["date"] and t["date"][0] != "-"}) >= 10
    assert len({t["source"] for t in truths}) >= 10
    assert 0.5 < sum("RU" in t["countries"] for t in truths) / len(truths) < 0.95


def _comparable(text: str) -> str:
    return " ".join(text.replace(" — ", " - ").split())


def test_reprints_tell_an_earlier_originals_story_under_another_outlet():
    articles = list(generate(400, seed=1))
    by_name = {a.name.removesuffix(".txt"): (i, a) for i, a in enumerate(articles)}
    reprints = [(i, a) for i, a in enumerate(articles) if a.truth["reprint_of"]]
    assert 0.05 < len(reprints) / len(articles) < 0.2
    for i, reprint in reprints:
        j, original = by_name[reprint.truth["reprint_of"]]
        assert j < i and original.truth["reprint_of"] is None  # a family is one original's
        assert reprint.outlet != original.outlet
        same = ("pair", "countries", "officials", "agreements", "family")
        assert {k: reprint.truth[k] for k in same} == {k: original.truth[k] for k in same}
        # The same body, lightly edited: the original's closing paragraph is still there.
        last = original.text.strip().split("\n")[-1]
        assert _comparable(last)[-60:] in _comparable(reprint.text)


def test_a_corpus_started_past_an_original_reprints_it_all_the_same():
    later = list(generate(50, seed=1, start=50))
    # Some reprint originals from before article 50, which this run never generated.
    assert any(a.truth["reprint_of"] and int(a.truth["reprint_of"][-7:]) < 50 for a in later)
    assert [a.text for a in later] == [a.text for a in generate(100, seed=1)][50:]


def test_documents_recur_across_articles_with_one_identity():
    seen: dict[str, list[dict]] = {}
    for article in generate(600, seed=1):
        for document in article.truth["agreements"]:
            seen.setdefault(document["id"], []).append({**document, "pair": article.truth["pair"]})
    recurring = {k: v for k, v in seen.items() if k.startswith("doc-")}  # the rest are told once
    assert len([k for k, v in recurring.items() if len(v) > 1]) >= 10
    for identity, mentions in recurring.items():
        assert len({(d["kind"], d["title"], d["pair"]) for d in mentions}) == 1, identity
    statuses = {d["status"] for v in recurring.values() if len(v) > 1 for d in v}
    assert len(statuses) > 1  # the same document at different stages


def test_write_corpus_leaves_the_families_and_documents_beside_the_files(tmp_path):
    write_corpus(tmp_path, 300, seed=2, per_file=100)
    truth = json.loads((tmp_path / "corpus_truth.json").read_text(encoding="utf-8"))
    files = {path.name for path in tmp_path.rglob("*.txt")}
    assert truth["articles"] == len(files) == 300 and truth["seed"] == 2
    assert truth["families"] and truth["reprints"] == sum(len(m) - 1 for m in truth["families"].values())
    for family, members in truth["families"].items():
        assert f"{family}.txt" in members and set(members) <= files
    assert any(len(d["articles"]) > 1 for d in truth["documents"].values())
    assert all(set(d["articles"]) <= files for d in truth["documents"].values())
    assert len(collect([str(tmp_path)])[0]) == 300  # the importer reads the articles, not the sidecar


@pytest.mark.parametrize(
    ("parts", "declined", "female", "case", "expected"),
    [
        (("Дун", "Цзюнь"), (False, True), False, "ins", "Дун Цзюнем"),
        (("Ильхам", "Алиев"), (True, True), False, "gen", "Ильхама Алиева"),
        (("Андрей", "Белоусов"), (True, True), False, "ins", "Андреем Белоусовым"),
        (("Анна", "Голубева"), (True, True), True, "ins", "Анной Голубевой"),
        (("Раджеш", "Шарма"), (True, True), False, "dat", "Раджешу Шарме"),
        (("Франсуа", "Моро"), (True, True), False, "gen", "Франсуа Моро"),
        (("Аббас", "Аштиани"), (True, True), False, "ins", "Аббасом Аштиани"),
        (("Сергей", "Вишневский"), (True, True), False, "loc", "Сергее Вишневском"),
    ],
)
def test_names_are_declined_as_russian_news_writes_them(parts, declined, female, case, expected):
    assert PersonName(parts, declined, female=female).form(case) == expected


def test_a_womans_surname_in_a_consonant_does_not_decline():
    assert decline_word("Гюлер", "gen", female=True, surname=True) == "Гюлер"


def test_generated_files_parse_with_their_dateline_outlet_and_date():
    outlets = Lexicon.from_files().outlets
    parsed = [(a, parse_file(a.text.encode("utf-8"), a.name, outlets)) for a in generate(60, seed=2)]
    assert all(p.body and p.title for _, p in parsed)
    with_header = [(a, p) for a, p in parsed if a.text.startswith(" date ")]
    assert with_header and all(p.date.iso() == a.truth["date"] for a, p in with_header)
    assert {p.source for _, p in parsed} >= {"ТАСС", "Интерфакс", "РИА Новости", "ЦАМТО"}


def test_write_corpus_writes_txt_folders_and_jsonl_lines(tmp_path):
    assert write_corpus(tmp_path / "txt", 25, seed=1, fmt="txt", per_file=10) == 25
    assert len(list((tmp_path / "txt").rglob("*.txt"))) == 25
    assert len([p for p in (tmp_path / "txt").iterdir() if p.is_dir()]) == 3
    assert write_corpus(tmp_path / "jsonl", 25, seed=1, fmt="jsonl", per_file=10) == 25
    lines = [json.loads(line) for f in sorted((tmp_path / "jsonl").glob("*.jsonl")) for line in f.open()]
    assert len(lines) == 25 and all(line["text"] and line["source"] for line in lines)


# --- generate_corpus ---------------------------------------------------------------------------


def test_generate_corpus_with_output_writes_files_and_touches_no_database(tmp_path):
    out = StringIO()
    call_command("generate_corpus", "12", "--output", str(tmp_path / "c"), stdout=out)
    assert "12 articles written" in out.getvalue()
    assert len(list((tmp_path / "c").rglob("*.txt"))) == 12


def test_generate_corpus_refuses_a_directory_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="not an empty directory"):
        call_command("generate_corpus", "3", "--output", str(tmp_path))


@pytest.mark.django_db
def test_generated_articles_are_imported_and_marked_as_generated():
    call_command("generate_corpus", "6", "--seed", "5", stdout=StringIO())
    assert Article.objects.count() == 6
    assert Article.objects.filter(is_generated=True).count() == 6


@pytest.mark.django_db
def test_generate_corpus_refuses_a_database_with_real_articles_unless_forced():
    Article.objects.create(title="Настоящая статья", body="Текст.", raw_text="Текст.", source_file="real.txt")
    with pytest.raises(CommandError, match="real"):
        call_command("generate_corpus", "3", stdout=StringIO())
    assert Article.objects.count() == 1
    call_command("generate_corpus", "3", "--force", stdout=StringIO())
    assert Article.objects.filter(is_generated=True).count() == 3
    assert Article.objects.get(source_file="real.txt").is_generated is False


# --- benchmark ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_benchmark_refuses_a_database_that_is_not_empty():
    Article.objects.create(title="Статья", body="Текст.", raw_text="Текст.", source_file="a.txt")
    with pytest.raises(CommandError, match="empty"):
        call_command("benchmark", "--articles", "5", stdout=StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize("args", [["--articles", "1"], ["--articles", "5", "--floor-articles", "1"]])
def test_benchmark_refuses_a_floor_it_cannot_time(args):
    with pytest.raises(CommandError, match="at least 2"):
        call_command("benchmark", *args, stdout=StringIO())


def test_the_floor_parses_every_file_but_the_first_of_the_imported_directory(tmp_path):
    write_corpus(tmp_path, 12, seed=4, per_file=5)
    floor = measure_floor(tmp_path, extract=False)
    assert (floor.articles, floor.extract) == (11, False)
    assert measure_floor(tmp_path, limit=6, extract=False).articles == 5
    assert floor.per_second > 0


def test_import_vs_extraction_is_the_import_rate_over_what_the_workers_could_extract():
    assert import_vs_extraction(21.0, 2, 28.0) == pytest.approx(0.375)
    assert import_vs_extraction(28.0, 1, 28.0) == 1.0


@pytest.mark.slow
@pytest.mark.django_db
def test_benchmark_imports_200_articles_and_prints_one_json_object_with_every_page():
    out = StringIO()
    call_command(
        "benchmark", "--articles", "200", "--workers", "1", "--repeat", "1", "--export-repeat", "1",
        "--json", stdout=out, stderr=StringIO(),
    )  # fmt: skip
    report = json.loads(out.getvalue())
    assert report["articles"] == 200
    assert report["import_articles_per_s"] > 0 and report["import_peak_rss_mb"] > 0
    # The floor beside the import: the same files, parsed and extracted in one process.
    assert report["extract_articles"] == 199  # the first file loads the models, untimed
    assert report["extract_articles_per_s"] > 0 and report["import_vs_extraction"] > 0
    assert report["import_writers"] == 1
    expected = report["import_articles_per_s"] / (report["import_workers"] * report["extract_articles_per_s"])
    assert report["import_vs_extraction"] == pytest.approx(expected, abs=0.0005)
    assert set(report["pages"]) == PAGES
    for name, page in report["pages"].items():
        assert page["status"] == 200, (name, page)
        assert {"p50_ms", "p95_ms", "queries"} <= set(page)
        if name != "export_csv":  # the export streams keyset chunks: its queries grow with the rows
            assert page["queries"] <= 10, (name, page)
    assert report["pages"]["export_csv"]["bytes"] > 0
    # The same pages from the readers' page cache: no query, the same status.
    assert set(report["pages_cached"]) == PAGES - {"export_csv"}
    for name, page in report["pages_cached"].items():
        assert (page["status"], page["queries"]) == (200, 0), (name, page)


# --- counts that stay fast ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_cached_total_is_counted_once_until_it_expires(django_assert_num_queries):
    from articles.web.counts import cached

    Article.objects.create(title="Статья", body="Текст.", raw_text="Текст.", source_file="a.txt")
    with django_assert_num_queries(1):
        assert cached(("articles",), Article.objects.count) == 1
        assert cached(("articles",), Article.objects.count) == 1  # from the cache
    with django_assert_num_queries(1):  # another key is another count
        assert cached(("none",), Article.objects.filter(title="нет").count) == 0


def test_a_recurring_document_is_signed_once_and_its_stages_follow_that_day():
    from articles.bench.corpus.recurrence import RecurringDocument

    doc = RecurringDocument("doc-x", "о военном сотрудничестве", (2018, 5, 10))
    assert doc.stage_on((2017, 1, 1), "signed") == "planned"
    assert doc.stage_on((2018, 5, 9), "draft") == "draft"
    assert doc.stage_on((2018, 5, 10), "planned") == "signed"
    assert doc.stage_on((2019, 2, 1), "signed") in ("ratified", "in_force")
    assert doc.stage_on((2019, 2, 1), "in_force") == "in_force"
    signed_by: dict[str, set[str]] = {}
    for article in generate(600, seed=1):
        for document in article.truth["agreements"]:
            if document["id"].startswith("doc-") and document["status"] == "signed":
                signed_by.setdefault(document["id"], set()).add(article.truth["family"])
    # No two stories report one document signed (each would date the signing its own day).
    assert all(len(families) == 1 for families in signed_by.values()), signed_by
