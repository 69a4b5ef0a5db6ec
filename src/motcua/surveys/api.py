"""Satisfaction for integrations: ratings per unit and period, SIPAS results of campaigns."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from motcua.par.api import PeriodOut, period_out, public_unit
from motcua.par.periods import Period
from motcua.surveys import selectors
from motcua.surveys.models import Campaign, CampaignStatus

PREFIX = "/surveys"
router = Router(tags=["surveys"])


class SatisfactionOut(Schema):
    unit: str
    period: PeriodOut
    very_satisfied: int
    satisfied: int
    not_satisfied: int
    total: int
    rate: Decimal | None


@router.get("/satisfaction", response=SatisfactionOut, auth=None, summary="Ratings of dossiers")
def satisfaction(
    request,
    unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    month: int | None = None,
):
    """Ratings given after the return of a result; ``rate`` is the share of very satisfied
    and satisfied ratings in percent (null without ratings)."""
    target = public_unit(unit)
    period = Period.parse(year, quarter, month)
    s = selectors.satisfaction(target, period.start, period.end)
    return {
        "unit": target.slug,
        "period": period_out(period),
        "very_satisfied": s.very_satisfied,
        "satisfied": s.satisfied,
        "not_satisfied": s.not_satisfied,
        "total": s.total,
        "rate": s.rate,
    }


class CampaignOut(Schema):
    id: str
    title: str
    unit: str
    period_start: dt.date
    period_end: dt.date
    responses: int


@router.get("/campaigns", response=list[CampaignOut], auth=None, summary="Closed survey campaigns")
def campaigns(request, unit: str | None = None):
    target = public_unit(unit) if unit else None
    return [
        {
            "id": str(c.public_id),
            "title": c.title,
            "unit": c.unit.slug,
            "period_start": c.period_start,
            "period_end": c.period_end,
            "responses": c.answered,
        }
        for c in selectors.public_campaigns(target)[:200]
    ]


class CriterionOut(Schema):
    code: str
    text: str
    satisfied: int
    answered: int
    index: Decimal | None


class ElementOut(Schema):
    element: str
    label: str
    index: Decimal | None
    criteria: list[CriterionOut]


class ResultsOut(Schema):
    id: str
    title: str
    responses: int
    index: Decimal | None
    elements: list[ElementOut]


@router.get("/campaigns/{campaign_id}", response=ResultsOut, auth=None, summary="SIPAS results")
def results(request, campaign_id: uuid.UUID):
    campaign = get_object_or_404(
        Campaign.objects.all(), public_id=campaign_id, status=CampaignStatus.CLOSED
    )
    result = selectors.campaign_results(campaign)
    return {
        "id": str(campaign.public_id),
        "title": campaign.title,
        "responses": result.responses,
        "index": result.index,
        "elements": [
            {
                "element": e.element,
                "label": str(e.label),
                "index": e.index,
                "criteria": [
                    {
                        "code": c.question.code,
                        "text": c.question.text,
                        "satisfied": c.satisfied,
                        "answered": c.answered,
                        "index": c.index,
                    }
                    for c in e.criteria
                ],
            }
            for e in result.elements
        ],
    }
