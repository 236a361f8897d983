"""The officials review list: near-identical names to merge or set apart, disputed countries to settle."""

import pytest
from admin_helpers import make_article, make_editor
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.archive import namesakes, official_countries
from articles.models import MergedAway, Official, OfficialClaim, OfficialJudgement
from articles.pipeline.name_keys import compatible, is_weak, likeness, surname_key

pytestmark = pytest.mark.django_db

URL = "/admin/articles/officialjudgement/review/"


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Раджнат Сингх", "Раджнатх Сингх", 0.9, 1.0),  # transliteration variants
        ("Сергей Шойгу", "Сергей Кужугетович Шойгу", 0.85, 0.95),  # a missing patronymic
        ("Мохаммед бин Салман", "Мухаммед бин Салман", 0.75, 0.95),
        ("И. Алиев", "Ильхам Алиев", 0.7, 0.9),  # an initial
        ("Сергей Шойгу", "Андрей Шойгу", 0.0, 0.0),  # another first name: another person
        ("Раджнатх Сингх", "Раджнатх Шарма", 0.0, 0.0),
    ],
)
def test_names_are_scored_by_how_likely_they_name_one_person(a, b, low, high):
    assert low <= likeness(a, b) <= high
    assert likeness(a, b) == likeness(b, a)


def test_spellings_of_one_surname_share_the_blocking_key():
    assert surname_key("Раджнатх Сингх") == surname_key("Раджнат Сингх") == "синг"
    assert surname_key("Сергей Шойгу") == surname_key("Сергей Кужугетович Шойгу")
    assert surname_key("Алиев") != surname_key("Алиева")  # his wife is someone else
    assert is_weak("И. Алиев") and is_weak("Алиев") and not is_weak("Ильхам Алиев")
    assert not compatible("Сергей Иванович Петров", "Сергей Павлович Петров")


def official(name, country=None, position=""):
    return Official.objects.create(full_name=name, country_id=country, position=position)


def test_near_identical_names_are_candidates_with_a_score_and_others_are_not():
    singh = official("Раджнатх Сингх", "IN", "министр обороны")
    variant = official("Раджнат Сингх", "IN")
    official("Манмохан Сингх", "IN")
    official("Сергей Шойгу", "RU")
    pairs = {(c.first.pk, c.second.pk): c.score for c in namesakes.candidates()}
    assert list(pairs) == [(singh.pk, variant.pk)]
    assert pairs[(singh.pk, variant.pk)] >= 0.9


def test_the_same_name_in_two_countries_ranks_below_the_same_country():
    a, b = official("Ли Мин", "CN"), official("Ли Минь", "CN")
    c = official("Ли Миин", "KR")
    ranked = namesakes.candidates()
    assert (ranked[0].first.pk, ranked[0].second.pk) == (a.pk, b.pk)
    assert all(cand.score < ranked[0].score for cand in ranked if c in (cand.first, cand.second))


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_the_admin_index_links_to_the_review_list(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert URL in page


def test_the_review_list_shows_the_pair_with_its_score(editor_client):
    official("Раджнатх Сингх", "IN", "министр обороны")
    official("Раджнат Сингх", "IN")
    response = editor_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Раджнатх Сингх" in page and "Раджнат Сингх" in page and "0,95" in page


def test_merging_from_the_review_list_keeps_one_person_and_redirects_the_other(editor_client):
    singh = official("Раджнатх Сингх", "IN", "министр обороны")
    variant = official("Раджнат Сингх", "IN")
    article = make_article(body="Раджнат Сингх прибыл.")
    OfficialClaim.objects.create(article=article, official=variant, country_id="IN")
    response = editor_client.post(URL, {"action": "merge", "first": singh.pk, "second": variant.pk})
    assert response.status_code == 302
    assert not Official.objects.filter(pk=variant.pk).exists()
    assert OfficialClaim.objects.get(article=article).official_id == singh.pk
    assert MergedAway.objects.get(old_id=variant.pk).survivor_id == singh.pk
    assert singh.aliases.filter(name="Раджнат Сингх").exists()
    assert namesakes.candidates() == []


def test_different_people_never_come_back_to_the_list(editor_client):
    a, b = official("Раджнатх Сингх", "IN"), official("Раджнат Сингх", "IN")
    response = editor_client.post(URL, {"action": "different", "first": b.pk, "second": a.pk})
    assert response.status_code == 302
    judgement = OfficialJudgement.objects.get()
    assert (judgement.official_id, judgement.other_id) == (a.pk, b.pk)
    assert namesakes.candidates() == []
    # marked twice: still one judgement, still off the list
    editor_client.post(URL, {"action": "different", "first": a.pk, "second": b.pk})
    assert OfficialJudgement.objects.count() == 1
    assert "Раджнат Сингх" not in editor_client.get(URL).content.decode()


def test_a_bad_decision_is_a_message_not_an_error(editor_client):
    a = official("Раджнатх Сингх", "IN")
    for data in (
        {"action": "merge", "first": a.pk, "second": a.pk},
        {"action": "different", "first": "x", "second": a.pk},
        {"action": "merge", "first": a.pk, "second": 999999},
        {"action": "country", "official": a.pk, "country": "ZZ"},
        {"action": "country", "official": "abc", "country": "IN"},
        {"action": "nonsense"},
    ):
        response = editor_client.post(URL, data)
        assert response.status_code == 302, data
    assert Official.objects.get(pk=a.pk).country_id == "IN"
    assert editor_client.get(URL + "?page=abc").status_code == 200


def disputed(name="Ли Шанфу"):
    person = official(name, "CN")
    for iso, title in (("CN", "Министр обороны Китая"), ("KP", "Гость из КНДР")):
        article = make_article(title=title, body=f"{name} выступил.")
        OfficialClaim.objects.create(
            article=article, official=person, country_id=iso, quote=f"{name} выступил"
        )
    official_countries.recompute([person.pk])
    person.refresh_from_db()
    return person


def test_a_disputed_country_is_listed_with_each_countrys_articles(editor_client):
    person = disputed()
    assert person.country_disputed and person.country_id == "CN"
    page = editor_client.get(URL).content.decode()
    assert "Министр обороны Китая" in page and "Гость из КНДР" in page
    assert "Ли Шанфу выступил" in page


def test_the_editor_picks_the_country_and_it_stays(editor_client):
    person = disputed()
    response = editor_client.post(URL, {"action": "country", "official": person.pk, "country": "KP"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.country_id, person.country_disputed) == ("KP", False)
    assert "country" in person.edited_fields
    official_countries.recompute([person.pk])
    person.refresh_from_db()
    assert person.country_id == "KP"
    assert "Гость из КНДР" not in editor_client.get(URL).content.decode()


def test_the_review_list_costs_the_same_queries_for_more_disputes(
    editor_client, django_assert_max_num_queries
):
    disputed("Ли Шанфу")
    editor_client.get(URL)  # warm the session and the permission cache
    with CaptureQueriesContext(connection) as one:
        editor_client.get(URL)
    for name in ("Ким Ён Чхоль", "Ван И", "Чжан Юся"):
        disputed(name)
    with django_assert_max_num_queries(len(one.captured_queries)):
        editor_client.get(URL)


def test_a_reader_without_the_desk_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert reverse("admin:articles_official_review") == URL


def test_candidates_come_from_the_surname_index_in_a_fixed_number_of_queries(django_assert_num_queries):
    Official.objects.bulk_create(
        Official(full_name=f"Иван Фамилия{n:04d}", normalised=f"иван фамилия{n:04d}", surname_key=f"k{n:04d}")
        for n in range(300)
    )
    official("Раджнатх Сингх", "IN")
    official("Раджнат Сингх", "IN")
    # the officials of shared surname keys (one GROUP BY over the index, one lookup) and the judgements
    with django_assert_num_queries(2):
        found = namesakes.candidates()
    assert [(c.first.full_name, c.second.full_name) for c in found] == [("Раджнатх Сингх", "Раджнат Сингх")]
