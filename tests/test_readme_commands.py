"""The README's commands work as printed after `make run`; a bad setting is one line, not a traceback.

The README test copies the project, runs `make setup` there (what `make run` does before it
serves), then each command of the README's `sh` blocks, as printed, against the copy's own SQLite
database. The few it cannot run are listed in NOT_RUN with the reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.project_copy import ROOT, copy_project

README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"

NOT_RUN = {
    "make run": "serves until stopped; `make setup` (all of make run but the server) runs first instead",
    "make test": "runs this very suite",
    "make test-quick": "runs this very suite",
    "bash .ci/run": "runs this very suite, twice",
    "createdb -h 127.0.0.1 -U postgres coopnews": "needs a PostgreSQL server",
    "export DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopnews": "points what follows at a PostgreSQL server",
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopnews make test": "PostgreSQL, and this very suite",
    "export DJANGO_SECRET_KEY=… DJANGO_ALLOWED_HOSTS=coopnews.example.org DATABASE_URL=postgres://…": (
        "placeholders (…) an operator replaces with production values"
    ),
    ".venv/bin/gunicorn coopnews.wsgi --preload --bind 127.0.0.1:8000 --workers 3 --worker-class gthread --threads 4": "a server: runs until stopped",
    "export DJANGO_SECRET_KEY=… DJANGO_ALLOWED_HOSTS=coopnews.example.org DATABASE_URL=postgres://coopnews@db.internal:5432/coopnews DJANGO_CACHE_URL=redis://cache.internal:6379/0": (
        "placeholders (…, db.internal, cache.internal) for several production machines"
    ),
    ".venv/bin/gunicorn coopnews.wsgi --preload --bind 0.0.0.0:8000 --workers 3 --worker-class gthread --threads 4": "a server: runs until stopped",
    "DJANGO_DEBUG=1 .venv/bin/python tools/evaluate_factrueval.py": "lasts minutes (122 texts, the NLP models)",
}
# Variables the copy must not inherit from whoever runs the suite (a PostgreSQL DATABASE_URL, CI's
# settings, a parent make's flags).
INHERITED = ("DJANGO_", "DATABASE_", "COOPNEWS_", "PYTHON", "MAKE", "MFLAGS")


def readme_commands(text: str) -> list[str]:
    """Each line of each ```sh block, without its trailing comment."""
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))


def test_the_readme_command_reader_finds_commands_and_drops_comments():
    text = "intro\n```sh\nmake run   # serves\n# a comment\n\nls -l\n```\n```python\nx = 1\n```\n"
    assert readme_commands(text) == ["make run", "ls -l"]


def test_every_command_left_unrun_is_still_in_the_readme():
    assert set(NOT_RUN) - set(COMMANDS) == set()


def test_make_run_is_make_setup_and_then_the_server():
    """So the README test, which runs `make setup`, starts from what `make run` leaves."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run: setup\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)
    assert recipe, "make run must depend on setup"
    steps = [line.strip() for line in recipe[1].splitlines()]
    assert [step for step in steps if not step.startswith("@echo")] == [
        "$(BIN)/python manage.py runserver $(HOST):$(PORT)"
    ]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED)}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A fresh copy after `make setup`, sharing this test run's virtualenv (installing one is not
    what is tested here; tests/test_packaging.py installs the wheel)."""
    if sys.prefix == sys.base_prefix:
        pytest.skip("the README's commands use .venv/bin/python: run the suite from a virtualenv")
    where = tmp_path_factory.mktemp("clone")
    copy = copy_project(where / "coopnews")
    if SHARED.is_dir():
        (where / "shared").symlink_to(SHARED)
    # The copy's .venv is this one, entry by entry, with a fresh install stamp: `make` then takes it
    # as installed instead of reinstalling this virtualenv from the copy.
    venv = copy / ".venv"
    venv.mkdir()
    for entry in Path(sys.prefix).iterdir():
        if entry.name != ".installed-stamp":
            (venv / entry.name).symlink_to(entry)
    (venv / ".installed-stamp").touch()
    setup = subprocess.run(
        ["make", "setup"], cwd=copy, env=clean_env(), capture_output=True, text=True, timeout=900
    )
    assert setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-3000:]
    assert (copy / ".env").read_text().count("DJANGO_DEBUG=1") == 1
    assert "password:" in setup.stdout  # ensure_local_admin showed the new administrator's password
    return copy


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=COMMANDS)
def test_a_readme_command_works_as_printed_after_make_run(project, command):
    if command in NOT_RUN:
        pytest.skip(NOT_RUN[command])
    if "../shared/" in command and not SHARED.is_dir():
        pytest.skip("needs ../shared, the evaluation kit beside the checkout, which is not here")
    result = subprocess.run(
        ["bash", "-c", command], cwd=project, env=clean_env(), capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr


# --- a bad or missing setting: one line ------------------------------------------------------------


@pytest.fixture
def manage_py(tmp_path) -> Path:
    """This checkout's manage.py beside a .env of the test's own: manage.py reads the .env next to it."""
    script = tmp_path / "manage.py"
    script.write_text((ROOT / "manage.py").read_text(encoding="utf-8"), encoding="utf-8")
    return script


def run_manage(manage_py: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(manage_py), *args],
        cwd=manage_py.parent,
        env=clean_env(
            PYTHONPATH=str(ROOT), DATABASE_URL=f"sqlite:///{manage_py.parent / 'db.sqlite3'}", **env
        ),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_manage_py_without_settings_says_what_is_missing_in_one_line(manage_py):
    result = run_manage(manage_py, "check")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "CoopNews is not configured: DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off"
    ]


def test_manage_py_reads_the_env_file_that_make_run_writes(manage_py):
    (manage_py.parent / ".env").write_text("DJANGO_DEBUG=1\n")

    result = run_manage(manage_py, "check")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "env_file, env",
    [("DJANGO_DEBUG=maybe\n", {}), ("DJANGO_DEBUG=1\n", {"DJANGO_DEBUG": "maybe"})],
    ids=["malformed in .env", "the environment wins over .env"],
)
def test_a_malformed_setting_is_one_line_naming_it(manage_py, env_file, env):
    (manage_py.parent / ".env").write_text(env_file)

    result = run_manage(manage_py, "check", **env)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "CoopNews is not configured: DJANGO_DEBUG must be 1 or 0 (got 'maybe')"
    ]


def test_the_wsgi_application_with_a_missing_setting_stops_with_one_line():
    result = subprocess.run(
        [sys.executable, "-c", "import coopnews.wsgi"],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "CoopNews is not configured: DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off"
    ]
