"""One definition of each idea: the text normaliser, visibility, the fields an editor protects.

Each is written once; these tests pin what it does and fail when a copy of it appears elsewhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from articles.pipeline.text import fold, normalise, normalise_apostrophes, spelled_like

ARTICLES = Path(__file__).resolve().parent.parent / "articles"
TEXT_MODULE = ARTICLES / "pipeline" / "text.py"


def yo_replacements(path: Path) -> list[int]:
    """Lines of `path` that fold ё into е by hand (`….replace("ё", "е")`)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "replace"
            and [a.value for a in node.args if isinstance(a, ast.Constant)][:1] in (["ё"], ["Ё"])
        ):
            lines.append(node.lineno)
    return lines


def test_normalise_folds_case_yo_and_spaces_into_one_key():
    assert normalise("  Шойгу\u00a0 Сергей\nКУЖУГЕТОВИЧ ") == "шойгу сергей кужугетович"
    assert normalise("Приёмка") == normalise("ПРИЕМКА") == "приемка"
    assert normalise("ЁЖ") == "еж"


def test_fold_keeps_every_offset_of_the_original():
    body = "Встреча в Пхеньяне: КНДР и Россия. İstanbul, ёлка."
    folded = fold(body)
    assert len(folded) == len(body)
    assert folded.index("кндр") == body.index("КНДР")
    assert folded.index("елка") == body.index("ёлка")
    assert "  " in fold("два  пробела")  # spaces are not collapsed: that would move offsets


def test_the_apostrophe_variant_reads_a_typographic_apostrophe_as_the_plain_one():
    assert normalise_apostrophes("Кот-д’Ивуар") == normalise_apostrophes("Кот-д'Ивуар") == "кот-д'ивуар"
    assert normalise("Кот-д’Ивуар") != normalise("Кот-д'Ивуар")


def test_an_inflection_is_spelled_as_the_author_spelled_the_word():
    assert spelled_like("королёв", "Королевым") == "Королев"
    assert spelled_like("королёв", "Королёвым") == "Королёв"
    assert spelled_like("министр", "министром") == "министр"


def test_no_module_but_the_normaliser_folds_yo_by_hand():
    copies = {
        str(path.relative_to(ARTICLES.parent)): lines
        for path in sorted(ARTICLES.rglob("*.py"))
        if path != TEXT_MODULE and "migrations" not in path.parts and (lines := yo_replacements(path))
    }
    assert copies == {}


@pytest.mark.django_db
def test_the_archive_stores_names_under_the_normalisers_key():
    from articles.models import Country, Official, Outlet, OutletAlias

    official = Official.objects.create(
        full_name="Белоусов  Андрей Рэмович", country=Country.objects.get(iso="RU")
    )
    alias = OutletAlias.objects.create(
        outlet=Outlet.objects.create(name="Северный вестник"), spelling="СЕВЕРНЫЙ  ВЁСТНИК "
    )
    assert official.normalised == normalise("белоусов андрей рэмович")
    assert alias.normalised == "северный вестник"


# --- the fields an editor protects ----------------------------------------------------------------


def test_an_editors_change_protects_the_fields_it_stands_for():
    from articles.models import Agreement, Article, Official

    article = Article(title="Заголовок")
    article.record_edits(["title", "date_month", "review_state"])  # review_state protects nothing
    assert article.edited_fields == ["date_day", "date_month", "date_year", "title", "title_derived"]
    assert article.protected() == {"title", "title_derived", "date_year", "date_month", "date_day"}
    assert Article(edited_fields=["source_id"]).protected() == {"source"}  # an older record's name
    official = Official(full_name="Иванов Иван")
    official.record_edits(["position"])
    assert official.protected() == {"position"}
    agreement = Agreement(title="Меморандум")
    agreement.record_edits(["parties", "date_year"])
    assert agreement.protected() == {"parties", "date_year", "date_month", "date_day"}


def test_the_admin_and_the_importer_share_one_vocabulary_of_protected_fields():
    from django.contrib import admin

    from articles.models import Agreement, Article, Official

    for model in (Article, Official, Agreement):
        model_admin = admin.site._registry[model]
        assert not hasattr(model_admin, "protected_fields"), model_admin
    sources = {
        str(path.relative_to(ARTICLES.parent))
        for path in ARTICLES.rglob("*.py")
        if "PROTECTS = {" in path.read_text(encoding="utf-8")
        or "PROTECTED_FIELDS" in path.read_text(encoding="utf-8")
    }
    # Each model beside its own table: articles, people (officials), the registry (agreements).
    assert sources == {
        "articles/models/archive.py",
        "articles/models/people.py",
        "articles/models/registry.py",
    }


# --- visibility -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_official_or_agreement_is_visible_unless_every_claim_on_it_was_rejected():
    from admin_helpers import make_article

    from articles.models import Agreement, AgreementClaim, ClaimState, Official, OfficialClaim

    first, second = make_article(), make_article()
    officials = {
        name: Official.objects.create(full_name=name) for name in ("Без упоминаний", "Отклонён", "Спорный")
    }
    OfficialClaim.objects.create(article=first, official=officials["Отклонён"], state=ClaimState.REJECTED)
    OfficialClaim.objects.create(article=first, official=officials["Спорный"], state=ClaimState.REJECTED)
    OfficialClaim.objects.create(article=second, official=officials["Спорный"], state=ClaimState.PROPOSED)
    agreements = {
        title: Agreement.objects.create(title=title) for title in ("Своё", "Отклонённое", "Подтверждённое")
    }
    AgreementClaim.objects.create(
        article=first, agreement=agreements["Отклонённое"], state=ClaimState.REJECTED
    )
    AgreementClaim.objects.create(
        article=first, agreement=agreements["Подтверждённое"], state=ClaimState.CONFIRMED
    )

    def names(queryset, attr):
        return sorted(getattr(row, attr) for row in queryset)

    assert names(Official.objects.visible(), "full_name") == ["Без упоминаний", "Спорный"]
    assert names(Agreement.objects.visible(), "title") == ["Подтверждённое", "Своё"]
    for model, attr in ((Official, "full_name"), (Agreement, "title")):
        assert names(model.objects.visible(expect_most=True), attr) == names(model.objects.visible(), attr)
    claim = OfficialClaim.objects.get(article=second)
    assert claim.is_visible and OfficialClaim.objects.visible().get() == claim


def test_only_the_models_state_which_claims_are_visible():
    """Pages, feeds, exports, the admin and the writer all ask the models; none re-states the test."""
    phrases = ("VISIBLE_STATES", "state__in", "every.visible()")
    restated = {
        str(path.relative_to(ARTICLES.parent))
        for path in ARTICLES.rglob("*.py")
        if "migrations" not in path.parts and any(p in path.read_text(encoding="utf-8") for p in phrases)
    }
    assert restated == {
        "articles/models/common.py",
        "articles/models/claims.py",
        "articles/models/__init__.py",
    }


# --- dates in the page's language -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "date", "shown"),
    [
        ("ru", (2024, 8, 18), "18 августа 2024"),
        ("en", (2024, 8, 18), "18 August 2024"),
        ("ru", (2024, 3, None), "Март 2024"),
        ("en", (2024, 3, None), "March 2024"),
        ("ru", (2024, None, None), "2024"),
        ("ru", (None, 2, 29), "29 февраля, год не указан"),
        ("en", (None, 2, 29), "29 February, year unknown"),
        ("ru", (None, None, None), "дата неизвестна"),
        ("en", (None, None, None), "date unknown"),
    ],
)
def test_a_date_is_shown_at_its_precision_in_the_pages_language(language, date, shown):
    from django.utils import translation

    from articles.pipeline.dates import PartialDate
    from articles.web.presentation import human_date

    with translation.override(language):
        assert human_date(PartialDate(*date)) == shown


def test_month_names_for_display_come_from_djangos_locales_not_from_our_code():
    months = ("январ", "феврал", "июн", "июл", "сентябр", "January", "February", "June", "July", "September")
    lists_months = {
        str(path.relative_to(ARTICLES.parent))
        for folder in ("web", "admin", "templatetags", "models")
        for path in (ARTICLES / folder).rglob("*.py")
        if sum(name in path.read_text(encoding="utf-8") for name in months) >= 2
    }
    assert lists_months == set()
