from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Comment


class CommentForm(forms.ModelForm):
    """Name, e-mail (never shown), the comment, and a honeypot field bots fill in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    body = forms.CharField(
        label=_("Comment"),
        min_length=2,
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {"email": _("Never shown to readers.")}

    def __init__(self, *args, article, commenter=None, **kwargs):
        if commenter is not None:
            kwargs.setdefault("initial", {"name": commenter.name, "email": commenter.email})
        super().__init__(*args, **kwargs)
        self.article = article
        self.commenter = commenter
        if commenter is not None:
            # Only a browser signed in by the e-mail link can ask to be told by e-mail.
            self.fields["notify"] = forms.BooleanField(
                label=_("Tell me by e-mail when my comment is approved or rejected"),
                required=False,
            )
        self.fields["body"].help_text = gettext("At most %(count)s characters.") % {
            "count": self.fields["body"].max_length
        }
        self.helper = FormHelper()
        self.helper.form_action = reverse("comments:post", kwargs={"slug": article.slug})
        self.helper.form_id = "comment-form"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Div(
                Field("name", wrapper_class="col-md-6"),
                Field("email", wrapper_class="col-md-6"),
                css_class="row",
            ),
            "body",
            *(["notify"] if commenter is not None else []),
            Div("website", css_class="comment-website", aria_hidden="true"),
            Submit("submit", _("Send comment")),
        )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < 2:
            raise forms.ValidationError(_("Please write a comment."))
        return body

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
