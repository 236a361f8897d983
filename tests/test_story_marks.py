"""Two reports of one pair and one day that share a template's paragraphs but name different
designations or quoted names in their headlines (a delivery of one model and of another) are two
events (pipeline/eventmarks.py, story_events.Events.named_apart); and an article without a year
that matches reports of its day in two different years does not bridge them into one story
(stories._dated_with)."""

import pytest
from test_stories import article, import_files, write

from articles.archive import stories, story_events
from articles.pipeline import eventmarks, story_text


def test_designations_and_short_quoted_names_are_marks():
    found = eventmarks.marks(
        "Египет получил партию вертолетов Ка-52 и Ми-28НЭ", "Учения «Волна-2031» начались"
    )
    assert {"#ка-52", "#ми-28", "#волна-2031", "волна"} <= found


def test_an_ordinal_a_figure_or_a_quoted_sentence_is_no_mark():
    assert not eventmarks.marks(
        "В 2031-м году экспорт вырос на 7,5 %",
        "Министр заявил: «Мы готовы и дальше развивать наше сотрудничество в этой сфере»",
    )
    assert not eventmarks.marks("Заявление «без оговорок»")  # not capitalised: no name


def test_one_family_of_a_designation_and_one_name_with_or_without_its_year_agree():
    assert not eventmarks.apart(eventmarks.marks("Поставка Су-35С"), eventmarks.marks("Поставка Су-35"))
    assert not eventmarks.apart(eventmarks.marks("Форум «Армия-2031»"), eventmarks.marks("На форуме «Армия»"))
    assert eventmarks.apart(eventmarks.marks("Поставка Т-90С"), eventmarks.marks("Поставка Су-35"))
    assert not eventmarks.apart(eventmarks.marks("Поставка Т-90С"), eventmarks.marks("Поставка танков"))


def test_the_stored_event_text_of_a_row_without_marks_is_read_again():
    text = story_events.event_text("Поставка Т-90С", "Египет получил танки Т-90С.")
    assert story_events.EventText.decode(text.encode()) == text
    old = story_text.SEPARATOR.join(text.encode().split(story_text.SEPARATOR)[:3])
    assert story_events.EventText.decode(old) is None


TEMPLATE = (
    "Поставка выполнена в рамках контракта, заключенного в прошлом году между Рособоронэкспортом и "
    "министерством обороны Египта. Сотрудничество двух стран в военно-технической сфере развивается "
    "по многим направлениям, включая подготовку военных кадров, совместные учения и обслуживание "
    "ранее поставленной техники. Египет остается одним из крупнейших покупателей российских "
    "вооружений на Ближнем Востоке и в Африке, отметили в ведомстве."
)


def _delivery(model: str, what: str, extra: str) -> str:
    return (
        f"Египет получил первую партию {what} {model} из России\n\n"
        f"КАИР, 14 мая. Египет получил первую партию {what} {model}, произведенных в России. {extra} "
        + TEMPLATE
    )


TANKS = _delivery("Т-90С", "танков", "Машины прибыли морем в порт Александрия.")
HELICOPTERS = _delivery("Ка-52", "вертолетов", "Винтокрылые машины доставили транспортными самолетами.")


@pytest.mark.django_db
def test_two_deliveries_of_one_day_naming_different_models_stay_apart(tmp_path):
    import_files(
        write(tmp_path, "a.txt", TANKS, " date 2031-05-14 "), write(tmp_path, "b.txt", HELICOPTERS, "")
    )
    assert article("a.txt").story_id != article("b.txt").story_id


@pytest.mark.django_db
def test_without_the_marks_the_same_two_deliveries_would_join(tmp_path, monkeypatch):
    monkeypatch.setattr(eventmarks, "apart", lambda mine, theirs: False)
    import_files(
        write(tmp_path, "a.txt", TANKS, " date 2031-05-14 "), write(tmp_path, "b.txt", HELICOPTERS, "")
    )
    assert article("a.txt").story_id == article("b.txt").story_id


@pytest.mark.django_db
def test_a_rewrite_that_drops_the_designation_still_joins(tmp_path):
    rewrite = TANKS.replace("первую партию танков Т-90С из России", "первую партию бронетехники из России")
    import_files(write(tmp_path, "a.txt", TANKS, " date 2031-05-14 "), write(tmp_path, "b.txt", rewrite, ""))
    assert article("a.txt").story_id == article("b.txt").story_id


FORUM = (
    "Россия и Египет обсудили военно-техническое сотрудничество на форуме\n\n"
    "Делегации России и Египта на полях международного военно-технического форума обсудили "
    "расширение сотрудничества в области подготовки кадров и поставок техники. Стороны условились "
    "продолжить консультации на уровне экспертов и подготовить новые предложения к следующему "
    "заседанию межправительственной комиссии. "
)
LATER = "Особое внимание уделили обслуживанию ранее поставленной авиационной техники и запасным частям."
EARLIER = "Отдельно обсуждались вопросы обучения египетских военнослужащих в российских академиях."


@pytest.mark.django_db
def test_an_article_without_a_year_does_not_bridge_reports_of_two_years(tmp_path):
    import_files(
        write(tmp_path, "2031.txt", FORUM + LATER + " " + TEMPLATE, " date 2031-08-22 "),
        write(tmp_path, "2025.txt", FORUM + EARLIER, " date 2025-08-23 "),
    )
    assert article("2031.txt").story_id != article("2025.txt").story_id
    import_files(write(tmp_path, "copy.txt", "КАИР, 22 августа. " + FORUM + LATER + " " + EARLIER, ""))
    copy = article("copy.txt")
    assert copy.date_year is None and copy.date_month == 8
    assert article("2031.txt").story_id != article("2025.txt").story_id
    assert copy.story_id in (article("2031.txt").story_id, article("2025.txt").story_id)


@pytest.mark.django_db
def test_without_the_date_check_the_same_article_bridges_them(tmp_path, monkeypatch):
    monkeypatch.setattr(stories, "_dates_apart", lambda a, b: False)
    import_files(
        write(tmp_path, "2031.txt", FORUM + LATER + " " + TEMPLATE, " date 2031-08-22 "),
        write(tmp_path, "2025.txt", FORUM + EARLIER, " date 2025-08-23 "),
        write(tmp_path, "copy.txt", "КАИР, 22 августа. " + FORUM + LATER + " " + EARLIER, ""),
    )
    assert article("2031.txt").story_id == article("2025.txt").story_id == article("copy.txt").story_id


def test_an_address_or_a_cited_outlet_is_no_mark():
    assert not eventmarks.marks("https://example.org/20310218/visit-867624762.html")
    assert not eventmarks.marks("Министры встретились в Каире, сообщает РИА «Вести»")
    assert not eventmarks.marks("Министры встретились в Каире, сообщил телеканал «Волна»")
    assert eventmarks.marks("Экипажи корвета «Волна» провели стрельбы") == {"волна"}
