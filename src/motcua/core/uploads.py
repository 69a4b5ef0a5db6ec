"""Uploaded files: the type is read from the content (never trusted from the name or the
browser), the size is capped, images are decoded and re-encoded (which drops EXIF, GPS and any
payload hidden after the image data), and the stored name is safe.

    clean = clean_upload(request.FILES["photo"], kinds=IMAGE_KINDS)
    instance.photo.save(clean.name, clean.content)

Forms use :class:`UploadField`, which does the same and shows the error next to the field.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from motcua.core.errors import DomainError
from motcua.core.text import slugify_vi

#: Largest image side kept after re-encoding, and the most pixels we agree to decode.
MAX_IMAGE_SIDE = 2560
MAX_IMAGE_PIXELS = 40_000_000


@dataclass(frozen=True)
class Kind:
    code: str
    extension: str
    content_type: str
    label: str


PDF = Kind("pdf", "pdf", "application/pdf", "PDF")
JPEG = Kind("jpeg", "jpg", "image/jpeg", "JPEG")
PNG = Kind("png", "png", "image/png", "PNG")
WEBP = Kind("webp", "webp", "image/webp", "WebP")
DOCX = Kind(
    "docx",
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (.docx)",
)
XLSX = Kind(
    "xlsx",
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Excel (.xlsx)",
)
MP4 = Kind("mp4", "mp4", "video/mp4", "MP4")
CSV = Kind("csv", "csv", "text/csv", "CSV")
JSON = Kind("json", "json", "application/json", "JSON")

IMAGE_KINDS = frozenset({JPEG, PNG, WEBP})
DOCUMENT_KINDS = frozenset({PDF, JPEG, PNG, DOCX})


class UploadError(DomainError):
    code = "invalid_upload"


@dataclass(frozen=True)
class CleanUpload:
    name: str
    content: ContentFile
    kind: Kind
    size: int
    sha256: str


def sniff(head: bytes, data: bytes) -> Kind | None:
    """The kind of a file from its first bytes (and, for Office files, its zip directory)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp":
        return MP4
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
            return DOCX
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            return XLSX
        return None
    return _sniff_text(data)


def _sniff_text(data: bytes) -> Kind | None:
    """JSON or CSV: the bytes decode as UTF-8 (with or without a BOM) and parse. A CSV file has
    a header of at least two columns and every other row has as many."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text or not text.strip():
        return None
    if text.lstrip()[:1] in ("{", "["):
        try:
            json.loads(text)
        except ValueError:
            return None
        return JSON
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), strict=True) if row]
    except csv.Error:
        return None
    if rows and len(rows[0]) >= 2 and all(len(row) == len(rows[0]) for row in rows):
        return CSV
    return None


def _safe_name(original: str, kind: Kind) -> str:
    stem = slugify_vi(PurePath(original.replace("\\", "/")).stem)[:80] or "tep"
    return f"{stem}.{kind.extension}"


def _reencode_image(data: bytes, kind: Kind) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
    except Image.DecompressionBombWarning as error:
        raise UploadError(_("The image is too large.")) from error
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise UploadError(_("The image could not be read. Please choose another file.")) from error
    try:
        with probe:
            width, height = probe.size
            if width * height > MAX_IMAGE_PIXELS:
                raise UploadError(_("The image is too large."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            out = io.BytesIO()
            if kind is JPEG:
                image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
            elif kind is PNG:
                image.save(out, "PNG", optimize=True)
            else:
                image.save(out, "WEBP", quality=85)
            return out.getvalue()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        Image.DecompressionBombError,
        ValueError,
    ) as error:
        raise UploadError(_("The image could not be read. Please choose another file.")) from error


#: PDF actions that run something when the file is opened; ``#xx`` escapes in names undone.
_PDF_ACTIVE = re.compile(rb"/(?:JavaScript|JS|Launch)\b")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _check_pdf(data: bytes) -> None:
    """A PDF must end like one, must not also be a zip archive (a polyglot whose other half
    would be opened by another program) and must not carry scripts or launch actions (a scanned
    paper needs neither)."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        raise UploadError(
            _("The PDF file has another file hidden in it. Please send the PDF alone."),
            code="pdf_polyglot",
        )
    if b"%%EOF" not in data[-2048:]:
        raise UploadError(_("The PDF file is damaged or incomplete."))
    if _PDF_ACTIVE.search(_PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), data)):
        raise UploadError(
            _("The PDF file contains scripts or actions. Please print it to a plain PDF."),
            code="pdf_active_content",
        )


def _check_document(data: bytes, kind: Kind) -> None:
    if kind is PDF:
        _check_pdf(data)
    if kind in (DOCX, XLSX):
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > 20 * len(data) + 50 * 1024 * 1024 or any(
            ".." in n or n.startswith("/") for n in archive.namelist()
        ):
            raise UploadError(_("The file is not an acceptable document."))


def clean_upload(upload, *, kinds: frozenset[Kind], max_bytes: int | None = None) -> CleanUpload:
    """Validate an uploaded file and return a safe copy to store. Raises :class:`UploadError`."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise UploadError(
            _("The file is larger than %(mb)s MB.") % {"mb": f"{limit / 1024 / 1024:g}"}
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise UploadError(
            _("The file is larger than %(mb)s MB.") % {"mb": f"{limit / 1024 / 1024:g}"}
        )
    if not data:
        raise UploadError(_("The file is empty."))
    kind = sniff(data[:64], data)
    if kind not in kinds:
        accepted = ", ".join(sorted(k.label for k in kinds))
        raise UploadError(
            _("This type of file is not accepted. Accepted: %(kinds)s.") % {"kinds": accepted}
        )
    if kind in IMAGE_KINDS:
        data = _reencode_image(data, kind)
    else:
        _check_document(data, kind)
    name = _safe_name(getattr(upload, "name", "") or "", kind)
    return CleanUpload(
        name=name,
        content=ContentFile(data, name=name),
        kind=kind,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


class UploadField(forms.FileField):
    """A file field whose cleaned value is a :class:`CleanUpload`."""

    default_error_messages = {"invalid": gettext_lazy("The file could not be read.")}

    def __init__(
        self, *, kinds: frozenset[Kind] = DOCUMENT_KINDS, max_bytes: int | None = None, **kwargs
    ):
        self.kinds = kinds
        self.max_bytes = max_bytes
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(
                attrs={"accept": ",".join(sorted(f".{k.extension}" for k in kinds))}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or isinstance(upload, CleanUpload) or not hasattr(upload, "read"):
            return upload
        try:
            return clean_upload(upload, kinds=self.kinds, max_bytes=self.max_bytes)
        except UploadError as error:
            raise forms.ValidationError(error.message, code=error.code) from error


KINDS_BY_CODE = {kind.code: kind for kind in (PDF, JPEG, PNG, WEBP, DOCX, XLSX, MP4)}


class FormUploads:
    """Keeps the files of a form that failed for another reason.

    A form with an idempotency key (a random key in a hidden field) calls ``keep()`` with its
    checked files when it is invalid; when the citizen sends it again, ``restore()`` puts back
    the files they did not choose again. Only files that passed every check are kept, and only
    under the random key of that one form."""

    def __init__(self, form_key: str):
        self.form_key = form_key[:64]

    def keep(self, uploads: dict[str, CleanUpload]) -> None:
        from motcua.core.models import PendingUpload

        for field, upload in uploads.items():
            PendingUpload.objects.filter(form_key=self.form_key, field=field).delete()
            pending = PendingUpload(
                form_key=self.form_key,
                field=field,
                name=upload.name,
                kind=upload.kind.code,
                size=upload.size,
                sha256=upload.sha256,
            )
            upload.content.seek(0)
            pending.file.save(upload.name, ContentFile(upload.content.read()), save=False)
            pending.save()

    def kept(self) -> dict[str, CleanUpload]:
        """The files kept for this form, by field name."""
        from motcua.core.models import PendingUpload

        files = {}
        for pending in PendingUpload.objects.filter(form_key=self.form_key):
            with pending.file.open("rb") as handle:
                data = handle.read()
            files[pending.field] = CleanUpload(
                name=pending.name,
                content=ContentFile(data, name=pending.name),
                kind=KINDS_BY_CODE[pending.kind],
                size=pending.size,
                sha256=pending.sha256,
            )
        return files

    def discard(self) -> None:
        from motcua.core.models import PendingUpload

        for pending in PendingUpload.objects.filter(form_key=self.form_key):
            pending.file.delete(save=False)
            pending.delete()
