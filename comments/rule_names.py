"""Readable, translated names for rule codes, severities and fields, and findings explained
in a language."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import intake
from .moderation import findings as codes

RULE_NAMES = {
    codes.PROFANITY: _("Swearing"),
    codes.INSULT: _("Insult"),
    codes.HURTFUL: _("Hurtful or insinuating"),
    codes.BELIEF_ATTACK: _("Attack on beliefs"),
    codes.SPELLING: _("Spelling"),
    codes.NO_TURKISH_CHARS: _("No Turkish characters"),
    codes.ALL_CAPS: _("Capital letters"),
    codes.LINKS: _("Too many links"),
    codes.SUSPECT: _("Suspect term"),
    codes.LIKELY_OFFENSIVE: _("Likely offensive (model score)"),
    intake.HONEYPOT: _("Honeypot (a bot)"),
    intake.RATE_LIMIT: _("Rate limit"),
    intake.BANNED: _("Banned sender"),
    intake.DUPLICATE: _("Duplicate"),
    intake.CLOSED: _("Comments closed"),
}

SEVERITY_NAMES = {
    codes.REJECT: _("rejects"),
    codes.REVIEW: _("sends to review"),
}

FIELD_NAMES = {
    "body": _("comment"),
    "name": _("name"),
}


def rule_name(code):
    return RULE_NAMES.get(code, code)


def finding_message(finding, language=None):
    """A stored finding's explanation in the reader's (or moderator's) language."""
    turkish = (language or get_language() or "tr").startswith("tr")
    return finding.get("message_tr" if turkish else "message_en") or rule_name(finding["rule"])
