"""The moment a report tells (pipeline/eventstage.py) in the event rule of stories: two stages of one
document or exercise never join by their shared nouns, and two reports of one moment told in other
verbs, one of them without a day, join on fewer shared words than the undated rule asks otherwise."""

import pytest
from test_stories import article, import_files, write

from articles.archive import story_events
from articles.pipeline import eventstage

SUBMITTED = (
    "Правительство внесло в Госдуму соглашение с Монголией о ремонте вертолетов\n\n"
    "Правительство России внесло в Государственную думу российско-монгольское соглашение о совместном "
    "ремонте вертолетов Ми-8 на авиаремонтном заводе в Улан-Баторе. Документ размещен в "
    "электронной базе палаты, ремонт будет вести холдинг «Вертолеты России»."
)
ADOPTED = (
    "Госдума ратифицировала соглашение с Монголией о ремонте вертолетов\n\n"
    "Депутаты Государственной думы России ратифицировали соглашение с Монголией о совместном ремонте "
    "вертолетов Ми-8 на авиаремонтном заводе в Улан-Баторе. Ремонт будет вести холдинг "
    "«Вертолеты России», документ размещен в электронной базе палаты."
)
ADOPTED_REWRITE = (
    "Депутаты утвердили договоренность с Улан-Батором\n\n"
    "Нижняя палата парламента России утвердила межправительственную договоренность с "
    "Монголией: вертолеты монгольской армии Ми-8 будут проходить капитальный ремонт в "
    "Улан-Баторе. Голосование прошло без обсуждения, за документ высказались все фракции, "
    "сообщила пресс-служба палаты. Итоги голосования опубликованы на сайте в среду утром."
)


def test_one_moment_told_in_other_verbs_is_one_stage():
    assert eventstage.stages("Парламент ратифицировал соглашение") == {"adopted"}
    assert eventstage.stages("Госдума ратифицировала соглашение") == {"adopted", "house:lower"}
    assert "adopted" in eventstage.stages("Депутаты утвердили договоренность")
    assert eventstage.stages("Документ одобрен палатой") == {"adopted"}  # a short participle


def test_a_verb_in_the_future_tense_is_a_preview():
    assert eventstage.stages("Президенты подпишут договор") == {eventstage.PLANNED}
    assert eventstage.apart(
        eventstage.stages("Президенты подпишут договор"), eventstage.stages("Договор подписан")
    )


def test_a_parliament_that_will_consider_a_bill_is_a_preview_apart_from_its_submission():
    # «Госдума рассмотрит законопроект» the day after «Путин внес в Госдуму законопроект» (stories6)
    will_consider = eventstage.stages(
        "Госдума в ближайшее время рассмотрит законопроект о ратификации договора"
    )
    assert will_consider == {eventstage.PLANNED}
    assert eventstage.apart(will_consider, eventstage.stages("Путин внес в Госдуму законопроект"))
    # considered: a parliament's stage or ministers' talks, apart from neither
    considered = eventstage.stages("Стороны рассмотрели вопросы военного сотрудничества")
    assert not eventstage.apart(considered, eventstage.stages("Министры обсудили сотрудничество"))
    assert not eventstage.apart(considered, eventstage.stages("Парламент ратифицировал договор"))


def test_background_participles_and_requests_tell_no_stage():
    assert eventstage.stages("Документ, подписанный 7 мая, размещен в базе") == frozenset()
    assert eventstage.stages("Президент просит депутатов одобрить соглашение") == frozenset()


def test_a_verb_of_a_relative_clause_tells_no_stage():
    # the guest's background («который прибыл…»), not the report's news
    host = "Президент принял главу МИД, который прибыл в Москву с рабочим визитом."
    minister = "Министры провели переговоры с коллегой, которая прибыла в Россию накануне."
    assert eventstage.stages(host) == frozenset()
    assert not eventstage.same_moment(eventstage.stages(host), eventstage.stages(minister))
    # the main clause still counts, before the relative clause and after its end
    assert eventstage.stages("Делегация, которую возглавил министр, прибыла в Москву") == {"arrived"}
    assert eventstage.stages("Министры, которые прибыли вчера, встретились") == {"met"}
    # a clause of means tells what the document does: the news itself
    assert eventstage.stages("Президент подписал указ, которым одобрил проект протокола") == {
        "signed",
        "adopted",
    }


def test_a_report_without_a_stage_is_never_apart_from_one():
    assert not eventstage.apart(frozenset(), frozenset({"adopted"}))


def test_a_verb_of_two_moments_is_apart_from_neither():
    approved = eventstage.stages("Министры утвердили программу сотрудничества")
    assert not eventstage.apart(approved, eventstage.stages("Министры подписали программу"))
    assert not eventstage.apart(approved, eventstage.stages("Парламент ратифицировал программу"))
    assert eventstage.apart(approved, eventstage.stages("Правительство внесло программу в парламент"))


def test_only_a_document_s_stage_in_common_counts_as_evidence_of_one_report():
    adopted, met = (
        eventstage.stages("Парламент ратифицировал договор"),
        eventstage.stages("Министры встретились"),
    )
    assert eventstage.same_document_stage(adopted, eventstage.stages("Депутаты одобрили договор"))
    assert not eventstage.same_document_stage(met, eventstage.stages("Министр встретился с послом"))
    planned = eventstage.stages("Министры подпишут план")
    assert not eventstage.same_document_stage(planned, planned)


@pytest.mark.django_db
def test_a_submission_and_the_ratification_of_one_document_stay_apart_when_one_has_no_day(tmp_path):
    import_files(
        write(tmp_path, "a.txt", SUBMITTED, " date 2025-06-04 "), write(tmp_path, "b.txt", ADOPTED, "")
    )
    assert article("a.txt").story_id != article("b.txt").story_id


@pytest.mark.django_db
def test_an_undated_rewrite_of_the_same_moment_in_other_verbs_joins(tmp_path):
    assert story_events.STAGE_OVERLAP < story_events.UNDATED_OVERLAP
    import_files(
        write(tmp_path, "a.txt", ADOPTED, " date 2025-06-11 "), write(tmp_path, "b.txt", ADOPTED_REWRITE, "")
    )
    assert article("a.txt").story_id == article("b.txt").story_id


def test_an_arrival_and_the_talks_of_one_visit_are_two_moments():
    arrived = eventstage.stages("Министр обороны прилетел в Улан-Батор")
    talks = eventstage.stages("Министры обсудили поставки вертолетов")
    assert eventstage.apart(arrived, talks)
    assert not eventstage.apart(talks, eventstage.stages("Министр встретился с коллегой"))


def test_a_report_told_after_the_end_is_apart_from_the_start_whatever_its_verb():
    going = eventstage.stages(
        "Начались полеты летчиков Индии и Вьетнама на совместные маневры в Бенгальском заливе"
    )
    back = eventstage.stages(
        "Летчики Индии возвращаются на родину по завершении совместных маневров с Вьетнамом"
    )
    assert going == {"started"} and back == {"ended"}
    assert eventstage.apart(going, back)
    assert eventstage.stages("По окончании переговоров министры вышли к журналистам") == {"ended"}
    assert eventstage.stages("Работы идут по плану, завершение намечено на осень") == frozenset()


# One agency's two items on one document share its background paragraphs (a shingle Jaccard above
# REPRINT_SIMILARITY, below COPY_SIMILARITY); the headline and lead tell a preview and the vote.
BACKGROUND = (
    "Соглашение о создании единой региональной системы противовоздушной обороны России и "
    "Казахстана было подписано в Москве в прошлом году министрами обороны двух стран. Документ "
    "предусматривает совместное дежурство расчетов, обмен данными о воздушной обстановке и "
    "подготовку офицеров в военных вузах обеих стран."
)
PREVIEW = (
    "Мажилис обсудит ратификацию соглашения о единой системе ПВО с Россией\n\n"
    "АСТАНА, 3 марта. Депутаты мажилиса Казахстана в среду рассмотрят ратификацию соглашения с "
    "Россией о единой региональной системе противовоздушной обороны, сообщили в аппарате палаты. "
    "Документ внесен правительством в феврале, профильный комитет рекомендовал его принять, "
    "доклад сделает заместитель министра обороны.\n\n" + BACKGROUND
)
VOTE = (
    "Мажилис ратифицировал соглашение о единой системе ПВО с Россией\n\n"
    "АСТАНА, 4 марта. Депутаты мажилиса Казахстана ратифицировали соглашение с Россией о единой "
    "региональной системе противовоздушной обороны, голосование прошло без прений. "
    "За документ высказались все фракции, теперь его рассмотрит сенат, после чего закон "
    "подпишет президент.\n\n" + BACKGROUND
)


@pytest.mark.django_db
def test_a_preview_and_the_vote_sharing_the_agency_s_background_are_no_reprint(tmp_path):
    import_files(
        write(tmp_path, "a.txt", PREVIEW, " date 2026-03-03 "),
        write(tmp_path, "b.txt", VOTE, " date 2026-03-04 "),
    )
    assert article("a.txt").story_id != article("b.txt").story_id


@pytest.mark.django_db
def test_two_copies_of_the_vote_trimmed_differently_still_join(tmp_path):
    trimmed = VOTE.rsplit("\n\n", 1)[0] + "\n\nПодробности — на сайте палаты."
    import_files(
        write(tmp_path, "a.txt", VOTE, " date 2026-03-04 "),
        write(tmp_path, "b.txt", trimmed, " date 2026-03-04 "),
    )
    assert article("a.txt").story_id == article("b.txt").story_id


def test_the_house_that_adopts_tells_the_moment_of_a_law():
    lower = eventstage.stages("Нижняя палата ратифицировала соглашение о поставках катеров")
    upper = eventstage.stages("Сенаторы одобрили соглашение о поставках катеров")
    assert lower == {"adopted", "house:lower"} and upper == {"adopted", "house:upper"}
    assert eventstage.apart(lower, upper)
    # both houses named (the next step told), or none: apart from neither
    both = eventstage.stages("Депутаты ратифицировали соглашение и направили его в верхнюю палату")
    assert both == {"adopted"}
    assert not eventstage.apart(both, upper) and not eventstage.apart(lower, both)
    assert not eventstage.apart(eventstage.stages("Парламент одобрил соглашение"), upper)
    # a house is no moment of its own, nor marked without a document adopted
    assert eventstage.same_moment(lower, lower) == {"adopted"}
    assert eventstage.stages("Сенаторы встретились с послом") == {"met"}


# One agency's items on one law, a day apart: the lower house's vote and the upper house's approval,
# sharing the law's background paragraph and the verb class ("adopted").
LAW_BACKGROUND = (
    "Соглашение о совместной подготовке военных летчиков было подписано министрами обороны двух "
    "стран в Ташкенте осенью. Документ предусматривает обучение курсантов в летных училищах, "
    "обмен инструкторами и совместные полеты на учебно-боевых самолетах в каждом полугодии."
)
LOWER_VOTE = (
    "Законодательная палата Узбекистана ратифицировала соглашение с Россией о подготовке летчиков\n\n"
    "ТАШКЕНТ, 10 апреля. Депутаты Законодательной палаты Олий Мажлиса ратифицировали соглашение "
    "с Россией о совместной подготовке военных летчиков, сообщила пресс-служба палаты.\n\n" + LAW_BACKGROUND
)
UPPER_VOTE = (
    "Сенат Узбекистана одобрил соглашение с Россией о подготовке летчиков\n\n"
    "ТАШКЕНТ, 11 апреля. Сенаторы одобрили закон о ратификации соглашения с Россией о совместной "
    "подготовке военных летчиков на пленарном заседании верхней палаты.\n\n" + LAW_BACKGROUND
)


def stories_of(tmp_path, *reports: tuple[str, str]) -> list[int]:
    """Import each (text, day) in turn; their story ids."""
    import_files(
        *(write(tmp_path, f"{i}.txt", text, f" date {day} ") for i, (text, day) in enumerate(reports))
    )
    return [article(f"{i}.txt").story_id for i in range(len(reports))]


@pytest.mark.django_db
def test_the_lower_house_s_vote_and_the_upper_house_s_approval_stay_apart(tmp_path):
    lower, upper = stories_of(tmp_path, (LOWER_VOTE, "2026-04-10"), (UPPER_VOTE, "2026-04-11"))
    assert lower != upper


@pytest.mark.django_db
def test_a_rewrite_of_the_lower_house_s_vote_still_joins(tmp_path):
    rewrite = "Депутаты Узбекистана ратифицировали соглашение с Россией о летчиках\n\n" + LOWER_VOTE.split(
        "\n\n", 1
    )[1].replace("сообщила пресс-служба палаты", "говорится в сообщении")
    vote, copy = stories_of(tmp_path, (LOWER_VOTE, "2026-04-10"), (rewrite, "2026-04-10"))
    assert vote == copy
