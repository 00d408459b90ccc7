"""One section, two names: each interface shows its own, old addresses move for good."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Section

BROWSER = "Mozilla/5.0"


def test_each_interface_shows_the_section_in_its_own_language(client, make_article):
    make_article(headline="Dünyadan haber")
    turkish = client.get("/section/dunya/", HTTP_USER_AGENT=BROWSER).content.decode()
    english = client.get("/en/section/world/", HTTP_USER_AGENT=BROWSER).content.decode()
    assert '<h1 class="list-title">Dünya</h1>' in turkish
    assert '<h1 class="list-title">World</h1>' in english
    assert "Dünyadan haber" in turkish and "Dünyadan haber" in english
    # The menu names it once, in the interface's language.
    assert 'href="/section/dunya/"' in turkish and 'href="/section/world/"' not in turkish
    assert 'href="/en/section/world/"' in english and 'href="/en/section/dunya/"' not in english
    # Each page names its twin in the other language by the twin's own slug.
    for html in (turkish, english):
        assert (
            '<link rel="alternate" hreflang="tr" href="http://testserver/section/dunya/">' in html
        )
        assert (
            '<link rel="alternate" hreflang="en" href="http://testserver/en/section/world/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="x-default" href="http://testserver/section/dunya/">'
            in html
        )


@pytest.mark.parametrize(
    "old, new",
    [
        ("/section/world/", "/section/dunya/"),
        ("/en/section/dunya/", "/en/section/world/"),
        ("/en/section/dunya/?page=2", "/en/section/world/?page=2"),
    ],
)
def test_the_other_languages_address_redirects_permanently(client, section, old, new):
    response = client.get(old, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_unknown_section_is_404(client, section):
    assert client.get("/section/nowhere/").status_code == 404
    assert client.get("/en/section/nowhere/").status_code == 404


def test_section_feeds_answer_at_either_slug(client, make_article):
    make_article(headline="Dünyadan haber")
    for url in ["/feeds/section/dunya/rss/", "/feeds/section/world/atom/"]:
        response = client.get(url)
        assert response.status_code == 200 and "Dünyadan haber" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_merges_each_pair_and_keeps_its_stories():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0005_section_names_per_language")])
    apps = executor.loader.project_state([("articles", "0005_section_names_per_language")]).apps
    OldSection = apps.get_model("articles", "Section")
    Article = apps.get_model("articles", "Article")
    made = {}
    for name, slug in [
        ("Ekonomi", "ekonomi"),
        ("Economy", "economy"),
        ("World", "world"),
        ("Türkiye", "turkiye"),
        ("Magazin", "magazin"),
    ]:
        made[slug] = OldSection.objects.create(name_tr=name, slug_tr=slug)
        Article.objects.create(
            headline=f"Story in {name}",
            slug=f"story-{slug}",
            spot="s",
            body="b",
            section=made[slug],
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    sections = {s.slug_tr: (s.name_tr, s.name_en, s.slug_en) for s in Section.objects.all()}
    assert sections == {
        "ekonomi": ("Ekonomi", "Economy", "economy"),
        "dunya": ("Dünya", "World", "world"),
        "turkiye": ("Türkiye", "Turkey", "turkey"),
        "magazin": ("Magazin", "Magazin", "magazin"),
    }
    economy = Section.objects.get(slug_tr="ekonomi")
    assert sorted(economy.articles.values_list("slug", flat=True)) == [
        "story-economy",
        "story-ekonomi",
    ]
