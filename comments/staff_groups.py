"""The two staff groups: Editors (stories and comments) and Moderators (comments only).

Made by the data migrations ``comments/0002`` and ``0006`` (``create_groups``);
``make_groups`` is idempotent and takes the model classes, so a migration passes its
historical models.
"""

from django.contrib.auth.management import create_permissions

STORY_MODELS = ["article", "author", "byline", "section", "tag"]
COMMENT_MODELS = ["comment", "ban", "term", "domainrule"]
ACTIONS = ["add", "change", "delete", "view"]

GROUPS = {
    "Editors": [("articles", m, a) for m in STORY_MODELS for a in ACTIONS]
    + [("comments", m, a) for m in COMMENT_MODELS for a in ACTIONS]
    + [("comments", "commenter", a) for a in ("change", "view")],
    "Moderators": [("comments", "comment", a) for a in ("change", "view")]
    + [("comments", "commenter", a) for a in ("change", "view")]
    + [("comments", m, a) for m in ("ban", "term", "domainrule") for a in ACTIONS],
}


def make_groups(Group, Permission):
    """Each group with exactly its permissions among those that exist.

    An early migration runs before some models exist (``comments/0002`` comes before
    Commenter); the later one (``0006``) gives them. A test checks that, once migrated,
    every listed permission is there.
    """
    existing = {
        (p.content_type.app_label, p.content_type.model, p.codename): p
        for p in Permission.objects.select_related("content_type")
    }
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            existing[key]
            for app, model, action in wanted
            if (key := (app, model, f"{action}_{model}")) in existing
        )


def create_groups(apps, schema_editor):
    """A data migration's step: the groups with today's permissions, on historical models."""
    # Permissions are normally made after migrate; make them now so the groups can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    make_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
