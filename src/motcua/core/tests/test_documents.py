import gc
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError

from motcua.core.excel import Sheet, workbook_bytes
from motcua.core.pdf import render_pdf
from motcua.core.pdf_fetch import OfflineFetcher, OfflineFetchRefused


def test_pdf_renders_vietnamese_text_and_the_national_header(tmp_path, settings):
    template = tmp_path / "form.html"
    template.write_text(
        '{% extends "pdf/base.html" %}{% block body %}'
        '{% include "pdf/national_header.html" with issuer="Ủy ban nhân dân phường Bình Thạnh" %}'
        "<h1>Giấy tiếp nhận hồ sơ</h1><p>Người nộp: Nguyễn Thị Hường</p>{% endblock %}",
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    pdf = render_pdf("form.html", {})
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Nguyễn Thị Hường" in text
    # The second PDF of a process reuses its fonts; the collector paused for a render is back on.
    assert render_pdf("form.html", {}) == pdf
    assert gc.isenabled()


def test_a_pdf_that_fails_to_render_leaves_the_garbage_collector_on(tmp_path, settings):
    (tmp_path / "remote.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example.com/x.css"><p>x</p>', encoding="utf-8"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    with pytest.raises(FatalURLFetchingError):  # WeasyPrint's wrapper of OfflineFetchRefused
        render_pdf("remote.html", {})
    assert gc.isenabled()


def test_pdf_rendering_never_fetches_from_the_network():
    fetcher = OfflineFetcher()
    with pytest.raises(OfflineFetchRefused):
        fetcher.fetch("https://cdn.example.com/font.woff2")
    assert (
        fetcher.fetch("https://static.motcua.invalid/static/motcua/css/pdf.css").content_type
        == "text/css"
    )


def test_excel_export_keeps_formula_like_text_as_text():
    data = workbook_bytes(
        [
            Sheet(
                "Sổ theo dõi",
                ["Mã", "Ghi chú"],
                [["A-1", '=HYPERLINK("http://evil","bấm")'], ["A-2", "+84 90"]],
            )
        ]
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Sổ theo dõi"
    assert sheet["B2"].value == '=HYPERLINK("http://evil","bấm")'
    assert sheet["B2"].data_type == "s"
    assert sheet["B3"].data_type == "s"
