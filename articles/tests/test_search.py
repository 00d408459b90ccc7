"""Search: ranked, paginated, published stories only, and no query ever breaks the page."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from articles import search
from articles.models import Article
from articles.tests.reader import story_titles

ODD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "savaş " * 2_000,
    '"unclosed quote',
    '""',
    "a & b | !c",
    "&|!():*<->",
    "foo:*",
    "!!!",
    "\\",
    "\\\\' OR 1=1; --",
    "nul\x00byte",
    "\x00",
    "emoji 🚀🇹🇷👩‍👩‍👧",
    "%_%",
    "<script>alert(1)</script>",
    "-",
    "or",
    "the and of",
    "İĞÜŞÖÇ ığüşöç",
]


@pytest.fixture
def stories(make_article):
    return {
        "war_tr": make_article(
            headline="Savaş bölgede sürüyor",
            spot="Sınırda çatışmalar",
            body="Bölgede savaş üçüncü yılına girdi.\n\nBarış görüşmeleri durdu.",
        ),
        "war_en": make_article(
            headline="Talks stall",
            spot="Ceasefire hopes fade",
            body="The war entered its third year as talks stalled.",
            language="en",
        ),
        "economy": make_article(headline="Faiz kararı", body="Merkez bankası faizi sabit tuttu."),
        "draft": make_article(
            headline="Savaş taslağı", body="Savaş taslak", status=Article.Status.DRAFT
        ),
    }


def headlines(results):
    return [story.headline for story in results]


@pytest.mark.parametrize("query", ODD_QUERIES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_odd_queries_give_a_normal_page(client, stories, query, prefix):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_through_the_module(stories, query):
    list(search.search(search.clean_query(query))[:20])


def test_clean_query_drops_control_characters_and_caps_the_length():
    assert search.clean_query(" a\x00b\tc\n ") == "a b c"
    assert len(search.clean_query("x" * 10_000)) == search.MAX_QUERY_LENGTH


def test_search_finds_headlines_spots_and_bodies_but_no_drafts(stories):
    assert headlines(search.search("Savaş")) == ["Savaş bölgede sürüyor"]
    assert headlines(search.search("Ceasefire")) == ["Talks stall"]
    assert headlines(search.search("bankası")) == ["Faiz kararı"]
    assert headlines(search.search("taslak")) == []


def test_headline_matches_rank_before_body_matches(make_article):
    make_article(headline="Weather report", body="Floods hit the coast after storms.")
    make_article(headline="Floods hit the coast", body="Rain continued all week.")
    assert headlines(search.search("floods")) == ["Floods hit the coast", "Weather report"]


def test_search_page_shows_marked_snippets_and_escapes_story_text(client, make_article):
    make_article(headline="Markup", body="A <b>bold</b> claim about elections was made.")
    html = client.get("/en/search/", {"q": "elections"}).content.decode()
    assert "<mark>elections</mark>" in html
    assert "<b>bold</b>" not in html
    assert "1 story found for “elections”." in html


def test_search_page_paginates_and_keeps_the_query(client, make_article):
    for n in range(25):
        make_article(headline=f"Election update {n}")
    page1 = client.get("/en/search/", {"q": "election"})
    page2 = client.get("/en/search/", {"q": "election", "page": 2})
    assert len(story_titles(page1.content.decode())) == 20
    assert len(story_titles(page2.content.decode())) == 5
    assert 'href="?q=election&amp;page=2"' in page1.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in page1.content.decode()


def test_empty_search_shows_the_form_only(client, stories):
    response = client.get("/search/")
    assert response.status_code == 200
    assert story_titles(response.content.decode()) == []
    assert 'name="q"' in response.content.decode()


@pytest.mark.postgres
def test_turkish_query_finds_inflected_forms_on_postgresql(postgres_only, stories):
    # "savaşın" (of the war) and "savaşta" (in the war) stem to "savaş".
    assert headlines(search.search("savaşın")) == ["Savaş bölgede sürüyor"]
    assert headlines(search.search("savaşta")) == ["Savaş bölgede sürüyor"]
    assert headlines(search.search("savaşlar")) == ["Savaş bölgede sürüyor"]


@pytest.mark.postgres
def test_english_stories_use_english_stemming_on_postgresql(postgres_only, stories):
    assert headlines(search.search("stalling")) == ["Talks stall"]
    assert headlines(search.search("wars")) == ["Talks stall"]


@pytest.mark.postgres
def test_websearch_syntax_on_postgresql(postgres_only, stories):
    assert headlines(search.search('"third year"')) == ["Talks stall"]
    assert headlines(search.search("savaş -barış")) == []
    assert headlines(search.search("faiz or ceasefire")) == ["Faiz kararı", "Talks stall"]


@pytest.mark.postgres
def test_search_vector_follows_edits_on_postgresql(postgres_only, stories):
    story = stories["economy"]
    Article.objects.filter(pk=story.pk).update(body="Enflasyon rakamları açıklandı.")
    assert headlines(search.search("enflasyon")) == ["Faiz kararı"]
    Article.objects.filter(pk=story.pk).update(read_count=5)  # the counter's update
    assert headlines(search.search("enflasyon")) == ["Faiz kararı"]


@pytest.mark.postgres
def test_search_vector_has_a_gin_index_that_matches_use(postgres_only, stories):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_vector'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]
        cursor.execute("SET LOCAL enable_seqscan = off")
        query = SearchQuery("savaşın", config="turkish", search_type="websearch")
        plan = Article.objects.filter(search_vector=query).explain()
    assert "Bitmap Index Scan on article_search_vector" in plan, plan


@pytest.mark.postgres
def test_postgresql_snippet_marks_the_match(postgres_only, client, stories):
    html = client.get("/search/", {"q": "savaşın"}).content.decode()
    assert "<mark>savaş</mark>" in html
