"""Draw the site's icons and its default share image into static/img/ (run once, committed).

    .venv/bin/python scripts/make_site_images.py

favicon.ico (16, 32 and 48 pixels), icon-192.png and icon-512.png (web app manifest; the
512 one is also the publisher's logo in the JSON-LD), apple-touch-icon.png (180) and
share.png (1200 x 630: og:image and twitter:image of a story without a photo).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ACCENT = (176, 16, 26)
INK = (27, 27, 27)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "static" / "img"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


def icon(size):
    """A red square with a white serif "n", the brand's initial."""
    picture = Image.new("RGB", (size, size), ACCENT)
    canvas = ImageDraw.Draw(picture)
    font = ImageFont.truetype(SERIF, int(size * 0.78))
    canvas.text((size / 2, size * 0.47), "n", font=font, fill=WHITE, anchor="mm")
    return picture


def share_image():
    picture = Image.new("RGB", (1200, 630), INK)
    canvas = ImageDraw.Draw(picture)
    canvas.rectangle([0, 560, 1200, 630], fill=ACCENT)
    picture.paste(icon(220), (100, 170))
    canvas.text(
        (370, 280), "newsportal", font=ImageFont.truetype(BOLD, 120), fill=WHITE, anchor="lm"
    )
    canvas.text(
        (104, 595), "Türkiye · World", font=ImageFont.truetype(BOLD, 34), fill=WHITE, anchor="lm"
    )
    return picture


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    icon(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    for name, size in [("icon-192.png", 192), ("icon-512.png", 512), ("apple-touch-icon.png", 180)]:
        icon(size).save(OUT / name, optimize=True)
    share_image().save(OUT / "share.png", optimize=True)
    print("\n".join(f"{p.name}: {p.stat().st_size:,} bytes" for p in sorted(OUT.iterdir())))


if __name__ == "__main__":
    main()
