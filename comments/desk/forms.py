"""The desk's POST forms: a decision, a commenter's standing, an e-mail domain rule."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from ..models import Comment, Commenter, DomainRule, domain_key

DECISIONS = {"approve": Comment.Status.APPROVED, "reject": Comment.Status.REJECTED}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)

    @property
    def status(self):
        return DECISIONS[self.cleaned_data["decision"]]


class StandingForm(forms.Form):
    standing = forms.ChoiceField(label=_("Standing"), choices=Commenter.Standing.choices)


domain_name = RegexValidator(
    r"^@?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])$",
    _("Enter an e-mail domain such as example.com."),
)


class DomainRuleForm(forms.ModelForm):
    class Meta:
        model = DomainRule
        fields = ["domain", "action", "note"]

    def clean_domain(self):
        domain = domain_key(self.cleaned_data["domain"])
        domain_name(domain)
        return domain

    def validate_unique(self):
        """A rule for a domain that has one replaces it (see the view): no uniqueness error."""
