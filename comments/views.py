from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from articles.models import Article
from articles.views import StoryContextMixin

from . import intake
from .clients import client_ip, user_agent
from .forms import CommentForm

REFUSALS = {
    intake.CLOSED: lambda: _("Comments are closed for this story."),
    intake.RATE_LIMIT: lambda: _(
        "You have sent too many comments in a short time. Please wait a few minutes and try again."
    ),
    intake.BANNED: lambda: _("Comments from this address are not accepted."),
    intake.DUPLICATE: lambda: _("You have already sent this comment."),
}


class PostCommentView(StoryContextMixin, DetailView):
    """The comment form's POST: valid and accepted -> redirect; otherwise the story again,
    with the form, the commenter's text and the reasons."""

    http_method_names = ["post"]

    def get_queryset(self):
        # The story alone: most comments are received and redirected, and only a refused
        # one needs the page again (then its bylines and tags are loaded, below).
        return Article.objects.published()

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()
        form = CommentForm(request.POST, article=article)
        status, outcome = 200, None
        if form.is_valid():
            client = intake.Client(
                ip=client_ip(request),
                user_agent=user_agent(request),
                session_key=request.session.session_key or "",
            )
            data = form.cleaned_data
            outcome = intake.receive(
                article,
                data["name"],
                data["email"],
                data["body"],
                client,
                honeypot=data["website"],
            )
            if outcome.accepted:
                if outcome.reason == "approved":
                    messages.success(request, _("Thank you! Your comment is published."))
                else:
                    messages.success(
                        request,
                        _("Thank you! Your comment is awaiting approval by our editors."),
                    )
                return redirect(article.get_absolute_url() + "#comments")
            status = outcome.http_status
            if outcome.reason in REFUSALS:
                form.add_error(None, REFUSALS[outcome.reason]())
        self.object = article = Article.objects.for_page().get(pk=article.pk)
        context = self.get_context_data(object=article, comment_form=form, comment_outcome=outcome)
        return self.render_to_response(context, status=status)
