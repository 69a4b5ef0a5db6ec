"""Finding reports that may be about the same problem.

Same category, within about 100 m (or, without a map pin, in the same ward with a similar
address), received in the last weeks, and with similar text. Text similarity is the cosine of
word and word-pair counts of the folded text (accent-insensitive), so "lấn chiếm vỉa hè" and
"lan chiem via he" are the same words.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from motcua.core.text import fold
from motcua.feedback.models import Category, Report, ReportQuerySet, Status

RADIUS_M = 100
RECENT_WEEKS = 6
MIN_SIMILARITY = 0.25
MIN_ADDRESS_SIMILARITY = 0.6
#: Words that say nothing about the problem.
STOPWORDS = frozenset(
    [
        "va",
        "la",
        "cua",
        "co",
        "cac",
        "nhung",
        "mot",
        "cho",
        "de",
        "duoc",
        "da",
        "dang",
        "se",
        "thi",
        "ma",
        "o",
        "tai",
        "tren",
        "trong",
        "nay",
        "do",
        "voi",
        "khong",
        "rat",
        "nhieu",
        "toi",
        "chung",
        "em",
        "anh",
        "chi",
        "ong",
        "ba",
        "xin",
        "vui",
        "long",
        "de",
        "nghi",
        "kinh",
        "gui",
        "phuong",
        "quan",
        "thanh",
        "pho",
        "nguoi",
        "dan",
        "khu",
        "vuc",
        "hien",
        "nay",
        "luc",
        "gio",
        "ngay",
        "dem",
        "sang",
        "chieu",
        "toi",
        "hon",
        "qua",
        "bi",
        "ve",
        "nhu",
        "vay",
        "cung",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1]


def _features(text: str) -> Counter:
    tokens = words(text)
    return Counter(tokens) + Counter(f"{a}_{b}" for a, b in itertools.pairwise(tokens))


def text_similarity(a: str, b: str) -> float:
    """Cosine similarity (0–1) of the folded texts' words and word pairs."""
    fa, fb = _features(a), _features(b)
    if not fa or not fb:
        return 0.0
    dot = sum(count * fb[key] for key, count in fa.items())
    norm = math.sqrt(sum(c * c for c in fa.values())) * math.sqrt(sum(c * c for c in fb.values()))
    return dot / norm if norm else 0.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    radius = 6_371_000
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Candidate:
    report: Report
    similarity: float
    distance: float | None


def duplicate_candidates(
    *,
    category: Category,
    description: str,
    unit=None,
    latitude: float | None = None,
    longitude: float | None = None,
    address: str = "",
    within: ReportQuerySet | None = None,
    exclude: Report | None = None,
    now: dt.datetime | None = None,
    limit: int = 5,
) -> list[Candidate]:
    """Reports that may describe the same problem, most similar first."""
    now = now or timezone.now()
    qs = (within if within is not None else Report.objects.all()).filter(
        category=category, received_at__gte=now - dt.timedelta(weeks=RECENT_WEEKS)
    )
    qs = qs.exclude(status=Status.REJECTED, duplicate_of__isnull=True)  # spam, out of scope
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    has_point = latitude is not None and longitude is not None
    if has_point:
        dlat = RADIUS_M / 111_000
        dlon = dlat / max(0.1, math.cos(math.radians(latitude)))
        qs = qs.filter(
            latitude__range=(latitude - dlat, latitude + dlat),
            longitude__range=(longitude - dlon, longitude + dlon),
        )
    elif unit is not None and address:
        qs = qs.filter(unit=unit).exclude(Q(address="") & Q(latitude__isnull=True))
    else:
        return []
    found = []
    for report in qs.select_related("category", "unit", "duplicate_of")[:200]:
        distance = None
        if has_point:
            if not report.has_location:
                continue
            distance = distance_m(latitude, longitude, report.latitude, report.longitude)
            if distance > RADIUS_M:
                continue
        elif text_similarity(address, report.address) < MIN_ADDRESS_SIMILARITY:
            continue
        similarity = text_similarity(description, report.description)
        if similarity >= MIN_SIMILARITY:
            found.append(Candidate(report=report, similarity=similarity, distance=distance))
    found.sort(key=lambda c: (-c.similarity, c.distance or 0))
    return found[:limit]
