"""Writes to the catalogue."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from motcua.audit.services import audit_record
from motcua.core.text import slugify_vi
from motcua.procedures import transfer
from motcua.procedures.models import Procedure, ProcedureField, ProcedureVersion, RequiredDocument
from motcua.procedures.transfer import (
    DocumentRecord,
    FormFile,
    ImportInvalid,
    Parsed,
    ProcedureRecord,
    RowProblem,
    VersionRecord,
)


@dataclass
class ImportResult:
    dry_run: bool = False
    fields_created: int = 0
    procedures_created: int = 0
    procedures_updated: int = 0
    versions_created: int = 0
    versions_updated: int = 0
    versions_unchanged: int = 0
    warnings: list[RowProblem] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "fields_created": self.fields_created,
            "procedures_created": self.procedures_created,
            "procedures_updated": self.procedures_updated,
            "versions_created": self.versions_created,
            "versions_updated": self.versions_updated,
            "versions_unchanged": self.versions_unchanged,
        }

    @property
    def changed(self) -> bool:
        return any(
            (
                self.fields_created,
                self.procedures_created,
                self.procedures_updated,
                self.versions_created,
                self.versions_updated,
            )
        )


class _DryRun(Exception):
    pass


def procedures_import(
    *, actor, data: bytes, fmt: str | None = None, dry_run: bool = False, source: str = ""
) -> ImportResult:
    """Import a JSON or CSV file of the catalogue (see ``docs/procedures-import.md``).

    Procedures are matched by national code and versions by code + effective date, so importing
    the same file twice changes nothing. The whole file is checked first; any problem raises
    :class:`~motcua.procedures.transfer.ImportInvalid` listing every problem with its line, and
    nothing is written. ``dry_run`` checks and counts without writing.
    """
    parsed = transfer.parse(data, fmt=fmt)
    result = ImportResult(dry_run=dry_run, warnings=list(parsed.warnings))
    try:
        with transaction.atomic():
            _Importer(result, write_files=not dry_run).apply(parsed)
            if dry_run:
                raise _DryRun
            if result.changed:
                audit_record(
                    actor=actor, action="procedures.import", after=result.summary(), reason=source
                )
    except _DryRun:
        pass
    except ProtectedError as error:
        raise ImportInvalid(
            [
                RowProblem(
                    None,
                    _("A document that dossiers refer to cannot be removed: %(name)s")
                    % {"name": ", ".join(str(o) for o in list(error.protected_objects)[:3])},
                )
            ]
        ) from error
    except IntegrityError as error:
        raise ImportInvalid(
            [RowProblem(None, _("The database refused the data: %(error)s") % {"error": error})]
        ) from error
    return result


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Importer:
    def __init__(self, result: ImportResult, *, write_files: bool):
        self.result = result
        self.write_files = write_files
        self.fields: dict[str, ProcedureField] = {}

    def apply(self, parsed: Parsed) -> None:
        self.fields = {f.code: f for f in ProcedureField.objects.all()}
        for record in parsed.fields.values():
            current = self.fields.get(record.code)
            if current is None:
                self.fields[record.code] = ProcedureField.objects.create(
                    code=record.code, name=record.name, sort_order=record.sort_order or 0
                )
                self.result.fields_created += 1
                continue
            changes = {"name": record.name}
            if record.sort_order is not None:
                changes["sort_order"] = record.sort_order
            if any(getattr(current, k) != v for k, v in changes.items()):
                for key, value in changes.items():
                    setattr(current, key, value)
                current.save()
        for record in parsed.procedures:
            self._procedure(record)

    def _procedure(self, record: ProcedureRecord) -> None:
        values = dict(record.values)
        slug = values.pop("slug")
        values["field"] = self.fields[record.field_code]
        procedure = Procedure.objects.filter(code=record.code).first()
        if procedure is None:
            procedure = Procedure(code=record.code, slug=slug or self._free_slug(record), **values)
            procedure.save()
            self.result.procedures_created += 1
        else:
            if slug:
                values["slug"] = slug
            changes = {k: v for k, v in values.items() if getattr(procedure, k) != v}
            if changes:
                for key, value in changes.items():
                    setattr(procedure, key, value)
                procedure.save()
                self.result.procedures_updated += 1
        for version in record.versions:
            self._version(procedure, version)

    @staticmethod
    def _free_slug(record: ProcedureRecord) -> str:
        slug = slugify_vi(record.values["name"])[:200].strip("-")
        if not slug or Procedure.objects.filter(slug=slug).exists():
            slug = slugify_vi(f"{record.values['name']} {record.code}")[:200].strip("-")
        return slug

    def _version(self, procedure: Procedure, record: VersionRecord) -> None:
        version = procedure.versions.filter(effective_from=record.effective_from).first()
        if version is None:
            version = ProcedureVersion.objects.create(procedure=procedure, **record.values)
            self._documents(version, record.documents, new=True)
            self.result.versions_created += 1
            return
        changes = {k: v for k, v in record.values.items() if getattr(version, k) != v}
        for key, value in changes.items():
            setattr(version, key, value)
        if changes:
            version.save()
        documents_changed = self._documents(version, record.documents, new=False)
        if changes or documents_changed:
            self.result.versions_updated += 1
        else:
            self.result.versions_unchanged += 1

    def _documents(
        self, version: ProcedureVersion, records: list[DocumentRecord], *, new: bool
    ) -> bool:
        """Make the version's documents those of ``records``, keeping the rows that match by
        name (dossiers may refer to them). True when anything changed."""
        pool = [] if new else list(version.documents.order_by("sort_order", "id"))
        changed = False
        for record in records:
            document = next((d for d in pool if d.name == record.name), None)
            if document is None:
                document = RequiredDocument(version=version, name=record.name)
            else:
                pool.remove(document)
            values = {
                "requirement": record.requirement,
                "quantity": record.quantity,
                "is_optional": record.is_optional,
                "note": record.note,
                "sort_order": record.sort_order,
                "form_template": self._form(record, document),
            }
            differs = {k: v for k, v in values.items() if _current(document, k) != v}
            if document.pk is None or differs:
                for key, value in values.items():
                    setattr(document, key, value)
                document.save()
                changed = True
        for leftover in pool:
            leftover.delete()
            changed = True
        return changed

    def _form(self, record: DocumentRecord, document: RequiredDocument) -> str:
        """The stored name of the document's form: an existing file with the same content is
        reused, a new one is saved; a name without content must already be in storage."""
        form: FormFile | None = record.form
        if form is None:
            return ""
        path = transfer.FORM_FOLDER + form.name
        if form.content is None:
            if default_storage.exists(path):
                return path
            self.result.warnings.append(
                RowProblem(
                    record.line,
                    _(
                        "the form file %(name)s is not on this server; “%(document)s” is imported without it"
                    )
                    % {"name": form.name, "document": record.name},
                )
            )
            return ""
        digest = _sha256(form.content)
        for candidate in (document.form_template.name if document.pk else "", path):
            if candidate and default_storage.exists(candidate):
                with default_storage.open(candidate, "rb") as handle:
                    if _sha256(handle.read()) == digest:
                        return candidate
        if not self.write_files:
            return path
        return default_storage.save(path, ContentFile(form.content))


def _current(document: RequiredDocument, key: str):
    value = getattr(document, key)
    return value.name or "" if key == "form_template" else value
