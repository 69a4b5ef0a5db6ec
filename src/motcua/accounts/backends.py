from django.contrib.auth.backends import ModelBackend


class AdministratorRoleBackend(ModelBackend):
    """Administrators (by role, see PRODUCT.md §1) hold every model permission, so that the
    Django admin works for them without per-model permission bookkeeping. Authentication
    itself stays with Django's ModelBackend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        return None

    def _is_administrator(self, user_obj) -> bool:
        from motcua.organisations.selectors import is_administrator

        return user_obj.is_active and user_obj.is_staff and is_administrator(user_obj)

    def has_perm(self, user_obj, perm, obj=None):
        return self._is_administrator(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return self._is_administrator(user_obj)
