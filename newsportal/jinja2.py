"""The public pages' templates (``jinja2/``): Django's Jinja2 backend and its environment.

Readers', commenters' and the comments desk's pages are Jinja2 templates, for the CPU
(a story page's templates 2.1 ms instead of 2.9 with Django's template language); the
admin, crispy-forms' layouts, the e-mails, robots.txt and the news sitemap keep Django's
(``templates/``). What the templates call is the same Python that the rest of the code uses:

- ``{{ _("Skip to content") }}``: a message in the reader's language. Django's
  ``makemessages`` finds ``_("literal")`` in ``{{ }}`` and ``{% %}`` tags of .html files;
  a message with values is ``{{ _("Signed in as %(email)s.")|format(email=...) }}`` (the
  values escaped, the translation trusted, as ``blocktranslate`` does: ``format`` is
  ``plurals.filled``, not Jinja2's own, which escapes ``'`` as ``&#39;``); messages with a
  plural are functions of ``newsportal.plurals`` (``makemessages`` does not read
  ``ngettext`` in templates).
- ``url()``, ``static()``, the site's parts (``articles.site_parts``), the comment
  section (``comments.comment_section``) and Django's filters the pages use.
"""

import html
from functools import partial

import jinja2
import jinja2.compiler
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.backends import jinja2 as jinja2_backend
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import (
    floatformat,
    timesince_filter,
    truncatechars,
)
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject, lazy
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

from articles import local_times, site_parts
from articles.counters import total_line
from articles.structured_data import script_tag
from comments.comment_section import comment_section

from . import csrf_tokens, plurals


def environment(**options):
    env = Environment(finalize=escape_as_django, **options)
    env.globals.update(
        _=translate,
        get_language=translation.get_language,
        language_name_local=language_name_local,
        languages=languages,
        url=url,
        static=static,
        site_head=site_parts.site_head,
        site_header=site_parts.site_header,
        site_footer=site_parts.site_footer,
        comment_section=comment_section,
        plurals=plurals,
    )
    env.filters.update(
        date=date,
        floatformat=floatformat,
        format=plurals.filled,
        intcomma=intcomma,
        iso_time=iso_time,
        json_ld=script_tag,
        linebreaksbr=linebreaksbr,
        local_time=local_time,
        timesince=timesince_filter,
        truncatechars=truncatechars,
        total_line=total_line,
    )
    return env


def escape_as_django(value):
    """Every value a template writes, escaped as Django's templates escaped it (``&#x27;``
    and ``&quot;``, where Jinja2 writes ``&#39;`` and ``&#34;``): the pages' HTML is the same
    byte for byte. Django's safe strings, Jinja2's ``Markup`` and other objects with
    ``__html__`` (a form's field) are written as their ``__html__()``. (Django's
    ``conditional_escape`` does the same through two more calls per value.)"""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class CodeGenerator(jinja2.compiler.CodeGenerator):
    """Writes ``finalize(value)`` where Jinja2 writes ``escape(finalize(value))``: the
    environment's ``finalize`` (:func:`escape_as_django`) gives text already escaped, which
    Jinja2's ``escape`` would only copy into a new ``Markup`` (a story page writes some 140
    values). Where autoescaping is switched at run time (``{% autoescape %}``) or off, or
    without a ``finalize``, the code is Jinja2's."""

    def _finalize_escapes(self, frame, finalize):
        return frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src

    def _output_child_pre(self, node, frame, finalize):
        if self._finalize_escapes(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node, frame, finalize):
        if self._finalize_escapes(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class Environment(jinja2.Environment):
    code_generator_class = CodeGenerator


def translate(message):
    """``{{ _("...") }}``: the message in the active language. The translation is HTML as
    it stands in the .po file (as with ``{% translate %}``)."""
    return mark_safe(translation.gettext(message))  # noqa: S308 (the .po file's HTML)


def url(name, *args):
    return reverse(name, args=args)


def languages():
    """The interface languages' codes and names (``settings.LANGUAGES``)."""
    return settings.LANGUAGES


def language_name_local(code):
    return translation.get_language_info(code)["name_local"]


def date(value, format_string=None):
    """Django's ``date`` filter, given the time in the current time zone (as Django's
    template language converts it for that filter)."""
    return date_filter(timezone.template_localtime(value), format_string)


def linebreaksbr(value):
    """Django's ``linebreaksbr`` filter as a template with autoescaping calls it: the text
    escaped (unless already safe), each line break written ``<br>``. Without the filter's
    decorators (lazy text, ``stringfilter``) and the regular expression for ``\\r``: 6 µs
    instead of 12 for each of a story's dozen paragraphs (timeit)."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if not isinstance(value, SafeData):
        text = html.escape(text)
    return mark_safe(text.replace("\n", "<br>"))  # noqa: S308 (escaped above, or safe)


def iso_time(value):
    """For ``<time datetime>`` and meta tags: whole seconds in the site's time zone (Django's
    ``date:'c'`` keeps microseconds, which the Nu checker rejects)."""
    return local_times.iso_time(value) if value else ""


def local_time(value):
    """As ``date:"DATETIME_FORMAT"`` writes it, for a quarter of the CPU."""
    return local_times.current().shown(value) if value else ""


def hidden_csrf_input(csrf_token):
    """What Django's ``{% csrf_token %}`` writes: the form's hidden token (none without one)."""
    token = str(csrf_token)
    if not token or token == "NOTPROVIDED":
        return SafeString()
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


csrf_input_lazy = lazy(hidden_csrf_input, SafeString, str)


class Jinja2(jinja2_backend.Jinja2):
    """Django's Jinja2 backend, with the view's context taking precedence over the context
    processors and the request's CSRF token, as with Django's template language.

    The page cache renders a page with a placeholder for the CSRF token
    (``CachedPageMixin.get_hole_context``); Django's backend would replace it with this
    reader's token. ``csrf_input`` (the hidden field) is written from the token the page
    is rendered with, and the reader's token is made once per page (as the ``csrf``
    context processor of Django's templates makes it; Django's Jinja2 backend makes a new
    one, 32 random characters, each time a form writes it).
    """

    def from_string(self, template_code):
        return Template(self.env.from_string(template_code), self)

    def get_template(self, template_name):
        return Template(super().get_template(template_name).template, self)


class Template(jinja2_backend.Template):
    def render(self, context=None, request=None):
        values = {}
        if request is not None:
            values["request"] = request
            # The token made once per page, when first shown (as the ``csrf`` context
            # processor makes it, with ``csrf_tokens.get_token``'s one read of the random
            # source per string rather than 64 calls of ``secrets.choice``).
            values["csrf_token"] = SimpleLazyObject(partial(csrf_tokens.get_token, request))
            for context_processor in self.backend.template_context_processors:
                values.update(context_processor(request))
        values.update(context or {})
        if "csrf_token" in values:
            values["csrf_input"] = csrf_input_lazy(values["csrf_token"])
        return super().render(values)
