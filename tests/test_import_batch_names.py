"""An import batch is named in the time zone the admin shows its times in, not in UTC."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from articles.models import ImportBatch

pytestmark = pytest.mark.django_db


@override_settings(TIME_ZONE="Europe/Moscow")
def test_a_batch_started_late_in_the_utc_evening_is_named_by_the_next_moscow_day():
    batch = ImportBatch.objects.create(paths=["seeds/"])
    batch.started_at = dt.datetime(2026, 1, 1, 21, 30, tzinfo=dt.UTC)
    assert str(batch) == f"Импорт №{batch.pk} от 2026-01-02 00:30"


def test_the_batch_name_and_the_admins_time_agree(admin_client):
    batch = ImportBatch.objects.create(paths=["seeds/"])
    shown = timezone.localtime(batch.started_at).strftime("%Y-%m-%d %H:%M")
    assert str(batch).endswith(shown)
