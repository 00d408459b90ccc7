"""Error pages that never depend on the database, and the database outage page.

``urls.handler400`` is :func:`bad_request` (413 for oversize requests),
``urls.handler500`` is :func:`server_error`. Django calls it while the exception
is still being handled, so it can tell a database outage (PostgreSQL restarting,
a connection dropped: ``OperationalError``/``InterfaceError``, wherever it was
raised: view, template, middleware) from a bug. An outage gets
**503 Service Unavailable** with ``Retry-After`` and a page that says nothing was
lost, rather try again; anything else gets the 500 page. Neither renders with the
request's context processors (they query the database), so both work with the
database down. Connections recover by themselves: ``CONN_HEALTH_CHECKS`` makes
the next request drop a dead connection and open a new one.
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

DATABASE_OUTAGE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def render_error(template_name, status, **context):
    """The error page, rendered without context processors (no database needed)."""
    context.update(site_name=settings.SITE_NAME, status=status)
    try:
        body = loader.get_template(template_name).render(context)
    except Exception:  # the error page itself must never fail
        logger.exception("error template %s failed", template_name)
        body = f"<!doctype html><title>{status}</title><h1>{status}</h1>"
    return HttpResponse(body, status=status)


def is_database_outage(exc):
    return isinstance(exc, DATABASE_OUTAGE)


def service_unavailable(request=None):
    response = render_error("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    if is_database_outage(sys.exc_info()[1]):
        logger.warning("database unavailable: answered 503 to %s", request.path)
        return service_unavailable(request)
    return render_error("500.html", 500)


def bad_request(request, exception=None):
    """A malformed request; one too large (body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many
    fields) is answered 413 Content Too Large, so clients know what to change."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return render_error("400.html", 413)
    return render_error("400.html", 400)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: usually an old page or blocked cookies."""
    return render_error("403.html", 403, csrf_failed=True)
