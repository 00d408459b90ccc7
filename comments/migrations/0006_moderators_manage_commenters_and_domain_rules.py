from django.db import migrations

from comments.staff_groups import create_groups


class Migration(migrations.Migration):
    """Moderators and Editors may set a commenter's standing and the e-mail domain rules."""

    dependencies = [
        ("comments", "0005_commenter_sign_in_outbox_reports_settled"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
