"""Uploads: type read from the content, size capped, images re-encoded without metadata."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from motcua.core.uploads import (
    CSV,
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    JPEG,
    JSON,
    PDF,
    UploadError,
    clean_upload,
)

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def jpeg_with_metadata(width=64, height=48) -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x013B] = "Reporter name"  # Artist: personal data a photo can carry
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(name: str, data: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_jpeg_is_reencoded_without_its_metadata_and_gets_a_safe_name():
    original = jpeg_with_metadata()
    assert b"Camera maker" in original
    clean = clean_upload(upload("../../Ảnh chụp hiện trường.JPG", original), kinds=IMAGE_KINDS)
    data = clean.content.read()
    assert clean.kind is JPEG
    assert clean.name == "anh-chup-hien-truong.jpg"
    assert b"Camera maker" not in data
    assert b"Reporter name" not in data
    assert not Image.open(io.BytesIO(data)).getexif()


def test_a_file_that_lies_about_its_type_is_refused():
    with pytest.raises(UploadError, match="không được chấp nhận"):
        clean_upload(
            upload("photo.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg"), kinds=IMAGE_KINDS
        )


def test_a_pdf_named_like_an_image_is_stored_as_what_it_is():
    clean = clean_upload(upload("scan.png", MINIMAL_PDF), kinds=DOCUMENT_KINDS)
    assert clean.kind is PDF
    assert clean.name == "scan.pdf"


def test_a_truncated_pdf_is_refused():
    with pytest.raises(UploadError, match="hỏng"):
        clean_upload(upload("a.pdf", b"%PDF-1.4\n1 0 obj"), kinds=DOCUMENT_KINDS)


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_a_file_over_the_size_cap_is_refused():
    with pytest.raises(UploadError, match="lớn hơn"):
        clean_upload(upload("big.pdf", MINIMAL_PDF + b"x" * 2000), kinds=DOCUMENT_KINDS)


def test_a_decompression_bomb_image_is_refused():
    out = io.BytesIO()
    Image.new("1", (10000, 10000)).save(out, "PNG")  # tiny file, 100 megapixels decoded
    with pytest.raises(UploadError, match="quá lớn"):
        clean_upload(upload("bomb.png", out.getvalue()), kinds=IMAGE_KINDS)


def test_a_zip_that_is_not_an_office_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("evil.exe", b"MZ")
    with pytest.raises(UploadError):
        clean_upload(upload("report.docx", out.getvalue()), kinds=DOCUMENT_KINDS)


def test_an_empty_file_is_refused():
    with pytest.raises(UploadError, match="trống"):
        clean_upload(upload("empty.pdf", b""), kinds=DOCUMENT_KINDS)


DATA_KINDS = frozenset({CSV, JSON})


def test_csv_and_json_are_recognised_from_their_content_not_their_name():
    csv_bytes = "\ufeffmã,tên\n1.001193,Đăng ký khai sinh\n".encode()
    clean = clean_upload(upload("danh-muc.json", csv_bytes), kinds=DATA_KINDS)
    assert (clean.kind, clean.name) == (CSV, "danh-muc.csv")
    json_bytes = '{"procedures": [{"name": "Đăng ký kết hôn"}]}'.encode()
    assert clean_upload(upload("x.csv", json_bytes), kinds=DATA_KINDS).kind is JSON


@pytest.mark.parametrize(
    "data",
    [
        "mã,tên\n1,Khai sinh\n".encode("latin-1"),  # a table, but not UTF-8
        b'{"procedures": [',  # JSON that does not parse
        "một dòng chữ không có cột\n".encode(),  # text, but not a table
        b"a,b\n1,2,3\n",  # rows of different widths
        b"a,b\x00\n1,2\n",  # binary disguised as text
    ],
)
def test_text_that_is_not_utf8_csv_or_json_is_refused(data):
    with pytest.raises(UploadError, match="không được chấp nhận"):
        clean_upload(upload("danh-muc.csv", data), kinds=DATA_KINDS)


def test_a_csv_file_is_not_accepted_where_documents_are_expected():
    with pytest.raises(UploadError, match="không được chấp nhận"):
        clean_upload(upload("a.csv", b"a,b\n1,2\n"), kinds=DOCUMENT_KINDS)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


SCRIPT = b"<html><script>alert(document.cookie)</script></html>"


def png_with_text(text: bytes) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text.decode())
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 200)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


@pytest.mark.parametrize(
    "polyglot",
    [
        jpeg_with_metadata() + SCRIPT,  # HTML after the end of the image
        png_with_text(SCRIPT),  # HTML in a text chunk
    ],
    ids=["jpeg+html", "png+html"],
)
def test_an_image_carrying_html_is_stored_as_the_image_alone(polyglot):
    clean = clean_upload(upload("anh.jpg", polyglot), kinds=IMAGE_KINDS)
    stored = clean.content.read()
    assert b"<script" not in stored
    Image.open(io.BytesIO(stored)).verify()  # still an image


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (MINIMAL_PDF + zip_bytes({"index.html": SCRIPT}), "pdf_polyglot"),
        (
            b"%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n",
            "pdf_active_content",
        ),
        (b"%PDF-1.4\n1 0 obj<</A<</S/#4Caunch/F(cmd.exe)>>>>endobj\n%%EOF\n", "pdf_active_content"),
    ],
    ids=["pdf+zip", "pdf-javascript", "pdf-launch-escaped"],
)
def test_a_pdf_with_a_hidden_file_or_a_script_is_refused(data, code):
    with pytest.raises(UploadError) as refused:
        clean_upload(upload("don.pdf", data), kinds=DOCUMENT_KINDS)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "..\\..\\windows\\win.ini.pdf",
        "/etc/cron.d/x.pdf",
        "a" * 500 + ".pdf",
    ],
)
def test_a_hostile_file_name_becomes_a_short_safe_name(name):
    clean = clean_upload(upload(name, MINIMAL_PDF), kinds=DOCUMENT_KINDS)
    assert "/" not in clean.name
    assert "\\" not in clean.name
    assert ".." not in clean.name
    assert clean.name.endswith(".pdf")
    assert len(clean.name) <= 84
