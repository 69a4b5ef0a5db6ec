"""Excel exports (upward reporting is done in Excel).

Text that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) is written as
plain text, so a value a citizen typed can never run as a formula in an officer's spreadsheet.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence]


def _cell_value(value):
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    # openpyxl takes some 30 MB: it loads with a process's first export, not in every worker.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(title=sheet.title[:31])
        ws.append([str(h) for h in sheet.headers])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in sheet.rows:
            ws.append([_cell_value(v) for v in row])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"  # keep it text, never a formula
                    cell.quotePrefix = True
                elif isinstance(cell.value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
        for index, header in enumerate(sheet.headers, start=1):
            ws.column_dimensions[get_column_letter(index)].width = max(
                12, min(48, len(str(header)) + 4)
            )
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def workbook_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    response = HttpResponse(workbook_bytes(sheets), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
