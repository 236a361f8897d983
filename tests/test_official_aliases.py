"""An official's page lists other names for the person, never the case forms an import recorded."""

import pytest
from reader_helpers import claim_official, make_article

from articles.models import Official, OfficialAlias
from articles.pipeline.extraction.names import is_case_form


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Ильхама Алиева", True),
        ("Ильхамом Алиевым", True),
        ("И. Алиев", True),
        ("Ilham Aliyev", False),
        ("Ильхам Алиеф", False),
        ("Ильхам Гейдар оглы Алиев", False),
    ],
)
def test_a_case_form_is_told_from_another_name(form, expected):
    assert is_case_form(form, "Ильхам Алиев") is expected


@pytest.mark.django_db
def test_the_official_page_shows_spellings_but_not_case_forms(client):
    aliyev = Official.objects.create(full_name="Ильхам Алиев", position="президент", country_id=None)
    claim_official(make_article(body="Ильхам Алиев принял делегацию."), aliyev, "Ильхам Алиев")
    for form in ("Ильхама Алиева", "Ильхамом Алиевым", "Ilham Aliyev"):
        OfficialAlias.objects.create(official=aliyev, name=form)
    response = client.get(f"/officials/{aliyev.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ilham Aliyev" in page
    assert "Ильхама Алиева" not in page and "Ильхамом Алиевым" not in page
    # the case forms stay recorded: the next text that declines the name finds this person
    assert OfficialAlias.objects.filter(official=aliyev).count() == 3
