"""Illustrations for the demo articles, drawn here (no photographs are shipped)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 750

PALETTES = {
    "office": ((214, 232, 245), (164, 29, 29), (250, 245, 235)),
    "green": ((206, 236, 214), (30, 107, 53), (245, 250, 240)),
    "digital": ((220, 228, 248), (11, 87, 164), (245, 247, 252)),
    "meeting": ((240, 228, 214), (125, 18, 18), (252, 248, 240)),
    "festival": ((255, 236, 200), (200, 60, 20), (255, 250, 235)),
}


def _star(draw, cx, cy, r, fill):
    import math

    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _people(draw, rng, y, count, colours):
    for _ in range(count):
        x = rng.randint(40, WIDTH - 40)
        colour = rng.choice(colours)
        draw.ellipse((x - 16, y - 92, x + 16, y - 60), fill=(238, 200, 170))
        draw.rounded_rectangle((x - 26, y - 58, x + 26, y + 10), radius=12, fill=colour)


def draw_scene(theme: str, seed: int) -> bytes:
    """A JPEG illustration: a public building, people, and the theme's details."""
    rng = random.Random(seed)  # noqa: S311 -- drawing, not security
    sky, accent, ground = PALETTES.get(theme, PALETTES["office"])
    image = Image.new("RGB", (WIDTH, HEIGHT), sky)
    draw = ImageDraw.Draw(image)
    for band in range(0, 300, 6):  # sky gradient
        shade = tuple(max(0, c - band // 12) for c in sky)
        draw.rectangle((0, band, WIDTH, band + 6), fill=shade)
    draw.rectangle((0, 520, WIDTH, HEIGHT), fill=ground)
    # The building with its columns and the national flag.
    left, right, top = 260, 940, 250
    draw.rectangle((left, top, right, 540), fill=(246, 241, 228))
    draw.polygon(
        [(left - 30, top), (right + 30, top), ((left + right) // 2, top - 90)], fill=accent
    )
    for x in range(left + 40, right - 20, 80):
        draw.rectangle((x, top + 30, x + 26, 540), fill=(226, 219, 200))
    draw.rectangle((left, 500, right, 540), fill=(205, 198, 180))
    draw.line(
        ((left + right) // 2, top - 90, (left + right) // 2, top - 200), fill=(90, 90, 90), width=6
    )
    draw.rectangle(
        ((left + right) // 2, top - 200, (left + right) // 2 + 110, top - 130), fill=(218, 37, 29)
    )
    _star(draw, (left + right) // 2 + 55, top - 165, 24, (255, 222, 0))
    if theme == "green":
        for x in range(30, WIDTH, 120):
            draw.ellipse((x, 430, x + 90, 520), fill=(46, 139, 87))
            draw.rectangle((x + 40, 500, x + 50, 560), fill=(101, 67, 33))
        draw.rectangle((0, 640, WIDTH, 700), fill=(120, 170, 210))
    elif theme == "digital":
        for i in range(3):
            x = 120 + i * 360
            draw.rounded_rectangle((x, 560, x + 120, 720), radius=16, fill=(40, 44, 52))
            draw.rectangle((x + 12, 578, x + 108, 690), fill=(230, 240, 255))
            for row in range(5):
                for col in range(5):
                    if rng.random() > 0.45:
                        draw.rectangle(
                            (x + 22 + col * 16, 590 + row * 16, x + 34 + col * 16, 602 + row * 16),
                            fill=(20, 20, 20),
                        )
    elif theme == "meeting":
        draw.rectangle((180, 560, 1020, 600), fill=accent)
        for x in range(200, 1000, 100):
            draw.rectangle((x, 600, x + 70, 640), fill=(150, 110, 70))
    elif theme == "festival":
        for x in range(60, WIDTH, 140):
            draw.ellipse((x, 60, x + 60, 120), fill=(255, 170, 40))
            draw.line((x + 30, 0, x + 30, 60), fill=(120, 80, 20), width=3)
    else:
        draw.rectangle((300, 580, 900, 620), fill=(180, 140, 90))
    _people(
        draw, rng, 700, rng.randint(5, 9), [accent, (60, 90, 140), (40, 120, 80), (230, 160, 40)]
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()
