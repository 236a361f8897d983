"""The review queue is a page of its own: its heading, the columns an editor decides by, oldest
import first, and no benchmark machinery for anyone but a superuser."""

import pytest
from admin_helpers import make_article, make_editor
from django.urls import reverse

from articles.models import Article, ArticlePair, ClaimState, CountryClaim, Official, OfficialClaim, Outlet

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_article_queue")
ARTICLES = reverse("admin:articles_article_changelist")


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def waiting(title: str, created: str, **fields) -> Article:
    article = make_article(title, **fields)
    CountryClaim.objects.create(article=article, country_id="RU")
    Article.objects.filter(pk=article.pk).update(created_at=created)
    return article


def test_the_queue_has_its_own_url_and_heading(client, editor):
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Очередь проверки</h1>" in html
    assert "Выберите статья для изменения" not in html
    assert f'href="{ARTICLES}"' in html  # a way back to every article


def test_the_full_list_is_headed_in_plain_russian_and_links_to_the_queue(client, editor):
    html = client.get(ARTICLES).content.decode()
    assert "<h1>Статьи архива</h1>" in html and "Выберите статья" not in html
    assert f'href="{QUEUE}"' in html


def test_the_queue_shows_title_outlet_date_pair_unchecked_claims_and_import_time(client, editor):
    outlet = Outlet.objects.create(name="Обозрение для очереди")
    article = waiting("Россия и Китай", "2026-11-02T09:00:00Z", source=outlet, date_year=2026, date_month=10)
    ArticlePair.objects.create(article=article, country_a_id="CN", country_b_id="RU", primary=True)
    official = Official.objects.create(full_name="Дун Цзюнь")
    OfficialClaim.objects.create(article=article, official=official, state=ClaimState.CONFIRMED)

    response = client.get(QUEUE)
    headers = [h["text"] for h in response.context["result_headers"][1:]]  # after the action checkbox
    assert headers == ["заголовок", "издание", "дата", "пара", "ждут решения", "импортирована"], headers
    row = response.context["results"][0]
    cells = " ".join(str(cell) for cell in row)
    assert "Россия и Китай" in cells and "Обозрение для очереди" in cells
    assert "CN–RU" in cells
    assert (
        'field-waiting">2<' in cells
    )  # the country claim and the pair wait; the confirmed official does not


def test_the_queue_lists_what_waits_oldest_import_first_and_nothing_decided(client, editor):
    waiting("Вторая", "2026-11-02T09:00:00Z")
    waiting("Первая", "2026-11-01T09:00:00Z")
    done = waiting("Решённая", "2026-10-01T09:00:00Z")
    done.country_claims.update(state=ClaimState.CONFIRMED)
    waiting("Проверенная", "2026-10-01T09:00:00Z", review_state="reviewed")
    titles = [a.title for a in client.get(QUEUE).context["cl"].result_list]
    assert titles == ["Первая", "Вторая"]


def test_a_bulk_action_from_the_queue_stays_on_the_queue(client, editor):
    article = waiting("Первая", "2026-11-01T09:00:00Z")
    response = client.post(QUEUE, {"action": "confirm_all_proposed", "_selected_action": [article.pk]})
    assert response.status_code == 302 and response["Location"].startswith(QUEUE)
    assert list(client.get(QUEUE).context["cl"].result_list) == []


def test_the_queue_query_count_does_not_grow_with_rows(client, editor, django_assert_max_num_queries):
    for i in range(10):
        article = waiting(f"Статья {i}", f"2026-11-{i + 1:02d}T09:00:00Z")
        ArticlePair.objects.create(article=article, country_a_id="CN", country_b_id="RU", primary=True)
    # Session, user, permissions, the count, the rows (their outlet, pair and count in one query),
    # the outlet filter's choices, the date hierarchy, the queue size: a small fixed number.
    with django_assert_max_num_queries(12):
        assert client.get(QUEUE).status_code == 200


def test_a_bad_queue_parameter_is_not_an_error(client, editor):
    assert client.get(QUEUE, {"source__id__exact": "x"}).status_code in (200, 302)
    assert client.get(QUEUE, {"o": "99"}).status_code == 200


@pytest.mark.parametrize("url", [QUEUE, ARTICLES])
def test_editors_do_not_see_the_benchmark_filter(client, editor, url):
    html = client.get(url).content.decode()
    assert "сгенерирована для замеров" not in html
    assert "is_generated" not in html


def test_a_superuser_still_sees_the_benchmark_filter_on_the_full_list(admin_client):
    assert "сгенерирована для замеров" in admin_client.get(ARTICLES).content.decode()


def test_an_editor_cannot_filter_by_the_benchmark_flag(client, editor):
    make_article("Настоящая")
    response = client.get(ARTICLES, {"is_generated__exact": "1"})
    assert response.status_code == 400  # typed into the URL: refused, not just hidden


def test_the_queues_breadcrumbs_lead_back_to_every_article(client, editor):
    html = client.get(QUEUE).content.decode()
    assert f'<a href="{ARTICLES}">Статьи</a>\n&rsaquo; Очередь проверки' in html
