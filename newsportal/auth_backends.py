"""Login throttling for the admin (django-axes)."""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' backend, which refuses a locked-out username and IP address.

    Every login form passes the request to ``authenticate()``, and axes throttles
    those. Code that authenticates without a request (the test client's
    ``login()``, management commands) has no client address to throttle: axes would
    raise there; this backend lets the next backend decide instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
