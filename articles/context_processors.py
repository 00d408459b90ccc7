"""Template context shared by every page: the section navigation."""

from .models import Section


def navigation(request):
    return {"nav_sections": Section.objects.all()}
