"""Shared fixtures. Settings are strict: tests run with DEBUG off and a throwaway key (pyproject's env)."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seeds_dir():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "seeds"
