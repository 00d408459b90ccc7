"""Response headers Django does not set itself.

``Permissions-Policy`` (from ``settings.PERMISSIONS_POLICY``) turns off browser
features a news site never uses (camera, microphone, geolocation, …), so that even
injected or third-party code could not ask for them. The Content-Security-Policy
comes from django-csp; HSTS, X-Content-Type-Options, Referrer-Policy,
Cross-Origin-Opener-Policy and X-Frame-Options from Django's own middleware.
"""

from django.conf import settings


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response
