"""A reader's request for the tests: a browser's User-Agent (so reads count), 200 expected."""

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def read_page(client, url):
    response = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200, url
    return response.content.decode()
