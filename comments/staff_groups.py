"""The two staff groups: Editors (stories and comments) and Moderators (comments only).

Made by the data migration ``comments/0002``; ``make_groups`` is idempotent and
takes the model classes, so the migration passes its historical models.
"""

STORY_MODELS = ["article", "author", "byline", "section", "tag"]
COMMENT_MODELS = ["comment", "ban", "term"]
ACTIONS = ["add", "change", "delete", "view"]

GROUPS = {
    "Editors": [("articles", m, a) for m in STORY_MODELS for a in ACTIONS]
    + [("comments", m, a) for m in COMMENT_MODELS for a in ACTIONS],
    "Moderators": [("comments", "comment", a) for a in ("change", "view")]
    + [("comments", m, a) for m in ("ban", "term") for a in ACTIONS],
}


def make_groups(Group, Permission):
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(
                content_type__app_label=app,
                content_type__model=model,
                codename=f"{action}_{model}",
            )
            for app, model, action in wanted
        )
