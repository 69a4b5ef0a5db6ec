from django.urls import path

from motcua.accounts import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("dang-nhap/xac-thuc/", views.two_factor, name="two-factor"),
    path("tai-khoan/bao-mat/thiet-lap/", views.two_factor_setup, name="two-factor-setup"),
    path("tai-khoan/bao-mat/ma-du-phong/", views.recovery_codes_regenerate, name="recovery-codes"),
]
