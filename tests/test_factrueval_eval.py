"""The factRuEval measurement script scores what it should: tiny fabricated documents, known answers."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "evaluate_factrueval.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("evaluate_factrueval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_precision_recall_and_f1_follow_the_counts(ev):
    score = ev.Score(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_empty_sides_do_not_divide_by_zero(ev):
    assert ev.Score(0, 0, 0).f1 == 1.0
    assert ev.Score(0, 2, 0).precision == 0.0
    assert ev.Score(0, 0, 2).f1 == 0.0


def test_scores_add_up_over_documents(ev):
    assert ev.Score(1, 2, 3) + ev.Score(4, 5, 6) == ev.Score(5, 7, 9)


def test_names_match_on_words_whatever_their_order_case_and_yo(ev):
    gold = ["Ким Чен Ир", "Пётр Порошенко", "Жан Мари Ле Пен"]
    got = ["ким чен ир", "Петр Порошенко", "Жан-Мари Ле Пен", "Ангела Меркель"]
    assert ev.score_names(gold, got) == ev.Score(tp=3, fp=1, fn=0)


def test_a_surname_alone_counts_only_when_scoring_by_surname(ev):
    gold = ["Сергей Лавров", "Мария Захарова"]
    got = ["Лавров", "Захарова Мария"]
    assert ev.score_names(gold, got) == ev.Score(tp=1, fp=1, fn=1)
    assert ev.score_names(gold, got, by_surname=True) == ev.Score(tp=2, fp=0, fn=0)


def test_one_extracted_name_matches_at_most_one_gold_name(ev):
    assert ev.score_names(["Иван Петров", "Олег Петров"], ["Петров"], by_surname=True) == ev.Score(1, 0, 1)
    assert ev.score_names(["Иван Петров"], ["Иван Петров", "Иван Петров"]) == ev.Score(1, 0, 0)


def test_country_sets_are_compared_as_sets(ev):
    assert ev.score_sets({"RU", "CN"}, {"CN", "US"}) == ev.Score(tp=1, fp=1, fn=1)


def test_post_matches_when_a_word_shares_its_first_five_letters(ev):
    assert ev.same_post("министра обороны", "министр обороны КНР")
    assert not ev.same_post("посла", "глава МИД")


def test_gold_people_and_countries_are_read_from_the_devset_files(ev, tmp_path):
    (tmp_path / "book_1.objects").write_text(
        "10 Person 1 2 # Сергея Лаврова\n11 LocOrg 3 # России\n12 Location 4 # Подмосковье\n"
        "13 Person 5 # Ванга\n14 Org 6 # ООН\n",
        encoding="utf-8",
    )
    (tmp_path / "book_1.coref").write_text(
        "1 10\nfirstname Сергей\npatronymic Викторович\nlastname Лавров\n\n"
        "2 11\nname Россия\n\n3 12\nname Подмосковье\n\n4 13\nnickname Ванга\n\n5 14\nname ООН\n",
        encoding="utf-8",
    )
    types = ev.read_objects(tmp_path / "book_1.objects")
    coref = ev.read_coref(tmp_path / "book_1.coref")
    assert ev.gold_people(coref, types) == ["Сергей Лавров", "Ванга"]
    forms = {"россия": ("RU", "name"), "оон": ("XX", "name"), "подмосковье": ("RU", "capital")}
    assert ev.gold_countries(coref, types, forms) == {"RU"}


def test_occupation_facts_give_the_person_and_post(ev, tmp_path):
    (tmp_path / "book_2.coref").write_text(
        "7 20\nfirstname Сергей\nlastname Лавров\n\n8 21\nname Россия\n", encoding="utf-8"
    )
    (tmp_path / "book_2.facts").write_text(
        "2-0 Occupation\nWho obj7 Лавров Сергей\nPosition span9 министра иностранных дел\nWhere obj8 Россия\n",
        encoding="utf-8",
    )
    [(name, post, where)] = list(ev._occupations(tmp_path / "book_2.txt"))
    assert name == "Сергей Лавров"
    assert post == "министра иностранных дел"
    assert where == [{"name": ["Россия"]}]


def test_a_post_counts_with_its_organisation_only_when_ours_names_it_or_its_country(ev, tmp_path):
    from types import SimpleNamespace

    from articles.pipeline.extraction.lexicon import Lexicon
    from articles.pipeline.extraction.organisations import OrganisationMatcher

    (tmp_path / "book_3.coref").write_text(
        "7 20\nfirstname Сергей\nlastname Лавров\n\n8 21\nname Россия\n\n"
        "9 22\nfirstname Закир\nlastname Гасанов\n\n10 23\nname Азербайджан\n",
        encoding="utf-8",
    )
    (tmp_path / "book_3.facts").write_text(
        "3-0 Occupation\nWho obj7 Лавров Сергей\nPosition span9 министра иностранных дел\nWhere obj8 Россия\n\n"
        "3-1 Occupation\nWho obj9 Гасанов Закир\nPosition span10 генерал-полковник\nWhere obj10 Азербайджан\n",
        encoding="utf-8",
    )
    lexicon = Lexicon.from_files()
    orgs = OrganisationMatcher.for_lexicon(lexicon)
    found = [
        SimpleNamespace(name="Сергей Лавров", position="министр иностранных дел", rank="", country="CN"),
        SimpleNamespace(
            name="Закир Гасанов", position="министр обороны", rank="генерал-полковник", country="AZ"
        ),
    ]
    path = tmp_path / "book_3.txt"
    # a rank is a post too; the country decides the organisation when the post does not name it
    assert ev._score_posts(path, found, lexicon, orgs) == ev.Score(2, 0, 0)
    assert ev._score_posts(path, found, lexicon, orgs, with_where=True) == ev.Score(1, 0, 1)
