"""Photo renditions: each story photo in several widths, as WebP with a JPEG fallback.

Made once, when the photo is saved (``Article.save`` calls :func:`make`), and kept in
the media storage beside the original (the ``media`` folder, or the S3 bucket when
``MEDIA_S3_BUCKET`` is set), under ``renditions/<the photo's path>.<width>w.<format>``.
A new upload gets a new file name from the storage, and so do its renditions, so a
rendition's address never changes its content and may be cached for good.

Pages read them through :class:`Photo` (``article.photo``): ``srcset`` lists for a
``<picture>`` element, the JPEG for ``src`` and the share image, and the photo's
width and height so that the browser reserves its box before it loads. A photo
whose renditions have not been made (saved by a bulk import, say) is shown as
uploaded; ``manage.py make_renditions`` makes the missing ones.
"""

import functools
import io
import logging
import time
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960, 1280)
FORMATS = {"webp": {"quality": 72, "method": 4}, "jpeg": {"quality": 78, "progressive": True}}
SHARE_WIDTH = 1280  # og:image: the widest rendition up to this


def rendition_name(image_name, width, fmt):
    return str(PurePosixPath("renditions") / f"{image_name}.{width}w.{fmt}")


def widths_for(original_width):
    """The widths made for a photo: those narrower than it, and never wider than it is."""
    widths = [w for w in WIDTHS if w < original_width]
    if original_width <= WIDTHS[-1] or not widths:
        widths.append(min(original_width, WIDTHS[-1]))
    return sorted(set(widths))


def make(image_field):
    """Make and store every rendition of a saved photo; returns a report per file.

    ``[(name, width, height, bytes), ...]``, with the seconds it took as ``report.seconds``.
    """
    started = time.perf_counter()
    with image_field.open("rb") as handle:
        picture = ImageOps.exif_transpose(Image.open(handle))
        picture.load()
    picture = picture.convert("RGB")
    made = Report()
    for width in widths_for(picture.width):
        height = round(picture.height * width / picture.width)
        resized = (
            picture if width == picture.width else picture.resize((width, height), Image.LANCZOS)
        )
        for fmt, options in FORMATS.items():
            buffer = io.BytesIO()
            resized.save(buffer, fmt.upper(), optimize=True, **options)
            name = rendition_name(image_field.name, width, fmt)
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(buffer.getvalue()))
            made.append((name, width, height, buffer.tell()))
    made.seconds = time.perf_counter() - started
    return made


class Report(list):
    seconds = 0.0

    @property
    def widths(self):
        return sorted({width for _name, width, _height, _size in self})


@dataclass(frozen=True)
class Photo:
    """What a page needs to show a story's photo (see ``includes/picture.html``)."""

    src: str
    width: int
    height: int
    jpeg_srcset: str = ""
    webp_srcset: str = ""

    @classmethod
    def of(cls, image_field, width, height, widths):
        if not widths:
            return cls(src=image_field.url, width=width or 0, height=height or 0)
        return _photo_with_renditions(
            storages["default"], image_field.name, width, height, tuple(widths)
        )


@functools.lru_cache(maxsize=4096)
def _photo_with_renditions(storage, name, width, height, widths):
    """A photo's addresses, worked out once per process and storage (a story card's photo
    is on every page that lists the story; a storage's ``url`` costs a few µs a call)."""

    def srcset(fmt):
        return ", ".join(f"{storage.url(rendition_name(name, w, fmt))} {w}w" for w in widths)

    share = max(w for w in widths if w <= SHARE_WIDTH)
    return Photo(
        src=storage.url(rendition_name(name, share, "jpeg")),
        width=share,
        height=round(height * share / width),
        jpeg_srcset=srcset("jpeg"),
        webp_srcset=srcset("webp"),
    )
