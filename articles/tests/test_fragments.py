"""What is rendered once per process (the site's header and footer, addresses by slug, the
comment list built in Python) reads the same as what it replaced, and changes when what it
depends on changes."""

import pytest
from django.templatetags.static import static
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape

from articles.addresses import slug_url
from comments.models import Comment


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("view", ["detail", "section", "tag", "author"])
def test_addresses_by_slug_are_reverses(view, language):
    with translation.override(language):
        for slug in ["a", "us-blasts-aleppo", "x_1-2"]:
            assert slug_url(f"articles:{view}", slug) == reverse(
                f"articles:{view}", kwargs={"slug": slug}
            )


@pytest.mark.parametrize("active", ["tr", "en"])
def test_an_address_in_a_given_language_leaves_the_active_one_alone(active):
    """A story's canonical address is in its own language, whatever the interface's."""
    with translation.override(active):
        for language in ["tr", "en", active]:
            with translation.override(language):
                expected = reverse("articles:detail", kwargs={"slug": "a-story"})
            assert slug_url("articles:detail", "a-story", language=language) == expected
            assert translation.get_language() == active
        with pytest.raises(NoReverseMatch):
            slug_url("articles:detail", "not a slug", language="en")
        assert translation.get_language() == active


def test_an_address_for_a_slug_that_is_not_plain_goes_through_reverse():
    with pytest.raises(NoReverseMatch):
        slug_url("articles:detail", "not a slug")
    with pytest.raises(NoReverseMatch):
        slug_url("articles:detail", "")


@override_settings(PAGE_CACHE_SECONDS=0)  # renewals run after commit, never in a test
def test_header_shows_a_renamed_section_at_once(client, make_article, section):
    story = make_article()
    assert ">Dünya</a>" in client.get(story.get_absolute_url()).content.decode()
    section.name_tr, section.slug_tr = "Dış Haberler", "dis-haberler"
    section.save()
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<a class="nav-link" href="/section/dis-haberler/">Dış Haberler</a>' in html
    assert 'href="/section/dunya/"' not in html


def test_header_and_footer_follow_the_language(client, make_article):
    story = make_article()
    turkish = client.get(story.get_absolute_url()).content.decode()
    english = client.get("/en" + story.get_absolute_url()).content.decode()
    assert 'class="nav-link" href="/">Ana sayfa</a>' in turkish
    assert 'class="nav-link" href="/en/">Home</a>' in english
    assert 'href="/en/section/world/">World</a>' in english
    assert 'href="/en/archive/"' in english and 'href="/archive/"' in turkish


def test_header_gives_each_page_its_own_language_switch(client, make_article):
    story = make_article()
    response = client.get(story.get_absolute_url(), {"x": "'<b>", "y": "2"})
    path = response.wsgi_request.get_full_path()
    assert path.endswith("?x=%27%3Cb%3E&y=2")
    html = response.content.decode()
    assert f'<input name="next" type="hidden" value="{escape(path)}">' in html
    assert "?x=%27%3Cb%3E&amp;y=2" in html
    switch = html.split('class="language-switch', 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken" value="' in switch
    assert "np-fragment" not in html


def test_header_and_footer_follow_the_site_name(client, make_article):
    story = make_article()
    with override_settings(SITE_NAME="Gazete"):
        html = client.get(story.get_absolute_url()).content.decode()
    assert '<a class="brand" href="/">Gazete</a>' in html
    assert "Gazete · " in html  # the footer's copyright line


def test_the_heads_links_follow_the_language_and_the_site_name(client, make_article):
    story = make_article()
    with override_settings(SITE_NAME="Gazete"):
        turkish = client.get(story.get_absolute_url()).content.decode()
        english = client.get("/en" + story.get_absolute_url()).content.decode()
    feed = '<link rel="alternate" type="application/rss+xml" title="Gazete – {} (RSS)" href="{}">'
    assert feed.format("Türkçe haberler", reverse("language_feed_rss", args=["tr"])) in turkish
    assert feed.format("Stories in Turkish", reverse("language_feed_rss", args=["tr"])) in english
    for html in (turkish, english):
        head = html.split("</head>", 1)[0]
        assert f'<link rel="icon" href="{static("img/favicon.ico")}" sizes="48x48">' in head
        assert f'<link rel="stylesheet" href="{static("css/site.css")}">' in head
        assert head.index('rel="canonical"') < head.index('rel="stylesheet"')  # after the block


def test_comments_are_escaped_and_each_has_a_report_form(client, make_article):
    story = make_article()
    comment = Comment.objects.create(
        article=story,
        name="<i>Ayşe</i>",
        email="ayse@example.com",
        body='<script>alert("x")</script>\n\nİkinci paragraf\nikinci satır',
        status=Comment.Status.APPROVED,
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<i>Ayşe" not in html
    assert "<strong>&lt;i&gt;Ayşe&lt;/i&gt;</strong>" in html
    assert "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>" in html
    assert "<p>İkinci paragraf<br>ikinci satır</p>" in html
    report = html.split(f'id="comment-{comment.pk}"', 1)[1].split("</form>", 1)[0]
    assert f'action="/comments/{comment.pk}/report/"' in report
    assert 'name="csrfmiddlewaretoken" value="' in report
    english = client.get("/en" + story.get_absolute_url()).content.decode()
    assert f'action="/en/comments/{comment.pk}/report/"' in english
