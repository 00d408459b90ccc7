"""Story photos: renditions made once when saved, shown with srcset/sizes/width/height,
lazily below the fold, and kept right by the page cache."""

import re
import subprocess
import sys

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils.timezone import localtime
from PIL import Image

from articles import renditions
from articles.models import Article
from articles.tests.reader import read_page


def test_saving_a_photo_makes_each_width_in_webp_and_jpeg(make_article, photo):
    story = make_article(image=photo("wide.jpg", 2000, 1000))
    assert story.image_renditions == [320, 640, 960, 1280]
    assert (story.image_width, story.image_height) == (2000, 1000)
    for width in renditions.WIDTHS:
        for fmt, pillow_format in [("webp", "WEBP"), ("jpeg", "JPEG")]:
            with default_storage.open(renditions.rendition_name(story.image.name, width, fmt)) as f:
                made = Image.open(f)
                assert made.format == pillow_format
                assert made.size == (width, width // 2)


def test_a_small_photo_is_never_enlarged(make_article, photo):
    story = make_article(image=photo("small.jpg", 500, 400))
    assert story.image_renditions == [320, 500]


def test_the_story_page_shows_the_photo_with_srcset_sizes_and_its_box(client, make_article, photo):
    story = make_article(image=photo("lead.jpg", 1600, 900), image_caption="Bir açıklama")
    html = read_page(client, story.get_absolute_url())
    figure = re.search(r"<figure.*?</figure>", html, re.DOTALL).group(0)
    base = f"/media/renditions/{story.image.name}"
    assert (
        f'<source type="image/webp" srcset="{base}.320w.webp 320w, {base}.640w.webp 640w, '
        f'{base}.960w.webp 960w, {base}.1280w.webp 1280w" sizes="' in figure
    )
    assert f'src="{base}.1280w.jpeg" srcset="{base}.320w.jpeg 320w' in figure
    assert 'width="1280" height="720"' in figure
    assert 'alt="Bir açıklama"' in figure
    assert 'loading="lazy"' not in figure  # the lead photo loads at once
    for url in re.findall(r"(/media/[^ \"]+)", figure):
        served = client.get(url)
        assert served.status_code == 200, url
        assert "max-age=31536000" in served["Cache-Control"]


def test_cards_show_lazy_thumbnails(client, make_article, photo):
    for n in range(3):
        make_article(headline=f"Fotoğraflı {n}", image=photo(f"p{n}.jpg", 900, 600))
    html = read_page(client, "/")
    lead, *cards = re.findall(r"<img [^>]*>", html)
    assert 'loading="lazy"' not in lead
    assert len(cards) == 2
    for card in cards:
        assert 'class="story-thumb"' in card and 'loading="lazy"' in card
        assert 'sizes="(min-width: 768px) 144px, 112px"' in card
        assert 'width="900" height="600"' in card


def test_a_photo_added_to_a_cached_story_shows_at_once(
    client, make_article, photo, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    story = make_article()
    assert "<picture>" not in read_page(client, story.get_absolute_url())
    assert "<picture>" not in read_page(client, "/")
    with django_capture_on_commit_callbacks(execute=True):  # pages are renewed after commit
        story.image = photo("later.jpg")
        story.save()
    assert "<picture>" in read_page(client, story.get_absolute_url())
    assert "<picture>" in read_page(client, "/")


def test_an_editor_uploads_a_photo_in_the_admin(admin_client, make_article, photo):
    story = make_article()
    url = reverse("admin:articles_article_change", args=[story.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "tags": [],
            "published_at_0": localtime(story.published_at).date().isoformat(),
            "published_at_1": localtime(story.published_at).strftime("%H:%M:%S"),
            "image": photo("upload.jpg", 1000, 750),
            "image_caption": "Yüklenen fotoğraf",
            "image_credit": "AA",
            "bylines-TOTAL_FORMS": 0,
            "bylines-INITIAL_FORMS": 0,
        }
    )
    data.pop("published_at", None)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.image_renditions == [320, 640, 960, 1000]
    assert default_storage.exists(renditions.rendition_name(story.image.name, 1000, "webp"))


def test_make_renditions_fills_in_photos_that_have_none(make_article, photo):
    story = make_article(image=photo("import.jpg", 700, 700))
    Article.objects.filter(pk=story.pk).update(image_renditions=None)
    story.refresh_from_db()
    assert story.photo.jpeg_srcset == ""  # shown as uploaded meanwhile
    call_command("make_renditions", stdout=open("/dev/null", "w"))
    story.refresh_from_db()
    assert story.image_renditions == [320, 640, 700]


def test_s3_storage_is_chosen_from_the_environment():
    code = (
        "import django; from django.conf import settings; django.setup();"
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.querystring_auth,"
        " settings.SERVE_MEDIA, settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "newsportal.settings",
        "SECRET_KEY": "x",
        "MEDIA_S3_BUCKET": "photos",
        "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split(" ", 5)
    assert out[:5] == ["S3Storage", "photos", "https://s3.example.net", "False", "False"]
    assert "https://s3.example.net" in out[5]
