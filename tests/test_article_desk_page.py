"""An article's page on the desk: who decided each claim and when, rejection rather than deletion,
readable posts (the article's wording and the person's own), an explained pair strength, and a way
to the agreement's signatories."""

import pytest
from admin_helpers import add_inline_row, errors_of, form_data, make_article, make_editor, set_row
from django.urls import reverse

from articles.models import (
    Agreement,
    AgreementClaim,
    ArticlePair,
    ClaimState,
    CountryClaim,
    Official,
    OfficialClaim,
)

pytestmark = pytest.mark.django_db

BODY = "Министр обороны Китая Дун Цзюнь встретился с коллегой из России."


@pytest.fixture
def editor(client):
    user = make_editor("nina")
    client.force_login(user)
    return user


@pytest.fixture
def article():
    article = make_article("Китай и Россия", BODY)
    CountryClaim.objects.create(article=article, country_id="CN")
    CountryClaim.objects.create(article=article, country_id="RU")
    dun = Official.objects.create(full_name="Дун Цзюнь", country_id="CN", position="министр обороны КНР")
    OfficialClaim.objects.create(article=article, official=dun, position="министр обороны")
    ArticlePair.objects.create(
        article=article, country_a_id="CN", country_b_id="RU", primary=True, score=14.75
    )
    return article


def url_of(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def save(client, article, data):
    response = client.post(url_of(article), data)
    assert response.status_code == 302, errors_of(response)


def test_a_decision_records_who_made_it_and_the_page_shows_it(client, editor, article):
    data = form_data(client.get(url_of(article)))
    ru = article.country_claims.get(country_id="RU")
    cn = article.country_claims.get(country_id="CN")
    set_row(data, "country_claims", ru.pk, state="rejected")
    set_row(data, "country_claims", cn.pk, state="confirmed")
    save(client, article, data)
    ru.refresh_from_db()
    cn.refresh_from_db()
    assert (ru.state, ru.decided_by, cn.state, cn.decided_by) == ("rejected", editor, "confirmed", editor)
    assert ru.decided_at is not None

    html = client.get(url_of(article)).content.decode()
    assert "отклонил: nina" in html and "подтвердил: nina" in html
    assert "ждёт решения" in html  # the official's claim is still undecided


def test_putting_a_claim_back_to_proposed_forgets_who_decided(client, editor, article):
    ru = article.country_claims.get(country_id="RU")
    ru.state, ru.decided_by = ClaimState.REJECTED, editor
    ru.save()
    data = form_data(client.get(url_of(article)))
    set_row(data, "country_claims", ru.pk, state="proposed")
    save(client, article, data)
    ru.refresh_from_db()
    assert (ru.state, ru.decided_by, ru.decided_at) == ("proposed", None, None)


def test_confirming_in_bulk_records_the_editor(client, editor, article):
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "confirm_all_proposed", "_selected_action": [article.pk]},
    )
    assert set(CountryClaim.objects.values_list("decided_by", flat=True)) == {editor.pk}
    assert ArticlePair.objects.get().decided_by == editor


def test_the_pair_strength_is_explained_not_a_bare_weight(client, editor, article):
    html = client.get(url_of(article)).content.decode()
    assert "сила по тексту" in html.lower() and "сильная (14.8)" in html
    assert "признаков связи двух стран" in html
    assert ">Вес<" not in html and "14,75" not in html


def test_posts_are_shown_both_ways_and_the_input_is_not_cramped(client, editor, article):
    html = client.get(url_of(article)).content.decode()
    assert 'value="министр обороны"' in html  # the article's wording, editable
    assert "министр обороны КНР" in html  # the person's current post, beside it
    assert "должность лица сейчас" in html
    css = (
        pytest.importorskip("pathlib").Path(__file__).parents[1] / "articles/static/admin-extra/desk.css"
    ).read_text()
    assert "td.field-position input { width: 100%; min-width: 16em" in css


def test_correcting_the_post_in_an_article_can_correct_the_persons_post_too(client, editor, article):
    claim = OfficialClaim.objects.get()
    data = form_data(client.get(url_of(article)))
    set_row(
        data, "official_claims", claim.pk, position="министр национальной обороны КНР", also_official=True
    )
    save(client, article, data)
    claim.refresh_from_db()
    official = claim.official
    official.refresh_from_db()
    assert claim.position == official.position == "министр национальной обороны КНР"
    assert (claim.state, claim.decided_by) == ("confirmed", editor)  # re-extraction keeps it
    assert "position" in official.edited_fields  # imports keep the person's post too
    assert official.history.first().history_user == editor


def test_correcting_only_the_articles_wording_leaves_the_persons_post(client, editor, article):
    claim = OfficialClaim.objects.get()
    data = form_data(client.get(url_of(article)))
    set_row(data, "official_claims", claim.pk, position="глава военного ведомства")
    save(client, article, data)
    assert Official.objects.get().position == "министр обороны КНР"


def test_an_added_official_row_can_set_the_persons_post(client, editor, article):
    belousov = Official.objects.create(full_name="Андрей Белоусов", country_id="RU")
    data = form_data(client.get(url_of(article)))
    add_inline_row(
        data,
        "official_claims",
        official=belousov.pk,
        position="министр обороны России",
        state="confirmed",
        also_official=True,
    )
    save(client, article, data)
    assert Official.objects.get(pk=belousov.pk).position == "министр обороны России"


def test_the_agreement_row_shows_its_signatories_and_where_to_set_them(client, editor, article):
    agreement = Agreement.objects.create(title="Меморандум о сотрудничестве", kind="memorandum")
    agreement.signatories.set([Official.objects.get()])
    AgreementClaim.objects.create(article=article, agreement=agreement, match_key="m")
    html = client.get(url_of(article)).content.decode()
    assert "Подписанты" in html and "Дун Цзюнь" in html
    assert reverse("admin:articles_agreement_change", args=[agreement.pk]) + "#id_signatories" in html


def test_an_editor_sets_an_agreements_signatories_on_its_page(client, editor, article):
    agreement = Agreement.objects.create(title="Меморандум о сотрудничестве", kind="memorandum")
    url = reverse("admin:articles_agreement_change", args=[agreement.pk])
    page = client.get(url)
    assert 'name="signatories"' in page.content.decode()
    data = form_data(page)
    data["signatories"] = [str(Official.objects.get().pk)]
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert list(agreement.signatories.values_list("full_name", flat=True)) == ["Дун Цзюнь"]
    agreement.refresh_from_db()
    assert "signatories" in agreement.edited_fields


def test_the_agreements_page_shows_who_decided_each_mention(client, editor, article):
    agreement = Agreement.objects.create(title="Меморандум о сотрудничестве", kind="memorandum")
    AgreementClaim.objects.create(
        article=article, agreement=agreement, match_key="m", state=ClaimState.REJECTED, decided_by=editor
    )
    html = client.get(reverse("admin:articles_agreement_change", args=[agreement.pk])).content.decode()
    assert "отклонил: nina" in html
