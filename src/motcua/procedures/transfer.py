"""The catalogue as files: JSON (everything, form files included) and CSV (one row per version).

Export is a pure read. Import is two steps: :func:`parse` reads and validates the whole file into
records, collecting every problem with its line number; :func:`motcua.procedures.services.procedures_import`
then writes the records in one transaction. A file with any problem writes nothing.

The formats are documented in ``docs/procedures-import.md``.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from json.decoder import JSONObject
from json.scanner import py_make_scanner
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.errors import DomainError
from motcua.core.text import slugify_vi
from motcua.core.uploads import DOCX, PDF, UploadError, clean_upload
from motcua.procedures.models import (
    ApplicantType,
    DocumentRequirement,
    FeeKind,
    ImplementingLevel,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    RequiredDocument,
)

FORMAT_NAME = "motcua-procedures"
FORMAT_VERSION = 1
FORM_KINDS = frozenset({PDF, DOCX})
FORM_FOLDER = "procedures/forms/"

PROCEDURE_COLUMNS = ["code", "local_code", "name", "slug", "field_code", "field_name", "level"]
PROCEDURE_COLUMNS += ["is_active"]
VERSION_COLUMNS = [
    "effective_from",
    "effective_to",
    "applicant_types",
    "processing_days",
    "processing_note",
    "applies_cutoff",
    "steps",
    "conditions",
    "result",
    "legal_basis",
    "online_level",
    "legacy_level",
    "fee_kind",
    "fee_amount",
    "fee_first_pages",
    "fee_later_amount",
    "fee_cap",
    "fee_note",
    "fee_is_example",
]
CSV_COLUMNS = [*PROCEDURE_COLUMNS, *VERSION_COLUMNS, "documents"]
REQUIRED_CSV_COLUMNS = {"code", "name", "field_code", "effective_from", "processing_days"}
REQUIRED_CSV_COLUMNS |= {"result", "legal_basis"}
DOCUMENT_PARTS = ["name", "requirement", "quantity", "is_optional", "note", "form"]


# --- Records --------------------------------------------------------------------------------


@dataclass
class FormFile:
    name: str
    content: bytes | None = None  # None: refer to a file already in storage


@dataclass
class DocumentRecord:
    line: int | None
    name: str
    requirement: str
    quantity: int
    is_optional: bool
    note: str
    sort_order: int
    form: FormFile | None = None


@dataclass
class VersionRecord:
    line: int | None
    values: dict  # model field -> value (VERSION_COLUMNS)
    documents: list[DocumentRecord] = field(default_factory=list)

    @property
    def effective_from(self) -> dt.date:
        return self.values["effective_from"]


@dataclass
class ProcedureRecord:
    line: int | None
    code: str
    values: dict  # local_code, name, slug, level, is_active (slug may be "")
    field_code: str
    versions: list[VersionRecord] = field(default_factory=list)


@dataclass
class FieldRecord:
    code: str
    name: str
    sort_order: int | None = None


@dataclass
class Parsed:
    fields: dict[str, FieldRecord]
    procedures: list[ProcedureRecord]
    warnings: list[RowProblem] = field(default_factory=list)


@dataclass(frozen=True)
class RowProblem:
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class ImportInvalid(DomainError):
    """The file has problems; nothing was written."""

    code = "import_invalid"

    def __init__(self, problems: list[RowProblem]):
        self.problems = sorted(problems, key=lambda p: p.line or 0)
        super().__init__(
            _("The file was not imported: %(count)d problem(s) to correct.")
            % {"count": len(problems)}
        )


# --- Export ---------------------------------------------------------------------------------


def _version_values(version: ProcedureVersion) -> dict:
    values = {}
    for name in VERSION_COLUMNS:
        value = getattr(version, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = int(value)
        values[name] = value
    return values


def _form_name(document: RequiredDocument) -> str | None:
    return PurePath(document.form_template.name).name if document.form_template else None


def _form_files(procedures) -> dict:
    """Each form file once, by name, with its content in base64."""
    files = {}
    for procedure in procedures:
        for version in procedure.versions.all():
            for document in version.documents.all():
                name = _form_name(document)
                if name and name not in files:
                    with document.form_template.open("rb") as handle:
                        data = handle.read()
                    files[name] = {
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "content_base64": base64.b64encode(data).decode("ascii"),
                    }
    return files


def export_json(procedures, *, with_files: bool = True) -> str:
    """The catalogue as a JSON document (``procedures`` from ``selectors.procedures_for_export``)."""
    procedures = list(procedures)
    fields = {p.field.code: p.field for p in procedures}
    files = _form_files(procedures) if with_files else {}
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "fields": [
            {"code": f.code, "name": f.name, "sort_order": f.sort_order}
            for f in sorted(fields.values(), key=lambda f: (f.sort_order, f.code))
        ],
        "procedures": [
            {
                "code": p.code,
                "local_code": p.local_code,
                "name": p.name,
                "slug": p.slug,
                "field": p.field.code,
                "level": p.level,
                "is_active": p.is_active,
                "versions": [
                    {
                        **_version_values(v),
                        "documents": [
                            {
                                "name": d.name,
                                "requirement": d.requirement,
                                "quantity": d.quantity,
                                "is_optional": d.is_optional,
                                "note": d.note,
                                "sort_order": d.sort_order,
                                "form": _form_name(d),
                            }
                            for d in v.documents.all()
                        ],
                    }
                    for v in p.versions.all()
                ],
            }
            for p in procedures
        ],
        "form_files": files,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_part(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|")


def _split_parts(line: str) -> list[str]:
    """Split a document line on unescaped ``|``."""
    parts, current, chars = [], [], iter(line)
    for char in chars:
        if char == "\\":
            current.append(next(chars, ""))
        elif char == "|":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


def _document_line(document: RequiredDocument) -> str:
    form = PurePath(document.form_template.name).name if document.form_template else ""
    parts = [
        document.name,
        document.requirement,
        str(document.quantity),
        "1" if document.is_optional else "0",
        document.note,
        form,
    ]
    while parts and parts[-1] == "":
        parts.pop()
    return " | ".join(_escape_part(p) for p in parts)


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def export_csv(procedures) -> str:
    """The catalogue as CSV: one row per version, documents one per line in ``documents``.
    Starts with a byte-order mark so that spreadsheet programs read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for p in procedures:
        for v in p.versions.all():
            row = {
                "code": p.code,
                "local_code": p.local_code,
                "name": p.name,
                "slug": p.slug,
                "field_code": p.field.code,
                "field_name": p.field.name,
                "level": p.level,
                "is_active": p.is_active,
                **_version_values(v),
                "documents": "\n".join(_document_line(d) for d in v.documents.all()),
            }
            writer.writerow([_csv_cell(row[c]) for c in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


# --- Reading values -------------------------------------------------------------------------

_TRUE = {"1", "true", "yes", "x", "có", "co"}
_FALSE = {"0", "false", "no", "không", "khong"}
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
_FILE_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*\.[0-9A-Za-z]+$")


class _Cells:
    """Typed values from one row (a CSV row or a JSON object), recording problems."""

    def __init__(self, data: dict, line: int | None, problems: list[RowProblem]):
        self.data, self.line, self.problems = data, line, problems

    def problem(self, column: str, message: str) -> None:
        line_of = getattr(self.data, "line_of", None)
        self.problems.append(
            RowProblem(
                line_of(column) if line_of else self.line,
                _("column “%(column)s”: %(message)s") % {"column": column, "message": message},
            )
        )

    def raw(self, column: str):
        value = self.data.get(column)
        return value.strip() if isinstance(value, str) else value

    def text(self, column: str, *, max_length: int, required: bool = False) -> str:
        value = self.raw(column)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(column, _("text expected"))
            return ""
        if required and not value:
            self.problem(column, _("required"))
        if len(value) > max_length:
            self.problem(column, _("longer than %(max)d characters") % {"max": max_length})
        return value

    def choice(self, column: str, choices, *, default: str | None = None) -> str:
        value = self.raw(column)
        if value in (None, "") and default is not None:
            return default
        if value not in choices.values:
            self.problem(
                column,
                _("“%(value)s” is not one of: %(choices)s")
                % {"value": value or "", "choices": ", ".join(choices.values)},
            )
            return default or ""
        return value

    def boolean(self, column: str, *, default: bool) -> bool:
        value = self.raw(column)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if value == "":
            return default
        if isinstance(value, str) and value.lower() in _TRUE:
            return True
        if isinstance(value, str) and value.lower() in _FALSE:
            return False
        self.problem(column, _("“%(value)s” is not yes or no (1 or 0)") % {"value": value})
        return default

    def integer(
        self, column: str, *, default: int | None = None, minimum: int = 0, maximum: int = 32767
    ) -> int | None:
        value = self.raw(column)
        if value in (None, ""):
            if default is None:
                self.problem(column, _("required"))
            return default
        try:
            number = int(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is None or not minimum <= number <= maximum:
            self.problem(
                column,
                _("“%(value)s” is not a whole number between %(min)d and %(max)d")
                % {"value": value, "min": minimum, "max": maximum},
            )
            return default or 0
        return number

    def amount(self, column: str, *, default: Decimal | None = Decimal(0)) -> Decimal | None:
        value = self.raw(column)
        if value in (None, ""):
            return default
        try:
            number = Decimal(str(value).replace(" ", ""))
        except InvalidOperation:
            number = None
        if number is None or number < 0 or number != number.to_integral_value() or number >= 10**12:
            self.problem(
                column,
                _("“%(value)s” is not an amount in dong (a whole number, no separators)")
                % {"value": value},
            )
            return default
        return number.quantize(Decimal(1))

    def date(self, column: str, *, required: bool) -> dt.date | None:
        value = self.raw(column)
        if value in (None, ""):
            if required:
                self.problem(column, _("required"))
            return None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(str(value), pattern).date()
            except ValueError:
                continue
        self.problem(
            column, _("“%(value)s” is not a date (YYYY-MM-DD or DD/MM/YYYY)") % {"value": value}
        )
        return None

    def applicant_types(self, column: str) -> list[str]:
        value = self.raw(column)
        if value in (None, ""):
            return []
        items = value if isinstance(value, list) else [v.strip() for v in str(value).split(",")]
        items = [v for v in items if v]
        wrong = [v for v in items if v not in ApplicantType.values]
        if wrong:
            self.problem(
                column,
                _("“%(value)s” is not one of: %(choices)s")
                % {"value": ", ".join(map(str, wrong)), "choices": ", ".join(ApplicantType.values)},
            )
        return [v for v in items if v in ApplicantType.values]


def _procedure_values(cells: _Cells) -> tuple[str, dict]:
    code = cells.text("code", max_length=40, required=True)
    if code and not _CODE.match(code):
        cells.problem("code", _("“%(value)s” is not a procedure code") % {"value": code})
    slug = cells.text("slug", max_length=200)
    if slug and slug != slugify_vi(slug):
        cells.problem("slug", _("use only a-z, 0-9 and hyphens"))
    return code, {
        "local_code": cells.text("local_code", max_length=60),
        "name": cells.text("name", max_length=400, required=True),
        "slug": slug,
        "level": cells.choice("level", ImplementingLevel, default=ImplementingLevel.WARD),
        "is_active": cells.boolean("is_active", default=True),
    }


def _version_values_from(cells: _Cells) -> dict:
    values = {
        "effective_from": cells.date("effective_from", required=True),
        "effective_to": cells.date("effective_to", required=False),
        "applicant_types": cells.applicant_types("applicant_types"),
        "processing_days": cells.integer("processing_days", maximum=365),
        "processing_note": cells.text("processing_note", max_length=300),
        "applies_cutoff": cells.boolean("applies_cutoff", default=True),
        "steps": cells.text("steps", max_length=20000),
        "conditions": cells.text("conditions", max_length=20000),
        "result": cells.text("result", max_length=300, required=True),
        "legal_basis": cells.text("legal_basis", max_length=20000, required=True),
        "online_level": cells.choice("online_level", OnlineLevel, default=OnlineLevel.NONE),
        "legacy_level": cells.integer("legacy_level", default=2, minimum=1, maximum=4),
        "fee_kind": cells.choice("fee_kind", FeeKind, default=FeeKind.FREE),
        "fee_amount": cells.amount("fee_amount"),
        "fee_first_pages": cells.integer("fee_first_pages", default=0, maximum=1000),
        "fee_later_amount": cells.amount("fee_later_amount"),
        "fee_cap": cells.amount("fee_cap", default=None),
        "fee_note": cells.text("fee_note", max_length=300),
        "fee_is_example": cells.boolean("fee_is_example", default=False),
    }
    start, end = values["effective_from"], values["effective_to"]
    if start and end and end < start:
        cells.problem("effective_to", _("before the effective date"))
    return values


def _form_files_from(document, problems: list[RowProblem]) -> dict[str, FormFile]:
    """The form files embedded in a JSON export, each checked like an upload."""
    files: dict[str, FormFile] = {}
    entries = document.get("form_files") or {}
    if not isinstance(entries, dict):
        problems.append(
            RowProblem(document.line_of("form_files"), _("“form_files” must be an object"))
        )
        return files
    for name, entry in entries.items():
        line = document.line_of("form_files")
        if isinstance(entry, _LocatedDict):
            line = entry.line
        safe = PurePath(str(name).replace("\\", "/")).name
        if not _FILE_NAME.match(safe):
            problems.append(RowProblem(line, _("“%(value)s” is not a file name") % {"value": name}))
            continue
        try:
            content = base64.b64decode(str((entry or {}).get("content_base64", "")), validate=True)
        except (AttributeError, binascii.Error, ValueError):
            problems.append(RowProblem(line, _("the file content is not valid base64")))
            continue
        try:
            clean = clean_upload(ContentFile(content, name=safe), kinds=FORM_KINDS)
        except UploadError as error:
            problems.append(RowProblem(line, f"{safe}: {error.message}"))
            continue
        files[safe] = FormFile(name=safe, content=clean.content.read())
    return files


def _document_from(
    cells: _Cells, position: int, *, files: dict[str, FormFile] | None = None
) -> DocumentRecord:
    """A required document; its ``form`` names a file of ``files`` (JSON) or one already on
    the server."""
    line = cells.line
    name = cells.text("name", max_length=400, required=True)
    if "\n" in name:
        cells.problem("name", _("a document name is one line"))
    form = None
    value = cells.raw("form")
    if isinstance(value, str) and value:
        form_name = PurePath(value.replace("\\", "/")).name
        if files and form_name in files:
            form = files[form_name]
        elif _FILE_NAME.match(form_name):
            form = FormFile(name=form_name)
        else:
            cells.problem("form", _("“%(value)s” is not a file name") % {"value": form_name})
    elif value not in (None, ""):
        cells.problem("form", _("a file name expected"))
    return DocumentRecord(
        line=line,
        name=name,
        requirement=cells.choice(
            "requirement", DocumentRequirement, default=DocumentRequirement.ORIGINAL
        ),
        quantity=cells.integer("quantity", default=1, minimum=1, maximum=99),
        is_optional=cells.boolean("is_optional", default=False),
        note=cells.text("note", max_length=300),
        sort_order=cells.integer("sort_order", default=position, maximum=32767),
        form=form,
    )


# --- JSON -----------------------------------------------------------------------------------


class _LocatedDict(dict):
    """A JSON object that knows where it is in the file."""

    line: int = 0

    def line_of(self, key: str) -> int:
        """The line of ``key`` in this object (the object's first line if not found)."""
        at = self.text.find(f'"{key}"', self.start, self.end)
        return self.line if at < 0 else bisect.bisect_right(self.newlines, at) + 1


def _load_json_with_lines(text: str):
    """``json.loads``, where every object is a :class:`_LocatedDict`."""
    newlines = [i for i, char in enumerate(text) if char == "\n"]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, *args, **kwargs):
        start = s_and_end[1] - 1
        obj, end = JSONObject(s_and_end, *args, **kwargs)
        located = _LocatedDict(obj)
        located.text, located.newlines, located.start, located.end = text, newlines, start, end
        located.line = bisect.bisect_right(newlines, start) + 1
        return located, end

    decoder.parse_object = parse_object
    decoder.scan_once = py_make_scanner(decoder)
    return decoder.decode(text)


def _parse_json(text: str, problems: list[RowProblem]) -> Parsed:
    try:
        document = _load_json_with_lines(text)
    except json.JSONDecodeError as error:
        problems.append(
            RowProblem(
                error.lineno, _("the file is not valid JSON (%(error)s)") % {"error": error.msg}
            )
        )
        return Parsed({}, [])
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        problems.append(
            RowProblem(1, _("this is not an export of the procedure catalogue (“format” missing)"))
        )
        return Parsed({}, [])
    if document.get("format_version") != FORMAT_VERSION:
        problems.append(
            RowProblem(
                getattr(document, "line", 1),
                _("format version %(version)s is not supported")
                % {"version": document.get("format_version")},
            )
        )
        return Parsed({}, [])
    files = _form_files_from(document, problems)
    fields: dict[str, FieldRecord] = {}
    for item in document.get("fields") or []:
        cells = _Cells(
            item if isinstance(item, dict) else {}, getattr(item, "line", None), problems
        )
        code = cells.text("code", max_length=60, required=True)
        fields[code] = FieldRecord(
            code=code,
            name=cells.text("name", max_length=200, required=True),
            sort_order=cells.integer("sort_order", default=0, maximum=100000),
        )
    records = []
    items = document.get("procedures")
    if not isinstance(items, list):
        problems.append(RowProblem(getattr(document, "line", 1), _("“procedures” must be a list")))
        return Parsed(fields, [])
    for item in items:
        if not isinstance(item, dict):
            problems.append(RowProblem(None, _("each procedure must be an object")))
            continue
        cells = _Cells(item, item.line, problems)
        code, values = _procedure_values(cells)
        record = ProcedureRecord(
            line=item.line,
            code=code,
            values=values,
            field_code=cells.text("field", max_length=60, required=True),
        )
        for version_item in item.get("versions") or []:
            if not isinstance(version_item, dict):
                problems.append(RowProblem(item.line, _("each version must be an object")))
                continue
            vcells = _Cells(version_item, version_item.line, problems)
            version = VersionRecord(line=version_item.line, values=_version_values_from(vcells))
            for position, doc_item in enumerate(version_item.get("documents") or []):
                if not isinstance(doc_item, dict):
                    problems.append(
                        RowProblem(version_item.line, _("each document must be an object"))
                    )
                    continue
                dcells = _Cells(doc_item, doc_item.line, problems)
                version.documents.append(_document_from(dcells, position, files=files))
            record.versions.append(version)
        if not record.versions:
            problems.append(RowProblem(item.line, _("a procedure needs at least one version")))
        records.append(record)
    return Parsed(fields, records)


# --- CSV ------------------------------------------------------------------------------------


def _parse_csv(text: str, problems: list[RowProblem]) -> Parsed:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        problems.append(RowProblem(1, _("the file is empty")))
        return Parsed({}, [])
    except csv.Error as error:
        problems.append(
            RowProblem(1, _("the file is not valid CSV (%(error)s)") % {"error": error})
        )
        return Parsed({}, [])
    unknown = [h for h in header if h not in CSV_COLUMNS]
    missing = sorted(REQUIRED_CSV_COLUMNS - set(header))
    if unknown:
        problems.append(
            RowProblem(1, _("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
        )
    if missing:
        problems.append(
            RowProblem(1, _("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
        )
    if unknown or missing:
        return Parsed({}, [])
    fields: dict[str, FieldRecord] = {}
    records: dict[str, ProcedureRecord] = {}
    last_line = reader.line_num
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(
                RowProblem(start, _("the file is not valid CSV (%(error)s)") % {"error": error})
            )
            break
        last_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                RowProblem(
                    start,
                    _("%(found)d columns instead of %(expected)d")
                    % {"found": len(row), "expected": len(header)},
                )
            )
            continue
        data = dict(zip(header, row, strict=True))
        cells = _Cells(data, start, problems)
        code, values = _procedure_values(cells)
        field_code = cells.text("field_code", max_length=60, required=True)
        field_name = cells.text("field_name", max_length=200)
        if field_code and field_name:
            known = fields.setdefault(field_code, FieldRecord(field_code, field_name))
            if known.name != field_name:
                cells.problem("field_name", _("differs from an earlier row for the same field"))
        version = VersionRecord(line=start, values=_version_values_from(cells))
        for position, doc_line in enumerate(
            line for line in (data.get("documents") or "").splitlines() if line.strip()
        ):
            parts = _split_parts(doc_line)
            if len(parts) > len(DOCUMENT_PARTS):
                cells.problem(
                    "documents",
                    _("document %(number)d has more than %(max)d parts")
                    % {"number": position + 1, "max": len(DOCUMENT_PARTS)},
                )
                continue
            doc_cells = _Cells(dict(zip(DOCUMENT_PARTS, parts, strict=False)), start, problems)
            version.documents.append(_document_from(doc_cells, position))
        record = records.get(code)
        if record is None:
            records[code] = ProcedureRecord(
                line=start, code=code, values=values, field_code=field_code, versions=[version]
            )
            continue
        if (record.values, record.field_code) != (values, field_code):
            cells.problem(
                "code",
                _("the procedure's columns differ from line %(line)d of the same procedure")
                % {"line": record.line},
            )
        record.versions.append(version)
    return Parsed(fields, list(records.values()))


# --- Both -----------------------------------------------------------------------------------


def detect_format(data: bytes) -> str:
    text = data.decode("utf-8-sig", errors="replace").lstrip()
    return "json" if text[:1] in ("{", "[") else "csv"


def parse(data: bytes, *, fmt: str | None = None) -> Parsed:
    """Read and check a whole file. Raises :class:`ImportInvalid` with every problem found."""
    problems: list[RowProblem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportInvalid([RowProblem(None, _("the file is not UTF-8 text"))]) from None
    fmt = fmt or detect_format(data)
    parsed = _parse_json(text, problems) if fmt == "json" else _parse_csv(text, problems)
    _check_across_rows(parsed, problems)
    if problems:
        raise ImportInvalid(problems)
    return parsed


def _check_across_rows(parsed: Parsed, problems: list[RowProblem]) -> None:
    from motcua.procedures.models import ProcedureField

    known_fields = set(ProcedureField.objects.values_list("code", flat=True))
    slugs = dict(Procedure.objects.values_list("slug", "code"))
    seen_codes: dict[str, int | None] = {}
    for record in parsed.procedures:
        if record.code in seen_codes and seen_codes[record.code] != record.line:
            problems.append(
                RowProblem(
                    record.line,
                    _("procedure %(code)s appears twice (also line %(line)s)")
                    % {"code": record.code, "line": seen_codes[record.code]},
                )
            )
        seen_codes[record.code] = record.line
        if record.field_code and record.field_code not in known_fields | set(parsed.fields):
            problems.append(
                RowProblem(
                    record.line,
                    _("field “%(field)s” does not exist; give its name to create it")
                    % {"field": record.field_code},
                )
            )
        slug = record.values["slug"]
        if slug:
            owner = slugs.get(slug)
            if owner is not None and owner != record.code:
                problems.append(
                    RowProblem(
                        record.line,
                        _("the address “%(slug)s” is already used by procedure %(code)s")
                        % {"slug": slug, "code": owner},
                    )
                )
            slugs[slug] = record.code
        dates: dict[dt.date, int | None] = {}
        for version in record.versions:
            day = version.effective_from
            if day is None:
                continue
            if day in dates:
                problems.append(
                    RowProblem(
                        version.line,
                        _("procedure %(code)s has two versions in force from %(date)s")
                        % {"code": record.code, "date": f"{day:%d/%m/%Y}"},
                    )
                )
            dates[day] = version.line
