"""Documents told under a lead that speaks of several (issue 14, round agreements11; found on
tests/data/agreements10, checked here on made-up sentences): items of a numbered list under «подписали 2
соглашения», and a document named as «главный из них» after
«подписан ряд документов»."""

import pytest
from agreement_helpers import agreements

from articles.pipeline.extraction.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


NUMBERED = (
    "Президенты Франции и Германии подписали 2 соглашения.\n"
    "1. «Соглашение о сотрудничестве в сфере науки между Правительством Франции и Правительством Германии».\n"
    "2. Межправительственный меморандум о взаимопонимании в сфере культуры между Францией и Германией.\n"
    "Позже они обсудили погоду.\n"
)


def test_the_items_of_a_numbered_list_take_the_stage_of_the_count_above(lexicon):
    found = sorted(agreements(NUMBERED, lexicon), key=lambda a: a.spans[-1])
    assert [(a.kind, a.status, a.parties) for a in found] == [
        ("agreement", "signed", ["DE", "FR"]),
        ("memorandum", "signed", ["DE", "FR"]),
    ]


def test_a_list_under_its_count_across_empty_lines_takes_its_stage(lexicon):
    # round agreements13 (agreements10 009): a lead, an empty line, items with empty lines between
    found = sorted(agreements(NUMBERED.replace("\n", "\n\n"), lexicon), key=lambda a: a.spans[-1])
    assert [(a.kind, a.status) for a in found] == [("agreement", "signed"), ("memorandum", "signed")]


def test_a_line_of_text_between_the_count_and_the_list_still_cuts_it(lexicon):
    text = NUMBERED.replace("\n1.", "\n\nЗатем они пообедали.\n\n1.", 1)
    assert agreements(text, lexicon) == []


def test_a_numbered_list_under_no_stage_is_no_document(lexicon):
    text = NUMBERED.replace("подписали", "обсуждали возможность")
    assert agreements(text, lexicon) == []


def test_a_list_item_far_from_the_count_takes_nothing(lexicon):
    text = (
        "Президенты Франции и Германии подписали 2 соглашения.\nЗатем они пообедали.\n"
        "1. Соглашение о сотрудничестве в сфере науки между Францией и Германией.\n"
    )
    assert agreements(text, lexicon) == []


def test_the_chief_of_several_documents_signed_is_signed(lexicon):
    text = (
        "В Варшаве был подписан пакет документов. Главный из них - соглашение о демаркации границы "
        "между Литвой и Польшей."
    )
    found = agreements(text, lexicon)
    assert [(a.kind, a.status, a.parties) for a in found] == [("agreement", "signed", ["LT", "PL"])]


def test_one_of_several_documents_only_discussed_is_no_document(lexicon):
    text = (
        "Министры Литвы и Польши обсудили ряд документов. Главный из них — соглашение о демаркации "
        "границы между Литвой и Польшей."
    )
    assert agreements(text, lexicon) == []


def test_a_state_named_in_an_aside_about_a_signatory_is_no_party(lexicon):
    text = (
        "В пятницу глава МИД Польши, который напомнил, как Россия давит на соседей, и министр "
        "иностранных дел Литвы подписали в Вильнюсе декларацию о стратегическом партнерстве."
    )
    found = agreements(text, lexicon)
    assert [(a.kind, a.parties) for a in found] == [("declaration", ["LT", "PL"])]


def test_a_third_state_that_signs_is_still_read(lexicon):
    text = (
        "В пятницу министры Польши, Литвы и Латвии подписали в Вильнюсе декларацию о стратегическом "
        "партнерстве."
    )
    found = agreements(text, lexicon)
    assert len(found) == 1 and len(found[0].parties) >= 2
