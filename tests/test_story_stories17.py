"""stories17 round (issue 15): reports of a pair dated a day apart join by the event rule only when more of
their words agree (story_events.NEXT_DAY_OVERLAP): the next day's news is often the sequel of the day's — a
leader's verdict on yesterday's talks, retelling them — while another source's rewrite of the talks keeps
their words."""

import pytest
from test_stories import article, import_files, write

from articles.archive import story_events
from articles.models import ArticleSignature
from articles.pipeline import eventwords

TALKS = (
    "Президент Перу Хуан Перес принял премьер-министра Чили Мигеля Сото в Лиме\n\n"
    "ЛИМА, 28 ноября. Президент Перу Хуан Перес принял во дворце Пиццаро премьер-министра Чили Мигеля Сото. "
    "Церемонию встречи открыл почетный караул, оркестр исполнил гимны, гости осмотрели галерею портретов. "
    "Стороны обсудили строительство порта в Арике, рыболовство и урегулирование спора о границе. "
    "Перес отметил взвешенную позицию Чили по морской границе и поблагодарил гостя за визит, а Сото "
    "пригласил хозяина посетить Сантьяго весной. Вечером делегации продолжили беседу за ужином в ресторане "
    "на набережной, где выступил ансамбль народной музыки."
)
VERDICT = (
    "Премьер-министр Чили Мигель Сото расценил итоги своей встречи с президентом Перу как успешные\n\n"
    "Премьер-министр Чили Мигель Сото расценил итоги своей встречи с президентом Перу Хуаном Пересом в Лиме "
    "как успешные. По его словам в социальной сети, энергоснабжение страны останется надежным, а переговоры "
    "о новом терминале продолжат министры энергетики и транспорта."
)


@pytest.mark.django_db
def test_a_leaders_verdict_the_next_day_is_no_rewrite_of_the_talks(tmp_path, monkeypatch):
    import_files(
        write(tmp_path, "talks.txt", TALKS, " date 2025-11-28 "),
        write(tmp_path, "verdict.txt", VERDICT, " date 2025-11-29 "),
    )
    talks, verdict = article("talks.txt"), article("verdict.txt")
    sig = ArticleSignature.objects.get(article=verdict)
    events = story_events.Events(
        verdict, eventwords.decode(sig.words), story_events.EventText.decode(sig.event_text), {talks.pk}
    )
    overlap = eventwords.overlap(events.words, events._bags[talks.pk], events.pool)
    assert story_events.DATED_OVERLAP <= overlap < story_events.NEXT_DAY_OVERLAP
    assert not events.same_event({talks.pk: story_events.DATED})
    assert talks.story_id != verdict.story_id
    # the same day's overlap would have joined them: the rule is what keeps them apart
    monkeypatch.setattr(story_events, "NEXT_DAY_OVERLAP", story_events.DATED_OVERLAP)
    assert events.same_event({talks.pk: story_events.DATED}) == {talks.pk}
