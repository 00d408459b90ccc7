from django import template

from articles import structured_data

register = template.Library()


@register.filter
def json_ld(data):
    """``{{ data|json_ld }}``: a ``<script type="application/ld+json">`` element, safely escaped."""
    return structured_data.script_tag(data)
