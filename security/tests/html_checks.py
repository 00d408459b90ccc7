"""Checks on rendered HTML: nothing a Content-Security-Policy without 'unsafe-inline'
would block, and no markup smuggled in by hostile input."""

import json
import re
from html.parser import HTMLParser

DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
# Elements our templates never emit: finding one means input became markup.
SMUGGLED_TAGS = {"x-probe", "svg", "math", "iframe", "object", "embed", "details", "mglyph"}


class PageParser(HTMLParser):
    def __init__(self, allowed_tags=()):
        super().__init__(convert_charrefs=True)
        self.smuggled_tags = SMUGGLED_TAGS - set(allowed_tags)
        self.problems = []
        self.in_data_block = None
        self.data_blocks = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = f"<{tag} {attrs}>"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} in {where}")
            if name == "style":
                self.problems.append(f"inline style attribute in {where}")
            if name in ("href", "src", "action", "formaction") and value:
                if value.strip().lower().startswith(("javascript:", "data:text/html")):
                    self.problems.append(f"script URL in {where}")
        if tag in self.smuggled_tags:
            self.problems.append(f"unexpected element {where}")
        if tag == "style":
            self.problems.append("inline <style> element")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"meta refresh {where}")
        if tag == "script":
            kind = (attributes.get("type") or "").lower()
            if kind in DATA_BLOCK_TYPES:
                self.in_data_block = []
            elif not attributes.get("src"):
                self.problems.append(f"inline script {where}")
            else:
                self.in_data_block = None

    def handle_data(self, data):
        if self.in_data_block is not None:
            self.in_data_block.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.in_data_block is not None:
            self.data_blocks.append("".join(self.in_data_block))
            self.in_data_block = None


def problems(html, allowed_tags=()):
    """Everything in ``html`` a strict CSP would block or that looks like injected markup
    (``allowed_tags``: elements the page is known to use, e.g. the admin's svg icons)."""
    parser = PageParser(allowed_tags)
    parser.feed(html)
    parser.close()
    found = list(parser.problems)
    for block in parser.data_blocks:
        try:
            json.loads(block)
        except ValueError:
            found.append(f"a JSON data block that is not JSON (broken out of?): {block[:200]!r}")
    return found


DATA_BLOCK = re.compile(
    r'<script type="application/(?:ld\+)?json"[^>]*>.*?</script>', re.DOTALL | re.IGNORECASE
)


def assert_inert(html, *payloads, allowed_tags=()):
    """No script, handler or smuggled element; no dangerous payload echoed raw outside the
    JSON data blocks (inside them a quote or apostrophe is plain JSON text; that they parse
    as JSON, so nothing broke out, is checked by ``problems``)."""
    assert problems(html, allowed_tags) == []
    markup = DATA_BLOCK.sub("", html)
    for payload in payloads:
        if any(char in payload for char in "<>\"'"):
            assert payload not in markup, f"payload echoed unescaped: {payload!r}"
