"""People on any Russian news text: names in the nominative, ranks apart from posts, each person's
own country (or none), roles of people who hold no office.

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


# --- ranks apart from posts ---------------------------------------------------------------------


def test_a_rank_after_the_post_goes_to_its_own_field(lexicon):
    text = "Министр обороны Азербайджана генерал-полковник Закир Гасанов встретился с делегацией."
    found = officials(text, lexicon, AZ=["Азербайджана"])["Закир Гасанов"]
    assert (found.position, found.rank, found.country) == (
        "министр обороны Азербайджана",
        "генерал-полковник",
        "AZ",
    )


def test_a_rank_of_several_words_is_kept_whole_and_in_the_nominative(lexicon):
    text = "Встреча с начальником Генштаба генералом армии Валерием Герасимовым прошла в Москве."
    found = officials(text, lexicon)["Валерий Герасимов"]
    assert (found.position, found.rank) == ("начальник Генштаба", "генерал армии")


def test_a_rank_before_the_name_and_a_post_after_it_are_both_kept(lexicon):
    text = "Адмирал Навид Ашраф, командующий ВМС Пакистана, посетил верфь."
    found = officials(text, lexicon, PK=["Пакистана"])["Навид Ашраф"]
    assert (found.position, found.rank, found.country) == ("командующий ВМС Пакистана", "адмирал", "PK")


def test_a_rank_alone_is_the_rank_and_stands_for_the_post(lexicon):
    text = "Капитан первого ранга Иван Сидоров командует крейсером."
    found = officials(text, lexicon)["Иван Сидоров"]
    assert (found.position, found.rank) == ("капитан первого ранга", "капитан первого ранга")


def test_a_post_without_a_rank_has_an_empty_rank(lexicon):
    found = officials("Министр обороны Индии Раджнатх Сингх прибыл.", lexicon, IN=["Индии"])["Раджнатх Сингх"]
    assert (found.position, found.rank) == ("министр обороны Индии", "")


# --- each person's own country, or none ---------------------------------------------------------


def test_a_quoted_sportsman_and_physician_get_no_country_from_the_story(lexicon):
    text = (
        "Боксер Мухаммед Али, а также врач Джон Смит прокомментировали визит делегации Индии в Россию. "
        "Индия и Россия подписали соглашение."
    )
    found = officials(text, lexicon, IN=["Индии", "Индия"], RU=["Россию", "Россия"])
    assert (found["Мухаммед Али"].position, found["Мухаммед Али"].country) == ("боксер", None)
    assert (found["Джон Смит"].position, found["Джон Смит"].country) == ("врач", None)


def test_an_ambassador_is_of_the_state_he_represents_not_the_host(lexicon):
    text = "Посол Ирана в Москве Казем Джалали заявил о сотрудничестве России и Ирана."
    found = officials(text, lexicon, IR=["Ирана"], RU=["России"])["Казем Джалали"]
    assert (found.position, found.country) == ("посол Ирана в Москве", "IR")


def test_a_foreign_person_with_a_nationality_word_gets_that_country(lexicon):
    text = "Россия и Индия обсудили поставки. Американский эксперт Джон Смит назвал сделку крупной."
    found = officials(text, lexicon, RU=["Россия"], IN=["Индия"], US=["Американский"])["Джон Смит"]
    assert (found.position, found.country) == ("эксперт", "US")


def test_an_office_holder_without_a_country_in_the_text_still_leans_to_the_story(lexicon):
    text = "Премьер-министр Санаэ Такаити провела переговоры. Япония расширит оборонные расходы."
    assert officials(text, lexicon, JP=["Япония"])["Санаэ Такаити"].country == "JP"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Губернатор Курской области Иван Петров провёл совещание.", "Иван Петров", "RU"),
        ("Аким Алматинской области Нурлан Абенов принял фермеров.", "Нурлан Абенов", "KZ"),
        ("Глава Татарстана Ильдар Гарипов открыл завод.", "Ильдар Гарипов", "RU"),
        (
            "Губернатор Иван Петров провёл совещание. Обстановка в Курской области спокойная.",
            "Иван Петров",
            "RU",
        ),
    ],
)
def test_a_regional_official_is_of_the_state_of_the_region_he_governs(lexicon, text, name, country):
    assert officials(text, lexicon)[name].country == country


def test_an_expert_gets_no_country_when_the_form_of_his_name_points_to_no_state_of_the_story(lexicon):
    text = (
        "Военный эксперт Олег Сидоренко считает, что Пакистан получит самолёты. "
        "Полковник в отставке Пётр Гончаров согласен с ним. Пакистан ждёт поставок из Китая."
    )
    found = officials(text, lexicon, PK=["Пакистан"], CN=["Китая"])
    assert (found["Олег Сидоренко"].country, found["Пётр Гончаров"].country) == (None, None)


def test_an_expert_whose_name_points_to_a_state_the_story_names_is_of_that_state(lexicon):
    # The independent holdout sets' convention: a Russian expert quoted in a story naming Russia is RU.
    text = "Военный эксперт Василий Кашкин считает, что Россия и Пакистан расширят сотрудничество."
    found = officials(text, lexicon, RU=["Россия"], PK=["Пакистан"])
    assert found["Василий Кашкин"].country == "RU"


def test_a_country_adjective_on_the_noun_describing_a_person_is_his_country(lexicon):
    text = "Министр дал интервью американской журналистке Джейн Доу. Россия готова к переговорам."
    found = officials(text, lexicon, US=["американской"], RU=["Россия"])["Джейн Доу"]
    assert found.country == "US"


def test_the_one_national_team_of_the_sentence_is_the_sportsmans_side(lexicon):
    text = "В сборной Кении не выступят олимпийские чемпионы Джон Кипчоге и Питер Руто."
    found = officials(text, lexicon, KE=["Кении"])
    assert (found["Джон Кипчоге"].country, found["Питер Руто"].country) == ("KE", "KE")


def test_a_country_of_another_named_person_earlier_in_the_clause_is_not_his(lexicon):
    text = "Тренер российского боксера Ивана Петрова Абель Гарсия прокомментировал поражение."
    found = officials(text, lexicon, RU=["российского"])
    assert found["Абель Гарсия"].country is None


# --- roles and posts outside the central government --------------------------------------------


def test_an_adjective_of_a_post_takes_the_nouns_gender_in_the_nominative(lexicon):
    text = "Интервью с главным редактором журнала Игорем Коротченко вышло вчера."
    assert officials(text, lexicon)["Игорь Коротченко"].position == "главный редактор журнала"


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("Статью прокомментировал военный эксперт Игорь Коротченко.", "Игорь Коротченко", "военный эксперт"),
        ("Тренер сборной Станислав Черчесов остался доволен.", "Станислав Черчесов", "тренер сборной"),
        ("Об этом сообщила корреспондент Анна Смирнова.", "Анна Смирнова", "корреспондент"),
        ("Замгубернатора Иван Петров открыл выставку.", "Иван Петров", "замгубернатора"),
        (
            "Замминистра обороны Алексей Криворучко принял участие.",
            "Алексей Криворучко",
            "замминистра обороны",
        ),
        ("Сенатор Андрей Клишас внес законопроект.", "Андрей Клишас", "сенатор"),
        (
            "Губернатор Тульской области Дмитрий Миляев открыл завод.",
            "Дмитрий Миляев",
            "губернатор Тульской области",
        ),
        (
            "Аарон Гринспен, управляющий компанией FaceCash, выступил против.",
            "Аарон Гринспен",
            "управляющий компанией FaceCash",
        ),
        (
            "Как сказал Скотт Хоровитц (Scott Horowitz), бывший астронавт, полет готов.",
            "Скотт Хоровитц",
            "бывший астронавт",
        ),
    ],
)
def test_roles_and_regional_posts_are_read_as_posts(lexicon, text, name, post):
    assert officials(text, lexicon)[name].position == post


# --- names in the nominative, one paradigm at a time ---------------------------------------------


def names_in(text, lexicon, **forms) -> list[str]:
    return list(officials(text, lexicon, **forms))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # adjectival surnames the dictionary does not know: -ский, -ская (and -ской it knows)
        ("Визит Игоря Мирского завершился.", "Игорь Мирский"),
        ("Письмо направлено Игорю Мирскому вчера.", "Игорь Мирский"),
        ("Визит Елены Ямпольской завершился.", "Елена Ямпольская"),
        ("Встреча с Сергеем Донским прошла.", "Сергей Донской"),
        # -ых/-их do not decline
        ("Визит Анны Долгих завершился.", "Анна Долгих"),
        ("Встреча с Иваном Белых прошла.", "Иван Белых"),
        # -ов/-ин, masculine and feminine
        ("Визит Олега Сорокина завершился.", "Олег Сорокин"),
        ("Письмо направлено Марии Сорокиной вчера.", "Мария Сорокина"),
        # indeclinable surnames
        ("Визит Тараса Шевченко завершился.", "Тарас Шевченко"),
        ("Визит Мевлюта Чавушоглу завершился.", "Мевлют Чавушоглу"),
        ("Визит Таро Судзуки завершился.", "Таро Судзуки"),
        # surnames in -а/-я, Slavic and foreign, men's
        ("Визит Олега Гайдамаки завершился.", "Олег Гайдамака"),
        ("Визит Ильи Кивы завершился.", "Илья Кива"),
        ("Встреча с Фумио Кисидой прошла.", "Фумио Кисида"),
        ("Визит Гии Гачечиладзе завершился.", "Гия Гачечиладзе"),
        # foreign surnames in a consonant: a man's declines, a woman's does not
        ("Встреча с Киром Стармером прошла.", "Кир Стармер"),
        ("Встреча с Ангелой Меркель прошла.", "Ангела Меркель"),
        # hyphenated names and particles
        ("Визит Жан-Клода Юнкера завершился.", "Жан-Клод Юнкер"),
        ("Визит Шарля де Голля завершился.", "Шарль де Голль"),
        ("Встреча с Урсулой фон дер Ляйен прошла.", "Урсула фон дер Ляйен"),
        ("Встреча с Мохаммедом бен Салманом прошла.", "Мохаммед бен Салман"),
    ],
)
def test_each_name_paradigm_is_put_in_the_nominative(lexicon, text, name):
    assert names_in(text, lexicon) == [name]


@pytest.mark.parametrize(
    "text",
    ["Президент Филиппин Фердинанд Маркос-младший заявил.", "Встреча с Фердинандом Маркосом-младшим прошла."],
)
def test_a_generation_suffix_stays_with_the_surname(lexicon, text):
    assert names_in(text, lexicon, PH=["Филиппин"]) == ["Фердинанд Маркос-младший"]


def test_a_first_name_that_is_also_a_capital_does_not_make_the_person_a_place(lexicon):
    text = "Глава тайваньского военного ведомства Веллингтон Гу заявил, что комплексы помогут."
    found = officials(text, lexicon, TW=["тайваньского"], NZ=["Веллингтон"])
    assert (found["Веллингтон Гу"].position, found["Веллингтон Гу"].country) == (
        "глава тайваньского военного ведомства",
        "TW",
    )


def test_a_later_name_of_a_list_takes_the_case_of_the_first(lexicon):
    text = "Встреча с Юлией Тимошенко и Анналеной Бербок прошла в Берлине."
    assert names_in(text, lexicon) == ["Юлия Тимошенко", "Анналена Бербок"]


def test_a_first_name_and_patronymic_join_the_person_named_in_full(lexicon):
    text = "Встреча с Борисом Ельциным прошла в Екатеринбурге. Борис Николаевич много сделал для области."
    found = officials(text, lexicon)
    assert list(found) == ["Борис Ельцин"]
    assert len(found["Борис Ельцин"].spans) >= 2


def test_a_first_name_and_patronymic_that_join_nobody_are_not_a_person(lexicon):
    text = "Николай Патрушев провёл совещание. Как отметил Сергей Платонович, решения приняты."
    assert names_in(text, lexicon) == ["Николай Патрушев"]


@pytest.mark.parametrize(
    "text",
    [
        "Начальник Генштаба Сербии генерал армии Александр Петрович прибыл в Москву.",
        "Александр Петрович, начальник Генштаба Сербии, прибыл в Москву.",
    ],
)
def test_a_patronymic_shaped_surname_with_a_post_is_a_surname(lexicon, text):
    found = officials(text, lexicon, RS=["Сербии"])
    assert (found["Александр Петрович"].position, found["Александр Петрович"].country) == (
        "начальник Генштаба Сербии",
        "RS",
    )


def test_a_surname_ending_in_a_patronymic_ending_is_still_a_surname(lexicon):
    text = "Однако руководитель группы Иван Бозович и его коллеги полагают иначе."
    assert names_in(text, lexicon) == ["Иван Бозович"]


def test_a_possessor_before_a_first_name_and_patronymic_is_not_her_surname(lexicon):
    text = "В церемонии приняли участие вдова Ельцина Наина Иосифовна и его друзья."
    assert "Ельцина Наина" not in " ".join(names_in(text, lexicon))


def test_an_organisation_with_an_arabic_article_is_cut_from_the_name(lexicon):
    text = "В заключении находится оператор Аль-Джазиры Сами аль-Хадж (Sami al-Haj)."
    assert names_in(text, lexicon) == ["Сами аль-Хадж"]


def test_names_listed_with_commas_in_one_tagged_span_are_separate_people(lexicon):
    text = "Гол забил Сёмин (Овечкин, Фёдоров). Овечкин и Фёдоров отдали передачи."
    assert {"Овечкин", "Фёдоров"} <= set(names_in(text, lexicon))
    assert not any("," in name or " " in name for name in names_in(text, lexicon))


def test_a_surname_in_brackets_after_a_full_name_is_not_another_person(lexicon):
    text = "Чемпионкой Европы стала шахматистка из Турции Екатерина Аталык (Половникова) — 8,5 очков."
    assert names_in(text, lexicon) == ["Екатерина Аталык"]


# --- organisations, places and pronouns are never people ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Рособоронэкспорт подписал контракт. Ростех сообщил об успехе.",  # organisations
        "Фонд Горчакова и Институт Гайдара провели конференцию.",  # organisations named after people
        "В Коста-Рике и Эль-Сальвадоре прошли выборы. Сан-Паулу стал побратимом.",  # places
        "Он сказал, что Она приедет. Вы сами видите.",  # pronouns
        "Кремль ответил. Белый дом промолчал. Пентагон сообщил о переговорах.",  # institutions
    ],
)
def test_organisations_places_and_pronouns_are_not_people(lexicon, text):
    assert names_in(text, lexicon, CR=["Коста-Рике"], SV=["Эль-Сальвадоре"]) == []


# --- a post given in a later sentence -----------------------------------------------------------


def test_a_post_from_a_later_sentence_reaches_the_first_mention(lexicon):
    text = (
        "Переговоры с президентом Ильхамом Алиевым прошли в Баку. "
        "Встреча с президентом Азербайджана длилась два часа."
    )
    found = officials(text, lexicon, AZ=["Азербайджана"])["Ильхам Алиев"]
    assert (found.position, found.country) == ("президент Азербайджана", "AZ")


def test_a_post_in_a_later_relative_clause_reaches_the_person(lexicon):
    text = "Ильхам Алиев провел переговоры. Алиев, который является президентом Азербайджана, заявил о поддержке."
    found = officials(text, lexicon, AZ=["Азербайджана"])["Ильхам Алиев"]
    assert (found.position, found.country) == ("президент Азербайджана", "AZ")


def test_posts_in_a_row_before_the_name_are_all_kept_with_the_country_of_either(lexicon):
    text = (
        "Андрей Белоусов провел переговоры с председателем Государственного административного совета "
        "Мьянмы, главнокомандующим вооруженными силами республики старшим генералом Мин Аун Хлайном."
    )
    found = officials(text, lexicon, MM=["Мьянмы"])["Мин Аун Хлайн"]
    assert found.position == (
        "председатель Государственного административного совета Мьянмы, "
        "главнокомандующий вооруженными силами республики"
    )
    assert (found.rank, found.country) == ("старший генерал", "MM")


def test_a_country_a_research_body_is_named_after_is_not_its_staff_members(lexicon):
    text = (
        "Как отметил ведущий научный сотрудник Института Китая и современной Азии РАН Андрей Турчанинов, "
        "поставки вряд ли изменят баланс сил. Россия и Китай расширяют сотрудничество."
    )
    found = officials(text, lexicon, CN=["Китая", "Китай"], RU=["Россия"])["Андрей Турчанинов"]
    assert found.country != "CN"


def test_a_partner_named_earlier_in_the_clause_is_not_the_persons_country(lexicon):
    text = (
        "Соглашение с турецкой компанией было подписано в ходе визита президента Касым-Жомарта Токаева "
        "в Анкару. Казахстан и Турция расширяют сотрудничество."
    )
    found = officials(text, lexicon, TR=["турецкой", "Турция"], KZ=["Казахстан"])["Касым-Жомарт Токаев"]
    assert found.country == "KZ"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Россия и Индия обсудили поставки. Американец Джон Смит назвал сделку крупной.", "US"),
        ("Россия и Индия обсудили поставки. Россиянка Анна Смирнова назвала сделку крупной.", "RU"),
        ("Россия и Индия обсудили поставки. Джон Смит из Великобритании назвал сделку крупной.", "GB"),
    ],
)
def test_a_nationality_noun_or_a_country_of_origin_gives_the_persons_country(lexicon, text, country):
    forms = {"RU": ["Россия"], "IN": ["Индия"], "GB": ["Великобритании"]}
    (found,) = officials(text, lexicon, **forms).values()
    assert found.country == country


# --- places and lists are not people --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Делегации прибыли из Коста Рики и Эль Сальвадора.",
        "Форум прошёл в Буэнос Айресе при участии военных атташе.",
        "Среди участников — Коста Рика, Сьерра Леоне и Буркина Фасо.",
    ],
)
def test_a_hyphenated_place_written_without_its_hyphen_is_not_a_person(lexicon, text):
    assert officials(text, lexicon) == {}


def test_a_bullet_or_a_dash_ends_a_name_in_a_list(lexicon):
    text = (
        "Федерации поддержали кандидата: • Чили • Эль Сальвадор • Эфиопия • Грузия. Вратари: Уорд — Набоков."
    )
    assert "Эль Сальвадор Эфиопия" not in officials(text, lexicon)
    assert not any("Уорд" in name and "Набоков" in name for name in officials(text, lexicon))


def test_a_post_in_brackets_belongs_to_the_name_before_it_not_the_next_one(lexicon):
    text = "Юрген Клинсман, Йоахим Лёв (второй тренер) и Андреас Кёпке (тренер вратарей) приняли решение."
    found = officials(text, lexicon)
    assert found["Йоахим Лёв"].position == "второй тренер"
    assert found["Андреас Кёпке"].position == "тренер вратарей"
