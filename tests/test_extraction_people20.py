"""people20 round (issue 19): a name in a register's order, surname first («Тараев Иван Степанович»,
«генерал-майора Лагуткина Сергея Павловича»), is one person with «Иван Тараев»; «Чрезвычайный» of «Чрезвычайный
и Полномочный посол» is no name, and the two adjectives make one post; «Боливарианская Республика» is
Venezuela; whom a visitor meets in the state he is visiting is that state's. Pure tests, made-up texts; the
first test of each rule failed before it.
"""

from web_text_helpers import officials


def test_a_name_in_a_registers_order_is_one_person():
    text = (
        "В Лиме прошла встреча начальника регионального центра генерал-майора Громова Сергея Павловича и "
        "начальника отдела международного сотрудничества полковника Тараева Ивана Степановича с делегацией "
        "Чили. Полковник Иван Тараев рассказал о планах."
    )
    found = officials(text)
    assert "Сергей Громов" in found and "Сергей Павлович" not in found
    assert [name for name in found if "Тараев" in name] == ["Иван Тараев"]
    assert found["Иван Тараев"][0] == "начальник отдела международного сотрудничества"


def test_an_extraordinary_and_plenipotentiary_ambassador():
    text = (
        "В мероприятии приняли участие посол Перу в России Хуан Перес, почетный президент Ассоциации "
        "российских дипломатов, Чрезвычайный и Полномочный посол Павел Акопов и Чрезвычайный и Полномочный "
        "посол Андрей Бакланов."
    )
    found = officials(text)
    assert "Чрезвычайный" not in found
    assert found["Андрей Бакланов"][0] == "чрезвычайный и полномочный посол"
    assert found["Павел Акопов"][0].endswith("чрезвычайный и полномочный посол")


def test_the_bolivarian_republic_is_venezuela():
    text = (
        "Посол Беларуси в Венесуэле Дмитрий Петров встретился с министром обороны Боливарианской Республики "
        "Хуаном Пересом."
    )
    assert officials(text)["Хуан Перес"][1] == "VE"


def test_whom_a_visitor_meets_in_the_state_he_visits_is_its():
    text = (
        "Находящийся с визитом в Чили первый заместитель министра обороны — начальник Генерального штаба "
        "перуанской армии генерал-полковник Хуан Перес встретился с губернатором области Био-Био Мигелем "
        "Сото. Перуанская армия и перуанские военные давно сотрудничают с провинцией."
    )
    assert officials(text)["Мигель Сото"][1] == "CL"
    # a host named before the visitor's phrase is no visitor: «с визитом в Чили по приглашению Мигеля Сото»
    text = (
        "В ходе пребывания с официальным визитом в Чили по приглашению Мигеля Сото президента Перу Хуана "
        "Переса был подписан ряд документов."
    )
    assert officials(text).get("Мигель Сото", (None, None))[1] != "PE"


def test_the_country_of_a_visit_is_the_state_a_later_common_noun_stands_for():
    text = (
        "Заместитель министра обороны Перу Хуан Перес, который прибыл с рабочим визитом в Республику Чили, "
        "провел переговоры с министром обороны страны генералом Мигелем Сото."
    )
    assert officials(text)["Мигель Сото"][1] == "CL"
