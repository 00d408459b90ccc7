"""The desk's pages and POSTs.

Every form works without JavaScript (post/redirect/get back to the desk with its
filters). ``desk.js`` sends the same forms with ``Accept: application/json`` and
gets JSON back instead of a redirect, so a decision needs no page reload.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import BadRequest
from django.db.models import Count, Max
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from ..decisions import decide
from ..models import Comment, Commenter, DomainRule, normalise_email
from .figures import decision_figures, queue_figures
from .forms import DecisionForm, DomainRuleForm, StandingForm
from .queue import DeskFilter, page


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def valid_filter(data):
    """The desk's filters from ``data``; a 400 for values no form of ours sends."""
    filters = DeskFilter(data)
    if not filters.is_valid():
        raise BadRequest("invalid desk filter")
    return filters


def desk_url(query=""):
    return reverse("desk:queue") + (f"?{query}" if query else "")


class DeskAccessMixin(PermissionRequiredMixin):
    """Staff who may moderate comments. Anonymous visitors go to the admin's login page
    (and come back); anyone else signed in gets 403."""

    permission_required = "comments.change_comment"
    login_url = reverse_lazy("admin:login")

    def has_permission(self):
        return self.request.user.is_staff and super().has_permission()


class DeskPostMixin(DeskAccessMixin):
    """A desk POST: answers JSON to the script, or a message and a redirect back to the
    desk page it came from (``back``: that page's query string)."""

    http_method_names = ["post"]

    def done(self, message, level=messages.SUCCESS, **data):
        if wants_json(self.request):
            return JsonResponse({"message": message, **data})
        messages.add_message(self.request, level, message)
        back = QueryDict(self.request.POST.get("back", ""))
        return redirect(desk_url(back.urlencode()))

    def invalid(self, form):
        message = " ".join(str(error) for errors in form.errors.values() for error in errors)
        if wants_json(self.request):
            return JsonResponse({"message": message, "errors": form.errors}, status=400)
        raise BadRequest(message)


class DeskView(DeskAccessMixin, TemplateView):
    template_name = "comments/desk/desk.html"

    def get_context_data(self, **kwargs):
        filters = valid_filter(self.request.GET)
        after = self.request.GET.get("after")
        if after is not None and not after.isdigit():
            raise BadRequest("invalid page")
        shown = filters.held()
        cards, next_after = page(shown, after=int(after) if after else None)
        figures = queue_figures()
        filtered = filters.query_string()
        story = filters.cleaned_data["story"]
        return super().get_context_data(
            filters=filters,
            filter_query=filtered,
            page_query=self.request.GET.urlencode(),
            cards=cards,
            next_after=next_after,
            first_page=after is None,
            figures=figures,
            decisions=decision_figures(),
            shown_count=shown.count() if filtered else figures["held"],
            story=cards[0].article if story and cards else None,
            standing_choices=Commenter.Standing.choices,
            domain_rules=DomainRule.objects.select_related("created_by"),
            domain_form=DomainRuleForm(),
            **kwargs,
        )


class DecideView(DeskPostMixin, View):
    """Approve or reject one held comment."""

    def post(self, request, pk):
        comment = get_object_or_404(Comment, pk=pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.invalid(form)
        changed = decide(
            Comment.objects.held().filter(pk=pk),
            form.status,
            request.user,
            form.cleaned_data["reason"],
        )
        if not changed:
            return self.done(
                _("That comment was already decided."), messages.WARNING, id=pk, changed=0
            )
        message = {
            Comment.Status.APPROVED: _("Approved the comment by %(name)s."),
            Comment.Status.REJECTED: _("Rejected the comment by %(name)s."),
        }[form.status] % {"name": comment.name}
        return self.done(message, id=pk, changed=changed, status=form.status)


class BulkView(DeskAccessMixin, TemplateView):
    """ "Approve / reject all N shown": a confirmation page that states N (GET), then one
    decision for all of them (POST). Only comments that were there when the page was
    confirmed are decided (``upto``: the newest id then), not those arriving since."""

    template_name = "comments/desk/confirm.html"

    def dispatch(self, request, *args, decision, **kwargs):
        self.decision = decision  # the URL admits "approve" and "reject" only
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        filters = valid_filter(self.request.GET)
        shown = filters.held().order_by().aggregate(count=Count("id"), upto=Max("id"))
        return super().get_context_data(
            decision=self.decision,
            filters=filters,
            filter_query=filters.query_string(),
            count=shown["count"],
            upto=shown["upto"],
            **kwargs,
        )

    def post(self, request):
        filters = valid_filter(request.POST)
        form = DecisionForm({"decision": self.decision, "reason": request.POST.get("reason", "")})
        upto = request.POST.get("upto", "")
        if not form.is_valid() or not upto.isdigit():
            raise BadRequest("invalid bulk decision")
        changed = decide(
            filters.held().filter(pk__lte=int(upto)),
            form.status,
            request.user,
            form.cleaned_data["reason"],
        )
        message = {
            Comment.Status.APPROVED: ngettext(
                "Approved %(count)d comment.", "Approved %(count)d comments.", changed
            ),
            Comment.Status.REJECTED: ngettext(
                "Rejected %(count)d comment.", "Rejected %(count)d comments.", changed
            ),
        }[form.status] % {"count": changed}
        messages.success(request, message)
        return redirect(desk_url(filters.query_string()))


class StandingView(DeskPostMixin, View):
    """Mark the commenter of a comment trusted, always held, banned or back to earning
    trust. A sender not yet known as a commenter becomes one, by e-mail address."""

    def post(self, request, pk):
        comment = get_object_or_404(Comment.objects.select_related("commenter"), pk=pk)
        form = StandingForm(request.POST)
        if not form.is_valid():
            return self.invalid(form)
        commenter = comment.commenter
        if commenter is None:
            commenter, _created = Commenter.objects.get_or_create(
                email=normalise_email(comment.email), defaults={"name": comment.name}
            )
            Comment.objects.filter(email=commenter.email, commenter__isnull=True).update(
                commenter=commenter
            )
        commenter.standing = form.cleaned_data["standing"]
        commenter.standing_set_by = request.user
        commenter.standing_set_at = timezone.now()
        commenter.save(update_fields=["standing", "standing_set_by", "standing_set_at"])
        return self.done(
            _("%(email)s: %(standing)s.")
            % {"email": commenter.email, "standing": commenter.get_standing_display()},
            standing=commenter.standing,
            standing_label=commenter.get_standing_display(),
            commenter=commenter.pk,
        )


class DomainRuleView(DeskPostMixin, View):
    """Hold or ban everyone at an e-mail domain (a rule for a domain replaces its old one)."""

    def post(self, request):
        form = DomainRuleForm(request.POST)
        if not form.is_valid():
            return self.invalid(form)
        rule, _created = DomainRule.objects.update_or_create(
            domain=form.cleaned_data["domain"],
            defaults={
                "action": form.cleaned_data["action"],
                "note": form.cleaned_data["note"],
                "created_by": request.user,
            },
        )
        return self.done(str(rule), domain=rule.domain, action=rule.action)


class DomainRuleDeleteView(DeskPostMixin, View):
    def post(self, request, pk):
        rule = get_object_or_404(DomainRule, pk=pk)
        rule.delete()
        return self.done(_("Removed the rule for %(domain)s.") % {"domain": rule.domain})
