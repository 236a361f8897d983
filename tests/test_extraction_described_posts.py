"""Posts given by description in a neighbouring sentence, posts after «от», joined and bracketed posts."""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_a_person_without_a_post_takes_the_office_described_in_the_next_sentence(lexicon):
    text = (
        "Джон Смит принимает в Белом доме своего французского коллегу Пьера Дюбуа. "
        "Как было объявлено, президент Франции прибыл в Вашингтон, чтобы обсудить с главой "
        "администрации США состояние мировой экономики."
    )
    found = officials(text, lexicon, FR=["французского", "Франции"], US=["США"])
    assert found["Джон Смит"].position == "глава администрации США"
    assert found["Джон Смит"].country == "US"
    # the French description is the colleague's, who holds a post of that country already
    assert found["Пьер Дюбуа"].country == "FR"


def test_a_description_in_the_sentence_before_gives_the_post_and_replaces_a_guessed_country(lexicon):
    text = (
        "Москва поддержала Минск. Европа огорчила вновь переизбранного президента Белоруссии, "
        "отказав ему в гостеприимстве. Лукашенко и ещё 30 его служащим запрещён въезд в страны ЕС. "
        "Россия выразила протест, Россия назвала это давлением."
    )
    found = officials(text, lexicon, BY=["Белоруссии"], RU=["Россия"])
    assert found["Лукашенко"].position == "президент Белоруссии"
    assert found["Лукашенко"].country == "BY"


def test_a_periphrasis_with_a_country_adjective_is_a_post(lexicon):
    text = (
        "Иван Петров пообещал построить ещё несколько технопарков. "
        "Глава российского государства заявил это на экономическом форуме."
    )
    found = officials(text, lexicon, RU=["российского"])
    assert found["Иван Петров"].position == "глава российского государства"
    assert found["Иван Петров"].country == "RU"


def test_a_description_two_sentences_away_or_in_a_sentence_naming_another_person_is_not_taken(lexicon):
    far = "Иван Петров выступил на форуме. Погода была хорошей. Президент Франции прибыл в Париж."
    assert officials(far, lexicon, FR=["Франции"])["Иван Петров"].position == ""
    other = "Иван Петров выступил на форуме. Президент Франции прибыл в Париж, где его встретил Пьер Дюбуа."
    assert officials(other, lexicon, FR=["Франции"])["Иван Петров"].position == ""


def test_a_description_in_direct_speech_or_of_a_state_far_from_the_names_origin_is_not_taken(lexicon):
    text = (
        "В своей речи Ильхам Алиев назвал день историческим. «Приветствую президента Турции в Шуше. "
        "Документ поднимает наши отношения на новый уровень», — сказал Алиев."
    )
    found = officials(text, lexicon, TR=["Турции"])
    assert found["Ильхам Алиев"].position == ""
    assert found["Ильхам Алиев"].country != "TR"
    unquoted = "В своей речи Ильхам Алиев назвал день историческим. Президента Турции встретили в Шуше."
    assert officials(unquoted, lexicon, TR=["Турции"])["Ильхам Алиев"].country != "TR"


def test_a_description_two_postless_people_could_take_goes_to_neither_unless_one_is_of_its_country(lexicon):
    text = "Джон Смит встретился с Пьером Дюбуа. Президент Франции прибыл в Париж."
    found = officials(text, lexicon, FR=["Франции"])
    assert found["Джон Смит"].position == ""
    assert found["Пьер Дюбуа"].position == ""


def test_a_post_with_from_keeps_what_follows_it(lexicon):
    text = "Член Палаты представителей Конгресса США от штата Аризона Габриэль Гиффордс получила ранение."
    found = officials(text, lexicon, US=["США"])
    assert found["Габриэль Гиффордс"].position == "член Палаты представителей Конгресса США от штата Аризона"
    assert found["Габриэль Гиффордс"].country == "US"


def test_roles_of_musicians_rapporteurs_and_workers_are_posts(lexicon):
    text = (
        "Михаил Борзыкин, солист ленинградского «Телевизора», выступит в Москве. "
        "«Это абсолютно неприемлемо», — заявил Матиас Йорш, докладчик ПАСЕ."
    )
    found = officials(text, lexicon)
    assert found["Михаил Борзыкин"].position == "солист ленинградского «Телевизора»"
    assert found["Матиас Йорш"].position == "докладчик ПАСЕ"


def test_two_posts_joined_by_and_after_a_name_are_one_post(lexicon):
    text = "В жюри вошли Гергей Ковач - депутат и лидер партии «Собака» (Венгрия) и другие."
    found = officials(text, lexicon, HU=["Венгрия"])
    assert found["Гергей Ковач"].position == "депутат и лидер партии «Собака»"


def test_policy_words_and_adjectives_that_spell_like_roles_are_not_posts(lexicon):
    text = (
        "Сергей Шойгу Сурен Папикян Москва политика оборона военные\n\n"
        "Состоялась рабочая встреча командующего войсками округа Михаила Носулева с главой района."
    )
    found = officials(text, lexicon)
    assert found["Михаил Носулев"].position == "командующий войсками округа"
    assert not any("оборона" in o.position for o in found.values())


def test_a_country_in_an_unclosed_bracket_after_the_post_is_the_persons_but_not_the_posts_text(lexicon):
    text = "Гости: Ннека Угбома - руководитель проекта Mushroom works (Великобритания), Георг Жено."
    found = officials(text, lexicon, GB=["Великобритания"])
    assert found["Ннека Угбома"].position == "руководитель проекта Mushroom works"
    assert found["Ннека Угбома"].country == "GB"


def test_two_names_run_together_are_split_where_a_name_named_alone_ends(lexicon):
    text = (
        "После смерти Кима Чен Ира режим устоял. Авторство идей приписывают "
        "отцу Кима Чен Ира Ким Ир Сену, считает историк."
    )
    found = officials(text, lexicon)
    assert "Ким Чен Ир" in found
    assert not any(len(name.split()) > 3 for name in found)
    assert any(name.startswith("Ким Ир Сен") for name in found)


def test_a_name_going_on_with_a_particle_is_not_split(lexicon):
    text = "Мухаммед бин Салман прибыл в Эр-Рияд. Наследный принц Мухаммед бин Салман Аль Сауд провёл переговоры."
    found = officials(text, lexicon)
    assert not any(name.startswith("Аль") for name in found)


def test_a_single_word_after_a_team_or_company_noun_is_not_a_person(lexicon):
    text = (
        "Команда Феррари не подавала апелляцию. Оба болида Феррари были выставлены с новыми "
        "моторами, сообщил пилот Фернандо Алонсо."
    )
    found = officials(text, lexicon)
    assert "Феррари" not in found
    assert "Фернандо Алонсо" in found


def test_a_signature_gives_the_post_written_after_the_name(lexicon):
    text = "Пусть победит сильнейший!\n\nКирсан Илюмжинов Президент ФИДЕ"
    found = officials(text, lexicon)
    assert found["Кирсан Илюмжинов"].position == "президент ФИДЕ"


def test_a_plural_post_named_with_a_country_elsewhere_does_not_give_that_country(lexicon):
    text = (
        "В Бангкоке идут перестрелки. Утром представитель вооружённых сил полковник Сансерн "
        "Каевкамнерд заявил, что в столице Таиланда спокойно. Представители России пока не "
        "планируют возвращаться домой."
    )
    found = officials(text, lexicon, TH=["Таиланда"], RU=["России"])
    assert found["Сансерн Каевкамнерд"].country == "TH"


def test_a_verb_gives_the_post_in_the_instrumental(lexicon):
    text = "Иван Петров является заместителем министра обороны России. Вчера он выступил."
    found = officials(text, lexicon, RU=["России"])
    assert found["Иван Петров"].position == "заместитель министра обороны России"
    assert found["Иван Петров"].country == "RU"


def test_a_pronoun_early_in_the_next_sentence_carries_the_predicate_post(lexicon):
    text = (
        "Леван Гачечиладзе выступил на митинге. В настоящий момент он является депутатом парламента Грузии."
    )
    found = officials(text, lexicon, GE=["Грузии"])
    assert found["Леван Гачечиладзе"].position == "депутат парламента Грузии"
    assert found["Леван Гачечиладзе"].country == "GE"


def test_a_predicate_post_is_the_subjects_not_the_speakers(lexicon):
    text = "Иван Петров сказал, что Сергей Смирнов стал министром."
    found = officials(text, lexicon)
    assert found["Иван Петров"].position == ""
    assert found["Сергей Смирнов"].position == "министр"


def test_prepositions_that_spell_like_posts_and_heads_of_two_states_are_no_descriptions(lexicon):
    text = (
        "Договор не связан с гибелью Эбрахима Раиси. Работа будет завершена, после чего главы "
        "России и Ирана утвердят дату подписания."
    )
    found = officials(text, lexicon, RU=["России"], IR=["Ирана"])
    assert found["Эбрахим Раиси"].position == ""
    assert found["Эбрахим Раиси"].country != "RU"


def test_a_country_adjective_description_keeps_its_complement(lexicon):
    text = (
        "Сергей Шойгу встретился со своим вьетнамским коллегой. Российский министр обороны назвал "
        "Ханой важнейшим партнером."
    )
    found = officials(text, lexicon, RU=["Российский"], VN=["вьетнамским"])
    assert found["Сергей Шойгу"].position == "министр обороны"
    assert found["Сергей Шойгу"].country == "RU"


def test_a_photo_credit_with_the_agency_before_the_name_is_not_a_person(lexicon):
    text = "Фото: ТАСС/Вадим Савицкий\nМинистр обороны РФ Андрей Белоусов провёл совещание."
    found = officials(text, lexicon, RU=["РФ"])
    assert "Вадим Савицкий" not in found
    assert "Андрей Белоусов" in found
