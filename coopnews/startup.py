"""Starting a process: a missing or malformed setting is one line on stderr and exit status 1.

settings.py raises ImproperlyConfigured naming the variable; the operator needs that sentence,
not the forty lines of import machinery above it.
"""

from __future__ import annotations

import sys

from django.core.exceptions import ImproperlyConfigured


def load_settings_or_exit() -> None:
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018  (reading a setting imports the settings module)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"CoopNews is not configured: {exc}\n")
        raise SystemExit(1) from None
