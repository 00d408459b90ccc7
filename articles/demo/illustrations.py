"""Illustrations for the demo stories, drawn here so the project may ship them.

No photograph of real events: a locator map (a latitude/longitude grid with a pin at
the city the story was filed from, not to scale and without coastlines) or, for the
economy stories, a stylised bar chart without figures. Each is stamped
"ILLUSTRATION" and captioned as one by ``demo_data``. Deterministic: the same story
gets the same picture on every run.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFont

SIZE = (1600, 900)
ACCENT = (176, 16, 26)
INK = (27, 27, 27)
PAPER = (246, 243, 236)

# Approximate coordinates (latitude, longitude) of the demo stories' datelines.
CITIES = {
    "WASHINGTON": (38.9, -77.0),
    "NEW YORK": (40.7, -74.0),
    "MADRID": (40.4, -3.7),
    "ISTANBUL": (41.0, 29.0),
    "İSTANBUL": (41.0, 29.0),
    "ANKARA": (39.9, 32.9),
    "ÇANAKKALE": (40.2, 26.4),
    "NEVŞEHİR": (38.6, 34.7),
    "HATAY": (36.2, 36.2),
    "BURSA": (40.2, 29.1),
    "KONYA": (37.9, 32.5),
}

LABELS = {
    "tr": {"map": "İLLÜSTRASYON · harita ölçeksizdir", "chart": "İLLÜSTRASYON · temsili grafik"},
    "en": {"map": "ILLUSTRATION · map not to scale", "chart": "ILLUSTRATION · stylised chart"},
}
CAPTIONS = {
    "tr": {
        "map": "İllüstrasyon: haberin yazıldığı yer, {city}",
        "chart": "İllüstrasyon: temsili grafik (veri içermez)",
    },
    "en": {
        "map": "Illustration: where the story was filed, {city}",
        "chart": "Illustration: a stylised chart (no data)",
    },
}
CREDIT = "newsportal"


# DejaVu (Debian's fonts-dejavu-core, installed by scripts/run and scripts/test) has the
# Turkish letters; Pillow's built-in font, the fallback, does not.
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def font(size):
    try:
        return ImageFont.truetype(DEJAVU, size)
    except OSError:
        return ImageFont.load_default(size=size)


def kind_for(story):
    return "chart" if story["section"] in ("Ekonomi", "Economy") else "map"


def caption_for(story):
    kind = kind_for(story)
    return CAPTIONS[story["language"]][kind].format(city=story["dateline_city"].title())


def draw(story):
    """The illustration for a demo story (a dict from stories.json), as PNG bytes."""
    kind = kind_for(story)
    rng = random.Random(story["headline"])
    picture = Image.new("RGB", SIZE, PAPER)
    canvas = ImageDraw.Draw(picture)
    if kind == "chart":
        draw_chart(canvas, rng)
    else:
        draw_map(canvas, story["dateline_city"])
    label = LABELS[story["language"]][kind]
    canvas.rectangle([0, SIZE[1] - 70, SIZE[0], SIZE[1]], fill=INK)
    canvas.text((40, SIZE[1] - 58), label, font=font(40), fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def draw_map(canvas, city):
    latitude, longitude = CITIES.get(city, (39.0, 35.0))
    # A window of 40° of longitude and 22.5° of latitude centred on the city.
    west, north = longitude - 20, latitude + 11.25
    scale = SIZE[0] / 40

    def point(lat, lon):
        return (lon - west) * scale, (north - lat) * scale

    canvas.rectangle([0, 0, *SIZE], fill=(214, 228, 236))
    for lon in range(int(west) - int(west) % 5, int(west) + 45, 5):
        x, _ = point(0, lon)
        canvas.line([(x, 0), (x, SIZE[1])], fill=(180, 198, 210), width=2)
        canvas.text((x + 6, 8), f"{lon}°", font=font(22), fill=(90, 110, 125))
    for lat in range(int(north) - int(north) % 5, int(north) - 30, -5):
        _, y = point(lat, 0)
        canvas.line([(0, y), (SIZE[0], y)], fill=(180, 198, 210), width=2)
        canvas.text((8, y + 6), f"{lat}°", font=font(22), fill=(90, 110, 125))
    x, y = point(latitude, longitude)
    canvas.ellipse([x - 90, y - 90, x + 90, y + 90], outline=ACCENT, width=6)
    canvas.ellipse([x - 16, y - 16, x + 16, y + 16], fill=ACCENT)
    canvas.text((x + 110, y - 40), city, font=font(72), fill=INK)


def draw_chart(canvas, rng):
    left, bottom, top = 140, SIZE[1] - 150, 120
    canvas.line([(left, top), (left, bottom), (SIZE[0] - 100, bottom)], fill=INK, width=5)
    bars = 10
    step = (SIZE[0] - 100 - left) / bars
    height = rng.uniform(0.3, 0.6)
    for n in range(bars):
        height = min(0.95, max(0.15, height + rng.uniform(-0.12, 0.16)))
        x0 = left + n * step + step * 0.18
        y0 = bottom - height * (bottom - top)
        colour = ACCENT if n == bars - 1 else (120, 120, 120)
        canvas.rectangle([x0, y0, x0 + step * 0.64, bottom - 3], fill=colour)
