"""One module per rule of the site's notice; each has ``check(context) -> list[Finding]``."""

from . import belief, caps, hurtful, insult, links, profanity, spelling, suspect, turkish_chars

#: The rules in the order the engine runs them.
DEFAULT_RULES = (
    profanity.check,
    insult.check,
    hurtful.check,
    belief.check,
    suspect.check,
    spelling.check,
    turkish_chars.check,
    caps.check,
    links.check,
)

__all__ = ["DEFAULT_RULES"]
