"""The load bench's editor: saves one story every few seconds (its spot edited, as in the
admin), so the bench can measure readers while the newsroom works.

    python bench/editor.py STORY_ID SECONDS   # with the site's environment; stop it with SIGTERM

Each save runs the site's own renewal (articles/renewal.py) after commit: the story's page,
its neighbours, the lists that show it.
"""

import os
import sys
import time
from pathlib import Path


def main():
    story_id, every = int(sys.argv[1]), float(sys.argv[2])
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    import django

    django.setup()
    from articles.models import Article

    saves = 0
    while True:
        started = time.monotonic()
        story = Article.objects.get(pk=story_id)
        story.spot = f"{story.spot.split(' [')[0]} [{saves}]"
        story.save()
        saves += 1
        print(f"save {saves} in {(time.monotonic() - started) * 1000:.0f} ms", flush=True)
        time.sleep(max(0.0, every - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
