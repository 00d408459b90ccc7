"""``{{ article.read_count|total_line }}``: the read counter's line (``counters.total_line``)."""

from django import template

from ..counters import total_line

register = template.Library()
register.filter("total_line", total_line)
