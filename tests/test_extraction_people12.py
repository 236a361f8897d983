"""people12 round: a state named by a common noun in a post, and a deputy of another person's post.

Pure tests: no database. Countries are marked by hand, as in test_extraction_officials.py; every
text is made up for the rule it tests.
"""

import pytest
from extraction_helpers import officials

from articles.pipeline.extraction.countries import find_countries
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def test_an_ambassador_of_the_republic_is_of_the_state_named_before(lexicon):
    text = (
        "Глава МИД Молдавии прибыл в Кишинёв. Его встретили посол Франции в Молдавии Жан Дюпон "
        "и посол республики во Франции Ион Чебан."
    )
    found = officials(text, lexicon, MD=["Молдавии", "Молдавии"], FR=["Франции", "Франции"])
    assert found["Ион Чебан"].country == "MD"


def test_the_place_of_the_post_is_not_the_republic(lexicon):
    text = (
        "Премьер-министр Молдавии собирается посетить Германию, пишет газета со ссылкой "
        "на посла республики в Германии Иона Чебана."
    )
    found = officials(text, lexicon, MD=["Молдавии"], DE=["Германию", "Германии"])
    assert found["Ион Чебан"].country == "MD"


def test_a_brotherly_country_is_not_the_other_persons_state(lexicon):
    text = (
        "Находящаяся с визитом в Египте делегация во главе с министром обороны Иордании "
        "Ахмедом Хасаном встретилась с председателем комитета военной промышленности братской "
        "страны Махмудом Саидом."
    )
    found = officials(text, lexicon, EG=["Египте"], JO=["Иордании"])
    assert found["Ахмед Хасан"].country == "JO"
    assert found["Махмуд Саид"].country == "EG"


def test_a_republic_with_its_name_is_no_reference(lexicon):
    text = "Министр обороны Республики Молдова Ион Чебан встретился с послом Франции Жаном Дюпоном."
    found = officials(text, lexicon, MD=["Республики Молдова"], FR=["Франции"])
    assert found["Ион Чебан"].country == "MD"


def test_a_deputy_of_a_post_named_before_is_of_its_holders_state(lexicon):
    text = (
        "Генеральный консул КНР в Самаре Ли Мин провёл встречу с председателем комитета по "
        "туризму Самарской области Петром Ивановым. Во встрече приняли участие заместитель генерального "
        "консула Ван Лэй и заместитель председателя комитета Сидоров А.А."
    )
    found = officials(text, lexicon, CN=["КНР"], RU=[])
    deputy = next(o for name, o in found.items() if "Сидоров" in name)
    assert found["Петр Иванов"].country == "RU"
    assert deputy.country == "RU"
    assert found["Ван Лэй"].country == "CN"


def test_a_deputy_of_no_post_named_keeps_no_borrowed_state(lexicon):
    text = (
        "Генеральный консул КНР Ли Мин открыл выставку. Заместитель директора музея Сидоров "
        "рассказал о китайских экспонатах."
    )
    found = officials(text, lexicon, CN=["КНР", "китайских"])
    deputy = next(o for name, o in found.items() if "Сидоров" in name)
    assert deputy.position.startswith("заместитель директора")


def test_the_turkish_republic_abbreviated_counts_where_turkey_is_named(lexicon):
    text = "Командующий Сухопутными войсками Вооруженных сил ТР прибыл в Баку. Посол Турции встретил его."
    mentions = {c.iso: c.spans for c in find_countries(text, lexicon)}
    assert [text[s:e] for s, e in mentions["TR"]] == ["ТР", "Турции"]


def test_the_abbreviation_alone_is_no_state(lexicon):
    text = "Комиссия утвердила ТР о безопасности машин и оборудования."
    assert "TR" not in {c.iso for c in find_countries(text, lexicon)}


def test_a_state_of_a_named_bloc_is_no_reference(lexicon):
    text = (
        "В Ташкенте генконсул Польши Ян Новак встретился с руководителем представительства "
        "ведомства государства СНГ Бахтиёром Каримовым."
    )
    found = officials(text, lexicon, PL=["Польши"])
    assert found["Бахтиёр Каримов"].country != "PL"


def test_a_republic_named_right_after_the_noun_is_the_state(lexicon):
    # the nearer state before the noun is another's: the name after it says which republic
    text = (
        "Отношения России и Кубы развиваются, заявил министр обороны РФ Сергей Шойгу на встрече с "
        "председателем Государственного совета республики Куба Раулем Кастро."
    )
    found = officials(text, lexicon, RU=["России", "РФ"], CU=["Кубы", "Куба"])
    castro = next(person for name, person in found.items() if name.endswith("Кастро"))
    assert castro.country == "CU"
