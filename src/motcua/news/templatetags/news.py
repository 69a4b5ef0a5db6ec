"""Template helpers of the news pages."""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_PLACEHOLDER = re.compile(r"<p>\s*\[(?:ảnh|anh|image)\s*(\d{1,2})\]\s*</p>", re.IGNORECASE)


def figure(image, *, lead: bool = False) -> str:
    return format_html(
        '<figure class="figure{}"><img src="{}" alt="{}" loading="{}">{}</figure>',
        " figure--lead" if lead else "",
        image.image.url,
        image.caption,
        "eager" if lead else "lazy",
        format_html("<figcaption>{}</figcaption>", image.caption) if image.caption else "",
    )


@register.simple_tag
def article_body(article, images):
    """The article's (sanitised) body with its images: "[ảnh 2]" alone on a line places image 2
    there; the first image not placed leads the article, the others follow the text."""
    images = list(images)
    placed: set[int] = set()

    def place(match):
        number = int(match.group(1))
        if 1 <= number <= len(images):
            placed.add(number)
            return figure(images[number - 1])
        return ""

    body = _PLACEHOLDER.sub(place, article.body or "")
    rest = [image for number, image in enumerate(images, 1) if number not in placed]
    lead = figure(rest.pop(0), lead=True) if rest else ""
    after = "".join(figure(image) for image in rest)
    # The body was sanitised when saved; figures are built with format_html.
    return mark_safe(f'{lead}<div class="prose">{body}</div>{after}')  # noqa: S308


@register.filter
def thumb_url(article):
    """The URL of an article's first image thumbnail, or ''."""
    images = getattr(article, "image_list", None)
    if images is None:
        images = list(article.images.all())
    if not images:
        return ""
    first = images[0]
    return (first.thumbnail or first.image).url
