"""Make the missing renditions of story photos (``--all`` remakes every one).

Photos saved through the admin get theirs at once; this is for photos that arrived
another way (a bulk import, a restored media folder) or after WIDTHS changed.
"""

from django.core.management.base import BaseCommand

from articles import renditions, renewal
from articles.models import Article


class Command(BaseCommand):
    help = "Make the renditions of story photos that have none (--all: of every photo)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="remake every photo's renditions")

    def handle(self, *args, **options):
        stories = Article.objects.exclude(image="")
        if not options["all"]:
            stories = stories.filter(image_renditions__isnull=True)
        changed = []
        for story in stories.only("id", "image", "image_width", "image_height"):
            report = renditions.make(story.image)
            Article.objects.filter(pk=story.pk).update(image_renditions=report.widths)
            changed.append(story.pk)
            total = sum(size for _name, _width, _height, size in report)
            self.stdout.write(
                f"{story.image.name}: widths {report.widths}, {len(report)} files, "
                f"{total:,} bytes, {report.seconds * 1000:.0f} ms"
            )
        # A queryset update sends no signal: the pages that show these photos are renewed here.
        renewal.stories_changed(renewal.snapshot(changed), changed)
