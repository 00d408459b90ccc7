"""Previous/next follow publication order among published stories; lists paginate."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from articles.tests.reader import story_titles


def test_previous_and_next_follow_publication_order(make_article):
    first, second, third = (make_article() for _ in range(3))
    make_article(status=Article.Status.DRAFT)  # newest, but hidden
    assert first.neighbours() == (None, second)
    assert second.neighbours() == (first, third)
    assert third.neighbours() == (second, None)


def test_stories_published_at_the_same_second_still_have_an_order(make_article):
    moment = timezone.now() - timedelta(hours=1)
    a = make_article(published_at=moment)
    b = make_article(published_at=moment)
    assert a.neighbours()[1] == b
    assert b.neighbours()[0] == a


def test_first_and_last_story_pages_link_one_way(client, make_article):
    first, last = make_article(headline="The first"), make_article(headline="The last")
    first_html = client.get(first.get_absolute_url()).content.decode()
    last_html = client.get(last.get_absolute_url()).content.decode()
    assert f'rel="next" href="{last.get_absolute_url()}"' in first_html
    assert 'rel="prev"' not in first_html
    assert f'rel="prev" href="{first.get_absolute_url()}"' in last_html
    assert 'rel="next"' not in last_html


def test_section_page_paginates_published_stories(client, make_article, section):
    for _ in range(25):
        make_article()
    make_article(status=Article.Status.DRAFT, headline="Hidden draft")
    page1 = client.get(section.get_absolute_url())
    page2 = client.get(section.get_absolute_url() + "?page=2")
    assert len(story_titles(page1.content.decode())) == 20
    assert len(story_titles(page2.content.decode())) == 5
    assert "Hidden draft" not in page1.content.decode() + page2.content.decode()
    assert client.get(section.get_absolute_url() + "?page=9").status_code == 404
    assert client.get(section.get_absolute_url() + "?page=abc").status_code == 404


def test_author_and_tag_pages_list_their_stories(client, make_article):
    story = make_article(headline="Tagged story", authors=["Kasim Ileri"])
    story.tags.create(name="Aleppo", slug="aleppo")
    make_article(headline="Other story")
    for url in ["/author/kasim-ileri/", "/tag/aleppo/"]:
        html = client.get(url).content.decode()
        assert "Tagged story" in html and "Other story" not in html


def test_home_shows_lead_latest_and_most_read(client, make_article):
    popular = make_article(headline="Popular story", read_count=900)
    make_article(headline="Quiet story", read_count=3)
    lead = make_article(headline="Newest story")
    response = client.get("/")
    html = response.content.decode()
    lead_title = f'<h2 class="lead-title"><a href="{lead.get_absolute_url()}">Newest story</a></h2>'
    assert lead_title in html
    most_read = html.split('<ol class="most-read">')[1].split("</ol>")[0]
    first = most_read.split("<li>")[1]
    assert f'<a href="{popular.get_absolute_url()}">Popular story</a>' in first
