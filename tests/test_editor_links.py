"""No way across is a dead end: signed-in editors get an edit link on public pages, and the admin's
change pages link back to the public page ("view on site")."""

import pytest
from admin_helpers import make_article, make_editor

from articles.models import Agreement, AgreementClaim, Official, OfficialClaim

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    article = make_article()
    official = Official.objects.create(full_name="Дун Цзюнь", position="министр обороны", country_id="CN")
    OfficialClaim.objects.create(article=article, official=official)
    agreement = Agreement.objects.create(title="Меморандум о сотрудничестве", kind="memorandum")
    agreement.parties.set(["CN", "RU"])
    AgreementClaim.objects.create(article=article, agreement=agreement, match_key="m")
    return {"articles/article": article, "officials/official": official, "agreements/agreement": agreement}


def pages(records):
    for path, obj in records.items():
        public, model = path.split("/")
        yield f"/{public}/{obj.pk}/", model, obj


def test_a_signed_in_editor_sees_an_edit_link_on_each_public_page(client, records):
    client.force_login(make_editor())
    for url, model, obj in pages(records):
        html = client.get(url).content.decode()
        assert f'href="/admin/articles/{model}/{obj.pk}/change/"' in html, url


def test_an_anonymous_reader_sees_no_edit_link(client, records):
    for url, _model, _obj in pages(records):
        assert "/admin/articles/" not in client.get(url).content.decode(), url


def test_the_admin_change_page_links_to_the_public_page(admin_client, records):
    for url, model, obj in pages(records):
        html = admin_client.get(f"/admin/articles/{model}/{obj.pk}/change/").content.decode()
        assert "/admin/r/" in html, model  # Django's "view on site" goes through its shortcut
        shortcut = admin_client.get(f"/admin/r/{_content_type(model)}/{obj.pk}/")
        assert shortcut.status_code == 302 and shortcut["Location"].endswith(url), model


def _content_type(model: str) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get(app_label="articles", model=model).pk


def test_the_public_edit_links_lead_to_the_review_queue_too(client, records):
    client.force_login(make_editor())
    for url, _model, _obj in pages(records):
        assert 'href="/admin/articles/article/queue/"' in client.get(url).content.decode(), url
