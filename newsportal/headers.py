"""Response headers Django does not set itself.

``Permissions-Policy`` (from ``settings.PERMISSIONS_POLICY``) turns off browser
features a news site never uses (camera, microphone, geolocation, …), so that even
injected or third-party code could not ask for them. The Content-Security-Policy
comes from django-csp (its header built once: ``SiteCSPMiddleware``); HSTS,
X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy and X-Frame-Options
from Django's own middleware.
"""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings

# What a view or decorator may set to change django-csp's policy for one response.
OWN_POLICY_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy built once rather than per response.

    django-csp builds the header from ``CONTENT_SECURITY_POLICY`` on every response (twice,
    with the report-only one): a tenth of the CPU of a story served from the page cache.
    The site uses no nonce and no per-view policy, so the header is the same string every
    time; it is built again when the setting changes (tests). Anything else (a nonce used,
    a view's own policy, report-only or excluded prefixes configured, DEBUG's error pages)
    goes through django-csp unchanged.
    """

    built = (None, "")

    def process_response(self, request, response):
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        if (
            settings.DEBUG
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or policy.get("EXCLUDE_URL_PREFIXES")
            or isinstance(getattr(request, "_csp_nonce", None), str)
            or any(hasattr(response, name) for name in OWN_POLICY_ATTRIBUTES)
        ):
            return super().process_response(request, response)
        if self.built[0] is not policy:
            self.built = (policy, build_policy())
        if self.built[1] and HEADER not in response:
            response[HEADER] = self.built[1]
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
