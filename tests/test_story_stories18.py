"""stories18 round (issue 15): a guest's plane landing («приземлился во Внуково») is his arrival, and a
meeting held («проводит встречу», «провели переговоры») is the talks: two moments of one visit, which the
same day's rewrites of either keep apart (pipeline/eventstage.py). Pure: the verbs of headline and lead."""

from articles.pipeline import eventstage


def test_a_landing_is_an_arrival_and_a_meeting_held_is_the_talks():
    landing = eventstage.stages(
        "Самолет с президентом Перу приземлился в аэропорту Сантьяго",
        "Президент Перу Хуан Перес прилетел в Сантьяго на переговоры с президентом Чили.",
    )
    talks = eventstage.stages(
        "Президент Чили проводит встречу с президентом Перу Хуаном Пересом",
        "Это подчеркнул президент Чили на встрече во дворце Ла-Монеда.",
    )
    assert "arrived" in landing and eventstage.HELD in talks
    assert eventstage.apart(landing, talks)


def test_a_landing_alone_in_the_headline_is_an_arrival():
    assert "arrived" in eventstage.stages("Самолет с президентом Перу приземлился в Сантьяго", "")


def test_a_report_of_both_moments_is_apart_from_neither():
    both = eventstage.stages("Президент Перу прибыл в Сантьяго и провел переговоры с президентом Чили", "")
    talks = eventstage.stages("Президенты Перу и Чили провели переговоры в Сантьяго", "")
    assert not eventstage.apart(both, talks)


def test_meetings_to_be_held_are_a_preview():
    preview = eventstage.stages("Президент Чили проведет переговоры с президентом Перу", "")
    assert eventstage.PLANNED in preview and eventstage.HELD not in preview
