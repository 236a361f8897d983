"""add_editor: an operator makes someone an editor in one step — staff flag, Editors group, password."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.urls import reverse

from articles.archive.roles import EDITORS_GROUP, grant_editor


class Command(BaseCommand):
    help = (
        f"Create or update a user who can sign in to /admin/ as an editor (staff, in the "
        f"“{EDITORS_GROUP}” group) and print a generated password once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the editor's user name (created when it does not exist)")
        parser.add_argument("--email", default="", help="the editor's e-mail address (optional)")
        parser.add_argument(
            "--no-password",
            action="store_true",
            help="leave the password as it is; a new user then has none until `changepassword`",
        )

    def handle(self, *args, username: str, email: str, no_password: bool, **options):
        User = get_user_model()
        username = self._valid_username(User, username)
        email = email.strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"--email “{email[:80]}” is not an e-mail address") from None
        try:
            with transaction.atomic():
                user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
                created = user is None
                if created:
                    user = User(**{User.USERNAME_FIELD: username})
                    user.set_unusable_password()
                if email:
                    user.email = User.objects.normalize_email(email)
                password = None if no_password else secrets.token_urlsafe(18)
                if password:
                    user.set_password(password)
                user.save()
                changed = grant_editor(user)
        except DatabaseError as exc:
            raise CommandError(f"the database is not ready ({exc}); run `manage.py migrate` first") from None

        if created:
            self.stdout.write(self.style.SUCCESS(f"Created editor “{username}”."))
        elif changed:
            self.stdout.write(self.style.SUCCESS(f"“{username}” is now an editor ({', '.join(changed)})."))
        else:
            self.stdout.write(f"“{username}” was already an editor.")
        if password:
            self.stdout.write(f"  name:     {username}")
            self.stdout.write(f"  password: {password}")
            self.stdout.write(
                "The password is shown only this once; the editor can change it in the admin, "
                f"or an operator with: python manage.py changepassword {username}"
            )
        elif created:
            self.stdout.write(
                f"No password was set: give one with `python manage.py changepassword {username}` "
                "before the editor signs in."
            )
        self.stdout.write(
            f"The editors' desk: {reverse('admin:index')} "
            f"(review queue: {reverse('admin:articles_article_queue')})"
        )

    def _valid_username(self, User, username: str) -> str:
        username = username.strip()
        if not username:
            raise CommandError("USERNAME must not be empty")
        field = User._meta.get_field(User.USERNAME_FIELD)
        try:
            field.run_validators(username)
        except ValidationError as exc:
            raise CommandError(
                f"“{username[:60]}” is not a valid user name: {' '.join(exc.messages)}"
            ) from None
        return username
