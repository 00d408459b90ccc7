from io import StringIO

from django.core.management import call_command

from articles.models import Article, Author, Section


def load():
    out = StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


def test_demo_data_loads_the_model_story_first_and_is_idempotent(db):
    first = load()
    counts = (Article.objects.count(), Author.objects.count(), Section.objects.count())
    second = load()
    assert (Article.objects.count(), Author.objects.count(), Section.objects.count()) == counts
    assert "0 stories created" in second and "0 stories created" not in first
    seed = Article.objects.get(slug="us-blasts-syrian-regimes-offensive-on-aleppo")
    assert seed.read_count == 451
    assert seed.dateline_city == "WASHINGTON"
    assert [a.name for a in seed.byline_authors] == ["Kasim Ileri", "Esra Kaymak Avci"]
    assert Article.objects.published().count() >= 13
    assert Section.objects.count() >= 4
    assert Article.objects.exclude(status=Article.Status.PUBLISHED).exists()  # a draft to preview
