"""Officials: names in the nominative, one person per article, their posts and countries.

Pure tests: no database. Countries are marked by hand (the countries extractor has its own tests),
so each test states exactly which words of its text name which country.
"""

import re

import pytest

from articles.extraction.entities import CountryMention
from articles.extraction.lexicon import Lexicon
from articles.extraction.names import read_name, same_name_word
from articles.extraction.officials import find_officials
from articles.extraction.organisations import OrganisationMatcher, international_in


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def countries(text: str, **forms: list[str]) -> list[CountryMention]:
    """CountryMentions for the given spellings: countries(text, RU=["России", "российский"])."""
    out = []
    for iso, spellings in forms.items():
        spans = [
            (m.start(), m.end())
            for s in spellings
            for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)
        ]
        out.append(CountryMention(iso=iso, spans=sorted(spans)))
    return out


def officials(text, lexicon, **forms):
    return {o.name: o for o in find_officials(text, countries(text, **forms), lexicon)}


def nominative(words: str, case: str | None) -> str:
    return " ".join(read_name(words.split(), context_case=case).words)


# --- names in the nominative --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "case", "expected"),
    [
        ("Дун Цзюнем", "ablt", "Дун Цзюнь"),
        ("Чану Ваньцюаню", "datv", "Чан Ваньцюань"),
        ("Чжань Шисяня", "gent", "Чжань Шисянь"),
        ("Си Цзиньпину", "datv", "Си Цзиньпин"),
        ("Ильхама Алиева", "gent", "Ильхам Алиев"),
        ("Дмитрием Рогозиным", "ablt", "Дмитрий Рогозин"),
        ("Бараком Обамой", "ablt", "Барак Обама"),
        ("Хамидом Карзаем", "ablt", "Хамид Карзай"),
        ("Ким Чен Ына", "gent", "Ким Чен Ын"),
        ("Касым-Жомарта Токаева", "gent", "Касым-Жомарт Токаев"),
        ("Абдель Фаттаха ас-Сиси", "gent", "Абдель Фаттах ас-Сиси"),
        ("Мохаммедом бин Салманом", "ablt", "Мохаммед бин Салман"),
        ("Марией Захаровой", "ablt", "Мария Захарова"),
        ("Анналены Бербок", "gent", "Анналена Бербок"),
        ("Хулуси Акару", "datv", "Хулуси Акар"),
    ],
)
def test_declined_names_return_to_the_nominative(written, case, expected):
    assert nominative(written, case) == expected


@pytest.mark.parametrize(
    ("written", "case"),
    [
        ("Ли Шанфу", "datv"),  # a Chinese syllable in -у is not a dative ending
        ("Хуа Чуньин", "gent"),  # nor is -а after a vowel-final syllable
        ("Прабово Субианто", "ablt"),
        ("Мевлют Чавушоглу", "datv"),
        ("Нарендра Моди", "nomn"),
        ("Анналеной Бербок", None),  # no case known: left as written
    ],
)
def test_indeclinable_names_and_unknown_cases_stay_as_written(written, case):
    assert nominative(written, case).split()[-1] == written.split()[-1]


def test_woman_keeps_a_surname_that_does_not_decline():
    assert nominative("Анналеной Бербок", "ablt") == "Анналена Бербок"


def test_forms_of_one_name_word_match_and_other_names_do_not():
    assert same_name_word("Белоусова", "Белоусов")
    assert same_name_word("Цзюнем", "Цзюнь")
    assert same_name_word("Сулима", "Сулим")
    assert not same_name_word("Петров", "Петровский")
    assert not same_name_word("Ли", "Лю")


# --- people in a text ---------------------------------------------------------------------------


def test_minister_gets_post_and_country_from_the_words_before_the_name(lexicon):
    text = "Министр обороны Индии Раджнатх Сингх провёл в Дели переговоры о поставках вооружений."
    found = officials(text, lexicon, IN=["Индии"])
    assert list(found) == ["Раджнатх Сингх"]
    assert found["Раджнатх Сингх"].position == "министр обороны Индии"
    assert found["Раджнатх Сингх"].country == "IN"


def test_surname_mentions_merge_into_the_person_named_in_full(lexicon):
    text = (
        "Глава МИД Турции Мевлют Чавушоглу прибыл в Тегеран. "
        "По словам Чавушоглу, стороны обсудят поставки беспилотников. Чавушоглу также посетит Баку."
    )
    found = officials(text, lexicon, TR=["Турции"], IR=["Тегеран"], AZ=["Баку"])
    assert list(found) == ["Мевлют Чавушоглу"]
    person = found["Мевлют Чавушоглу"]
    assert [text[s:e] for s, e in person.spans] == ["Мевлют Чавушоглу", "Чавушоглу", "Чавушоглу"]
    assert person.aliases == ["Чавушоглу"]
    assert person.country == "TR"


def test_initials_and_oblique_forms_merge_into_one_person(lexicon):
    text = (
        "Президент Казахстана Касым-Жомарт Токаев провёл совещание по оборонной промышленности. "
        "К. Токаев поручил правительству ускорить выпуск бронетехники. "
        "Решение Касым-Жомарта Токаева поддержали в парламенте."
    )
    found = officials(text, lexicon, KZ=["Казахстана"])
    assert list(found) == ["Касым-Жомарт Токаев"]
    assert set(found["Касым-Жомарт Токаев"].aliases) == {"К. Токаев", "Касым-Жомарта Токаева"}
    assert len(found["Касым-Жомарт Токаев"].spans) == 3


def test_foreign_name_after_a_post_in_the_dative_is_read_in_the_nominative(lexicon):
    text = "Письмо было направлено министру обороны Китая Чану Ваньцюаню накануне визита."
    found = officials(text, lexicon, CN=["Китая"])
    assert list(found) == ["Чан Ваньцюань"]
    assert found["Чан Ваньцюань"].position == "министр обороны Китая"


def test_post_in_the_instrumental_goes_to_the_nominative(lexicon):
    text = "Российский министр провёл переговоры с вице-премьером правительства Сербии Александром Вулиным."
    found = officials(text, lexicon, RU=["Российский"], RS=["Сербии"])
    assert found["Александр Вулин"].position == "вице-премьер правительства Сербии"
    assert found["Александр Вулин"].country == "RS"


def test_organisation_in_the_post_gives_the_country(lexicon):
    text = "Генеральный директор Ростеха Сергей Чемезов сообщил о росте экспортных заказов."
    found = officials(text, lexicon)
    assert found["Сергей Чемезов"].position == "генеральный директор Ростеха"
    assert found["Сергей Чемезов"].country == "RU"


def test_post_set_off_after_the_name_is_read(lexicon):
    text = "Иван Петров, первый заместитель министра обороны Белоруссии, подчеркнул важность учений."
    found = officials(text, lexicon, BY=["Белоруссии"])
    assert found["Иван Петров"].position == "первый заместитель министра обороны Белоруссии"
    assert found["Иван Петров"].country == "BY"


def test_country_adjective_names_the_country_but_is_left_out_of_the_post(lexicon):
    text = "Известный израильский военный аналитик Давид Коэн считает сделку выгодной."
    found = officials(text, lexicon, IL=["израильский"])
    assert found["Давид Коэн"].position == "военный аналитик"
    assert found["Давид Коэн"].country == "IL"


def test_ambassador_belongs_to_the_sending_state_not_the_host(lexicon):
    text = "Посол России в Китае Игорь Моргулов заявил, что визит состоится осенью."
    found = officials(text, lexicon, RU=["России"], CN=["Китае"])
    assert found["Игорь Моргулов"].country == "RU"


def test_side_a_person_leads_gives_the_country(lexicon):
    text = (
        "Вьетнамскую делегацию возглавлял заместитель министра национальной обороны "
        "генерал-полковник Хоанг Суан Тьен."
    )
    found = officials(text, lexicon, VN=["Вьетнамскую"])
    person = found["Хоанг Суан Тьен"]
    assert person.country == "VN"
    assert person.position.startswith("заместитель министра национальной обороны")
    assert person.position.endswith("генерал-полковник")


def test_bare_post_takes_the_country_the_article_gives_it_elsewhere(lexicon):
    text = (
        "«Мы расширим выпуск бронемашин», — сказал президент Шавкат Мирзиёев. "
        "Ранее президент Узбекистана посетил завод в Ташкенте."
    )
    found = officials(text, lexicon, UZ=["Узбекистана"])
    assert found["Шавкат Мирзиёев"].position == "президент Узбекистана"
    assert found["Шавкат Мирзиёев"].country == "UZ"


def test_described_post_is_replaced_by_the_post_the_article_names(lexicon):
    text = (
        "Глава японского оборонного ведомства Ясукадзу Хамада принял делегацию. "
        "Как подчеркнул министр обороны Японии, сотрудничество будет расширяться."
    )
    found = officials(text, lexicon, JP=["японского", "Японии"])
    assert found["Ясукадзу Хамада"].position == "министр обороны Японии"
    assert found["Ясукадзу Хамада"].country == "JP"


def test_without_other_evidence_a_chinese_name_leans_to_china(lexicon):
    text = (
        "Переговоры прошли в Исламабаде. Чжоу Бо подчеркнул, что Пакистан остаётся ключевым партнёром Китая."
    )
    found = officials(text, lexicon, PK=["Пакистан"], CN=["Китая"])
    assert found["Чжоу Бо"].country == "CN"


def test_without_other_evidence_a_russian_first_name_leans_to_the_slavic_country_named(lexicon):
    text = "Виктор Хренин сообщил, что Белоруссия закупит у Китая партию беспилотников."
    found = officials(text, lexicon, BY=["Белоруссия"], CN=["Китая"])
    assert found["Виктор Хренин"].country == "BY"


def test_bloc_official_has_no_country(lexicon):
    text = "Генсек НАТО Йенс Столтенберг посетил Польшу и Литву."
    found = officials(text, lexicon, PL=["Польшу"], LT=["Литву"])
    assert found["Йенс Столтенберг"].position == "генсек НАТО"
    assert found["Йенс Столтенберг"].country is None


def test_patronymic_is_left_out_of_the_name_but_kept_as_an_alias(lexicon):
    text = "Министр обороны Казахстана Руслан Жаксылыкович Жаксылыков выступил на совещании."
    found = officials(text, lexicon, KZ=["Казахстана"])
    assert list(found) == ["Руслан Жаксылыков"]
    assert "Руслан Жаксылыкович Жаксылыков" in found["Руслан Жаксылыков"].aliases


def test_names_in_quotes_and_latin_bylines_are_not_people(lexicon):
    text = (
        "Reuters/Alexander Zemlianichenko\n"
        "На выставке показали беспилотник «Орион» и корабль «Адмирал Кузнецов». "
        "Экспозицию осмотрел министр обороны Сербии Милош Вучевич."
    )
    found = officials(text, lexicon, RS=["Сербии"])
    assert list(found) == ["Милош Вучевич"]


def test_ships_and_monuments_named_after_people_are_not_people(lexicon):
    text = (
        "На параде показали самолёт «Александр Покрышкин». Памятник Юрию Гагарину открыли в Дели. "
        "Церемонию посетил министр обороны Индии Раджнатх Сингх."
    )
    assert list(officials(text, lexicon, IN=["Индии"])) == ["Раджнатх Сингх"]


def test_country_read_as_a_person_is_not_a_person(lexicon):
    text = "Соглашения подписали Коста-Рика и Сальвадор."
    assert officials(text, lexicon, CR=["Коста-Рика"], SV=["Сальвадор"]) == {}


def test_text_without_people_has_no_officials(lexicon):
    assert find_officials("Стороны обсудили поставки вооружений.", [], lexicon) == []
    assert find_officials("", [], lexicon) == []


# --- the organisation table ---------------------------------------------------------------------


def test_organisations_are_found_in_any_case_form(lexicon):
    matcher = OrganisationMatcher.for_lexicon(lexicon)
    assert matcher.country_in("по данным Федеральной службы по военно-техническому сотрудничеству") == "RU"
    assert matcher.country_in("сообщили в Госкомвоенпроме") == "BY"
    assert matcher.country_in("представитель Пентагона") == "US"


def test_generic_ministry_names_are_not_in_the_organisation_table(lexicon):
    matcher = OrganisationMatcher.for_lexicon(lexicon)
    assert matcher.country_in("представитель Минобороны") is None
    assert matcher.country_in("глава МИД") is None


def test_blocs_are_international_not_national():
    assert international_in("генеральный секретарь НАТО")
    assert international_in("постоянный представитель при Организации Объединённых Наций")
    assert not international_in("министр обороны Франции")
