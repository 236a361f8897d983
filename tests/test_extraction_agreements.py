"""Agreements from Russian wording: kind, title, status, parties, signatories, date — one per document."""

import pytest
from agreement_helpers import agreements, one

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.entities import OfficialMention
from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Стороны подписали меморандум о взаимопонимании в области оборонной промышленности.", "memorandum"),
        ("Министры обороны подписали протокол о намерениях.", "protocol"),
        ("Монголия и Япония подписали соглашение о передаче оборонного оборудования.", "agreement"),
        ("Президенты заключили договор о союзнических отношениях.", "treaty"),
        ("Лидеры приняли декларацию о стратегическом партнерстве.", "declaration"),
        ("Ведомства утвердили план двустороннего военного сотрудничества на 2026 год.", "plan"),
        ("Стороны подписали программу военно-технического сотрудничества до 2030 года.", "programme"),
        ("Делегации подписали дорожную карту развития оборонного сотрудничества.", "roadmap"),
        ("Компания подписала контракт на поставку 24 вертолетов.", "contract"),
        ("Президенты приняли совместное заявление о развитии отношений.", "statement"),
    ],
)
def test_each_kind_is_read_from_its_noun(text, kind, lexicon):
    assert one(text, lexicon).kind == kind


@pytest.mark.parametrize(
    "text, status",
    [
        ("Вьетнам и Индия подписали меморандум о логистической поддержке.", "signed"),
        ("Меморандум о сотрудничестве был подписан в Ханое.", "signed"),
        ("Соглашение о военном сотрудничестве заключено на пять лет.", "signed"),
        ("В ходе визита состоялось подписание соглашения о защите информации.", "signed"),
        ("Индонезия и Франция подпишут контракт на поставку подводных лодок.", "planned"),
        ("Стороны намерены подписать соглашение о военном сотрудничестве.", "planned"),
        ("Президент предложил подписать договор о дружбе и сотрудничестве.", "planned"),
        ("Подписание соглашения о совместном производстве запланировано на осень.", "planned"),
        ("Правительство одобрило проект соглашения о военно-техническом сотрудничестве.", "draft"),
        ("Япония и Филиппины парафировали соглашение о взаимном доступе войск.", "initialled"),
        ("Сенат ратифицировал соглашение об оборонном сотрудничестве.", "ratified"),
        ("Соглашение о взаимном доступе вступило в силу в августе.", "in_force"),
    ],
)
def test_the_status_comes_from_the_verb_around_the_document(text, status, lexicon):
    assert one(text, lexicon).status == status


@pytest.mark.parametrize(
    "text",
    [
        "Стороны достигли договоренностей о расширении поставок.",
        "Официальный представитель МИД Китая сделал заявление по поводу учений.",
        "В заявлении министерства говорится, что учения прошли успешно.",
        "В рамках соглашения о военно-техническом сотрудничестве Россия поставляет Индии вооружение.",
        "По договору 1997 года флот арендует базу.",
        "Протокол заседания будет опубликован позже.",
        "Этот документ определяет порядок работы.",
        "Программа визита включает посещение завода.",
        "В планах у сторон — проведение совместных учений.",
        "Согласно плану, учения пройдут в сентябре.",
        "Москва и Минск договорились продолжить консультации.",
        "Подписан ряд соглашений.",
        "Генштаб утвердил программу учений.",
    ],
)
def test_mentions_that_are_not_new_agreements_are_left_out(text, lexicon):
    assert agreements(text, lexicon) == []


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Баку и Анкара подписали Декларацию о союзнических отношениях.",
            "Декларация о союзнических отношениях",
        ),
        ("Стороны подписали итоговый протокол, закрепив договоренности.", "итоговый протокол"),
        (
            "Госдума ратифицировала соглашение между Россией и Мьянмой о военном сотрудничестве.",
            "соглашение о военном сотрудничестве",
        ),
        (
            "Кабмин одобрил проект соглашения с Японией о передаче оборонного оборудования.",
            "соглашение о передаче оборонного оборудования",
        ),
        ("Контракт на поставку танков был подписан в 2019 году.", "контракт на поставку танков"),
        ("Стороны подписали новый контракт на поставку вертолетов.", "контракт на поставку вертолетов"),
        ("Стороны подписали соответствующий меморандум.", "меморандум"),
    ],
)
def test_the_title_is_the_documents_name_in_the_nominative(text, title, lexicon):
    assert one(text, lexicon).title == title


def test_names_of_signatories_are_left_out_of_the_title(lexicon):
    text = "В принятом 16 мая заявлении президента Египта Абдель Фаттаха ас-Сиси и президента Франции отмечается рост."
    sisi = OfficialMention(
        name="Абдель Фаттах ас-Сиси",
        country="EG",
        spans=[(text.index("Абдель"), text.index(" и президента Франции"))],
    )
    agreement = one(text, lexicon, officials=[sisi])
    assert agreement.title == "заявление президента Египта и президента Франции"
    assert agreement.parties == ["EG", "FR"]
    assert agreement.date.iso() == "--05-16"


@pytest.mark.parametrize(
    "text, parties",
    [
        ("Армения и Франция подписали контракт на поставку радаров.", ["AM", "FR"]),
        ("Тегеран и Москва подписали договор о стратегическом партнерстве.", ["IR", "RU"]),
        ("Подписан меморандум между министерствами обороны Таиланда и Малайзии.", ["MY", "TH"]),
        ("Индийско-вьетнамский меморандум о логистике подписан.", ["IN", "VN"]),
        ("Парламент Сербии ратифицировал соглашение с Белоруссией о военном сотрудничестве.", ["BY", "RS"]),
    ],
)
def test_parties_are_the_countries_the_sentence_names(text, parties, lexicon):
    assert one(text, lexicon).parties == parties


def test_a_place_of_signing_is_not_a_party_when_two_others_are_named(lexicon):
    text = "Россия и Индия подписали в Кувейте соглашение о военно-техническом сотрудничестве."
    assert one(text, lexicon).parties == ["IN", "RU"]


def test_the_countries_of_the_signing_officials_are_parties(lexicon):
    text = "В завершение встречи Хренин и Ахмедов подписали итоговый протокол."
    officials = [
        OfficialMention(name="Виктор Хренин", country="BY", spans=[(21, 27)]),
        OfficialMention(name="Азиз Ахмедов", country="UZ", spans=[(30, 37)]),
    ]
    agreement = one(text, lexicon, officials=officials)
    assert agreement.parties == ["BY", "UZ"]
    assert agreement.signatories == ["Виктор Хренин", "Азиз Ахмедов"]


def test_a_speaker_reporting_a_signing_is_not_a_signatory(lexicon):
    text = "Вучич напомнил, что Сербия и Китай подписали соглашение о военно-техническом сотрудничестве."
    vucic = OfficialMention(name="Александр Вучич", country="RS", spans=[(0, 5)])
    assert one(text, lexicon, officials=[vucic]).signatories == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("Соглашение о сотрудничестве подписано 3 марта 2024 года.", "2024-03-03"),
        # The article's year: 12 April before an article of 1 June 2025.
        ("В принятом 12 апреля совместном заявлении стороны отметили рост.", "2025-04-12"),
        ("Стороны в 2019 году подписали соглашение о военном сотрудничестве.", "2019"),
        ("В сентябре 2023 года был подписан контракт на поставку фрегатов.", "2023-09"),
        ("Стороны в прошлом году подписали меморандум о взаимопонимании.", "2024"),
    ],
)
def test_the_date_is_the_one_written_near_the_document(text, date, lexicon):
    assert one(text, lexicon, date=PartialDate(2025, 6, 1)).date.iso() == date


def test_a_document_signed_at_a_meeting_takes_the_meetings_date(lexicon):
    text = (
        "В Ташкенте 15 августа прошло заседание межправительственной комиссии. "
        "В рамках заседания состоялось подписание меморандума о взаимопонимании."
    )
    assert one(text, lexicon).date.iso() == "--08-15"


def test_one_document_mentioned_several_times_is_one_agreement(lexicon):
    text = (
        "Стороны подписали меморандум о взаимопонимании. Меморандум предусматривает обмен опытом. "
        "Документ закладывает правовую основу. Подписанный меморандум вступит в силу через месяц."
    )
    agreement = one(text, lexicon)
    assert len(agreement.spans) == 4


def test_two_documents_of_one_kind_with_different_names_are_two_agreements(lexicon):
    text = (
        "Подписано соглашение о военно-техническом сотрудничестве. Также подписано соглашение о взаимной "
        "защите секретной информации."
    )
    assert [a.title for a in agreements(text, lexicon)] == [
        "соглашение о военно-техническом сотрудничестве",
        "соглашение о взаимной защите секретной информации",
    ]


def test_a_similar_document_with_another_country_is_not_merged(lexicon):
    text = (
        "Россия и Мьянма подписали соглашение о военном сотрудничестве. "
        "Ранее аналогичное соглашение Россия подписала с Лаосом."
    )
    found = agreements(text, lexicon)
    assert [a.parties for a in found] == [["MM", "RU"], ["LA", "RU"]]


def test_different_kinds_in_one_sentence_are_separate_agreements(lexicon):
    text = (
        "Казахстан и Узбекистан подписали соглашение о военном сотрудничестве и меморандум об обмене кадрами."
    )
    assert [a.kind for a in agreements(text, lexicon)] == ["agreement", "memorandum"]


def test_the_key_is_stable_and_names_the_document(lexicon):
    text = "Сербия и Китай подписали соглашение о военно-техническом сотрудничестве."
    first, second = one(text, lexicon), one(text, lexicon)
    assert first.key == second.key == "agreement:о военно-техническом сотрудничестве"


def test_keys_tell_apart_documents_of_one_kind(lexicon):
    text = (
        "Россия и Мьянма подписали соглашение о военном сотрудничестве. "
        "Ранее аналогичное соглашение о военном сотрудничестве Россия подписала с Лаосом."
    )
    keys = [a.key for a in agreements(text, lexicon)]
    assert keys == ["agreement:о военном сотрудничестве", "agreement:о военном сотрудничестве#2"]


def test_spans_point_at_the_document_noun(lexicon):
    text = "Пакистан и Турция подписали контракт на строительство корветов."
    (span,) = one(text, lexicon).spans
    assert text[span[0] : span[1]] == "контракт"


def test_countries_outside_the_signing_clause_are_not_parties(lexicon):
    text = "Россия и Индия подписали соглашение о логистике, которое, по мнению экспертов, обеспокоило Китай и США."
    assert one(text, lexicon).parties == ["IN", "RU"]


def test_a_speaker_of_another_country_is_not_a_party(lexicon):
    text = "Министр обороны Китая заявил, что Россия и Индия подписали соглашение о логистике."
    assert one(text, lexicon).parties == ["IN", "RU"]


def test_an_organisation_stands_for_its_country_as_a_party(lexicon):
    text = "«Рособоронэкспорт» и Министерство обороны Египта подписали контракт на поставку вертолетов."
    assert one(text, lexicon).parties == ["EG", "RU"]


def test_a_lowercase_word_is_never_an_organisation_party(lexicon):
    text = "Баку и Пекин подписали декларацию, что для нас очень важно."
    assert one(text, lexicon).parties == ["AZ", "CN"]


def test_a_quoted_name_is_the_title(lexicon):
    text = "Стороны подписали меморандум «О сотрудничестве в области военного образования»."
    assert one(text, lexicon).title == "меморандум «О сотрудничестве в области военного образования»"


def test_a_joint_statement_counts_even_when_the_text_does_not_say_it_was_adopted(lexicon):
    text = "В совместном заявлении по итогам переговоров Россия и Вьетнам подтвердили курс на партнерство."
    agreement = one(text, lexicon)
    assert (agreement.kind, agreement.title, agreement.parties) == (
        "statement",
        "совместное заявление по итогам переговоров",
        ["RU", "VN"],
    )


def test_the_title_keeps_model_names_and_numbers(lexicon):
    text = "Армения и Франция подписали контракт на поставку трех радаров GM 200."
    assert one(text, lexicon).title == "контракт на поставку трех радаров GM 200"


def test_a_document_named_inside_another_is_part_of_its_title(lexicon):
    # The document a protocol amends is part of the protocol's name, and also a document of its own
    # (it exists: it is being amended) — as the webtext gold counts it (063, 064).
    text = "Стороны подписали протокол о внесении изменений в соглашение о военно-техническом сотрудничестве."
    found = {a.kind: a for a in agreements(text, lexicon)}
    assert (
        found["protocol"].title
        == "протокол о внесении изменений в соглашение о военно-техническом сотрудничестве"
    )
    assert found["agreement"].title == "соглашение о военно-техническом сотрудничестве"


def test_a_document_that_entered_into_force_is_in_force(lexicon):
    text = "Вступившее в силу соглашение о взаимном доступе расширяет учения."
    assert one(text, lexicon).status == "in_force"


def test_a_later_mention_of_planned_signing_moves_a_draft_on(lexicon):
    text = (
        "Делегации согласовали проект соглашения о военном сотрудничестве. "
        "Соглашение о военном сотрудничестве планируется подписать в мае."
    )
    assert one(text, lexicon).status == "planned"


# --- wider wordings ------------------------------------------------------------------------------


def test_a_plan_to_sign_may_put_several_words_before_the_verb(lexicon):
    text = (
        "Берлин и Иерусалим намерены в следующем году подписать соглашение о сотрудничестве в киберобороне."
    )
    found = one(text, lexicon)
    assert (found.kind, found.status, found.parties) == ("agreement", "planned", ["DE", "IL"])


def test_a_treaty_named_by_its_title_exists_though_no_verb_says_so(lexicon):
    text = (
        "Основы дружбы Китая и Пакистана закреплены в Договоре о дружбе, сотрудничестве и "
        "добрососедских отношениях 2005 года."
    )
    found = one(text, lexicon)
    assert found.kind == "treaty" and found.status == "signed"
    assert found.title == "Договор о дружбе, сотрудничестве и добрососедских отношениях"
    assert found.parties == ["CN", "PK"]


def test_a_many_sided_treaty_cited_by_name_is_no_cooperation_agreement(lexicon):
    text = "Россия и Иран привержены Договору о нераспространении ядерного оружия 1968 года."
    assert agreements(text, lexicon) == []


def test_a_document_to_be_signed_is_not_the_one_signed_later_in_the_text(lexicon):
    text = (
        "Соответствующее соглашение министры обороны Индии и Франции намерены подписать весной. "
        "Министры также подвели итоги выполнения соглашения о поставке 26 истребителей, подписанного "
        "в 2025 году Индией и Францией."
    )
    found = agreements(text, lexicon)
    assert sorted((a.kind, a.status) for a in found) == [("agreement", "planned"), ("agreement", "signed")]


def test_a_bare_mention_after_a_named_document_is_still_that_document(lexicon):
    text = (
        "Россия и Индия подписали соглашение о военно-техническом сотрудничестве. "
        "Ранее сообщалось, что соглашение будет подписано в марте."
    )
    assert len(agreements(text, lexicon)) == 1


def test_with_a_partner_and_no_subject_the_other_party_is_the_state_the_article_is_about(lexicon):
    text = (
        "Турция подписала на выставке десятки контрактов. Турецкие компании довольны. "
        "Министр обороны Турции отметил рост экспорта. С Пакистаном подписано соглашение о "
        "совместном производстве корветов."
    )
    found = one(text, lexicon)
    assert found.parties == ["PK", "TR"]


def test_with_a_partner_and_no_clear_protagonist_nothing_is_added(lexicon):
    text = "Индия и Франция ведут переговоры. С Пакистаном подписано соглашение о поставках."
    assert one(text, lexicon).parties == ["PK"]


def test_the_one_who_tells_of_a_signing_is_not_a_signatory(lexicon):
    text = "По словам Писториуса, Берлин и Киев подписали меморандум о производстве беспилотников."
    speaker = OfficialMention(name="Борис Писториус", country="DE", spans=[(10, 20)])
    found = one(text, lexicon, officials=[speaker])
    assert found.signatories == []
    assert found.parties == ["DE", "UA"]


def test_state_named_as_an_obstacle_is_no_party(lexicon):
    text = (
        "Контракт на поставку вертолетов, подписанный в 2019 году, не был исполнен из-за угрозы "
        "американских санкций."
    )
    assert one(text, lexicon).parties == []
    text = "Индия подписала контракт на поставку танков несмотря на давление США."
    assert "US" not in one(text, lexicon).parties
