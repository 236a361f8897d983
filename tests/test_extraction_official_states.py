"""Officials' states told by the company in the sentence: visits, colleagues, counterparts.

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py; every
text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_visitor_does_not_take_the_state_he_visits(lexicon):
    text = (
        "В марте президент Эво Моралес посетил Сербию, где встретился с главой государства. "
        "Боливия рассчитывает на поставки техники."
    )
    found = officials(text, lexicon, RS=["Сербию"], BO=["Боливия"])
    assert found["Эво Моралес"].country == "BO"


def test_the_state_of_a_visit_right_before_the_visitor_is_not_his(lexicon):
    text = (
        "Во время посещения Камбоджи Ильханом Сабитовым подписан протокол о намерениях. "
        "Казахстан направит туда специалистов."
    )
    found = officials(text, lexicon, KH=["Камбоджи"], KZ=["Казахстан"])
    assert found["Ильхан Сабитов"].country == "KZ"


def test_a_visitor_with_no_other_state_named_gets_none(lexicon):
    text = "Президент Эво Моралес посетил Сербию с официальным визитом."
    found = officials(text, lexicon, RS=["Сербию"])
    assert found["Эво Моралес"].country is None


def test_a_second_post_joined_to_a_first_shares_its_state(lexicon):
    text = (
        "Министр финансов Франции Пьер Дюбуа и министр юстиции Жак Моро обсудили с властями Перу "
        "закупки для армии Перу."
    )
    found = officials(text, lexicon, FR=["Франции", "Франция"], PE=["Перу"])
    assert found["Жак Моро"].country == "FR"
    assert found["Жак Моро"].position == "министр юстиции"


def test_the_same_post_again_is_a_counterpart_of_another_state(lexicon):
    text = (
        "На встрече были президент Франции Пьер Дюбуа и президент Хорхе Рамирес. "
        "Перу и Франция подписали меморандум, Франция поставит радары."
    )
    found = officials(text, lexicon, FR=["Франции", "Франция"], PE=["Перу"])
    assert found["Хорхе Рамирес"].country == "PE"


def test_a_state_abbreviation_before_a_name_is_no_part_of_the_name(lexicon):
    text = "Документ подписал министр обороны РУз Абдулла Каримов."
    found = officials(text, lexicon, UZ=["РУз"])
    assert list(found) == ["Абдулла Каримов"]
    assert found["Абдулла Каримов"].country == "UZ"


def test_a_full_name_the_tagger_missed_once_still_takes_the_post_before_it(lexicon):
    from dataclasses import replace

    from extraction_helpers import countries

    from articles.pipeline.extraction.people import analyse, people_in

    text = (
        "Министр юстиции Армении Ашот Бадалян 5 мая встретился с коллегами. "
        "Ашот Бадалян подчеркнул важность диалога."
    )
    spans = sorted((s, e, c.iso) for c in countries(text, AM=["Армении"]) for s, e in c.spans)
    tagged = analyse(text)
    missed_first = replace(tagged, people=[p for p in tagged.people if p[0] != 0])  # the tagger's miss
    (person,) = people_in(text, missed_first, spans, lexicon)
    assert [m.post.text if m.post else None for m in person.mentions] == ["министр юстиции Армении", None]


def test_a_post_with_a_place_named_by_a_demonstrative_is_read(lexicon):
    text = "На приеме выступил посол Чили в этой азиатской стране Луис Перес."
    found = officials(text, lexicon, CL=["Чили"])
    assert found["Луис Перес"].position == "посол Чили в этой азиатской стране"
    assert found["Луис Перес"].country == "CL"


def test_a_post_before_a_dash_and_a_rank_is_the_post_and_the_rank_stays_apart(lexicon):
    text = "Министр представил штабу нового командующего – генерал-майора Степана Ковалёва."
    found = officials(text, lexicon)
    assert (found["Степан Ковалёв"].position, found["Степан Ковалёв"].rank) == (
        "командующий",
        "генерал-майор",
    )


def test_a_leader_named_after_another_states_leader_does_not_share_his_state(lexicon):
    text = (
        "Переговоры о радарах для армии Перу и флота Перу провели президент Франции Пьер Дюбуа "
        "и премьер-министр Хорхе Рамирес."
    )
    found = officials(text, lexicon, FR=["Франции"], PE=["Перу"])
    assert found["Хорхе Рамирес"].country == "PE"


def test_a_post_word_after_the_verbs_object_starts_the_names_own_post(lexicon):
    text = "Посол вручил министру культуры Перу письмо от министра иностранных дел Чили Луиса Переса."
    found = officials(text, lexicon, PE=["Перу"], CL=["Чили"])
    assert found["Луис Перес"].position == "министр иностранных дел Чили"
    assert found["Луис Перес"].country == "CL"


def test_a_bare_leaders_post_is_not_the_state_whose_leader_another_person_is(lexicon):
    text = (
        "Глава МИД Австрии Карл Хубер пригласил президента Чехии Яна Новака посетить Вену. "
        "«Президент Чехии приедет к нам. В Вене пройдут переговоры с президентом Францем Майером», — сказал Хубер."
    )
    found = officials(text, lexicon, AT=["Австрии"], CZ=["Чехии", "Чехии"])
    assert found["Ян Новак"].country == "CZ"
    assert found["Франц Майер"].country != "CZ"
    assert found["Франц Майер"].position == "президент"


def test_an_officer_of_a_story_that_names_only_a_large_russian_city_is_russian(lexicon):
    text = (
        "Министр обороны Игнат Сорокопудов представил офицерам нового командующего армией, "
        "дислоцированной в Самаре, генерал-майора Остапа Кривошеева."
    )
    found = officials(text, lexicon)
    assert found["Игнат Сорокопудов"].country == "RU"


def test_a_bare_ambassador_is_of_the_state_whose_embassy_the_story_names(lexicon):
    text = (
        "В посольстве Королевства Норвегия наградили курсантов из Литвы. "
        "Посол Ларс Ольсен вручил награды литовским курсантам."
    )
    found = officials(text, lexicon, NO=["Королевства Норвегия"], LT=["Литвы", "литовским"])
    assert found["Ларс Ольсен"].country == "NO"


def test_a_leader_misspelt_elsewhere_is_not_another_leader_of_his_state(lexicon):
    text = (
        "Президент Гурам Чиквиладзе лидирует на выборах, сообщили наблюдатели из России. "
        "Президент Грузии Гурам Чиквиладзэ объявил о победе."
    )
    found = officials(text, lexicon, GE=["Грузии"], RU=["России"])
    assert found["Гурам Чиквиладзе"].country == "GE"


def test_a_head_of_government_named_with_a_president_shares_his_state(lexicon):
    text = (
        "Министр иностранных дел Чили Хуан Перес пригласил президента Перу Хорхе Рамиреса в Сантьяго. "
        "«В Сантьяго пройдут переговоры с президентом Мануэлем Рохасом и премьер-министром Карлосом "
        "Вегой», — сказал Перес. Перу и Перу обсудят границу, Перу готово к диалогу."
    )
    found = officials(text, lexicon, CL=["Чили"], PE=["Перу"])
    assert found["Мануэль Рохас"].country == "CL"
    assert found["Карлос Вега"].country == found["Мануэль Рохас"].country


def test_a_person_met_after_s_is_not_of_the_state_before_it(lexicon):
    text = (
        "Представители делегации Чили встретились с председателем комитета провинции Гиви Беридзе. "
        "Грузия и Чили обсудили торговлю."
    )
    found = officials(text, lexicon, CL=["Чили"], GE=["Грузия"])
    assert found["Гиви Беридзе"].country == "GE"


def test_a_vietnamese_name_leans_to_vietnam_when_the_story_names_it(lexicon):
    text = (
        "Председатель народного комитета провинции Нгуен Ван Тхань заявил, что Россия, Россия и ещё раз "
        "Россия — главный партнёр. Россия поставит зерно, Вьетнам закупит технику."
    )
    found = officials(text, lexicon, RU=["Россия"], VN=["Вьетнам"])
    assert found["Нгуен Ван Тхань"].country == "VN"


def test_an_office_described_before_a_man_with_only_a_rank_is_his(lexicon):
    text = (
        "Глава Минобороны Чили прибыл с визитом в Перу. "
        "Генерал-лейтенант Карлос Мендоса проведёт переговоры с военными."
    )
    found = officials(text, lexicon, CL=["Чили"], PE=["Перу"])
    assert found["Карлос Мендоса"].position.startswith("глава Минобороны")
    assert found["Карлос Мендоса"].country == "CL"
    assert found["Карлос Мендоса"].rank == "генерал-лейтенант"


def test_a_colleague_does_not_take_a_rank_for_his_post(lexicon):
    text = "Генерал-лейтенант Карлос Мендоса встретится со своим перуанским коллегой Хорхе Рамиресом."
    found = officials(text, lexicon, PE=["перуанским"])
    assert found["Хорхе Рамирес"].position != "генерал-лейтенант"


def test_a_post_a_verb_gives_takes_the_state_of_the_story_s_region(lexicon):
    text = (
        "Губернатор Тверской области Игорь Руднев объявил о назначениях. "
        "Ещё одним заместителем губернатора стал Олег Смирнов."
    )
    found = officials(text, lexicon)
    assert found["Олег Смирнов"].position == "заместитель губернатора"
    assert found["Олег Смирнов"].country == "RU"


def test_a_post_before_a_dash_is_the_post_of_the_name_after_it_in_its_case(lexicon):
    text = "Чили отправит на форум заместителя министра обороны – Карлоса Мендосу."
    found = officials(text, lexicon, CL=["Чили"])
    assert found["Карлос Мендоса"].position == "заместитель министра обороны"
    assert found["Карлос Мендоса"].country == "CL"


def test_a_capitalised_post_word_run_into_the_lead_is_the_post_not_a_name(lexicon):
    text = (
        "Стороны договорились о продолжении сотрудничества Генконсул Китая Ло Шисюн пожелал приехать в Пермь."
    )
    found = officials(text, lexicon, CN=["Китая"])
    assert "Генконсул" not in found
    assert found["Ло Шисюн"].position == "генконсул Китая"
