"""One row per role of PRODUCT.md §1."""

from django.db import migrations

ROLES = [
    # code, staff role, sees every unit, description
    ("citizen", False, False, "Công dân hoặc tổ chức có tài khoản: hồ sơ của tôi, thông báo."),
    ("one_stop_officer", True, False, "Cán bộ một cửa: tiếp nhận, trả kết quả, phiếu hẹn, phiếu bổ sung, phiếu từ chối."),
    ("specialist", True, False, "Chuyên viên: xử lý hồ sơ và phản ánh được giao cho phòng."),
    ("leader", True, False, "Lãnh đạo: phê duyệt, ký kết quả, duyệt xin lỗi gia hạn, phân công, duyệt trả lời công khai."),
    ("editor", True, False, "Biên tập viên: tin tức, video, văn bản, lấy ý kiến dự thảo, cuộc thi."),
    ("front_supervisor", True, False, "Ủy ban MTTQ: giám sát phản ánh về cán bộ, khiếu nại, chấm điểm tiêu chí CCHC, góp ý dự thảo."),
    ("par_assessor", True, False, "Phòng/Sở Nội vụ, hội đồng thẩm định: tổ chức đánh giá, thẩm định chỉ số CCHC."),
    ("administrator", True, True, "Quản trị: đơn vị, người dùng, vai trò, danh mục, lịch làm việc, cấu hình."),
]


def create_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for code, is_staff_role, sees_all, description in ROLES:
        Role.objects.update_or_create(
            code=code, defaults={"is_staff_role": is_staff_role, "sees_all_units": sees_all, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
