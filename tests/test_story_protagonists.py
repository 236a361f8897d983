"""Protagonists in the people test of stories (pipeline/protagonists.py,
archive/story_candidates._same_cast): two reports of the same day that the event rule joins may name
different people past the headline and lead — a paragraph added on another meeting, a byline — as
long as everyone either one names there, the other names too. Another event of the same day, with
another counterpart in its lead, stays apart; so does the same rewrite a day later."""

import pytest
from test_stories import article, import_files, write

from articles.pipeline import protagonists

TALKS = (
    "Министры обороны России и Киргизии провели переговоры в Бишкеке\n\n"
    "БИШКЕК, 27 ноября. Министр обороны России Андрей Белоусов провел переговоры с министром обороны "
    "Киргизии Русланом Мукамбетовым о стабильности в Центральной Азии. Стороны обсудили подготовку "
    "военных кадров, совместные учения и поставки вооружения, сообщили в Минобороны России."
)
TALKS_REWRITE = (
    "Белоусов и Мукамбетов провели переговоры о стабильности Центральной Азии\n\n"
    "Глава Минобороны России Андрей Белоусов и министр обороны Киргизии Руслан Мукамбетов провели "
    "переговоры о стабильности в Центральной Азии, подготовке кадров и учениях. "
    "Накануне президент России Владимир Путин провел переговоры с президентом Киргизии Садыром "
    "Жапаровым, а министр иностранных дел России Сергей Лавров встретился с коллегой Жээнбеком "
    "Кулубаевым."
)
OTHER_TALKS = (
    "Путин и Жапаров провели переговоры о стабильности в Центральной Азии\n\n"
    "Президент России Владимир Путин провел переговоры с президентом Киргизии Садыром Жапаровым о "
    "стабильности в Центральной Азии, подготовке военных кадров и учениях. На переговорах были "
    "министр обороны России Андрей Белоусов, министр обороны Киргизии Руслан Мукамбетов и министр "
    "иностранных дел России Сергей Лавров."
)


def test_the_protagonists_are_those_of_the_headline_and_lead_in_any_case():
    keys = {1: "белоусов", 2: "мукамбетов", 3: "путин", 4: "жапаров", 5: "собирзода"}
    body = TALKS_REWRITE.split("\n\n", 1)[1]
    assert protagonists.named("", body, keys) == {1, 2}  # Путин and Жапаров only in the next sentence
    assert protagonists.named("Встреча с Эмомали Собирзодой", "", keys) == {5}  # declined
    assert protagonists.named("", "Белоусовская инициатива", {1: "белоусов"}) == set()  # too long an ending


@pytest.mark.django_db
def test_a_rewrite_of_the_same_day_with_an_added_paragraph_joins(tmp_path):
    import_files(
        write(tmp_path, "a.txt", TALKS, " date 2025-11-27 "),
        write(tmp_path, "b.txt", TALKS_REWRITE, " date 2025-11-27 "),
    )
    assert article("a.txt").story_id == article("b.txt").story_id


@pytest.mark.django_db
def test_the_same_rewrite_a_day_later_needs_the_same_people(tmp_path):
    import_files(
        write(tmp_path, "a.txt", TALKS, " date 2025-11-27 "),
        write(tmp_path, "b.txt", TALKS_REWRITE, " date 2025-11-28 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id


@pytest.mark.django_db
def test_another_meeting_of_the_same_day_with_other_protagonists_stays_apart(tmp_path):
    import_files(
        write(tmp_path, "a.txt", TALKS, " date 2025-11-27 "),
        write(tmp_path, "b.txt", OTHER_TALKS, " date 2025-11-27 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id
