"""A reader's request for the tests: a browser's User-Agent (so reads count), 200 expected;
and what the reader sees of a list page."""

import re
from html import unescape

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def read_page(client, url):
    response = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200, url
    return response.content.decode()


def story_titles(html):
    """The headlines of the story cards a list page shows, in order (as a reader sees them)."""
    return [unescape(title) for title in STORY_TITLE.findall(html)]


STORY_TITLE = re.compile(r'<h[23] class="story-title"><a href="[^"]*">(.*?)</a></h[23]>')
