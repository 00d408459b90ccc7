"""A section gets a name and a slug per interface language (the old ones are Turkish)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_public_order_indexes")]

    operations = [
        migrations.AlterModelOptions(
            name="section",
            options={
                "ordering": ["position", "name_tr"],
                "verbose_name": "section",
                "verbose_name_plural": "sections",
            },
        ),
        migrations.RenameField("section", "name", "name_tr"),
        migrations.RenameField("section", "slug", "slug_tr"),
        migrations.AlterField(
            model_name="section",
            name="name_tr",
            field=models.CharField(max_length=100, unique=True, verbose_name="name (Turkish)"),
        ),
        migrations.AlterField(
            model_name="section",
            name="slug_tr",
            field=models.SlugField(max_length=120, unique=True, verbose_name="slug (Turkish)"),
        ),
        migrations.AddField(
            model_name="section",
            name="name_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="name (English)"),
        ),
        migrations.AddField(
            model_name="section",
            name="slug_en",
            field=models.SlugField(max_length=120, null=True, verbose_name="slug (English)"),
        ),
    ]
