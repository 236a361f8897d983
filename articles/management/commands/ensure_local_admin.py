"""`make run` calls this: a local administrator exists, its password shown once and never fixed."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create a local superuser on first run and print its name and a generated password once; "
        "on later runs, say that it exists and how to reset its password."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default="admin", help="Name of the local administrator (default: admin)."
        )

    def handle(self, *args, username: str, **options):
        username = username.strip()
        if not username:
            raise CommandError("--username must not be empty")
        User = get_user_model()
        with transaction.atomic():
            existing = User.objects.filter(is_superuser=True).order_by("pk").first()
            if existing is not None:
                name = existing.get_username()
                self.stdout.write(
                    f"Local administrator “{name}” already exists. To set a new password: "
                    f"python manage.py changepassword {name}"
                )
                return
            if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
                raise CommandError(
                    f"a user “{username}” exists but is not a superuser; choose another --username"
                )
            password = secrets.token_urlsafe(18)
            User.objects.create_superuser(**{User.USERNAME_FIELD: username}, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Created local administrator “{username}”."))
        self.stdout.write(f"  name:     {username}")
        self.stdout.write(f"  password: {password}")
        self.stdout.write(
            "The password is shown only this once; change it with: python manage.py changepassword "
            + username
        )
