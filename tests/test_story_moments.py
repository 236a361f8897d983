"""One moment told in both reports' verbs (pipeline/eventstage.same_moment) in the event rule of
stories: two sites' reports of an exercise's start, each with a headline of its own, join within a
day on less than the headline cover asks otherwise; the start and the end of it never do. And two
reports of the same day telling one moment may name fewer or more people than each other (a
trimmed copy), but not another document."""

import pytest
from test_stories import article, import_files, write

from articles.archive import story_events
from articles.pipeline import eventstage, eventwords

START = (
    "Начались российско-монгольские учения «Селенга-2026»\n\n"
    "УЛАН-БАТОР, 20 августа. На полигоне Бурдуны в Бурятии начались совместные учения вооруженных "
    "сил России и Монголии «Селенга-2026». В маневрах участвуют около тысячи военнослужащих, танки "
    "Т-72 и вертолеты Ми-8, сообщили в штабе Восточного военного округа."
)
START_REWRITE = (
    "Стартовали маневры армий и летчиков в Бурятии\n\n"
    "В Бурятии стартовали совместные российско-монгольские маневры «Селенга-2026»: экипажи танков "
    "Т-72 и вертолетов Ми-8 отрабатывают "
    "оборону. Всего в маневрах России и Монголии задействовано около тысячи "
    "военнослужащих, рассказали в пресс-службе округа."
)
END_REWRITE = (
    "Завершились маневры армий и летчиков в Бурятии\n\n"
    "В Бурятии завершились совместные российско-монгольские маневры «Селенга-2026»: экипажи танков "
    "Т-72 и вертолетов Ми-8 отработали "
    "оборону. Всего в маневрах России и Монголии было задействовано около тысячи "
    "военнослужащих, рассказали в пресс-службе округа."
)


def test_one_moment_in_common_leaves_out_a_preview():
    started = eventstage.stages("Начались учения")
    assert eventstage.same_moment(started, eventstage.stages("Стартовали маневры")) == {"started"}
    assert not eventstage.same_moment(started, eventstage.stages("Завершились учения"))
    planned = eventstage.stages("Министры подпишут план")
    assert not eventstage.same_moment(planned, planned)


@pytest.mark.django_db
def test_a_rewrite_of_the_start_with_a_headline_of_its_own_joins_within_a_day(tmp_path):
    import_files(
        write(tmp_path, "a.txt", START, " date 2026-08-20 "),
        write(tmp_path, "b.txt", START_REWRITE, " date 2026-08-20 "),
    )
    assert article("a.txt").story_id == article("b.txt").story_id


@pytest.mark.django_db
def test_the_same_rewrite_without_one_moment_in_its_verbs_needs_the_headline_cover(tmp_path, monkeypatch):
    monkeypatch.setattr(story_events, "MOMENT_COVER", 1.01)  # the route off: the old rule alone
    import_files(
        write(tmp_path, "a.txt", START, " date 2026-08-20 "),
        write(tmp_path, "b.txt", START_REWRITE, " date 2026-08-20 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id


@pytest.mark.django_db
def test_the_start_and_the_end_of_one_exercise_stay_apart(tmp_path):
    import_files(
        write(tmp_path, "a.txt", START, " date 2026-08-20 "),
        write(tmp_path, "b.txt", END_REWRITE, " date 2026-08-20 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id


def _events(headline: set, lead: set, words: set, stage: frozenset) -> story_events.Events:
    """An Events as `same_event` reads it, without the archive: the article's own words and
    those of one other report (id 2), weighed in a pool of the two and a third report."""
    events = story_events.Events.__new__(story_events.Events)
    events.words, events.headline, events.lead, events.stage = (
        frozenset(words),
        frozenset(headline),
        frozenset(lead),
        stage,
    )
    return events


def _other(events, headline: set, lead: set, words: set, stage: frozenset) -> None:
    events._bags, events._headlines = {2: frozenset(words)}, {2: frozenset(headline)}
    events._leads, events._stages = {2: frozenset(lead)}, {2: stage}
    events.pool = eventwords.Pool([events.words, frozenset(words), frozenset({"россия", "монгол"})])


def test_an_undated_copy_whose_headline_and_lead_both_retell_the_event_joins_on_less_overlap():
    mine = {"россия", "монгол", "вертол", "ремонт", "завод", "ми-8", "экипаж", "летчик", "срок", "улан-б"}
    mine |= {"армия", "машина"}
    theirs = {"россия", "монгол", "вертол", "ремонт", "завод", "ми-8", "холдин", "сумма", "контра", "цех"}
    events = _events({"вертол", "ремонт"}, {"вертол", "ремонт", "завод"}, mine, frozenset())
    _other(events, {"ремонт", "вертол"}, {"завод", "ремонт"}, theirs, frozenset())
    overlap = eventwords.overlap(events.words, events._bags[2], events.pool)
    assert story_events.BOTH_OVERLAP <= overlap < story_events.UNDATED_OVERLAP
    assert events.same_event({2: story_events.UNDATED}) == {2}
    _other(events, {"ремонт", "вертол"}, {"холдин", "сумма"}, theirs, frozenset())  # a lead of its own
    assert events.same_event({2: story_events.UNDATED}) == set()


RATIFIED = (
    "Госдума ратифицировала соглашение с Монголией о ремонте вертолетов\n\n"
    "МОСКВА, 11 июня. Государственная дума ратифицировала соглашение между Россией и Монголией о "
    "ремонте вертолетов Ми-8 монгольской армии на заводе в Улан-Баторе. Документ представил "
    "заместитель министра обороны России Александр Фомин. Председатель Госдумы Вячеслав Володин "
    "назвал соглашение важным для обеих стран, а председатель комитета по обороне Андрей Картаполов "
    "сообщил, что ремонт начнется в следующем году. Соглашение подписали в прошлом году министр "
    "обороны России Андрей Белоусов и министр обороны Монголии Сайханбаяр Гонгорын."
)
RATIFIED_TRIMMED = (
    "Депутаты одобрили соглашение с Монголией о ремонте вертолетов\n\n"
    "Депутаты Госдумы одобрили соглашение России и Монголии о ремонте вертолетов Ми-8 монгольской "
    "армии на заводе в Улан-Баторе, документ представил замминистра обороны Александр Фомин. "
    "Ремонт начнется в следующем году."
)


@pytest.mark.django_db
def test_a_trimmed_copy_of_the_same_day_naming_fewer_people_joins(tmp_path):
    import_files(
        write(tmp_path, "a.txt", RATIFIED, " date 2026-06-11 "),
        write(tmp_path, "b.txt", RATIFIED_TRIMMED, " date 2026-06-11 "),
    )
    assert article("a.txt").story_id == article("b.txt").story_id


@pytest.mark.django_db
def test_the_same_trimmed_copy_a_day_later_needs_the_same_people(tmp_path):
    import_files(
        write(tmp_path, "a.txt", RATIFIED, " date 2026-06-11 "),
        write(tmp_path, "b.txt", RATIFIED_TRIMMED, " date 2026-06-12 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id
