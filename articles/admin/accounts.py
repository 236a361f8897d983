"""Who may sign in to the desk. The admin admits staff only, whatever their groups, so membership
of Editors and the staff flag go together: saving a user who is in Editors marks them staff, and a
correct password without the flag is told what is missing instead of "wrong password"."""

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from articles.archive.roles import EDITORS_GROUP, is_editor


class DeskAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        # Shown only after the password was checked: it tells nothing to someone who guesses.
        "not_staff": (
            "Пароль верный, но у «%(username)s» нет доступа к рабочему столу: учётная запись не "
            "отмечена как персонал (is_staff). Администратор может дать доступ командой "
            "«python manage.py add_editor %(username)s» или в разделе «Пользователи»."
        ),
        "editor_not_staff": (
            "Пароль верный, и «%(username)s» состоит в группе «%(group)s», но учётная запись не "
            "отмечена как персонал (is_staff), а без этого войти нельзя. Администратор может "
            "исправить это командой «python manage.py add_editor %(username)s --no-password» "
            "или сохранив пользователя в разделе «Пользователи»."
        ),
    }

    def confirm_login_allowed(self, user):
        AuthenticationForm.confirm_login_allowed(self, user)  # inactive accounts: Django's message
        if not user.is_staff:
            code = "editor_not_staff" if is_editor(user) else "not_staff"
            raise ValidationError(
                self.error_messages[code],
                code=code,
                params={"username": user.get_username(), "group": EDITORS_GROUP},
            )


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class DeskUserAdmin(UserAdmin):
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        if not user.is_staff and is_editor(user):
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            self.message_user(
                request,
                f"«{user.get_username()}» состоит в группе «{EDITORS_GROUP}»: учётная запись отмечена "
                "как персонал, иначе редактор не сможет войти. Чтобы закрыть доступ, уберите его из "
                "группы или снимите «Активный».",
                messages.INFO,
            )
