from django.urls import path

from motcua.news.feeds import CategoryFeed, LatestNewsFeed
from motcua.news.views import public, staff

app_name = "news"

urlpatterns = [
    path("tin-tuc/", public.article_list, name="list"),
    path("tin-tuc/rss/", LatestNewsFeed(), name="feed"),
    path("tin-tuc/theo-ngay/", public.archive, name="archive"),
    path("tin-tuc/chuyen-muc/<slug:slug>/", public.article_list, name="category"),
    path("tin-tuc/chuyen-muc/<slug:slug>/rss/", CategoryFeed(), name="category-feed"),
    path("tin-tuc/<slug:slug>/", public.article_detail, name="article"),
    path("video/", public.video_list, name="videos"),
    path("video/<slug:slug>/", public.video_detail, name="video"),
    path("van-ban/", public.document_list, name="documents"),
    path("van-ban/<slug:slug>/", public.document_detail, name="document"),
    # Back-office
    path("can-bo/tin-tuc/", staff.article_list, name="staff-articles"),
    path("can-bo/tin-tuc/viet-bai/", staff.article_create, name="staff-article-create"),
    path("can-bo/tin-tuc/xem-truoc-noi-dung/", staff.body_preview, name="staff-body-preview"),
    path("can-bo/tin-tuc/anh/<uuid:public_id>/", staff.image_update, name="staff-image"),
    path("can-bo/tin-tuc/<uuid:public_id>/", staff.article_edit, name="staff-article"),
    path(
        "can-bo/tin-tuc/<uuid:public_id>/xem-truoc/",
        staff.article_preview,
        name="staff-article-preview",
    ),
    path("can-bo/tin-tuc/<uuid:public_id>/anh/", staff.image_add, name="staff-image-add"),
    path(
        "can-bo/tin-tuc/<uuid:public_id>/chuyen/<slug:action>/",
        staff.article_transition,
        name="staff-article-transition",
    ),
    path("can-bo/video/", staff.video_list, name="staff-videos"),
    path("can-bo/video/them/", staff.video_edit, name="staff-video-create"),
    path("can-bo/video/<uuid:public_id>/", staff.video_edit, name="staff-video"),
    path("can-bo/van-ban/", staff.document_list, name="staff-documents"),
    path("can-bo/van-ban/them/", staff.document_edit, name="staff-document-create"),
    path("can-bo/van-ban/<uuid:public_id>/", staff.document_edit, name="staff-document"),
]
