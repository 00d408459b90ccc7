"""Comments, every submission kept with its decision; bans; editable word lists."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .moderation.findings import REVIEW


def normalise_email(address):
    """The one form of an e-mail address we store and compare: trimmed, lower-case."""
    return (address or "").strip().lower()


def domain_key(domain):
    """The one form of an e-mail domain we store and compare: lower-case ASCII, punycode for
    an international name (``bücher.example`` → ``xn--bcher-kva.example``)."""
    domain = (domain or "").strip().lower().lstrip("@")
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid name: stored as typed, never matches an address
        return domain


class Commenter(models.Model):
    """Someone who comments, known by an e-mail address.

    Every comment is linked to the commenter of its (normalised) address. What a form
    says never grants anything: trust needs a browser signed in by the e-mail link
    (``confirmed_at`` is set the first time that happens) or a moderator's word
    (``standing``).
    """

    class Standing(models.TextChoices):
        EARNING = "earning", _("Earns trust by approved comments")
        TRUSTED = "trusted", _("Trusted by a moderator")
        HELD = "held", _("Always held")
        BANNED = "banned", _("Banned")

    email = models.EmailField(_("e-mail"), unique=True)
    name = models.CharField(_("name"), max_length=80, blank=True)
    standing = models.CharField(
        _("standing"), max_length=10, choices=Standing.choices, default=Standing.EARNING
    )
    standing_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("standing set by"),
    )
    standing_set_at = models.DateTimeField(_("standing set at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("e-mail confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the commenter first signed in with the link sent by e-mail."),
    )
    signed_in_at = models.DateTimeField(
        _("last signed in at"),
        null=True,
        blank=True,
        help_text=_("Changes at every sign-in, so a sign-in link works once."),
    )
    created_at = models.DateTimeField(_("first seen"), auto_now_add=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("commenter")
        verbose_name_plural = _("commenters")

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


# The desk's order (riskiest first, then the oldest): the columns of its keyset and index.
DESK_ORDER = ["desk_rank", "created_at", "id"]


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def held(self):
        return self.filter(status=Comment.Status.HELD)

    def queue_order(self):
        return self.order_by(*Comment.QUEUE_ORDER)

    def desk_order(self):
        """The desk's order, riskiest first (see ``Comment.desk_rank``), then the oldest."""
        return self.order_by(*Comment.DESK_ORDER)

    def with_rule(self, code):
        """Comments on which the rule ``code`` fired (``rules`` is comma-separated)."""
        return self.filter(
            models.Q(rules=code)
            | models.Q(rules__startswith=f"{code},")
            | models.Q(rules__endswith=f",{code}")
            | models.Q(rules__contains=f",{code},")
        )


class Comment(models.Model):
    """One submission of the comment form, whatever was decided about it.

    ``status`` is where it stands now; ``decision`` and ``findings`` record what the
    moderation engine (and the form's own checks: honeypot, rate limit, ban,
    duplicate, closed) said when it arrived, so editors can audit and override.
    """

    class Status(models.TextChoices):
        HELD = "held", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Decision(models.TextChoices):
        REJECT = "reject", _("Reject")
        REVIEW = "review", _("Review")
        PASS = "pass", _("Pass")

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("story"),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown to readers."))
    commenter = models.ForeignKey(
        Commenter,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("commenter"),
    )
    notify = models.BooleanField(
        _("tell the commenter by e-mail"),
        default=False,
        help_text=_("The commenter asked to be told by e-mail when the comment is decided."),
    )
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.HELD, db_index=True
    )
    decision = models.CharField(
        _("engine decision"),
        max_length=10,
        blank=True,
        choices=Decision.choices,
        help_text=_("What the moderation engine decided: reject, review or pass."),
    )
    language = models.CharField(_("detected language"), max_length=8, blank=True)
    findings = models.JSONField(_("findings"), default=list, blank=True)
    score = models.FloatField(
        _("offensiveness score"),
        null=True,
        blank=True,
        help_text=_("The learned model's probability (0 to 1) that the comment is offensive."),
    )
    # The desk's order in one indexed column (a comment's rank never changes once it is
    # stored): review findings first (0..1.5), then the rest (2..3.5); within each, the
    # model's score from high to low, an unknown score last.
    desk_rank = models.GeneratedField(
        expression=models.Case(
            models.When(decision=REVIEW, then=models.Value(0.0)),
            default=models.Value(2.0),
            output_field=models.FloatField(),
        )
        + models.Case(
            models.When(score__isnull=True, then=models.Value(1.5)),
            default=models.Value(1.0) - models.F("score"),
            output_field=models.FloatField(),
        ),
        output_field=models.FloatField(),
        db_persist=True,
        verbose_name=_("desk rank"),
    )
    rules = models.CharField(
        _("rules"),
        max_length=300,
        blank=True,
        db_index=True,
        help_text=_("The rules that fired, comma-separated (for filtering)."),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=400, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderation_reason = models.CharField(_("moderator's reason"), max_length=300, blank=True)
    reports_settled_at = models.DateTimeField(
        _("reports settled at"),
        null=True,
        blank=True,
        help_text=_(
            "A moderator approved it after readers reported it: reports no longer hide it."
        ),
    )

    objects = CommentQuerySet.as_manager()

    # The moderation queue's order: held comments first, then the newest.
    QUEUE_ORDER = [
        models.Case(
            models.When(status=Status.HELD, then=0), default=1, output_field=models.IntegerField()
        ).asc(),
        "-created_at",
    ]
    DESK_ORDER = DESK_ORDER

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status"),
            models.Index(fields=["email", "created_at"], name="comment_email_time"),
            models.Index(fields=["ip_address", "created_at"], name="comment_ip_time"),
            # The desk: held comments in its order, and recent decisions for its figures.
            # ("held" is Status.HELD, which Meta cannot see.)
            models.Index(
                fields=DESK_ORDER,
                condition=models.Q(status="held"),
                name="comment_desk_queue",
            ),
            models.Index(
                fields=["moderated_at"],
                include=["created_at", "moderated_by"],  # the figures read only the index
                condition=models.Q(moderated_at__isnull=False),
                name="comment_decided_time",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def rule_codes(self):
        return [code for code in self.rules.split(",") if code]


class Ban(models.Model):
    """An e-mail address or IP address whose comments are refused."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("e-mail address")
        IP = "ip", _("IP address")

    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=254)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("banned by"),
    )
    created_at = models.DateTimeField(_("banned at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ban")
        verbose_name_plural = _("bans")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="unique_ban")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs):
        self.value = self.value.strip().lower()
        super().save(*args, **kwargs)


class Report(models.Model):
    """A reader's report of a published comment: one per reader per comment."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("comment")
    )
    reporter = models.CharField(
        _("reader"),
        max_length=64,
        help_text=_("A stable, anonymous key for the reader who reported (not shown)."),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader")
        ]

    def __str__(self):
        return f"{self.comment_id}: {self.reason[:60]}"


class DomainRule(models.Model):
    """Everyone commenting from an e-mail domain or its subdomains is always held, or banned."""

    class Action(models.TextChoices):
        HOLD = "hold", _("Always hold")
        BAN = "ban", _("Ban")

    domain = models.CharField(_("e-mail domain"), max_length=253, unique=True)
    action = models.CharField(_("action"), max_length=4, choices=Action.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    created_at = models.DateTimeField(_("set at"), auto_now_add=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("e-mail domain rule")
        verbose_name_plural = _("e-mail domain rules")

    def __str__(self):
        return f"{self.domain}: {self.get_action_display()}"

    def save(self, *args, **kwargs):
        self.domain = domain_key(self.domain)
        super().save(*args, **kwargs)


class Term(models.Model):
    """A word-list entry editors add on top of the lists shipped with the engine."""

    class Kind(models.TextChoices):
        BANNED = "banned", _("Banned: rejected as swearing")
        SUSPECT = "suspect", _("Suspect: sent to review")
        ALLOWED = "allowed", _("Allowed: never hit (an innocent word)")

    kind = models.CharField(_("list"), max_length=10, choices=Kind.choices)
    term = models.CharField(
        _("term"),
        max_length=100,
        help_text=_(
            "A word (“amk”), a stem with its suffixes (“siktir*”), a phrase (“geri zekalı*”), "
            "or “=word” when the Turkish letters must be written."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "term"]
        verbose_name = _("word-list term")
        verbose_name_plural = _("word-list terms")
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="unique_term")]

    def __str__(self):
        return self.term


class OutboxMail(models.Model):
    """An e-mail to send, kept until it is sent: sending never blocks or breaks a request.

    Each mail is tried once right after the transaction that queued it commits; what
    fails stays here and ``manage.py send_outbox`` (run by cron) tries it again.
    """

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return f"{self.to}: {self.subject}"
