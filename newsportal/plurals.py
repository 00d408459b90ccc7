"""The public pages' messages that have a plural, as the templates show them:
``{{ plurals.comments(comments|length) }}``.

They are written here because ``makemessages`` finds ``ngettext`` in Python but not in the
Jinja2 templates (``newsportal.jinja2``). Each gives HTML as ``{% blocktranslate count %}``
did: the translation as it stands in the .po file, the values escaped, numbers written
as the template filters named in each wrote them.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import floatformat
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext


def filled(message, **values):
    """The message (HTML: a translation as it stands in the .po file) with the values put
    in, each escaped as Django escapes (``&#x27;``, ``&quot;``), as ``blocktranslate`` did.
    It is also the templates' ``format`` filter: ``{{ _("Page %(number)s")|format(number=2) }}``.
    """
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    return mark_safe(str(message) % escaped)  # noqa: S308 (the values escaped)


def reads(count):
    """Under a story in the home page's "most read" list."""
    text = ngettext("%(reads)s read", "%(reads)s reads", count)
    return filled(text, reads=floatformat(count, "g"))


def stories_found(count, query):
    text = ngettext(
        "%(total)s story found for “%(query)s”.", "%(total)s stories found for “%(query)s”.", count
    )
    return filled(text, total=floatformat(count, "g"), query=query)


def comments(count):
    """The comment section's heading."""
    return filled(ngettext("%(counter)s comment", "%(counter)s comments", count), counter=count)


def reported_by(count):
    """A comment's readers' reports, at the desk."""
    text = ngettext("Reported by %(count)s reader", "Reported by %(count)s readers", count)
    return filled(text, count=count)


def held_shown(count):
    """The number of held comments the desk's filters select."""
    text = ngettext("%(shown)s held comment shown.", "%(shown)s held comments shown.", count)
    return filled(text, shown=intcomma(count))


def approve_held(count):
    """The desk's question before approving all the comments shown."""
    text = ngettext(
        "Approve %(shown)s held comment? It is published at once.",
        "Approve %(shown)s held comments? They are published at once.",
        count,
    )
    return filled(text, shown=intcomma(count))


def reject_held(count):
    """The desk's question before rejecting all the comments shown."""
    text = ngettext("Reject %(shown)s held comment?", "Reject %(shown)s held comments?", count)
    return filled(text, shown=intcomma(count))
