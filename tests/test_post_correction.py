"""A person's post and the post as each article words it are two things: the official's page says
which is which and offers to correct the articles' wording too, only where the editor asks."""

import pytest
from admin_helpers import errors_of, form_data, make_article, make_editor
from django.urls import reverse

from articles.models import ClaimState, Official, OfficialClaim

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor("nina")
    client.force_login(user)
    return user


@pytest.fixture
def official():
    dun = Official.objects.create(full_name="Дун Цзюнь", country_id="CN", position="министр обороны")
    for i, post in enumerate(["министр обороны", "министр обороны", "командующий ВМС НОАК"]):
        OfficialClaim.objects.create(article=make_article(f"Статья {i}"), official=dun, position=post)
    return dun


def url_of(official) -> str:
    return reverse("admin:articles_official_change", args=[official.pk])


def test_the_officials_page_says_which_post_is_which_and_lists_the_articles_wordings(
    client, editor, official
):
    html = client.get(url_of(official)).content.decode()
    assert "Текущая должность лица" in html
    assert "Каждая статья хранит должность так, как названа в ней самой" in html
    assert "«министр обороны» — статей: 2" in html
    assert "«командующий ВМС НОАК» — статей: 1" in html
    assert 'name="correct_in_articles"' in html


def test_correcting_the_post_with_the_articles_ticked_corrects_both(client, editor, official):
    data = form_data(client.get(url_of(official)))
    data.update(position="министр национальной обороны КНР", correct_in_articles=["министр обороны"])
    response = client.post(url_of(official), data, follow=True)
    assert response.status_code == 200, errors_of(response)
    assert "записана и в статьях: 2" in response.content.decode()
    posts = sorted(OfficialClaim.objects.values_list("position", flat=True))
    assert posts == [
        "командующий ВМС НОАК",
        "министр национальной обороны КНР",
        "министр национальной обороны КНР",
    ]
    corrected = OfficialClaim.objects.filter(position="министр национальной обороны КНР")
    # Decided, so re-extraction keeps the correction; and each change is in the claim's history.
    assert {(c.state, c.decided_by_id) for c in corrected} == {(ClaimState.CONFIRMED, editor.pk)}
    assert all(c.history.first().history_user == editor for c in corrected)
    official.refresh_from_db()
    assert official.position == "министр национальной обороны КНР" and "position" in official.edited_fields


def test_correcting_the_post_without_ticking_leaves_the_articles_words(client, editor, official):
    data = form_data(client.get(url_of(official)))
    data.update(position="министр национальной обороны КНР")
    data.pop("correct_in_articles", None)
    response = client.post(url_of(official), data)
    assert response.status_code == 302, errors_of(response)
    assert sorted(set(OfficialClaim.objects.values_list("position", flat=True))) == [
        "командующий ВМС НОАК",
        "министр обороны",
    ]


def test_a_wording_no_article_has_is_refused(client, editor, official):
    data = form_data(client.get(url_of(official)))
    data.update(correct_in_articles=["выдуманная должность"])
    response = client.post(url_of(official), data)
    assert response.status_code == 200  # the form again, with the error
    assert "correct_in_articles" in response.context["adminform"].form.errors


def test_an_official_no_article_names_with_a_post_says_so(client, editor):
    lone = Official.objects.create(full_name="Ли Шанфу", country_id="CN")
    assert "Статьи не называют должность этого лица" in client.get(url_of(lone)).content.decode()
