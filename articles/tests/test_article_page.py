"""The article page shows every part of the model agency page, to readers only."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

SEED_SLUG = "us-blasts-syrian-regimes-offensive-on-aleppo"


@pytest.fixture
def demo(db):
    call_command("demo_data", stdout=open("/dev/null", "w"))


def test_seed_story_shows_every_part_of_the_model_page(client, demo):
    response = client.get(f"/en/news/{SEED_SLUG}/", HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>US blasts Syrian regime’s offensive on Aleppo</title>" in html
    assert '<h1 class="headline">US blasts Syrian regime’s offensive on Aleppo</h1>' in html
    assert "Assad’s bombardment in Aleppo &#x27;a tragedy&#x27;, Pentagon says" in html
    assert ">Kasim Ileri</a> and <a" in html and ">Esra Kaymak Avci</a>" in html
    assert '<strong class="dateline">WASHINGTON (AA)</strong> – Syrian President' in html
    assert "643 civilians have been killed" in html
    assert "Source: Source of News" in html
    # 451 stored reads plus this one.
    assert "This news has been read 452 times in total" in html
    assert 'rel="prev"' in html
    assert "Previous and next news" in html


def test_turkish_interface_names_the_source_kaynak(client, demo):
    html = client.get(f"/news/{SEED_SLUG}/", HTTP_USER_AGENT="Mozilla/5.0").content.decode()
    assert "Kaynak: Source of News" in html


@pytest.mark.parametrize(
    "status, hours",
    [
        (Article.Status.DRAFT, -1),
        (Article.Status.WITHDRAWN, -1),
        (Article.Status.SCHEDULED, 5),
        (Article.Status.PUBLISHED, 5),  # published but dated in the future
    ],
)
def test_unpublished_story_is_404_and_not_counted(client, make_article, status, hours):
    article = make_article(status=status, published_at=timezone.now() + timedelta(hours=hours))
    response = client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 404
    article.refresh_from_db()
    assert article.read_count == 0


def test_scheduled_story_goes_live_at_its_time(client, make_article):
    article = make_article(
        status=Article.Status.SCHEDULED, published_at=timezone.now() - timedelta(minutes=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 200


def test_editor_preview_shows_a_draft_without_counting(admin_client, make_article):
    article = make_article(status=Article.Status.DRAFT, headline="Secret draft")
    response = admin_client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 200
    assert "Secret draft" in response.content.decode()
    article.refresh_from_db()
    assert article.read_count == 0


def test_reader_cannot_preview(client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    response = client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_unknown_story_section_tag_and_author_are_404(client, db):
    for url in ["/news/no-such-story/", "/section/nowhere/", "/tag/nothing/", "/author/nobody/"]:
        assert client.get(url).status_code == 404, url


def test_a_story_is_read_for_its_page_in_three_queries(make_article, django_assert_num_queries):
    """The story with its section, its authors in byline order, its tags: one query each."""
    story = make_article(authors=["Zeynep Ak", "Ali Veli", "Can Öz"])
    story.tags.create(name="Ekonomi", slug="ekonomi")
    story.tags.create(name="Bütçe", slug="butce")
    with django_assert_num_queries(3):
        read = Article.objects.published().story_for_page(slug=story.slug)
        assert read.section.name == "Dünya"
        assert [author.name for author in read.byline_authors] == [
            "Zeynep Ak",
            "Ali Veli",
            "Can Öz",
        ]
        assert [tag.name for tag in read.tag_list] == ["Bütçe", "Ekonomi"]
    assert Article.objects.published().story_for_page(slug="no-such-story") is None
