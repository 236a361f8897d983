"""Each mention reads its document well: one document once, its whole title, who signed it in any
voice, the stage as worded and the date of that stage (issue 14, part 1)."""

import json
from io import StringIO

import pytest
from agreement_helpers import agreements, one
from django.core.management import call_command

from articles.models import Agreement, Article
from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.entities import OfficialMention
from articles.pipeline.extraction.lexicon import Lexicon
from articles.web.exporting import EXPORT_STATUS


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


def official(text, name, country, form=None):
    start = text.index(form or name)
    return OfficialMention(name=name, country=country, spans=[(start, start + len(form or name))])


# - one document, one mention -


def test_a_document_named_again_in_other_words_is_one_agreement(lexicon):
    text = (
        "Россия и Куба подписали межправительственное соглашение о сотрудничестве в военной сфере. "
        "Госдума ратифицировала соглашение России и Кубы о военном сотрудничестве."
    )
    found = one(text, lexicon)
    assert found.status == "ratified"
    assert len(found.spans) == 2


def test_two_documents_between_one_pair_with_different_subjects_stay_two(lexicon):
    text = (
        "Россия и Сербия подпишут соглашение о военном сотрудничестве. "
        "Россия и Сербия также подпишут соглашение о военно-техническом сотрудничестве."
    )
    assert len(agreements(text, lexicon)) == 2


def test_one_title_with_two_different_pairs_is_two_documents(lexicon):
    text = (
        "Министры обороны России и Казахстана подписали план сотрудничества на 2019 год. "
        "Министры обороны России и Таджикистана подписали план сотрудничества на 2019 год."
    )
    assert sorted(a.parties for a in agreements(text, lexicon)) == [["KZ", "RU"], ["RU", "TJ"]]


def test_a_pointing_anaphor_of_another_kind_is_the_document_named_before(lexicon):
    text = (
        "Договор о создании единой системы ПВО между Россией и Белоруссией может быть подписан в пятницу. "
        "Главком хотел, чтобы завтра состоялось подписание этого соглашения."
    )
    found = one(text, lexicon)
    assert (found.kind, found.status) == ("treaty", "planned")


def test_document_as_anaphor_brings_its_stage_and_date(lexicon):
    text = (
        "Украина и Япония подписали меморандум о сотрудничестве в сфере обороны. "
        "Документ был подписан в ходе визита делегации в Японию 11 октября."
    )
    found = one(text, lexicon, date=PartialDate(2018, 10, 16))
    assert found.date.iso() == "2018-10-11"


def test_documents_counted_together_are_not_one_document(lexicon):
    text = (
        "Верховная рада расторгла пять соглашений между Украиной и Россией о сотрудничестве в военной сфере."
    )
    assert agreements(text, lexicon) == []


def test_documents_named_in_the_plural_are_not_one_document(lexicon):
    text = "Россия прекратила действие соглашений о военном сотрудничестве с Францией и Канадой."
    assert agreements(text, lexicon) == []


def test_each_document_named_with_its_partner_has_that_partner_and_the_subject(lexicon):
    text = (
        "Россия прекратила действие ряда военных соглашений. Прекращены "
        "соглашение о визитах по военной линии с Канадой от 1989 года и договор о сотрудничестве в "
        "области обороны с Францией от 1994 года."
    )
    found = sorted((a.kind, a.parties, a.status, a.date.iso()) for a in agreements(text, lexicon))
    assert found == [
        ("agreement", ["CA", "RU"], "terminated", "1989"),
        ("treaty", ["FR", "RU"], "terminated", "1994"),
    ]


def test_a_pronoun_at_a_stage_verb_is_the_document_named_before(lexicon):
    text = (
        "Россия и Куба подписали соглашение о военном сотрудничестве в марте 2025 года. "
        "Госдума ратифицировала его 7 октября."
    )
    found = one(text, lexicon, date=PartialDate(2025, 10, 8))
    assert (found.status, found.date.iso(), found.title) == (
        "ratified",
        "2025-03",
        "соглашение о военном сотрудничестве",
    )


def test_a_pronoun_of_another_gender_or_away_from_a_stage_verb_is_not_the_document(lexicon):
    text = (
        "Россия и Куба подписали соглашение о военном сотрудничестве. Министр назвал его важным. "
        "Программа учений утверждена, она вступит в силу позже."
    )
    assert one(text, lexicon).status == "signed"


# - the whole title -


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Стороны подписали меморандум о взаимопонимании между управлением международного военного "
            "сотрудничества Министерства обороны Республики Беларусь и Управлением международного военного "
            "сотрудничества Центрального военного совета КНР.",
            "меморандум о взаимопонимании между управлением международного военного сотрудничества "
            "Министерства обороны Республики Беларусь и Управлением международного военного сотрудничества "
            "Центрального военного совета КНР",
        ),
        (
            "Министры обороны России и Узбекистана подписали план военного сотрудничества на 2025 год.",
            "план военного сотрудничества на 2025 год",
        ),
        (
            "Об этом говорится в подписанном Россией и Ираном соглашении о совместном производстве беспилотников.",
            "соглашение о совместном производстве беспилотников",
        ),
        (
            "Россия и Португалия подписали соглашение о сотрудничестве в военной области в Лиссабоне.",
            "соглашение о сотрудничестве в военной области",
        ),
        (
            "Кабмин Украины прекратил действие соглашения с РФ в сфере экспорта военных товаров.",
            "соглашение в сфере экспорта военных товаров",
        ),
        (
            "Министры России и Казахстана утвердили план сотрудничества между министерствами обороны двух стран "
            "на 2019 год.",
            "план сотрудничества между министерствами обороны двух стран на 2019 год",
        ),
    ],
)
def test_the_title_is_the_whole_name_in_the_nominative(text, title, lexicon):
    assert one(text, lexicon).title == title


def test_a_document_named_by_another_in_the_genitive_is_one_document(lexicon):
    text = "Лукашенко одобрил проект белорусско-российского соглашения программы военно-технического сотрудничества."
    found = one(text, lexicon)
    assert (found.kind, found.status) == ("agreement", "draft")
    assert found.title == "белорусско-российское соглашение программы военно-технического сотрудничества"


def test_a_short_adjective_after_the_name_is_not_part_of_it(lexicon):
    text = "Россия и Казахстан подписали план сотрудничества. Реализуемый план сотрудничества широк."
    assert one(text, lexicon).title == "план сотрудничества"


def test_a_target_year_in_the_name_is_not_the_documents_date(lexicon):
    text = "Лукашенко одобрил программу военно-технического сотрудничества России и Белоруссии до 2025 года."
    assert not one(text, lexicon).date


# - signatories in every voice -


def test_the_agents_of_a_passive_signing_are_its_signatories(lexicon):
    text = (
        "Договор о всеобъемлющем стратегическом партнерстве был подписан президентом России Владимиром "
        "Путиным и президентом Ирана Масудом Пезешкианом в Москве."
    )
    people = [
        official(text, "Владимир Путин", "RU", "Владимиром Путиным"),
        official(text, "Масуд Пезешкиан", "IR", "Масудом Пезешкианом"),
    ]
    assert one(text, lexicon, officials=people).signatories == ["Владимир Путин", "Масуд Пезешкиан"]


def test_the_agents_of_a_signing_participle_are_its_signatories(lexicon):
    text = (
        "Стороны обсудили реализацию Договора о стратегическом партнерстве между Россией и КНДР, "
        "подписанного Владимиром Путиным и Ким Чен Ыном 19 июня 2024 года."
    )
    people = [
        official(text, "Владимир Путин", "RU", "Владимиром Путиным"),
        official(text, "Ким Чен Ын", "KP", "Ким Чен Ыном"),
    ]
    found = one(text, lexicon, officials=people)
    assert found.signatories == ["Владимир Путин", "Ким Чен Ын"]
    assert found.date.iso() == "2024-06-19"


def test_the_partner_of_a_signing_with_someone_is_a_signatory(lexicon):
    text = "Сергей Шойгу подписал план сотрудничества России и Таджикистана с министром обороны Шерали Мирзо."
    people = [official(text, "Сергей Шойгу", "RU"), official(text, "Шерали Мирзо", "TJ")]
    assert one(text, lexicon, officials=people).signatories == ["Сергей Шойгу", "Шерали Мирзо"]


def test_the_inverted_subject_of_an_active_signing_is_a_signatory(lexicon):
    text = "Контракт ОАЭ и Китая на поставку самолетов подписал генеральный директор Тарик Аль-Хосани."
    people = [official(text, "Тарик Аль-Хосани", "AE")]
    assert one(text, lexicon, officials=people).signatories == ["Тарик Аль-Хосани"]


def test_who_ratified_or_who_told_of_it_did_not_sign(lexicon):
    text = "Госдума по предложению Владимира Путина ратифицировала соглашение России и Кубы о военном сотрудничестве."
    people = [official(text, "Владимир Путин", "RU", "Владимира Путина")]
    assert one(text, lexicon, officials=people).signatories == []


# - the stage as worded -


@pytest.mark.parametrize(
    "text, status",
    [
        ("Россия и Иран подпишут соглашение о военном сотрудничестве.", "planned"),
        ("Россия и Иран намерены подписать соглашение о военном сотрудничестве.", "planned"),
        (
            "Путин распорядился подписать договор с Узбекистаном о развитии военного сотрудничества.",
            "planned",
        ),
        ("Россия и Иран обсудили проект соглашения о военном сотрудничестве.", "draft"),
        (
            "Россия и Египет парафировали проект соглашения о совместном производстве боеприпасов.",
            "initialled",
        ),
        ("Россия и Египет парафировали соглашение о совместном производстве боеприпасов.", "initialled"),
        ("Россия и Индия подписали соглашение о взаимном материально-техническом обеспечении.", "signed"),
        ("Госдума ратифицировала соглашение России и Кубы о военном сотрудничестве.", "ratified"),
        (
            "Депутаты проголосовали за ратификацию соглашения России и Кубы о военном сотрудничестве.",
            "ratified",
        ),
        ("Договор России и Ирана о стратегическом партнерстве вступил в силу.", "in_force"),
        ("Россия и Киргизия продлили соглашение о военной базе еще на 15 лет.", "extended"),
        (
            "Украина приостановила действие соглашения с Россией о военно-техническом сотрудничестве.",
            "suspended",
        ),
        ("Россия денонсировала соглашение с Украиной о сотрудничестве в военной области.", "terminated"),
        ("Кабмин Украины прекратил действие соглашения с Россией о поставках вооружения.", "terminated"),
        ("США вышли из договора с Россией о ракетах средней и меньшей дальности.", "terminated"),
        ("Контракт Индии и Франции на постройку подводных лодок до сих пор не подписан.", "planned"),
        (
            "Госдума рассмотрит законопроект о ратификации соглашения России и Кубы о военном сотрудничестве.",
            "signed",
        ),
    ],
)
def test_each_stage_is_read_from_its_wording(text, status, lexicon):
    assert one(text, lexicon).status == status


def test_the_latest_stage_a_text_reports_is_the_documents(lexicon):
    text = (
        "Договор России и Ирана о стратегическом партнерстве был подписан в январе 2025 года. "
        "Документ ратифицирован парламентами двух стран и вступил в силу."
    )
    assert one(text, lexicon).status == "in_force"


# - a date for the stage -


@pytest.mark.parametrize(
    "text, article_date, date",
    [
        (
            "Россия и Куба сегодня подписали соглашение о военном сотрудничестве.",
            PartialDate(2025, 10, 7),
            "2025-10-07",
        ),
        (
            "Россия и Куба вчера подписали соглашение о военном сотрудничестве.",
            PartialDate(2025, 10, 1),
            "2025-09-30",
        ),
        # 29 November 2016 was a Tuesday: «во вторник» is the article's own day.
        (
            "Россия и Узбекистан во вторник подписали договор о военном сотрудничестве.",
            PartialDate(2016, 11, 29),
            "2016-11-29",
        ),
        (
            "Россия и Узбекистан в понедельник подписали договор о военном сотрудничестве.",
            PartialDate(2016, 11, 29),
            "2016-11-28",
        ),
        (
            "Россия и Куба в прошлом месяце подписали соглашение о военном сотрудничестве.",
            PartialDate(2025, 1, 15),
            "2024-12",
        ),
        (
            "Россия и Куба в мае этого года подписали соглашение о военном сотрудничестве.",
            PartialDate(2025, 8, 4),
            "2025-05",
        ),
        # The article gives no year: neither does the document.
        (
            "Россия и Куба вчера подписали соглашение о военном сотрудничестве.",
            PartialDate(None, 10, 7),
            "--10-06",
        ),
        (
            "Россия и Куба сегодня подписали соглашение о военном сотрудничестве.",
            PartialDate(2025, 10),
            "2025-10",
        ),
    ],
)
def test_a_relative_date_is_resolved_against_the_articles_date(text, article_date, date, lexicon):
    assert one(text, lexicon, date=article_date).date.iso() == date


@pytest.mark.parametrize(
    "text, article_date",
    [
        ("Россия и Куба сегодня подписали соглашение о военном сотрудничестве.", None),
        ("Россия и Куба в прошлом месяце подписали соглашение о военном сотрудничестве.", None),
        (
            "Россия и Куба в мае этого года подписали соглашение о военном сотрудничестве.",
            PartialDate(None, 8, 4),
        ),
        (
            "Россия и Узбекистан во вторник подписали договор о военном сотрудничестве.",
            PartialDate(None, 11, 29),
        ),
    ],
)
def test_a_relative_date_the_article_cannot_resolve_gives_no_date(text, article_date, lexicon):
    assert not one(text, lexicon, date=article_date).date


def test_a_document_signed_in_the_news_takes_the_articles_day(lexicon):
    text = "Министры обороны России и Белоруссии подписали в Минске план сотрудничества на 2026 год."
    assert one(text, lexicon, date=PartialDate(None, 12, 19)).date.iso() == "--12-19"


def test_then_takes_the_date_of_the_sentence_before(lexicon):
    text = (
        "Соглашение о производстве беспилотников было подписано в мае 2022 года. "
        "Тогда же Казахстан и Турция подписали Совместную декларацию о стратегическом партнерстве."
    )
    found = [a for a in agreements(text, lexicon, date=PartialDate(2025, 5, 6)) if a.kind == "declaration"]
    assert [a.date.iso() for a in found] == ["2022-05"]


def test_a_dateline_without_a_year_takes_the_year_of_the_event_the_article_names(lexicon):
    text = "В ходе выставки IDEX-2025 Эмираты и Китай подписали контракт на поставку самолетов L-15."
    assert one(text, lexicon, date=PartialDate(None, 2, 20)).date.iso() == "2025-02-20"


def test_a_document_recalled_as_background_does_not_take_the_articles_day(lexicon):
    text = "Напомним, ранее Россия и Белоруссия подписали Договор о гарантиях безопасности."
    assert not one(text, lexicon, date=PartialDate(2025, 12, 19)).date


def test_a_later_stage_keeps_the_day_the_document_was_signed(lexicon):
    text = (
        "Депутаты во вторник ратифицировали соглашение России и Кубы о военном сотрудничестве, "
        "подписанное в Гаване 13 марта 2025 года."
    )
    found = one(text, lexicon, date=PartialDate(2025, 10, 7))
    assert (found.status, found.date.iso()) == ("ratified", "2025-03-13")


def test_a_denounced_document_is_dated_by_the_day_it_is_known_by(lexicon):
    text = "Украина приостановила действие соглашения о военно-техническом сотрудничестве с Россией от 26 мая 1993 года."
    found = one(text, lexicon, date=PartialDate(2015, 5, 20))
    assert (found.status, found.date.iso()) == ("suspended", "1993-05-26")


# - the export carries the stage under the vocabulary of the datasets -


def test_every_stage_exports_under_its_own_name_and_other_as_none():
    assert EXPORT_STATUS["terminated"] == "terminated"
    assert EXPORT_STATUS["in_force"] == "in_force"
    assert EXPORT_STATUS[Agreement.Status.OTHER] is None
    assert set(EXPORT_STATUS) == set(Agreement.Status.values)


@pytest.mark.parametrize("status", ["extended", "suspended", "terminated"])
def test_a_document_past_its_signing_counts_as_signed(status):
    assert Agreement(status=status).signed
    assert not Agreement(status="planned").signed


@pytest.mark.django_db
def test_the_export_gives_each_agreement_its_stage_and_the_signing_date(tmp_path):
    (tmp_path / "a.txt").write_text(
        " date 2025-10-07 Госдума ратифицировала соглашение с Кубой\n"
        "Депутаты Госдумы во вторник ратифицировали межправительственное соглашение России и Кубы о "
        "сотрудничестве в военной сфере, подписанное в Гаване 13 марта 2025 года.\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    out = StringIO()
    call_command("export_articles", "--format", "jsonl", stdout=out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert Article.objects.count() == 1
    [agreement] = record["agreements"]
    assert (agreement["status"], agreement["signed"], agreement["date"]) == ("ratified", True, "2025-03-13")


# - a stage's date, the parties a sentence leaves out (branch regfix) -


def test_a_signed_stage_is_never_dated_after_its_article(lexicon):
    text = (
        "Министры обороны Казахстана и Узбекистана утвердили программу военного сотрудничества на "
        "период с 2027 г. по 2031 г. Стороны подписали документ в ходе заседания коллегии."
    )
    found = one(text, lexicon, date=PartialDate(2026, 3, 4))
    assert found.status == "signed"
    assert found.date.year != 2027  # the programme's term, not its signing
    assert one(text, lexicon, date=PartialDate(2028, 3, 4)).date.year == 2027  # possible then


def test_a_planned_stage_may_be_dated_after_its_article(lexicon):
    text = "Казахстан и Узбекистан намерены подписать соглашение о военном сотрудничестве в 2027 году."
    found = one(text, lexicon, date=PartialDate(2026, 3, 4))
    assert (found.status, found.date.year) == ("planned", 2027)


def test_a_partner_named_with_another_partners_clause_is_the_documents_only_partner(lexicon):
    text = (
        "Россия создает объединенные системы ПВО с союзниками. Правительство России одобрило проект "
        "соглашения с Арменией о совместной системе ПВО. Ранее Россия провела учения. "
        "С Казахстаном соглашение о создании системы ПВО было подписано в 2013 году, с Белоруссией "
        "российская система ПВО уже объединена."
    )
    kazakh = [a for a in agreements(text, lexicon) if "KZ" in a.parties]
    assert [a.parties for a in kazakh] == [["KZ", "RU"]]


def test_a_partner_with_no_subject_gets_the_state_named_most_often(lexicon):
    text = (
        "Правительство России одобрило проект соглашения с Арменией о совместной системе ПВО. "
        "Россия и Армения обсуждают его с 2014 года, Россия работает и с другими странами. "
        "С Казахстаном соглашение о создании системы ПВО было подписано в 2013 году."
    )
    kazakh = [a for a in agreements(text, lexicon) if "KZ" in a.parties]
    assert [a.parties for a in kazakh] == [["KZ", "RU"]]


def _extracted(text, lexicon):
    from articles.pipeline.extraction.pipeline import extract
    from articles.pipeline.parsing import parse_text

    return extract(parse_text(text, "a.txt", lexicon.outlets), lexicon)


def test_a_treaty_with_one_party_gets_the_texts_only_other_state(lexicon):
    text = (
        "Госдума приняла закон о приостановке участия в ДСНВ\n"
        "Депутаты Госдумы проголосовали за законопроект о приостановлении участия России в Договоре о "
        "сокращении стратегических наступательных вооружений.\n"
        "Документом приостанавливается действие Договора, заключенного в Праге 8 апреля 2010 года.\n"
        "Минобороны поручено быть готовым к испытаниям, если их первыми проведут США.\n"
    )
    result = _extracted(text, lexicon)
    assert [(a.kind, a.parties) for a in result.agreements] == [("treaty", ["RU", "US"])]
    crowded = text.replace("проведут США", "проведут США или Китай")
    assert _extracted(crowded, lexicon).agreements == []  # two others: nothing tells which


def test_treaties_written_by_their_official_names_stay_apart_when_the_names_differ(lexicon):
    text = (
        "Последнее соглашение между Россией и Францией в этой сфере — Договор о сокращении обычных "
        "вооружений — прекратило свое действие 5 февраля. Истекшее соглашение Москвы и Парижа вступило в силу в 2011 "
        "году и заменило собой Договор об обычных вооружениях 1990 года и Договор о сокращении "
        "обычных потенциалов 2002 года."
    )
    titles = sorted(a.title for a in agreements(text, lexicon))
    assert titles == [
        "Договор о сокращении обычных вооружений",
        "Договор о сокращении обычных потенциалов",
        "Договор об обычных вооружениях",
    ]


def test_an_official_name_shortened_from_its_end_is_the_same_treaty(lexicon):
    text = (
        "Россия и Франция подписали Договор о дружбе и сотрудничестве. "
        "Стороны ратифицировали Договор о дружбе в 2001 году."
    )
    assert len(agreements(text, lexicon)) == 1


# - one subject, other words, in one text (tests/data/registry2) -


def test_one_subject_in_synonyms_is_one_document(lexicon):
    text = (
        "Украина и США подписали соглашение о полезных ископаемых. "
        "Верховная Рада ратифицировала соглашение между Украиной и США о недрах."
    )
    assert one(text, lexicon).status == "ratified"


def test_two_names_differing_only_in_generic_words_are_one_document(lexicon):
    text = (
        "Россия и Индия подписали соглашение об отправке военных. "
        "Госдума ратифицировала соглашение между Россией и Индией о порядке отправки солдат."
    )
    assert one(text, lexicon).status == "ratified"


def test_a_subject_of_generic_words_only_is_still_not_a_narrower_one(lexicon):
    text = (
        "Россия и Индия подписали соглашение о военном сотрудничестве. "
        "Госдума ратифицировала соглашение между Россией и Индией о военно-техническом сотрудничестве."
    )
    assert len(agreements(text, lexicon)) == 2


def test_a_day_after_a_documents_name_without_ot_is_not_its_signing(lexicon):
    found = one("Депутаты Украины ратифицировали соглашение о недрах с США 8 мая.", lexicon)
    assert found.title == "соглашение о недрах"
    assert not found.date
    dated = one(
        "Россия и Иран продлили соглашение о военном сотрудничестве от 18 февраля 2025 года.", lexicon
    )
    assert dated.date == PartialDate(2025, 2, 18)


def test_a_name_said_without_a_stage_names_the_bare_noun_that_reports_one(lexicon):
    text = (
        "Комитет Совфеда поддержал соглашение России и Сирии о расширении пункта ВМФ в Тартусе. "
        "21 декабря Государственная дума ратифицировала данное соглашение."
    )
    found = one(text, lexicon)
    assert found.title.startswith(
        "соглашение России и Сирии о расширении пункта ВМФ"
    ) or found.title.startswith("соглашение о расширении пункта ВМФ")
    assert found.status == "ratified"


def test_a_provision_to_extend_a_document_is_no_stage(lexicon):
    text = (
        "Россия и Сирия подписали соглашение о базе в Тартусе. Соглашение действует в течение 49 лет "
        "с возможностью его автоматического продления на 25-летние периоды."
    )
    assert one(text, lexicon).status == "signed"
    assert one("Россия и США продлили договор о СНВ на пять лет.", lexicon).status == "extended"
