"""Every section has its English slug now (0006 filled them): required and unique."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_merge_duplicate_sections")]

    operations = [
        migrations.AlterField(
            model_name="section",
            name="slug_en",
            field=models.SlugField(
                help_text="The section's address in the English interface.",
                max_length=120,
                unique=True,
                verbose_name="slug (English)",
            ),
        ),
    ]
