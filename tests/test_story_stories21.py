"""Stories, round of stories21: a short agency item and a site's rewrite of it, one of them without a day, join on
their headline and lead both retelling the other's, though the rewrite names the counterpart and a deputy the item
left out."""

import pytest
from test_stories import article, import_files, write

from articles.archive import story_events

ITEM = (
    "Перу увеличит число военных инструкторов в Боливии\n\n"
    "Число перуанских военных инструкторов в Боливии будет расти, заявил министр иностранных дел Перу "
    "Хавьер Гонсалес на пресс-конференции в Ла-Пасе по итогам переговоров."
)
REWRITE = (
    "Число военных инструкторов из Перу в Боливии будет расти, заявил министр\n\n"
    "Число перуанских военных инструкторов в Боливии будет расти, заявил министр иностранных дел Перу "
    "Хавьер Гонсалес на пресс-конференции по итогам переговоров. Он провел переговоры с министром иностранных дел "
    "Боливии Карлосом Мендосой, в них участвовал и заместитель министра обороны Перу Луис Рамос. Стороны "
    "обсудили подготовку боливийских военных и поставки учебной техники."
)


# Other reports of the pair, which weigh the words the two share with every report of it.
OTHERS = (
    "Боливия закупит у Перу патрульные катера\n\n"
    "Министерство обороны Боливии подписало с Перу контракт на поставку четырех патрульных катеров для "
    "речной флотилии, сообщил министр обороны Боливии на брифинге в Ла-Пасе.",
    "Перу и Боливия провели совместные учения на озере Титикака\n\n"
    "Военные моряки Перу и Боливии провели на озере Титикака совместные учения по поиску и спасению, "
    "в которых участвовали шесть кораблей и два вертолета, сообщили в штабе флота Перу.",
    "Президент Боливии прибыл в Лиму\n\n"
    "Президент Боливии прибыл в Лиму с официальным визитом, в ходе которого стороны обсудят торговлю, "
    "энергетику и военное сотрудничество, сообщила канцелярия президента Перу.",
)


def _import(tmp_path):
    """One batch, as an operator imports a folder: the pair's other reports first (their names sort first)."""
    for n, text in enumerate(OTHERS):
        write(tmp_path, f"0{n}.txt", text, f" date 2026-0{n + 2}-10 ")
    write(tmp_path, "a.txt", ITEM, " date 2026-06-05 ")
    write(tmp_path, "b.txt", REWRITE, "")
    import_files(tmp_path)


@pytest.mark.django_db
def test_an_item_and_its_fuller_rewrite_one_undated_join(tmp_path):
    _import(tmp_path)
    assert article("a.txt").story_id == article("b.txt").story_id


@pytest.mark.django_db
def test_without_the_retold_route_they_stay_apart(tmp_path, monkeypatch):
    monkeypatch.setattr(story_events, "RETOLD_COVER", 1.01)
    _import(tmp_path)
    assert article("a.txt").story_id != article("b.txt").story_id
