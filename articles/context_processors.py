"""Template context shared by every page: the site name and the section navigation."""

from django.conf import settings

from .models import Section


def navigation(request):
    return {"site_name": settings.SITE_NAME, "nav_sections": Section.objects.all()}
