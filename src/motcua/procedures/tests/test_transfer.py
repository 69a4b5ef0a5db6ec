"""Import and export of the catalogue: round trips, idempotence, errors with line numbers."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from motcua.audit.models import AuditEvent
from motcua.procedures import selectors, transfer
from motcua.procedures.models import (
    Procedure,
    ProcedureField,
    ProcedureVersion,
    RequiredDocument,
)
from motcua.procedures.services import procedures_import
from motcua.procedures.transfer import ImportInvalid


def export_json() -> str:
    return transfer.export_json(selectors.procedures_for_export())


def export_csv() -> str:
    return transfer.export_csv(selectors.procedures_for_export())


def without_timestamp(text: str) -> dict:
    document = json.loads(text)
    document.pop("exported_at")
    return document


def wipe(*, files: bool = False) -> None:
    names = [d.form_template.name for d in RequiredDocument.objects.exclude(form_template="")]
    RequiredDocument.objects.all().delete()
    ProcedureVersion.objects.all().delete()
    Procedure.objects.all().delete()
    ProcedureField.objects.all().delete()
    if files:
        for name in names:
            default_storage.delete(name)


def counts() -> tuple[int, int, int, int]:
    return (
        ProcedureField.objects.count(),
        Procedure.objects.count(),
        ProcedureVersion.objects.count(),
        RequiredDocument.objects.count(),
    )


def csv_text(rows: list[dict], columns=transfer.CSV_COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return out.getvalue().encode()


def row(**values) -> dict:
    base = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field_code": "ho-tich",
        "field_name": "Hộ tịch",
        "effective_from": "2025-07-01",
        "processing_days": "0",
        "result": "Giấy khai sinh",
        "legal_basis": "Luật Hộ tịch 2014",
        "documents": "Tờ khai đăng ký khai sinh | original | 1",
    }
    return {**base, **values}


# --- Round trips ----------------------------------------------------------------------------


def test_json_export_then_import_into_an_empty_database_gives_identical_data(catalogue):
    # A form used by two documents travels once.
    khai_sinh = catalogue.khai_sinh.versions.get(effective_from=dt.date(2025, 7, 1))
    form = khai_sinh.documents.get(sort_order=0).form_template.name
    RequiredDocument.objects.filter(name="Giấy chứng sinh").update(form_template=form)
    before = export_json()
    assert len(json.loads(before)["form_files"]) == 1
    wipe(files=True)  # the form files travel inside the JSON
    assert counts() == (0, 0, 0, 0)

    result = procedures_import(actor=None, data=before.encode())

    assert (result.procedures_created, result.versions_created) == (6, 7)
    assert without_timestamp(export_json()) == without_timestamp(before)
    form = RequiredDocument.objects.get(name="Tờ khai đăng ký khai sinh theo mẫu").form_template
    assert form.open("rb").read() == transfer_form_bytes(before)


def transfer_form_bytes(exported: str) -> bytes:
    import base64

    (entry,) = json.loads(exported)["form_files"].values()
    return base64.b64decode(entry["content_base64"])


def test_csv_export_then_import_into_an_empty_database_gives_identical_data(catalogue):
    before = export_csv()
    assert before.startswith("\ufeffcode,local_code,name,slug,field_code")
    wipe()  # the form files stay on this server: the CSV names them
    result = procedures_import(actor=None, data=before.encode("utf-8"))
    assert result.warnings == []
    assert export_csv() == before
    # One row per version: khai sinh has two.
    assert sum(1 for r in csv.DictReader(io.StringIO(before[1:])) if r["code"] == "1.001193") == 2


def test_importing_the_same_file_twice_changes_nothing(catalogue):
    data = export_json().encode()
    ids = sorted(RequiredDocument.objects.values_list("id", flat=True))
    result = procedures_import(actor=None, data=data)
    assert not result.changed
    assert result.versions_unchanged == 7
    assert sorted(RequiredDocument.objects.values_list("id", flat=True)) == ids
    assert not AuditEvent.objects.filter(action="procedures.import").exists()


def test_a_changed_version_is_updated_in_place_and_the_rest_left_alone(catalogue):
    document = json.loads(export_json())
    ket_hon = next(p for p in document["procedures"] if p["code"] == "1.000894")
    ket_hon["versions"][0]["fee_amount"] = 20000
    ket_hon["versions"][0]["documents"].pop()
    ket_hon["versions"].append({**ket_hon["versions"][0], "effective_from": "2026-07-01"})
    version = catalogue.ket_hon.versions.get()
    kept = version.documents.order_by("sort_order").first()

    result = procedures_import(actor=None, data=json.dumps(document).encode())

    assert (result.versions_updated, result.versions_created, result.versions_unchanged) == (
        1,
        1,
        6,
    )
    version.refresh_from_db()
    assert version.fee_amount == 20000
    assert list(version.documents.values_list("id", flat=True)) == [kept.id]
    assert catalogue.ket_hon.versions.count() == 2
    event = AuditEvent.objects.get(action="procedures.import")
    assert event.after["versions_updated"] == 1


def test_dry_run_counts_and_writes_nothing(catalogue):
    data = export_json()
    wipe()
    result = procedures_import(actor=None, data=data.encode(), dry_run=True)
    assert result.procedures_created == 6
    assert counts() == (0, 0, 0, 0)


# --- Errors: every problem with its line, nothing written -------------------------------------


def test_csv_errors_are_reported_with_their_line_and_nothing_is_written(db):
    data = csv_text(
        [
            row(
                steps="Bước 1: nộp hồ sơ.\nBước 2: nhận kết quả.\nBước 3: nộp lệ phí."
            ),  # lines 2-4
            row(code="1.000894", name="Đăng ký kết hôn", fee_kind="mien-phi"),  # line 5
            row(code="1.000656", name="", effective_from="31/02/2025"),  # line 6
            row(code="1.004873", name="Xác nhận tình trạng hôn nhân", processing_days="ba"),  # 7
        ]
    )
    with pytest.raises(ImportInvalid) as raised:
        procedures_import(actor=None, data=data)
    problems = [str(p) for p in raised.value.problems]
    assert problems == [
        "Dòng 5: cột “fee_kind”: “mien-phi” không thuộc các giá trị: free, fixed, per_page, per_copy",
        "Dòng 6: cột “name”: chưa nhập",
        "Dòng 6: cột “effective_from”: “31/02/2025” không phải ngày (YYYY-MM-DD hoặc DD/MM/YYYY)",
        "Dòng 7: cột “processing_days”: “ba” không phải số nguyên từ 0 đến 365",
    ]
    assert raised.value.message == "Chưa nhập dữ liệu: có 4 lỗi cần sửa."
    assert counts() == (0, 0, 0, 0)


def test_json_errors_point_to_the_line_of_the_wrong_value(catalogue):
    document = json.loads(export_json())
    document["procedures"][0]["versions"][0]["fee_kind"] = "tuy-tam"
    text = json.dumps(document, ensure_ascii=False, indent=2)
    expected_line = next(
        n for n, line in enumerate(text.splitlines(), 1) if '"fee_kind": "tuy-tam"' in line
    )
    assert expected_line > 10
    before = counts()
    with pytest.raises(ImportInvalid) as raised:
        procedures_import(actor=None, data=text.encode())
    assert [p.line for p in raised.value.problems] == [expected_line]
    assert counts() == before


def test_broken_json_reports_where_it_breaks(db):
    text = '{\n  "format": "motcua-procedures",\n  "procedures": [\n    {"code": }\n  ]\n}'
    with pytest.raises(ImportInvalid) as raised:
        procedures_import(actor=None, data=text.encode())
    (problem,) = raised.value.problems
    assert problem.line == 4
    assert "không đúng định dạng JSON" in str(problem)


@pytest.mark.parametrize(
    ("rows", "columns", "expected"),
    [
        ([row()], [*transfer.CSV_COLUMNS, "ghi_chu"], "Dòng 1: cột không xác định: ghi_chu"),
        (
            [row()],
            [c for c in transfer.CSV_COLUMNS if c != "legal_basis"],
            "Dòng 1: thiếu cột: legal_basis",
        ),
        (
            [row(), row(name="Đăng ký khai sinh (sửa)", effective_from="2026-01-01")],
            transfer.CSV_COLUMNS,
            "Dòng 3: cột “code”: thông tin thủ tục khác với dòng 2 của cùng thủ tục",
        ),
        (
            [row(), row()],
            transfer.CSV_COLUMNS,
            "Dòng 3: thủ tục 1.001193 có hai quy định cùng hiệu lực từ ngày 01/07/2025",
        ),
        (
            [row(field_code="khong-co", field_name="")],
            transfer.CSV_COLUMNS,
            "Dòng 2: lĩnh vực “khong-co” chưa có; hãy ghi tên lĩnh vực để tạo mới",
        ),
        (
            [row(effective_to="2025-01-01")],
            transfer.CSV_COLUMNS,
            "Dòng 2: cột “effective_to”: trước ngày có hiệu lực",
        ),
        (
            [row(documents="Tờ khai | ban-goc | 1")],
            transfer.CSV_COLUMNS,
            "Dòng 2: cột “requirement”: “ban-goc” không thuộc các giá trị: original, copy, certified_copy, original_or_copy",
        ),
    ],
)
def test_csv_structure_problems(db, rows, columns, expected):
    with pytest.raises(ImportInvalid) as raised:
        procedures_import(actor=None, data=csv_text(rows, columns))
    assert expected in [str(p) for p in raised.value.problems]
    assert counts() == (0, 0, 0, 0)


def test_an_address_already_used_by_another_procedure_is_refused(catalogue):
    data = csv_text([row(code="1.999999", slug="dang-ky-khai-sinh")])
    with pytest.raises(ImportInvalid) as raised:
        procedures_import(actor=None, data=data)
    assert [str(p) for p in raised.value.problems] == [
        "Dòng 2: địa chỉ “dang-ky-khai-sinh” đã được thủ tục 1.001193 sử dụng"
    ]


def test_a_form_in_json_that_is_not_a_pdf_or_word_file_is_refused(catalogue):
    import base64

    document = json.loads(export_json())
    (entry,) = document["form_files"].values()
    entry["content_base64"] = base64.b64encode(b"<script>alert(1)</script>").decode()
    with pytest.raises(ImportInvalid) as raised:
        procedures_import(actor=None, data=json.dumps(document).encode())
    assert "Loại tệp này không được chấp nhận" in str(raised.value.problems[0])


def test_a_csv_naming_a_form_this_server_lacks_imports_the_document_with_a_warning(db):
    data = csv_text([row(documents="Tờ khai | original | 1 | 0 | | khong-co-tep-nay.pdf")])
    result = procedures_import(actor=None, data=data)
    assert [str(w) for w in result.warnings] == [
        "Dòng 2: không có tệp mẫu khong-co-tep-nay.pdf trên máy chủ này; “Tờ khai” được nhập không kèm mẫu"
    ]
    assert RequiredDocument.objects.get().form_template.name == ""


def test_a_csv_written_by_hand_is_read_with_defaults(db):
    data = csv_text(
        [
            row(
                documents="Tờ khai đăng ký khai sinh | original | 1\n"
                "Văn bản ủy quyền | certified_copy | 2 | 1 | Khi ủy quyền\n"
                "Giấy tờ có dấu \\| trong tên"
            )
        ]
    )
    procedures_import(actor=None, data=data)
    procedure = Procedure.objects.get(code="1.001193")
    assert procedure.slug == "dang-ky-khai-sinh"
    assert procedure.field.name == "Hộ tịch"
    version = procedure.versions.get()
    assert version.effective_from == dt.date(2025, 7, 1)
    assert version.is_same_day
    assert version.online_level == "none"
    assert version.fee_kind == "free"
    assert [
        (d.name, d.requirement, d.quantity, d.is_optional, d.note) for d in version.documents.all()
    ] == [
        ("Tờ khai đăng ký khai sinh", "original", 1, False, ""),
        ("Văn bản ủy quyền", "certified_copy", 2, True, "Khi ủy quyền"),
        ("Giấy tờ có dấu | trong tên", "original", 1, False, ""),
    ]


# --- Management commands ----------------------------------------------------------------------


def test_export_and_import_commands(catalogue, tmp_path):
    target = tmp_path / "thu-tuc.json"
    call_command("export_procedures", "--format", "json", "--output", str(target))
    wipe()
    out = io.StringIO()
    call_command("import_procedures", str(target), stdout=out)
    assert "procedures_created=6" in out.getvalue()
    assert Procedure.objects.count() == 6


def test_the_import_command_lists_problems_and_fails(db, tmp_path):
    target = tmp_path / "thu-tuc.csv"
    target.write_bytes(csv_text([row(processing_days="-1")]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_procedures", str(target), stderr=err)
    assert "Dòng 2: cột “processing_days”" in err.getvalue()
    assert Procedure.objects.count() == 0
