"""Reader pages. newsportal/urls.py mounts them under i18n_patterns: Turkish, the
default, unprefixed (/news/<slug>/) and English under /en/ (/en/news/<slug>/)."""

from django.urls import path, register_converter

from . import views

app_name = "articles"


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigitConverter:
    """Months and days always with two digits, so each archive page has one URL."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(YearConverter, "yyyy")
register_converter(TwoDigitConverter, "dd")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("language/<slug:language>/", views.LanguageView.as_view(), name="language"),
    path("archive/", views.ArchiveIndex.as_view(), name="archive"),
    path("archive/<yyyy:year>/", views.ArchiveYear.as_view(), name="archive_year"),
    path("archive/<yyyy:year>/<dd:month>/", views.ArchiveMonth.as_view(), name="archive_month"),
    path(
        "archive/<yyyy:year>/<dd:month>/<dd:day>/",
        views.ArchiveDay.as_view(),
        name="archive_day",
    ),
    path("search/", views.SearchView.as_view(), name="search"),
]
