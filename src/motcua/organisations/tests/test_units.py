import pytest
from django.core.management import call_command
from django.urls import reverse

from motcua.organisations.models import Unit, UnitKind
from motcua.organisations.tests.factories import UnitFactory


@pytest.mark.django_db
def test_tree_paths_follow_moves_of_a_subtree(city, ward_a, ward_b):
    dept = UnitFactory(parent=ward_a, department=True, slug="dept")
    team = UnitFactory(parent=dept, department=True, slug="team")
    assert team.path == f"{city.path}{ward_a.pk}/{dept.pk}/{team.pk}/"
    assert team.depth == 3
    dept.parent = ward_b
    dept.save()
    team.refresh_from_db()
    assert team.path == f"{city.path}{ward_b.pk}/{dept.pk}/{team.pk}/"
    assert set(ward_b.descendants()) == {ward_b, dept, team}
    assert list(team.ancestors()) == [city, ward_b, dept]
    assert team.administrative_unit() == ward_b


@pytest.mark.django_db
def test_a_unit_cannot_be_moved_below_itself(ward_a):
    dept = UnitFactory(parent=ward_a, department=True, slug="dept")
    ward_a.parent = dept
    with pytest.raises(ValueError, match="below itself"):
        ward_a.save()


@pytest.mark.django_db
def test_import_of_vietnam_units_is_idempotent():
    call_command("import_vn_units", province=[79], verbosity=0)
    hcmc = Unit.objects.get(gso_code="79")
    assert hcmc.name == "Thành phố Hồ Chí Minh"
    assert hcmc.children.count() == 168
    assert Unit.objects.get(gso_code="26929").name == "Phường Bình Thạnh"
    assert Unit.objects.get(gso_code="26929").kind == UnitKind.WARD
    # The package's list spells this one "Phường  An Nhơn" (two spaces): stored with one.
    assert Unit.objects.filter(name="Phường An Nhơn").exists()
    assert not Unit.objects.filter(name__contains="  ").exists()
    call_command("import_vn_units", province=[79], verbosity=0)
    assert Unit.objects.count() == 169


@pytest.mark.django_db
def test_public_directory_publishes_contacts_and_finds_units_without_accents(
    client, city, ward_a, ward_b
):
    ward_a.hotline = "028 3841 1001"
    ward_a.feedback_mailbox = "hopthu@example.vn"
    ward_a.receives_saturday_morning = True
    ward_a.address = "6 Phan Đăng Lưu"
    ward_a.save()
    html = client.get(reverse("organisations:directory")).content.decode()
    for text in (
        "Phường An Lạc",
        "028 3841 1001",
        "hopthu@example.vn",
        "6 Phan Đăng Lưu",
        "Tiếp nhận thứ Bảy",
        "07:30–11:30, 13:00–17:00",
    ):
        assert text in html
    found = client.get(reverse("organisations:directory"), {"q": "an lac"}).content.decode()
    assert "Phường An Lạc" in found
    assert "Phường Bình Đông" not in found


@pytest.mark.django_db
def test_unit_page_lists_its_departments_with_their_contacts(client, ward_a):
    UnitFactory(
        parent=ward_a,
        kind=UnitKind.SERVICE_CENTER,
        name="Trung tâm Phục vụ hành chính công",
        slug="tt",
        hotline="1900 1234",
    )
    html = client.get(reverse("organisations:unit", args=[ward_a.slug])).content.decode()
    assert "Trung tâm Phục vụ hành chính công" in html
    assert "1900 1234" in html


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_units(
    client, city, django_assert_max_num_queries
):
    for n in range(25):
        UnitFactory(parent=city, slug=f"p-{n}")
    with django_assert_max_num_queries(6):
        client.get(reverse("organisations:directory"))
