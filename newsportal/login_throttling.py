"""django-axes (admin login throttling) as the admin shows it: one group, named in both
languages, with the Turkish django-axes does not ship.

INSTALLED_APPS names :class:`LoginThrottlingConfig` instead of ``"axes"``. The strings
below are django-axes' own (its models and admin) that its Turkish catalogue lacks;
listed here so that ``makemessages`` keeps them in our catalogue, where the Turkish is.
"""

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class LoginThrottlingConfig(AxesConfig):
    verbose_name = _("Admin login throttling")


AXES_STRINGS_WITHOUT_TURKISH = (
    _("User Agent"),
    _("HTTP Accept"),
    _("Access lock out"),
    _("access failure"),
    _("access failures"),
    _("Access Attempt"),
    _("Expires At"),
    _("The time when access attempt expires and is no longer valid."),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("Session key hash (sha256)"),
    _("Locked Out"),
    _("Clean up expired attempts"),
    _("Not set"),
    _("Attempt Remaining"),
)
