"""people17 round (issue 19): a colleague's post from the sentence before or from the person named before
him; «Лула да Силва» is no second name; the side a list of participants opens with («с российской
стороны …») gives them their state. Pure tests, made-up texts; the first test of each rule failed before it.
"""

from web_text_helpers import officials


def test_a_colleague_with_no_post_holder_before_him_in_his_sentence():
    text = (
        "Министр обороны Перу Хуан Перес назвал Чили надежным партнером. Его слова прозвучали на встрече по "
        "вопросам безопасности с чилийским коллегой Мигелем Сото, передает агентство."
    )
    assert officials(text)["Мигель Сото"] == ("министр обороны", "CL")


def test_a_colleague_of_the_person_named_before_him_in_his_sentence():
    text = (
        "Президент Перу Хуан Перес начинает визит в Чили. Помощник президента Луис Рамос рассказал о программе. "
        "Перес обсудит со своим чилийским коллегой Мигелем Сото военное сотрудничество."
    )
    assert officials(text)["Мигель Сото"] == ("президент", "CL")


def test_a_colleague_of_a_person_with_no_post_gets_none_from_the_sentence_before():
    text = (
        "О визите журналистам рассказал помощник президента Луис Рамос. "
        "Перес встретится со своим чилийским коллегой Мигелем Сото."
    )
    assert officials(text)["Мигель Сото"][0] != "помощник президента"


def test_a_portuguese_name_with_da_is_one_name():
    text = "Президент Бразилии Луис Инасиу Лула да Силва и президент Перу Хуан Перес обсудили поставки вооружений."
    assert officials(text)["Луис Инасиу Лула да Силва"] == ("президент Бразилии", "BR")


def test_the_side_a_list_of_participants_opens_with():
    text = (
        "Председатель сената Перу Хуан Перес провела встречу с председателем сената Чили Мигелем Сото.\n\n"
        "В беседе с перуанской стороны принимали участие заместитель председателя сената Луис Рамос и "
        "член комитета по обороне Зияд Сабсаби.\n\n"
        "Перес подчеркнула, что визит делегации Чили придаст новый импульс отношениям с Чили."
    )
    found = officials(text)
    assert found["Зияд Сабсаби"][1] == "PE"
    assert found["Луис Рамос"][1] == "PE"


def test_the_second_side_with_its_noun_left_out():
    text = (
        "В переговорах с перуанской стороны участвовал министр Хуан Перес, с чилийской — заместитель министра "
        "Мигель Сото."
    )
    found = officials(text)
    assert found["Мигель Сото"][1] == "CL"
    assert found["Хуан Перес"][1] == "PE"


def test_a_plural_post_then_each_state_with_a_dash_and_its_holder():
    # people18: «министры обороны КР - генерал-майор Т. Омуралиев, Российской Федерации - …»
    text = (
        "В заседании приняли участие министры обороны Перу - генерал-майор Хуан Перес, Республики Чили - "
        "генерал армии Мигель Сото, Республики Эквадор - Луис Рамос и Республики Парагвай - Карлос Мендес."
    )
    found = officials(text)
    assert found["Хуан Перес"] == ("министр обороны", "PE")
    assert found["Мигель Сото"] == ("министр обороны", "CL")
    assert found["Луис Рамос"] == ("министр обороны", "EC")
    assert found["Карлос Мендес"] == ("министр обороны", "PY")


def test_two_states_ministers_named_after_a_dash_are_no_list():
    text = "В Лиме состоялась встреча министров обороны Перу и Чили – Хуана Переса и Мигеля Сото."
    found = officials(text)
    assert found["Хуан Перес"][1] != "CL"


def test_an_institution_of_a_state_right_after_the_name_gives_his_state():
    # people19: «рассказал журналистам Николай Злобин из Института мировой безопасности США»
    text = (
        "Президент Перу Хуан Перес провел встречу с экспертами. «Так скучно мне никогда не было», — рассказал "
        "журналистам Мигель Сото из Института мировой безопасности Чили."
    )
    assert officials(text)["Мигель Сото"][1] == "CL"


def test_a_tied_reading_of_a_name_is_the_same_in_every_process():
    # stories17 008: «Урсуле фон дер Ляйен» tagged masculine came out «Урсула» or «Урсуле» by the process's
    # string hashing (a tie broken by a set's order); it is now broken the same way everywhere.
    import os
    import subprocess
    import sys

    code = (
        "from articles.pipeline.extraction.names import read_name;"
        "print(read_name(['Урсуле','фон','дер','Ляйен'], tagged_case='datv', tagged_gender='masc').words[0])"
    )
    seen = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        seen.add(out.stdout.strip())
    assert seen == {"Урсула"}
