"""One bare Django view returning a fixed page: what the framework costs with nothing to do.

The page is read once from ``FLOOR_PAGE_FILE`` (the bench saves the real article page
there), so both sides send the same number of bytes.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

PAGE = Path(os.environ["FLOOR_PAGE_FILE"]).read_bytes() if "FLOOR_PAGE_FILE" in os.environ else b""


def fixed_page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("floor/", fixed_page)]
