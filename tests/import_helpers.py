"""Running import_articles in tests (test_import, test_import_hardening): files in, (out, err, code) out."""

from __future__ import annotations

import os
import sys
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

TEXT = (
    "Россия и Китай провели учения\n\n"
    "МОСКВА, 17 декабря. /ТАСС/. Россия и Китай провели совместные учения в Жёлтом море. "
    "Министр обороны России Андрей Белоусов назвал их успешными.\n\n"
    "Стороны подписали меморандум о сотрудничестве."
)


def run(*args, **options) -> tuple[str, str, int]:
    """call_command → (stdout, stderr, exit code)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, **options)
        code = 0
    except CommandError as exc:
        err.write(str(exc))
        code = exc.returncode
    return out.getvalue(), err.getvalue(), code


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def manage_py(*args: str) -> dict:
    """Popen arguments for `manage.py ARGS` in a process of its own, on the test's PostgreSQL database."""
    from django.db import connection

    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_DEBUG", None)
    return {
        "args": [sys.executable, "manage.py", *args],
        "cwd": Path(__file__).resolve().parent.parent,
        "env": env,
        "text": True,
    }
