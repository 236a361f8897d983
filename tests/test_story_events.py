"""The event rule of stories: a rewrite of one event by another site, sharing almost no phrase with
the first report, joins it by what it reports (its content words against the pair's neighbourhood,
its headline's event in the other's text, dates within a day); another event of the same visit
with the same people stays apart."""

import pytest
from test_stories import article, import_files, write

from articles.archive import story_events
from articles.models import ArticleSignature
from articles.pipeline import eventwords, nearduplicates

REPORT = (
    "Шойгу обсудил с министром обороны Монголии поставки вертолетов Ми-171\n\n"
    "УЛАН-БАТОР, 4 июня. Секретарь Совета безопасности России Сергей Шойгу провел в Улан-Баторе "
    "переговоры с министром обороны Монголии Сайханбаяром Гонгорыном. Стороны обсудили поставки "
    "вертолетов Ми-171 для монгольской армии и обучение летчиков в Сызранском училище. Шойгу "
    "отметил, что первые четыре машины прибудут в Монголию до конца года."
)
REWRITE = (
    "Монгольская армия получит четыре российских вертолета\n\n"
    "Глава монгольского оборонного ведомства Сайханбаяр Гонгорын принял в столице республики "
    "секретаря российского Совбеза Сергея Шойгу. Речь шла о поставках Ми-171: машины для "
    "Монголии будут готовы к концу года, а экипажи пройдут подготовку в Сызрани, рассказали "
    "в министерстве после встречи."
)
WREATHS = (
    "Шойгу и Гонгорын возложили венки к памятнику на Зайсане\n\n"
    "УЛАН-БАТОР, 5 июня. Секретарь Совета безопасности России Сергей Шойгу и министр обороны "
    "Монголии Сайханбаяр Гонгорын возложили венки к мемориалу советским воинам на холме Зайсан. "
    "Почетный караул монгольской армии прошел торжественным маршем, оркестр исполнил гимны двух "
    "стран."
)


def dated(tmp_path, name: str, text: str, date: str | None):
    return write(tmp_path, name, text, f" date {date} " if date else "")


def test_content_words_are_the_nouns_names_and_numbers_whatever_their_form():
    words = eventwords.content_words
    assert words("Министры обсудили поставки 12 вертолетов Ми-171") == words(
        "министр поставка 12 вертолет Ми-171"
    )
    assert words("обсудили и в") == frozenset()  # verbs differ between rewrites; short words say nothing
    assert words("совместный патруль") == words("совместное патрулирование")  # one site's word, another's
    assert "5" not in words("5 июня") and "2025" in words("4 июня 2025 года")


def test_a_headline_s_event_leaves_out_its_people_and_places():
    headline = eventwords.headline_words("Шойгу и Гонгорын возложили венки к памятнику в Монголии")
    assert headline & eventwords.content_words("венок памятник")
    assert not headline & eventwords.content_words("Шойгу Монголия")


def test_a_headline_s_date_is_no_part_of_its_event():
    assert eventwords.headline_words("26 октября") == frozenset()
    words = eventwords.headline_words("Десантники Индии и Египта начнут учения 15 октября")
    assert {"учение", "десант"} <= words and not words & {"15", "октябр"}
    assert "25" in eventwords.headline_words("Египет получит 25 вертолётов")  # a count, not a day


def test_a_word_every_report_of_the_neighbourhood_uses_weighs_almost_nothing():
    pool = eventwords.Pool(
        [frozenset({"россия", "орден"}), frozenset({"россия", "учение"}), frozenset({"россия"})]
    )
    assert pool.weight("россия") < pool.weight("орден") / 3
    same = frozenset({"россия", "орден", "президент"})
    assert eventwords.overlap(same, frozenset({"россия", "орден"}), pool) > eventwords.overlap(
        same, frozenset({"россия", "учение"}), pool
    )


def test_the_stored_words_read_back_as_they_were():
    words = frozenset({"вертолет", "ми-171", "2025"})
    assert eventwords.decode(eventwords.encode(words)) == words


@pytest.mark.django_db
def test_a_rewrite_from_another_source_the_same_day_joins_by_what_it_reports(tmp_path):
    import_files(
        dated(tmp_path, "a.txt", REPORT, "2025-06-04"), dated(tmp_path, "b.txt", REWRITE, "2025-06-04")
    )
    a, b = article("a.txt"), article("b.txt")
    sig_a, sig_b = (bytes(ArticleSignature.objects.get(article=x).minhash) for x in (a, b))
    assert nearduplicates.similarity(sig_a, sig_b) < 0.04  # no text rule could join them
    assert a.story_id == b.story_id


@pytest.mark.django_db
def test_the_same_rewrite_dated_a_week_later_stays_apart(tmp_path):
    import_files(
        dated(tmp_path, "a.txt", REPORT, "2025-06-04"), dated(tmp_path, "b.txt", REWRITE, "2025-06-11")
    )
    assert article("a.txt").story_id != article("b.txt").story_id


@pytest.mark.django_db
def test_another_event_of_the_same_visit_with_the_same_people_stays_apart(tmp_path):
    import_files(
        dated(tmp_path, "a.txt", REPORT, "2025-06-04"),
        dated(tmp_path, "w.txt", WREATHS, "2025-06-05"),
        dated(tmp_path, "b.txt", REWRITE, "2025-06-04"),
    )
    assert article("w.txt").story_id not in {article("a.txt").story_id, article("b.txt").story_id}
    assert article("a.txt").story_id == article("b.txt").story_id


@pytest.mark.django_db
def test_an_undated_copy_needs_more_of_the_words_than_a_dated_one(tmp_path):
    assert story_events.UNDATED_OVERLAP > story_events.DATED_OVERLAP
    assert story_events.UNDATED_HEADLINE > story_events.DATED_HEADLINE
    import_files(dated(tmp_path, "a.txt", REPORT, "2025-06-04"), dated(tmp_path, "w.txt", WREATHS, None))
    assert article("a.txt").story_id != article("w.txt").story_id


def test_a_lead_s_event_is_its_first_sentence_without_the_people():
    lead = eventwords.lead_words(
        "Секретарь Совбеза Сергей Шойгу обсудил поставки вертолетов. Позже прошли учения десантников."
    )
    assert lead & eventwords.content_words("поставка вертолет")
    assert not lead & eventwords.content_words("учение десантник Шойгу")


@pytest.mark.django_db
def test_a_rewrite_under_a_furniture_headline_joins_by_its_lead(tmp_path):
    furniture = (
        "Лента новостей дня\n\n"
        "В Улан-Баторе министр обороны Монголии Сайханбаяр Гонгорын и секретарь Совбеза России Сергей "
        "Шойгу провели переговоры о поставках вертолетов Ми-171. Первые четыре машины монгольская армия "
        "получит до конца года, летчиков обучат в Сызранском училище."
    )
    import_files(
        dated(tmp_path, "a.txt", REPORT, "2025-06-04"), dated(tmp_path, "b.txt", furniture, "2025-06-04")
    )
    assert article("a.txt").story_id == article("b.txt").story_id


def test_the_stored_event_text_reads_back_as_it_was():
    text = story_events.event_text(*REWRITE.split("\n\n", 1))
    assert text.headline and text.lead  # the rewrite's headline and lead have words of its event
    assert story_events.EventText.decode(text.encode()) == text
    empty = story_events.EventText(frozenset(), frozenset(), frozenset(), frozenset())
    assert story_events.EventText.decode(empty.encode()) == empty  # kept, though it holds nothing
    assert story_events.EventText.decode("") is None  # indexed before the event text was kept


@pytest.mark.django_db
def test_an_article_s_event_text_is_kept_with_its_signature(tmp_path):
    import_files(dated(tmp_path, "a.txt", REPORT, "2025-06-04"))
    a = article("a.txt")
    stored = ArticleSignature.objects.get(article=a).event_text
    assert story_events.EventText.decode(stored) == story_events.event_text(a.title, a.body)


@pytest.mark.django_db
def test_a_neighbour_indexed_before_the_event_text_was_kept_is_read_from_its_article(tmp_path):
    import_files(dated(tmp_path, "a.txt", REPORT, "2025-06-04"))
    ArticleSignature.objects.update(event_text="")  # as a database migrated from before it
    import_files(dated(tmp_path, "b.txt", REWRITE, "2025-06-04"))
    assert article("a.txt").story_id == article("b.txt").story_id
