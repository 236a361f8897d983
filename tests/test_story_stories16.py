"""stories16 round (issue 15): a headline of one content word («Путин и Алиев начали переговоры в Душанбе»:
«переговоры», its people and places left out) covers any report of the pair's meetings, so its cover is no
evidence of one event, while a low cover still vetoes the rewrite rule; «начали переговоры» tells the
talks' start, apart from the announcement before them («встреча состоится в Лиме, куда прибыл …»)."""

import pytest
from test_stories import article, import_files, write

from articles.archive import story_events
from articles.models import ArticleSignature
from articles.pipeline import eventstage, eventwords

STARTED = (
    "Иванов и Петров начали переговоры в Москве\n\n"
    "ЛИМА, 9 октября. Президент Перу Хуан Перес и президент Чили Мигель Сото начали двусторонние "
    "переговоры в Лиме. Президенты зашли в переговорную комнату вместе и пожали друг другу руки."
)
EMBRACED = (
    "Президенты Перу и Чили обнялись на неформальной встрече лидеров Андского сообщества в Лиме\n\n"
    "ЛИМА, 9 октября. Президент Перу Хуан Перес и президент Чили Мигель Сото обнялись на неформальной "
    "встрече лидеров стран Андского сообщества, передает корреспондент. Днем президенты провели переговоры."
)


def test_talks_that_began_tell_the_start_apart_from_an_arrival():
    started = eventstage.stages("Путин и Алиев начали переговоры в Душанбе")
    assert started == {"started"}
    announced = eventstage.stages("Встреча состоится в Душанбе, куда с визитом прибыл российский лидер")
    assert eventstage.apart(started, announced)


@pytest.mark.django_db
def test_a_headline_of_one_content_word_is_no_evidence_of_one_event(tmp_path):
    header = " date 2025-10-09 "
    import_files(write(tmp_path, "a.txt", STARTED, header), write(tmp_path, "b.txt", EMBRACED, header))
    a, b = article("a.txt"), article("b.txt")
    sig = ArticleSignature.objects.get(article=b)
    events = story_events.Events(
        b, eventwords.decode(sig.words), story_events.EventText.decode(sig.event_text), {a.pk}
    )
    assert len(events._headlines[a.pk]) < story_events.HEADLINE_WORDS  # «переговоры» alone
    assert events._cover(a.pk) is None
    assert events._cover(a.pk, evidence=False) is not None  # still read when it tells two events
