from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView, TemplateView

from .counters import ReadVisit
from .models import Article, Author, Section, Tag

PAGE_SIZE = 20


class PublishedArticleMixin:
    """Readers see published stories only; everything else is a 404."""

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(TemplateView):
    template_name = "articles/home.html"
    latest_count = 13

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(Article.objects.published().for_listing()[: self.latest_count])
        context["lead"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        context["most_read"] = Article.objects.published().most_read()
        return context


class ArticleDetailView(PublishedArticleMixin, DetailView):
    template_name = "articles/article_detail.html"
    preview = False

    def get_queryset(self):
        return Article.objects.published().for_page()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        visit = ReadVisit(request, self.object.pk)
        if not self.preview:
            visit.count(self.object)
        response = self.render_to_response(self.get_context_data(object=self.object))
        visit.remember(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.update(
            previous_story=article.previous_story(),
            next_story=article.next_story(),
            related_stories=article.related_stories(),
            preview=self.preview,
        )
        return context


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Editors see any story, whatever its status; previews are never counted."""

    preview = True

    def get_queryset(self):
        return Article.objects.for_page()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


class ArticleListView(PublishedArticleMixin, ListView):
    """A paginated list of published stories filtered by one object (section, tag, author)."""

    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE
    model_class = None
    filter_field = None

    def get_queryset(self):
        self.subject = get_object_or_404(self.model_class, slug=self.kwargs["slug"])
        return super().get_queryset().filter(**{self.filter_field: self.subject})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.subject
        context["subject_kind"] = self.model_class._meta.verbose_name
        return context


class SectionView(ArticleListView):
    model_class = Section
    filter_field = "section"


class TagView(ArticleListView):
    model_class = Tag
    filter_field = "tags"


class AuthorView(ArticleListView):
    model_class = Author
    filter_field = "authors"
