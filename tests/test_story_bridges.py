"""Stories an article qualifies for by any rule are bridged (archive/stories.py, rule 5): the
agency's report joins a site's copy of it as a reprint and bridges the other site's rewrite that
the event rule finds, when the copy and the rewrite could not find each other (the copy's page
kept no headline). And the people rule (story_candidates.same_people) reads a long document title
as one document whatever record the registry gave it."""

import pytest
from test_stories import article, import_files, write

from articles.archive.story_candidates import _document_key

REWRITE = (
    "Шойгу и Вулин обсудили в Москве поставки «Панциря» Сербии\n\n"
    "Министр обороны России Сергей Шойгу и министр обороны Сербии Небойша Вулин обсудили в Москве "
    "поставки зенитных ракетных комплексов «Панцирь» сербской армии, совместные учения «Славянское "
    "братство» и подготовку сербских курсантов в российских военных вузах. Вулин назвал Россию "
    "главным партнером Сербии в укреплении обороноспособности."
)
AGENCY = (
    "Шойгу провел переговоры с Вулиным о поставках «Панциря»\n\n"
    "Министр обороны России Сергей Шойгу провел в Москве переговоры с министром обороны Сербии "
    "Небойшей Вулиным. Стороны обсудили поставки сербской армии зенитных ракетных комплексов "
    "«Панцирь», учения «Славянское братство» и обучение сербских курсантов в российских вузах. "
    "«Россия вносит большой вклад в обороноспособность Сербии», — сказал Вулин. Шойгу отметил, что "
    "военное сотрудничество двух стран развивается по всем направлениям, а следующие учения пройдут "
    "осенью на сербском полигоне Пасуляновы луга."
)
COPY_WITHOUT_HEADLINE = (
    "Курс доллара и погода на выходные\n\n" + AGENCY.split("\n\n", 1)[1] + " Подписывайтесь на наш канал."
)


@pytest.mark.django_db
def test_a_copy_bridges_the_reprint_and_the_rewrite_it_joins(tmp_path):
    import_files(
        write(tmp_path, "a.txt", REWRITE, None),
        write(tmp_path, "b.txt", COPY_WITHOUT_HEADLINE, " date 2021-12-02 "),
        write(tmp_path, "c.txt", AGENCY, " date 2021-12-02 "),
    )
    a, b, c = article("a.txt"), article("b.txt"), article("c.txt")
    assert b.story_id == c.story_id
    assert a.story_id == c.story_id


@pytest.mark.django_db
def test_in_another_order_the_three_are_one_story_too(tmp_path):
    import_files(
        write(tmp_path, "a.txt", REWRITE, None),
        write(tmp_path, "c.txt", AGENCY, " date 2021-12-02 "),
        write(tmp_path, "b.txt", COPY_WITHOUT_HEADLINE, " date 2021-12-02 "),
    )
    assert article("a.txt").story_id == article("b.txt").story_id == article("c.txt").story_id


@pytest.mark.django_db
def test_the_rewrite_alone_does_not_join_the_copy_without_a_headline(tmp_path):
    import_files(
        write(tmp_path, "a.txt", REWRITE, None),
        write(tmp_path, "b.txt", COPY_WITHOUT_HEADLINE, " date 2021-12-02 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id


def test_one_programme_under_two_records_is_one_document_for_the_people_rule():
    one = _document_key(1, "программа стратегического партнёрства в военной области на 2026-2030 годы")
    other = _document_key(4, "Программа стратегического партнерства в военной области на 2026 – 2030 годы")
    assert one == other
    assert _document_key(5, "план сотрудничества министерств обороны на 2025 год") != one


def test_a_generic_title_stays_its_own_record():
    assert _document_key(3, "соглашение о сотрудничестве") == 3
    assert _document_key(3, "соглашение о сотрудничестве") != _document_key(7, "соглашение о сотрудничестве")
