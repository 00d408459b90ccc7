from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from articles.models import Article
from articles.views import StoryContextMixin

from . import identity, intake, ratelimit
from .clients import client_ip, user_agent
from .forms import CommentForm
from .models import Comment
from .reports import report_comment

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
        commenter = identity.signed_in_commenter(request)
        form = CommentForm(request.POST, article=article, commenter=commenter)
        status, outcome = 200, None
        if form.is_valid():
            client = intake.Client(
                ip=client_ip(request),
                user_agent=user_agent(request),
                session_key=request.session.session_key or "",
                commenter=commenter,
                site_url=request.build_absolute_uri("/"),
            )
            data = form.cleaned_data
            outcome = intake.receive(
                article,
                data["name"],
                data["email"],
                data["body"],
                client,
                honeypot=data["website"],
                notify=data.get("notify", False),
            )
            if outcome.accepted:
                if outcome.reason == intake.Reason.APPROVED:
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
        self.object = article = Article.objects.story_for_page(pk=article.pk)
        context = self.get_context_data(object=article, comment_form=form, comment_outcome=outcome)
        return self.render_to_response(context, status=status)


@method_decorator(never_cache, name="dispatch")
class SignInView(View):
    """The e-mail link: GET shows a confirm button (mail scanners open links), POST signs in."""

    template_name = "comments/sign_in.html"

    def get(self, request, token):
        commenter = identity.check_token(token)
        status = 200 if commenter else 400
        return render(request, self.template_name, {"commenter": commenter}, status=status)

    def post(self, request, token):
        commenter = identity.check_token(token)
        if commenter is None:
            return render(request, self.template_name, {"commenter": None}, status=400)
        response = redirect("comments:mine")
        identity.set_cookie(response, settings.COMMENTER_COOKIE_NAME, identity.sign_in(commenter))
        messages.success(request, _("You are signed in as %(email)s.") % {"email": commenter.email})
        return response


class SignOutView(View):
    http_method_names = ["post"]

    def post(self, request):
        response = redirect("articles:home")
        response.delete_cookie(settings.COMMENTER_COOKIE_NAME, samesite="Lax")
        messages.success(request, _("You are signed out."))
        return response


@method_decorator(never_cache, name="dispatch")
class MyCommentsView(View):
    """A signed-in commenter's comments with their states, newest first."""

    def get(self, request):
        commenter = identity.signed_in_commenter(request)
        if commenter is None:
            return render(request, "comments/mine.html", {"commenter": None}, status=403)
        comments = (
            Comment.objects.filter(email=commenter.email)
            .select_related("article")
            .order_by("-created_at")[:200]
        )
        return render(request, "comments/mine.html", {"commenter": commenter, "comments": comments})


class ReportView(View):
    """A reader's report of a published comment: one per reader, rate limited, PRG."""

    http_method_names = ["post"]

    def post(self, request, pk):
        comment = get_object_or_404(Comment.objects.approved().select_related("article"), pk=pk)
        reason = request.POST.get("reason", "")
        if len(reason) > 300:
            return HttpResponseBadRequest(_("The reason is too long."))
        key, new_cookie = identity.reader_key(request)
        ip = client_ip(request)
        if ratelimit.hit(f"report-ip:{ip}" if ip else "", f"report:{key}"):
            return render(request, "429.html", status=429)
        try:
            with transaction.atomic():
                report_comment(comment, key, reason, ip)
            messages.success(request, _("Thank you: the editors will look at this comment."))
        except IntegrityError:
            messages.info(request, _("You have already reported this comment."))
        response = redirect(comment.article.get_absolute_url() + "#comments")
        if new_cookie:
            identity.set_cookie(response, settings.READER_COOKIE_NAME, new_cookie)
        return response
