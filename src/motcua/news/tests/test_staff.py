import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from motcua.audit.models import AuditEvent
from motcua.news.models import Article, ArticleStatus
from motcua.news.tests.factories import ArticleFactory, CategoryFactory
from motcua.organisations.tests.helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(ward_a):
    return make_staff(ward_a, "editor", username="a.bientap")


@pytest.fixture
def leader(ward_a):
    return make_staff(ward_a, "leader", username="a.lanhdao")


def jpeg_with_gps() -> SimpleUploadedFile:
    out = io.BytesIO()
    image = Image.new("RGB", (800, 500), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N"}  # GPS info
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile("anh.jpg", out.getvalue(), content_type="image/jpeg")


def test_editor_writes_illustrates_and_submits_then_leader_publishes(client, editor, leader):
    category = CategoryFactory(name="Cải cách hành chính")
    sign_in(client, editor)
    response = client.post(
        reverse("news:staff-article-create"),
        {
            "title": "Phường tổ chức tập huấn dịch vụ công",
            "category": category.pk,
            "summary": "Tóm tắt.",
            "body": '<p style="color:red" onclick="x()">Nội dung <script>alert(1)</script>chính.</p>',
            "author": "Ngọc Lan",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.slug == "phuong-to-chuc-tap-huan-dich-vu-cong"
    assert article.body == "<p>Nội dung chính.</p>"
    assert article.status == ArticleStatus.DRAFT

    client.post(
        reverse("news:staff-image-add", args=[article.public_id]),
        {"image": jpeg_with_gps(), "caption": "Quang cảnh lớp tập huấn"},
    )
    image = article.images.get()
    assert image.caption == "Quang cảnh lớp tập huấn"
    with Image.open(image.image.path) as stored:
        assert 0x8825 not in stored.getexif()  # location removed by the upload check
    assert image.thumbnail

    client.post(reverse("news:staff-article-transition", args=[article.public_id, "submit"]))
    assert Article.objects.get().status == ArticleStatus.REVIEW
    assert client.get(article.get_absolute_url()).status_code == 404

    sign_in(client, leader)
    page = client.get(reverse("news:staff-article", args=[article.public_id])).content.decode()
    assert "Duyệt và đăng" in page
    client.post(reverse("news:staff-article-transition", args=[article.public_id, "approve"]))
    assert Article.objects.get().status == ArticleStatus.PUBLISHED
    public = client.get(article.get_absolute_url()).content.decode()
    assert "Quang cảnh lớp tập huấn" in public
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"news.article_create", "news.article_image_add", "news.article_submit",
            "news.article_approve"} <= actions  # fmt: skip


def test_a_published_article_cannot_be_edited_until_withdrawn(client, editor, ward_a):
    article = ArticleFactory(unit=ward_a, title="Tiêu đề cũ")
    sign_in(client, editor)
    url = reverse("news:staff-article", args=[article.public_id])
    response = client.post(url, {"title": "Tiêu đề mới", "category": article.category_id})
    assert "Bài đã đăng không thể sửa" in response.content.decode()
    assert Article.objects.get().title == "Tiêu đề cũ"


def test_a_bad_form_keeps_what_the_editor_typed(client, editor):
    sign_in(client, editor)
    response = client.post(
        reverse("news:staff-article-create"), {"title": "", "body": "Nội dung đã gõ"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nội dung đã gõ" in html
    assert "field__error" in html
    assert not Article.objects.exists()


def test_staff_of_another_ward_sees_nothing_of_this_wards_articles(client, ward_a, ward_b):
    article = ArticleFactory(unit=ward_a, title="Tin của phường A", draft=True)
    sign_in(client, make_staff(ward_b, "editor", username="b.bientap"))
    assert "Tin của phường A" not in client.get(reverse("news:staff-articles")).content.decode()
    assert client.get(reverse("news:staff-article", args=[article.public_id])).status_code == 404
    response = client.post(
        reverse("news:staff-article-transition", args=[article.public_id, "submit"])
    )
    assert response.status_code == 404


def test_officers_without_an_editorial_role_cannot_open_the_newsroom(client, officer_a):
    sign_in(client, officer_a)
    assert client.get(reverse("news:staff-articles")).status_code == 403


def test_newsroom_list_has_flat_query_count(client, editor, ward_a, django_assert_max_num_queries):
    ArticleFactory.create_batch(20, unit=ward_a)
    sign_in(client, editor)
    client.get(reverse("news:staff-articles"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("news:staff-articles")).status_code == 200


def test_editing_shows_plain_paragraphs_and_keeps_them_round_trip(client, editor, ward_a):
    article = ArticleFactory(
        unit=ward_a, draft=True, body="<p>Đoạn một &amp; hai.</p><p>Dòng 1<br>dòng 2</p>"
    )
    sign_in(client, editor)
    html = client.get(reverse("news:staff-article", args=[article.public_id])).content.decode()
    assert "Đoạn một &amp; hai.\n\nDòng 1\ndòng 2</textarea>" in html
    from motcua.news.richtext import editable_text, sanitise

    assert sanitise(editable_text(article.body)) == article.body
