"""Figures from citizens' feedback (phản ánh, kiến nghị), read through the feedback app when it
is installed. Until then every function answers None, which the pages show as "no data".

The contract the feedback app fulfils (``motcua.feedback.selectors``), see docs/indices.md:

- ``index_figures(*, unit, start, end) -> FeedbackFigures``
- ``dossier_feedback_points(dossier_ids) -> dict[int, int]`` (index 9 of the one-stop
  evaluation: 2 no feedback or handled fully and on time, 1 handled late or partly, 0 not
  handled), for the dossiers that have feedback attached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps

from motcua.organisations.models import Unit


@dataclass(frozen=True)
class FeedbackFigures:
    received: int
    resolved: int
    resolved_on_time: int
    overdue: int
    answers_published: int
    rated: int
    rated_satisfied: int


def available() -> bool:
    return apps.is_installed("motcua.feedback")


def _source(name: str):
    if not available():
        return None
    from importlib import import_module

    return getattr(import_module("motcua.feedback.selectors"), name, None)


def figures(unit: Unit, start: dt.date, end: dt.date) -> FeedbackFigures | None:
    source = _source("index_figures")
    return source(unit=unit, start=start, end=end) if source else None


def dossier_points(dossier_ids: list[int]) -> dict[int, int] | None:
    source = _source("dossier_feedback_points")
    return source(dossier_ids) if source else None
