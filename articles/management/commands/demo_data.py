"""Load the demo stories: the model agency story first, then a spread of others.

Idempotent: stories are matched by slug and sections, authors and tags by name,
so running it again changes nothing and creates no duplicates. Each story gets an
illustration made by ``articles/demo/illustrations.py`` (a locator map or a stylised
chart, labelled as an illustration), with its renditions.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.demo import illustrations
from articles.models import Article, Author, Byline, Section, Tag
from articles.slugs import turkish_slugify

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "stories.json"


def by_name(model, name):
    obj, _ = model.objects.get_or_create(name=name, defaults={"slug": turkish_slugify(name)})
    return obj


class Command(BaseCommand):
    help = "Load demo sections, authors and stories (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        sections = {}
        for position, (name_tr, name_en) in enumerate(data["sections"]):
            section, _ = Section.objects.get_or_create(
                slug_tr=turkish_slugify(name_tr),
                defaults={
                    "name_tr": name_tr,
                    "name_en": name_en,
                    "slug_en": turkish_slugify(name_en),
                    "position": position,
                },
            )
            sections[name_tr] = sections[name_en] = section
        now = timezone.now()
        created = illustrated = 0
        for item in data["stories"]:
            slug = turkish_slugify(item["headline"], max_length=300)
            article, is_new = Article.objects.get_or_create(
                slug=slug,
                defaults={
                    "headline": item["headline"],
                    "spot": item["spot"],
                    "body": item["body"],
                    "dateline_city": item["dateline_city"],
                    "agency": item["agency"],
                    "source": item["source"],
                    "language": item["language"],
                    "section": sections[item["section"]],
                    "status": item.get("status", Article.Status.PUBLISHED),
                    "published_at": now - timedelta(hours=item["hours_ago"]),
                    "read_count": item["read_count"],
                },
            )
            if is_new:
                created += 1
                for position, name in enumerate(item["authors"]):
                    Byline.objects.create(
                        article=article, author=by_name(Author, name), position=position
                    )
                article.tags.set([by_name(Tag, name) for name in item["tags"]])
            if not article.image:
                # An illustration drawn by articles/demo/illustrations.py, captioned as one.
                article.image = ContentFile(illustrations.draw(item), name=f"{slug[:80]}.png")
                article.image_caption = illustrations.caption_for(item)
                article.image_credit = illustrations.CREDIT
                article.save()
                illustrated += 1
        self.stdout.write(
            f"Demo data: {created} stories created, "
            f"{len(data['stories']) - created} already there; {illustrated} illustrated; "
            f"{Article.objects.published().count()} published in total."
        )
