"""Official forms as PDF: receipt (01), supplement request (02), refusal (03), apology (04) on
A5, the control slip (05) on A4. Slips 01–04 render the content frozen when they were issued."""

from __future__ import annotations

import datetime as dt

import segno

from motcua.core.pdf import render_pdf
from motcua.dossiers.models import Dossier, Slip
from motcua.dossiers.selectors import control_slip_rows

TEMPLATES = {
    "01": "dossiers/pdf/receipt.html",
    "02": "dossiers/pdf/supplement.html",
    "03": "dossiers/pdf/refusal.html",
    "04": "dossiers/pdf/apology.html",
}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def slip_pdf(slip: Slip) -> bytes:
    data = dict(slip.data)
    for key in ("due_date", "old_date", "new_date"):
        data[key] = _date(data.get(key))
    for key in ("issued_at", "received_at"):
        data[key] = _datetime(data.get(key))
    qr = (
        segno.make(data["lookup_url"], error="m").svg_data_uri(scale=3)
        if data.get("lookup_url")
        else ""
    )
    return render_pdf(TEMPLATES[slip.kind], {"slip": slip, "d": data, "qr": qr})


def control_slip_pdf(dossier: Dossier) -> bytes:
    return render_pdf(
        "dossiers/pdf/control_slip.html", {"dossier": dossier, "rows": control_slip_rows(dossier)}
    )


def slip_filename(dossier: Dossier, kind: str) -> str:
    return f"mau-{kind}-{dossier.code}.pdf"
