"""One section per subject: the Turkish and English duplicates merged into one.

Until now each language had its own sections (Ekonomi and Economy, Spor and Sports).
Each known pair becomes one section named in both languages; its stories move to it
and the duplicate is deleted. Both old slugs stay the section's slugs, so every old
address still finds it (a 301 to the address in the reader's language, see
``SectionView``). Any other section keeps its name in both languages until an editor
gives it an English one.
"""

from django.db import migrations

# (Turkish slug, English slug, Turkish name, English name) of the sections known twice.
PAIRS = [
    ("turkiye", "turkey", "Türkiye", "Turkey"),
    ("dunya", "world", "Dünya", "World"),
    ("ekonomi", "economy", "Ekonomi", "Economy"),
    ("spor", "sports", "Spor", "Sports"),
    ("kultur-sanat", "culture", "Kültür-Sanat", "Culture"),
    ("bilim", "science", "Bilim", "Science"),
]


def merge_duplicates(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    Article = apps.get_model("articles", "Article")
    for slug_tr, slug_en, name_tr, name_en in PAIRS:
        turkish = Section.objects.filter(slug_tr=slug_tr).first()
        english = Section.objects.filter(slug_tr=slug_en).first()
        if turkish and english:
            Article.objects.filter(section=english).update(section=turkish)
            name_en = english.name_tr
            english.delete()
        elif english:
            turkish, name_en = english, english.name_tr
            turkish.name_tr, turkish.slug_tr = name_tr, slug_tr
        elif not turkish:
            continue
        turkish.name_en, turkish.slug_en = name_en, slug_en
        turkish.save()
    for section in Section.objects.filter(slug_en__isnull=True):
        section.name_en, section.slug_en = section.name_en or section.name_tr, section.slug_tr
        section.save()


def split_again(apps, schema_editor):
    """Backwards: every section keeps its Turkish name and slug (merged stories stay)."""


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_section_names_per_language")]

    operations = [migrations.RunPython(merge_duplicates, split_again)]
