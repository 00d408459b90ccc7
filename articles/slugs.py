"""Turkish-aware slugs: ``Çanakkale'de şiddetli yağış`` -> ``canakkalede-siddetli-yagis``.

Django's ``slugify`` folds most accented letters through Unicode decomposition,
but the dotless ``ı`` has no decomposition and would be dropped, and apostrophes
inside words (``Çanakkale'de``) would split them. Both are handled here first.
"""

from django.utils.text import slugify

TURKISH_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "i",
        "I": "i",
        "ç": "c",
        "Ç": "c",
        "ğ": "g",
        "Ğ": "g",
        "ö": "o",
        "Ö": "o",
        "ş": "s",
        "Ş": "s",
        "ü": "u",
        "Ü": "u",
        "â": "a",
        "Â": "a",
        "î": "i",
        "Î": "i",
        "û": "u",
        "Û": "u",
        "'": "",
        "’": "",
        "‘": "",
    }
)


def turkish_slugify(text, max_length=None):
    slug = slugify(str(text).translate(TURKISH_LETTERS))
    if max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def unique_slug(model, text, max_length=200, exclude_pk=None):
    """A slug for ``text`` not yet used by ``model``: adds -2, -3, ... on collision."""
    base = turkish_slugify(text, max_length=max_length - 8) or "haber"
    existing = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    taken = set(existing.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug
