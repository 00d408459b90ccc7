"""The two staff groups: Editors (stories and comments) and Moderators (comments only)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STORY_MODELS = ["article", "author", "byline", "section", "tag"]
COMMENT_MODELS = ["comment", "ban", "term"]
ACTIONS = ["add", "change", "delete", "view"]

GROUPS = {
    "Editors": [("articles", m, a) for m in STORY_MODELS for a in ACTIONS]
    + [("comments", m, a) for m in COMMENT_MODELS for a in ACTIONS],
    "Moderators": [("comments", "comment", a) for a in ("change", "view")]
    + [("comments", m, a) for m in ("ban", "term") for a in ACTIONS],
}


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(
                content_type__app_label=app, content_type__model=model,
                codename=f"{action}_{model}",
            )
            for app, model, action in wanted
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
