import functools
import operator
from datetime import datetime, timedelta

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, router
from django.db.models import OuterRef, Prefetch
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from newsportal.prepared_reads import PreparedRead

from . import renditions, story_lists
from .addresses import slug_url
from .slugs import unique_slug


class SectionQuerySet(models.QuerySet):
    def with_slug(self, slug):
        """Sections at this address in any language (an old address included)."""
        return self.filter(models.Q(slug_tr=slug) | models.Q(slug_en=slug))


class Section(models.Model):
    """One section of the paper, with its name and address in each interface language.

    ``name`` and ``slug`` are those of the current language (Turkish when no English
    one is given); /section/ekonomi/ and /en/section/economy/ are the same section.
    """

    name_tr = models.CharField(_("name (Turkish)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug_tr = models.SlugField(_("slug (Turkish)"), max_length=120, unique=True)
    slug_en = models.SlugField(
        _("slug (English)"),
        max_length=120,
        unique=True,
        help_text=_("The section's address in the English interface."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the menu.")
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name_tr"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:section", self.slug)

    def get_feed_url(self):
        return reverse("section_feed_rss", kwargs={"slug": self.slug})

    @property
    def name(self):
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_tr

    @property
    def slug(self):
        if translation.get_language() == "en" and self.slug_en:
            return self.slug_en
        return self.slug_tr


class Author(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    bio = models.TextField(_("biography"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:tag", self.slug)


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The statuses readers may see once the publish time has come: the one definition, used by
# ``published()``, ``is_published()``, the partial indexes and the page cache's facts.
# (A scheduled story is public from its time on; ``manage.py publish_scheduled`` then
# marks it published and renews the pages that list it.)
PUBLIC_STATUSES = [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED]


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: public stories whose time has come (``now`` by default)."""
        return self.filter(status__in=PUBLIC_STATUSES, published_at__lte=now or timezone.now())

    def preceding(self, published_at, pk, now=None):
        """The public stories before this place in publication order, the nearest first."""
        return (
            self.published(now)
            # The bound first, so the index is read from this place onwards.
            .filter(published_at__lte=published_at)
            .filter(models.Q(published_at__lt=published_at) | models.Q(id__lt=pk))
            .only("headline", "slug", "published_at")
            .order_by("-published_at", "-id")
        )

    def following(self, published_at, pk, now=None):
        """The public stories after this place in publication order, the nearest first."""
        return (
            self.published(now)
            .filter(published_at__gte=published_at)
            .filter(models.Q(published_at__gt=published_at) | models.Q(id__gt=pk))
            .only("headline", "slug", "published_at")
            .order_by("published_at", "id")
        )

    def previous_to(self, published_at, pk):
        """The public story just before this place in publication order, or None."""
        return self.preceding(published_at, pk).first()

    def next_to(self, published_at, pk):
        """The public story just after this place in publication order, or None."""
        return self.following(published_at, pk).first()

    def newest_tagged_with_any(self, tag_ids, now, limit, exclude_pk=None):
        """Public stories with one of these tags, at most the ``limit`` newest of each tag
        (``TaggedStory.objects.newest_of``): read through an index however old or
        common the tags are. Order and slice it to have the newest ``limit`` of all."""
        newest = [
            TaggedStory.objects.newest_of(tag_id, now, limit, exclude_pk) for tag_id in tag_ids
        ]
        if len(newest) == 1:
            return self.published(now).filter(pk__in=newest[0])
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            return self.published(now).filter(pk__in=newest[0].union(*newest[1:], all=True))
        # SQLite takes no LIMIT in a UNION's parts: a condition per tag (correct, not planned
        # as well: PostgreSQL would test them on every public story from the newest on).
        per_tag = (models.Q(pk__in=ids) for ids in newest)
        return self.published(now).filter(functools.reduce(operator.or_, per_tag))

    def most_read(self, days=7, limit=5):
        """The most read stories published in the last ``days`` (all time if none)."""
        ranked = self.select_related("section").order_by("-read_count", "-published_at")
        recent = list(
            ranked.filter(published_at__gte=timezone.now() - timedelta(days=days))[:limit]
        )
        return recent or list(ranked[:limit])

    def for_listing(self):
        """Everything a story card shows, in a fixed number of queries."""
        return self.select_related("section").prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def for_page(self):
        """Stories with what their pages show, for lists of them (feeds)."""
        return self.for_listing().prefetch_related("tags")

    def with_authors_and_tags(self):
        """Each story with its authors (in byline order) and its tags in its own row, as
        ``author_rows`` and ``tag_rows``: lists of one JSON object per author or tag, a key
        per field (PostgreSQL's ``ARRAY(SELECT jsonb_build_object(...))``). The story
        page's first read on PostgreSQL: two queries fewer (``Article.objects.story_at_address``).
        For models of text and integer fields, which JSON gives back as they are."""
        bylines = Byline.objects.filter(article=OuterRef("pk")).order_by("position", "id")
        tags = Tag.objects.filter(articles=OuterRef("pk")).order_by("name")
        return self.annotate(
            author_rows=ArraySubquery(bylines.values(json=_json_object(Author, "author__"))),
            tag_rows=ArraySubquery(tags.values(json=_json_object(Tag))),
        )

    def story_for_page(self, **lookup):
        """The one story matching ``lookup`` with what its page shows, or None.

        The story and its section in one query, then its authors (in byline order) and its
        tags in one query each: for a single story ``prefetch_related``'s machinery costs
        about as much again as its two queries (bench/story_cpu.sh).
        """
        story = self.select_related("section").filter(**lookup).first()
        if story is not None:
            story.add_authors_and_tags()
        return story


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search vector is for the database's full-text index, never shown: not loaded.
        return super().get_queryset().defer("search_vector")

    def story_at_address(self, slug):
        """The story at this address whatever its status, with what its page shows, or None.

        ``story_for_page(slug=slug)`` as prepared reads: the story page's first read, which
        also gives the page cache the story's facts. On PostgreSQL one query, its authors
        and tags in the story's row (``STORY_NAMED_AT_ADDRESS``); elsewhere three.
        """
        using = router.db_for_read(Article)
        if connections[using].vendor == "postgresql":
            found = STORY_NAMED_AT_ADDRESS(using=using, slug=slug)
            if not found:
                return None
            story = found[0]
            story.byline_authors = _instances(Author, story.author_rows, using)
            story.tag_list = _instances(Tag, story.tag_rows, using)
            return story
        found = STORY_AT_ADDRESS(using=using, slug=slug)
        if not found:
            return None
        story = found[0]
        story.add_authors_and_tags()
        return story


def _json_object(model, path=""):
    """A JSON object of the model's fields (reached through ``path``), a key per field."""
    return JSONObject(**{f.attname: path + f.attname for f in model._meta.concrete_fields})


def _instances(model, rows, using):
    """The model's instances from the JSON objects of :func:`_json_object`, as read from
    the database ``using``."""
    names = [f.attname for f in model._meta.concrete_fields]
    return [model.from_db(using, names, [row[name] for name in names]) for row in rows]


class Article(models.Model):
    Status = ArticleStatus

    class Language(models.TextChoices):
        TURKISH = "tr", _("Turkish")
        ENGLISH = "en", _("English")

    headline = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=320,
        unique=True,
        blank=True,
        help_text=_("The story's address. Filled in from the headline when left empty."),
    )
    spot = models.TextField(_("spot"), max_length=600, help_text=_("The sub-headline."))
    body = models.TextField(_("body"), help_text=_("Paragraphs separated by blank lines."))
    dateline_city = models.CharField(
        _("dateline city"),
        max_length=100,
        blank=True,
        help_text=_("Where the story was filed, e.g. WASHINGTON."),
    )
    agency = models.CharField(_("agency"), max_length=20, default="AA", blank=True)
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Shown as “Kaynak: …”.")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    image = models.ImageField(
        _("photo"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG or WebP; sizes for phones and screens are made when saved."),
    )
    image_width = models.PositiveIntegerField(_("photo width"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("photo height"), null=True, editable=False)
    image_renditions = models.JSONField(
        _("photo renditions"),
        null=True,
        editable=False,
        help_text=_("The widths made of the photo (articles/renditions.py)."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=150, blank=True)
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles", verbose_name=_("section")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", verbose_name=_("authors")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publish time"),
        default=timezone.now,
        help_text=_("A scheduled story goes live at this time."),
    )
    updated_at = models.DateTimeField(_("update time"), auto_now=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_count = models.PositiveBigIntegerField(_("reads"), default=0, editable=False)
    comments_enabled = models.BooleanField(_("comments open"), default=True)
    search_vector = SearchVectorField(
        _("search vector"),
        null=True,
        editable=False,
        help_text=_("Kept up to date by the database on PostgreSQL; see articles/search.py."),
    )

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub"),
            models.Index(fields=["section", "status", "-published_at"], name="article_section_pub"),
            models.Index(fields=["-read_count"], name="article_reads"),
            # What readers see, newest first (``published()``'s statuses, so the partial
            # index matches its filter): the home page, lists and the neighbour stories
            # read a few entries, however many stories there are.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status__in=PUBLIC_STATUSES),
                name="article_public_order",
            ),
            models.Index(
                fields=["section", "-published_at", "-id"],
                condition=models.Q(status__in=PUBLIC_STATUSES),
                name="article_public_section",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, max_length=320, exclude_pk=self.pk)
        if self.image and not self.image._committed:
            # A new photo: stored now, so that its renditions exist before readers (and
            # the page cache, told by this save) can see the story with it.
            self.image.save(self.image.name, self.image.file, save=False)
            self.image_renditions = renditions.make(self.image).widths
        elif not self.image:
            self.image_renditions = None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The story in the reader's current interface language."""
        return slug_url("articles:detail", self.slug)

    def get_canonical_url(self):
        """The story's one address for search engines, feeds and sitemaps: under its own
        language (a Turkish story unprefixed, an English one under /en/)."""
        return slug_url("articles:detail", self.slug, language=self.language)

    def is_published(self):
        return self.status in PUBLIC_STATUSES and self.published_at <= timezone.now()

    is_published.boolean = True
    is_published.short_description = _("live")

    @property
    def last_modified(self):
        """When what readers see of the story last changed: its last save, or its going out."""
        return max(self.updated_at, self.published_at)

    @cached_property
    def photo(self):
        """The photo's sizes and addresses for pages (``renditions.Photo``), or None."""
        if not self.image:
            return None
        return renditions.Photo.of(
            self.image, self.image_width, self.image_height, self.image_renditions
        )

    @cached_property
    def byline_authors(self):
        """Authors in byline order (uses the prefetched bylines; ``story_for_page`` sets it)."""
        return [byline.author for byline in self.bylines.all()]

    @cached_property
    def tag_list(self):
        """The story's tags (uses the prefetched tags; ``story_for_page`` sets it)."""
        return list(self.tags.all())

    @property
    def paragraphs(self):
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def was_updated(self):
        """True when the story was edited after it went out (not just saved at creation)."""
        went_out = max(self.published_at, self.created_at)
        return (self.updated_at - went_out).total_seconds() > 60

    def add_authors_and_tags(self):
        """Read the authors (in byline order) and the tags its page shows."""
        self.byline_authors = AUTHORS_OF(pk=self.pk)
        self.tag_list = TAGS_OF(pk=self.pk)

    def neighbours(self):
        """The public stories just before and just after this one in publication order,
        ``(previous, next)`` (None at either end): one read where the database takes a
        ``LIMIT`` in each part of a ``UNION`` (PostgreSQL: ``NEIGHBOURS_OF``), else two."""
        position = {"published_at": self.published_at, "pk": self.pk, "now": timezone.now()}
        using = router.db_for_read(Article)
        if connections[using].features.supports_slicing_ordering_in_compound:
            found = NEIGHBOURS_OF(using=using, **position)
        else:
            found = [*PREVIOUS_TO(using=using, **position), *NEXT_TO(using=using, **position)]
        here = (self.published_at, self.pk)
        previous = [story for story in found if (story.published_at, story.pk) < here]
        following = [story for story in found if (story.published_at, story.pk) > here]
        return (previous[0] if previous else None, following[0] if following else None)

    RELATED_COUNT = 4

    def related_stories(self):
        """Published stories sharing a tag, newest first; then the newest of its section.

        Two queries that read a few index entries (each tag's newest few in
        ``TaggedStory``'s index; the section's partial index), without their bodies: no
        query over every story's tags, no DISTINCT over whole rows.
        """
        limit = self.RELATED_COUNT
        tag_ids = {f"tag_{n}": tag.id for n, tag in enumerate(self.tag_list)}
        by_tag = []
        if tag_ids:
            by_tag = sharing_tags(len(tag_ids))(pk=self.pk, now=timezone.now(), **tag_ids)
        # Always asked, so the page's queries do not depend on how many share a tag; the
        # same for every story of the section, so kept per process (``story_lists``).
        newest = story_lists.newest_in_section(self.section, limit + 1)
        by_section = [story for story in newest if story.pk != self.pk][:limit]
        related = {story.pk: story for story in [*by_tag, *by_section]}
        return list(related.values())[:limit]


# The story page's reads, prepared (``newsportal/prepared_reads.py``): the queryset
# methods above say what each means; their SQL is compiled once per process and database.
STORY_AT_ADDRESS = PreparedRead(
    lambda slug: Article.objects.select_related("section").filter(slug=slug), slug=str
)
STORY_NAMED_AT_ADDRESS = PreparedRead(
    lambda slug: (
        Article.objects.select_related("section").filter(slug=slug).with_authors_and_tags()
    ),
    slug=str,
)
AUTHORS_OF = PreparedRead(
    lambda pk: Author.objects.filter(bylines__article=pk).order_by(
        "bylines__position", "bylines__id"
    ),
    pk=int,
)
TAGS_OF = PreparedRead(lambda pk: Tag.objects.filter(articles=pk), pk=int)
PREVIOUS_TO = PreparedRead(
    lambda published_at, pk, now: Article.objects.preceding(published_at, pk, now)[:1],
    published_at=datetime,
    pk=int,
    now=datetime,
)
NEXT_TO = PreparedRead(
    lambda published_at, pk, now: Article.objects.following(published_at, pk, now)[:1],
    published_at=datetime,
    pk=int,
    now=datetime,
)
NEIGHBOURS_OF = PreparedRead(
    lambda published_at, pk, now: Article.objects.preceding(published_at, pk, now)[:1].union(
        Article.objects.following(published_at, pk, now)[:1], all=True
    ),
    published_at=datetime,
    pk=int,
    now=datetime,
)


@functools.cache
def sharing_tags(count):
    """Other public stories with one of ``count`` tags (``tag_0``...), newest first.

    One prepared read per number of tags (each tag is a read of its own in the SQL; a
    story has a few): each tag's few newest through the ``tagged_story_public`` index,
    then those stories by id (``newest_tagged_with_any``), a bounded read however old or
    common the tags are (bench/related_plans.sh).
    """
    return PreparedRead(
        lambda pk, now, **tag_ids: (
            Article.objects.newest_tagged_with_any(
                tag_ids.values(), now, Article.RELATED_COUNT, exclude_pk=pk
            )
            .select_related("section")
            .defer("body")[: Article.RELATED_COUNT]
        ),
        pk=int,
        now=datetime,
        **dict.fromkeys([f"tag_{n}" for n in range(count)], int),
    )


class TaggedStoryQuerySet(models.QuerySet):
    def newest_of(self, tag_id, now, limit, exclude_pk=None):
        """The ids of this tag's ``limit`` newest public stories (``article_id``): the
        first entries of the ``tagged_story_public`` index from ``now`` back."""
        links = self.filter(tag=tag_id, status__in=PUBLIC_STATUSES, published_at__lte=now)
        if exclude_pk is not None:
            links = links.exclude(article=exclude_pk)
        return links.order_by("-published_at", "-article").values("article")[:limit]


class TaggedStory(models.Model):
    """A story's tag with the story's publish time and status: a copy of the tag links
    (``Article.tags``) that the newest public stories of a tag are read from in order.

    Without it PostgreSQL reads a tag's newest stories either from all of the tag's
    links or from the newest public stories on until enough have the tag; it expects a
    tag's stories spread evenly over time, so a tag only old stories share made it read
    the public stories' index to its end (300 ms with 100,000 stories). Kept right by
    ``articles.tagged_stories`` after every save, tag change and bulk status change.
    """

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=ArticleStatus.choices)

    objects = TaggedStoryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "article"], name="unique_tagged_story"),
        ]
        indexes = [
            models.Index(
                fields=["tag", "-published_at", "-article"],
                condition=models.Q(status__in=PUBLIC_STATUSES),
                name="tagged_story_public",
            ),
        ]

    def __str__(self):
        return f"{self.tag_id}: {self.article_id}"


class Byline(models.Model):
    """An author of an article, in the order the byline names them."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_byline"),
        ]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self):
        return f"{self.author} – {self.article}"


class ReadFlush(models.Model):
    """A batch of buffered reads applied to the stories (see read_buffer.py).

    Its unique batch id is what makes a flush exactly-once when a worker dies midway.
    """

    batch = models.CharField(max_length=64, unique=True)
    # The batch's net reads: a read taken back (``read_buffer.unqueue_read``) may land in a
    # later batch than the read itself, so a batch can move fewer than none.
    reads = models.IntegerField()
    flushed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("read-count flush")
        verbose_name_plural = _("read-count flushes")

    def __str__(self):
        return f"{self.batch}: {self.reads}"
