"""The "Editors" group: exactly the permissions to curate the archive, nothing to manage accounts.

Created by migration 0003 and again after every `migrate`/`flush` if it is missing (a flush in
transactional tests empties the table); an existing group is left as an administrator left it.
"""

from __future__ import annotations

EDITORS_GROUP = "Editors"

_ALL = ("view", "add", "change", "delete")

# model name → actions. Articles and countries come from imports and ISO: editors correct them, never
# add or delete them; import batches are a read-only record.
EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "article": ("view", "change"),
    "country": ("view", "change"),
    "countryalias": _ALL,
    "outlet": ("view", "add", "change"),
    "outletalias": _ALL,
    "organisation": _ALL,
    "importbatch": ("view",),
    "official": _ALL,
    "officialalias": _ALL,
    "agreement": _ALL,
    "countryclaim": _ALL,
    "officialclaim": _ALL,
    "agreementclaim": _ALL,
    "articlepair": _ALL,
    # Stories come from imports: editors merge them and split articles off, recorded as judgements.
    "story": ("view", "change"),
    "storyjudgement": _ALL,
    # The officials review list: "different people" judgements, so a pair never returns.
    "officialjudgement": _ALL,
}


def editor_codenames() -> set[str]:
    return {f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions}


def ensure_editors_group(apps=None, using: str = "default") -> bool:
    """Create the Editors group with its permissions unless it exists. Returns True when created.

    `apps` is a migration's app registry (None: the real one). Permissions may not exist yet on a
    fresh database during `migrate`, so they are created first.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    registry = apps or global_apps
    Group = registry.get_model("auth", "Group")
    Permission = registry.get_model("auth", "Permission")
    if Group.objects.using(using).filter(name=EDITORS_GROUP).exists():
        return False
    create_permissions(global_apps.get_app_config("articles"), apps=registry, verbosity=0, using=using)
    # A migration's registry lacks models added later; their migrations grant those (0015_stories).
    present = {model._meta.model_name for model in registry.get_app_config("articles").get_models()}
    wanted = {
        f"{action}_{model}"
        for model, actions in EDITOR_PERMISSIONS.items()
        if model in present
        for action in actions
    }
    permissions = list(
        Permission.objects.using(using).filter(content_type__app_label="articles", codename__in=wanted)
    )
    missing = wanted - {p.codename for p in permissions}
    if missing:
        raise RuntimeError(f"permissions missing for the Editors group: {sorted(missing)}")
    group = Group.objects.using(using).create(name=EDITORS_GROUP)
    group.permissions.set(permissions)
    return True


def grant_to_existing_editors(apps, models: tuple[str, ...]) -> None:
    """In a migration adding `models`: an Editors group made before them gets their permissions
    too (a group created later gets every permission from `ensure_editors_group`)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    create_permissions(global_apps.get_app_config("articles"), apps=apps, verbosity=0)
    wanted = {f"{a}_{m}" for m in models for a in EDITOR_PERMISSIONS[m]}
    group.permissions.add(*Permission.objects.filter(content_type__app_label="articles", codename__in=wanted))


def ensure_editors_group_after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate receiver (connected in ArticlesConfig.ready)."""
    if sender.label == "articles":
        ensure_editors_group(using=using)


def is_editor(user) -> bool:
    return user.groups.filter(name=EDITORS_GROUP).exists()


def grant_editor(user) -> list[str]:
    """Make `user` able to sign in to the desk as an editor: active, staff, in the Editors group.

    The admin lets nobody in without the staff flag, whatever their groups, so the flag and the
    membership are granted together. Saves the user; returns what had to change (empty: nothing).
    """
    from django.contrib.auth.models import Group

    changed = []
    if not user.is_active:
        user.is_active = True
        changed.append("is_active")
    if not user.is_staff:
        user.is_staff = True
        changed.append("is_staff")
    if changed or user.pk is None:
        user.save()
    ensure_editors_group()
    if not is_editor(user):
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        changed.append("groups")
    return changed
