"""What every curated model's admin shares: history with revert, and protecting editor changes.

SimpleHistoryAdmin records who changed what and when (HistoryRequestMiddleware supplies the user)
and offers a revert of every version. The fields an editor changes are recorded in the record's
`edited_fields` through the model's one vocabulary (`EditorProtected.PROTECTS`), which the importer
and re-extraction read to leave those fields alone. A revert is an edit of the fields it changes,
which end as marked as they were in the version restored: reverting to what the import wrote
clears the mark, so later imports may correct those fields again.

The history pages speak the desk's language: field labels (verbose_name), choice labels, names of
related records, «—» for nothing, and no benchmark-only fields for anyone but a superuser.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from articles.admin.queue import BENCHMARK_FIELDS
from articles.admin.writes import ArchiveAdmin

# Bookkeeping that changes on every save and says nothing to an editor.
QUIET_FIELDS = frozenset({"updated_at", "normalised", "fingerprint", "search_vector"})


def human_value(model, name: str, value) -> str:
    """A stored value as an editor reads it."""
    field = model._meta.get_field(name)
    if isinstance(value, DeletedObject):
        return "—" if value.pk is None else f"удалено: {value.model._meta.verbose_name} №{value.pk}"
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "да" if value else "нет"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if name == "edited_fields" and isinstance(value, list):
        return ", ".join(field_label(model, n) for n in value)
    if isinstance(value, list):  # many-to-many rows, already the related records
        return ", ".join(str(v) for v in value)
    return str(value)


def field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except models.FieldDoesNotExist:
        return name


class DeskHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        return human_value(self.model, change.field, super().prepare_delta_change_value(change, value))


class DeskHistoryAdmin(ArchiveAdmin, SimpleHistoryAdmin):
    # The package's list template carries an inline style, which the site's CSP refuses.
    object_history_template = "admin/desk/history.html"
    object_history_list_template = "admin/desk/history_list.html"
    object_history_form_template = "admin/desk/history_form.html"

    class Media:
        css = {"all": ("admin-extra/desk.css",)}

    # --- history pages --------------------------------------------------------------------------

    def history_view_title(self, request, obj):
        return f"История изменений: {obj}"

    def history_form_view_title(self, request, obj):
        return f"{'Версия' if self.revert_disabled(request, obj) else 'Вернуть версию'}: {obj}"

    def get_historical_record_context_helper(self, request, historical_record):
        return DeskHistoryHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        hidden = QUIET_FIELDS if request.user.is_superuser else QUIET_FIELDS | BENCHMARK_FIELDS
        tracked = {f.name for f in self.model._meta.get_fields()}
        excluded = [name for name in hidden if name in tracked]
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current, excluded_fields=excluded, foreign_keys_are_objs=foreign_keys_are_objs
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
                previous.desk_compared = True  # «nothing changed» is known only for a compared row
            previous = current

    # --- saving ---------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        changed = self.changed_fields(obj, form)
        version = getattr(obj, "_history", None)  # set on the instance of a version being reverted to
        if version is None:
            obj.record_edits(changed)
        else:
            obj.edited_fields = self.marks_after_revert(obj, changed)
        super().save_model(request, obj, form, change)

    def marks_after_revert(self, obj, changed: set[str]) -> list[str]:
        """The fields a revert changes are marked as edited exactly when the restored version had
        them marked; the other fields keep today's marks."""
        stored = type(obj)._default_manager.filter(pk=obj.pk).values_list("edited_fields", flat=True).first()
        reverted: set[str] = set()
        for name in changed:
            reverted.update(self.model.PROTECTS.get(name, ()))
        was = set(obj.edited_fields or [])
        return sorted((set(stored or []) - reverted) | (was & reverted))

    def changed_fields(self, obj, form) -> set[str]:
        """Fields whose value differs from the database — also right for a revert, whose form starts
        from the old version rather than from what is stored now."""
        changed = set(form.changed_data)
        plain = [
            obj._meta.get_field(name)
            for name in self.model.PROTECTS
            if name in form.fields and not obj._meta.get_field(name).many_to_many
        ]
        if obj.pk and plain:
            stored = type(obj)._default_manager.filter(pk=obj.pk).values(*[f.attname for f in plain]).first()
            if stored is not None:
                changed |= {f.name for f in plain if stored[f.attname] != getattr(obj, f.attname)}
        return changed

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        record = getattr(obj, "_history", None)  # set on the instance of a version being reverted to
        if record is None:
            return form_class
        # A version's form must show that version's many-to-many values (parties, signatories), not
        # today's: the instance simple-history rebuilds only carries the plain fields.
        initial = {}
        for field in self.model._meta.many_to_many:
            rows = getattr(record, field.name, None)
            if rows is not None and field.name in form_class.base_fields:
                column = f"{field.m2m_reverse_field_name()}_id"
                initial[field.name] = [getattr(row, column) for row in rows.all()]

        class VersionForm(form_class):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if not self.is_bound:  # bound: compare with what is stored, so changed_data is right
                    self.initial.update(initial)

        return VersionForm
