"""Videos hosted elsewhere: embedded only from hosts the operator allowed (VIDEO_EMBED_HOSTS),
so the Content Security Policy stays strict; otherwise shown as a link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


@dataclass(frozen=True)
class Embed:
    player_url: str  # for an <iframe>, empty when not allowed
    link_url: str  # always: where the video can be watched
    origin: str  # scheme://host of the player, for the CSP frame-src

    @property
    def allowed(self) -> bool:
        return bool(self.player_url)


def _youtube_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    candidate = None
    if host in ("youtu.be",):
        candidate = parts.path.strip("/").split("/")[0]
    elif host.endswith(("youtube.com", "youtube-nocookie.com")):
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and _YOUTUBE_ID.match(candidate) else None


def embed_for(url: str) -> Embed:
    if not url:
        return Embed("", "", "")
    video_id = _youtube_id(url)
    player = f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else url
    parts = urlsplit(player)
    host = (parts.hostname or "").lower()
    allowed = parts.scheme == "https" and host in {h.lower() for h in settings.VIDEO_EMBED_HOSTS}
    return Embed(
        player_url=player if allowed else "",
        link_url=url,
        origin=f"https://{host}" if allowed else "",
    )
