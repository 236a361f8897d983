"""`pip install .` gives a working CoopNews: the wheel carries every subpackage, migration, template,
static file, reference CSV and compiled translation, and the installed app checks, migrates and
renders its pages from outside the checkout. The dependencies are the ones the code uses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.project_copy import ROOT, copy_project

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# What the app reads at run time besides Python code, as it lies in the checkout.
RUNTIME_DATA = ("articles/data/*.csv", "articles/templates/**/*.html", "articles/static/**/*.*")


def source_files(pattern: str) -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in ROOT.glob(pattern) if "__pycache__" not in p.parts}


# --- the dependencies ------------------------------------------------------------------------------

# Direct dependencies no module imports, each with the reason it is still one.
NOT_IMPORTED = {
    "gunicorn": "the README's production server: it imports coopnews.wsgi, not the other way round",
    "psycopg": "Django's PostgreSQL backend imports it when DATABASE_URL is postgres://",
    "htmldate": "trafilatura calls it with our date_extraction_params (original dates only, no guessing)",
    "lxml_html_clean": "trafilatura's fallback (jusText) imports lxml.html.clean, a separate package since lxml 5.2",
    "redis": "Django's RedisCache backend imports it when DJANGO_CACHE_URL is redis://",
}
MODULE_OF = {
    "django": "django",
    "django-filter": "django_filters",
    "django-simple-history": "simple_history",
    "dj-database-url": "dj_database_url",
    "django-axes": "axes",
    "python-dotenv": "dotenv",
}


def imports_or_names(module: str) -> bool:
    """True when a module of the app imports `module`, or a setting names a dotted path in it."""
    pattern = re.compile(rf"^\s*(import|from)\s+{module}\b|[\"']{module}\.", re.MULTILINE)
    files = [*ROOT.glob("articles/**/*.py"), *ROOT.glob("coopnews/*.py"), ROOT / "manage.py"]
    return any(pattern.search(path.read_text(encoding="utf-8")) for path in files)


@pytest.mark.parametrize("requirement", PYPROJECT["project"]["dependencies"])
def test_every_direct_dependency_is_used_by_the_code(requirement):
    name = Requirement(requirement).name.lower()
    if name in NOT_IMPORTED:
        return
    assert imports_or_names(MODULE_OF.get(name, name.replace("-", "_"))), (
        f"{name} is a direct dependency that nothing imports: drop it, or say why in NOT_IMPORTED"
    )


def test_the_usage_check_notices_a_dependency_nothing_imports():
    assert imports_or_names("natasha")
    assert not imports_or_names("yargy")  # natasha brings it; we never import it ourselves


def _all_requirements() -> list[str]:
    project = PYPROJECT["project"]
    return [
        *project["dependencies"],
        *(r for extra in project["optional-dependencies"].values() for r in extra),
    ]


@pytest.mark.parametrize("requirement", _all_requirements())
def test_every_dependency_is_bounded_to_one_major_version(requirement):
    specs = {spec.operator: Version(spec.version) for spec in Requirement(requirement).specifier}
    assert set(specs) == {">=", "<"}, f"{requirement}: needs a lower and an upper bound"
    low, high = specs[">="], specs["<"]
    one_major = high.major == low.major or (high.major == low.major + 1 and high.release[1:] in ((), (0,)))
    assert one_major, f"{requirement}: the bounds span more than one major version"


def test_the_test_extra_leaves_the_browser_driver_to_the_browser_extra():
    extras = PYPROJECT["project"]["optional-dependencies"]
    names = {extra: {Requirement(r).name.lower() for r in reqs} for extra, reqs in extras.items()}
    assert "playwright" not in names["test"]
    assert "playwright" in names["browser"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "'.[test,browser]'" in makefile  # `make test` (and so .ci/run) installs both


# --- the wheel -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built with pip, as an operator would, from a clean copy of the sources."""
    where = tmp_path_factory.mktemp("wheel")
    source = copy_project(where / "coopnews")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            str(source),
            "-w",
            str(where / "dist"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (built,) = (where / "dist").glob("coopnews-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_every_package_migration_template_static_file_csv_and_translation(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())

    expected = source_files("articles/**/*.py") | source_files("coopnews/**/*.py")  # migrations too
    for pattern in RUNTIME_DATA:
        expected |= source_files(pattern)
    expected |= {p.replace(".po", ".mo") for p in source_files("articles/locale/*/LC_MESSAGES/*.po")}
    assert expected - names == set()
    # Sanity: the globs above found what they should.
    assert {
        "articles/pipeline/extraction/__init__.py",
        "articles/bench/management/commands/benchmark.py",
        "articles/migrations/0001_initial.py",
        "articles/templates/articles/home.html",
        "articles/templates/admin/base_site.html",
        "articles/static/css/reader.css",
        "articles/data/countries.csv",
        "articles/locale/en/LC_MESSAGES/django.mo",
    } <= expected
    assert not {n for n in names if n.startswith(("tests/", "tools/", "seeds/"))}


@pytest.mark.slow
def test_the_installed_wheel_checks_migrates_and_serves_pages_from_outside_the_checkout(wheel, tmp_path):
    """Installed into a fresh virtualenv. Its dependencies come from this one, through a .pth
    file: what is tested is the wheel's contents, not the package index."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "coopnews-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "COOPNEWS_", "PYTHON"))
    }
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}", DJANGO_DEBUG="1")

    def django_admin(*args: str) -> str:
        result = subprocess.run(
            [python, "-m", "django", *args, "--settings", "coopnews.settings"],
            cwd=outside,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, f"django-admin {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    assert "no issues" in django_admin("check")
    django_admin("migrate", "--noinput")
    django_admin("collectstatic", "--noinput")
    assert (outside / "var" / "staticfiles" / "css" / "reader.css").is_file()

    pages = subprocess.run(
        [
            python,
            "-c",
            "import django, articles; django.setup()\n"
            "from django.test import Client\n"
            "from articles.models import Country\n"
            "print(articles.__file__)\n"
            "print(Country.objects.count())\n"
            "c = Client(HTTP_HOST='localhost')\n"
            "home = c.get('/')\n"
            "print(home.status_code, 'css/reader' in home.content.decode())\n"
            "print(c.get('/static/css/reader.css').status_code)\n"
            "print(c.get('/admin/login/').status_code)\n"
            "c.cookies['django_language'] = 'en'\n"
            "print('Country pairs' in c.get('/').content.decode())\n",
        ],
        cwd=outside,
        env={**env, "DJANGO_SETTINGS_MODULE": "coopnews.settings"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pages.returncode == 0, pages.stderr[-3000:]
    module, countries, home, css, login, english = pages.stdout.strip().splitlines()
    assert Path(module).is_relative_to(site)  # the installed copy, not this checkout
    assert int(countries) > 200  # the reference CSVs were loaded by migrate
    assert (home, css, login, english) == ("200 True", "200", "200", "True")
    assert not (site / "var").exists()  # data stays out of site-packages
