#!/usr/bin/env python
"""Django's command-line utility for CoopNews.

A checkout's `.env` (written by `make run`: DJANGO_DEBUG=1) is read first, so a command copied
from the README works as printed; variables already in the environment win over it. Only this
developer's entry point reads it: production (gunicorn, coopnews/wsgi.py) takes the environment alone.
"""

import os
import sys
from pathlib import Path

ENV_FILE = Path(__file__).resolve().parent / ".env"


def main():
    if ENV_FILE.is_file():
        from dotenv import load_dotenv

        load_dotenv(ENV_FILE, override=False)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnews.settings")
    from django.core.management import execute_from_command_line

    from coopnews.startup import load_settings_or_exit

    load_settings_or_exit()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
