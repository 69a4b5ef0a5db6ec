"""The API root: ``/api/v1/``, with its OpenAPI document (``openapi.json``) and docs (``docs``).

Each app exposes its endpoints in ``<app>/api.py`` as ``router`` (a ninja ``Router``) and
``PREFIX``; they are mounted here in INSTALLED_APPS order.
"""

import importlib

from django.apps import apps
from ninja import NinjaAPI

from motcua.api.errors import document_problems, install_error_handlers


class MotCuaAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return document_problems(super().get_openapi_schema(**kwargs))


api = MotCuaAPI(
    title="Một Cửa API",
    version="1",
    description="Administrative procedures, dossiers, feedback, surveys and indices. "
    "Errors are problem JSON objects with a stable `code`.",
    urls_namespace="api",
)
install_error_handlers(api)

for config in apps.get_app_configs():
    if not config.name.startswith("motcua.") or config.name == "motcua.api":
        continue
    try:
        module = importlib.import_module(f"{config.name}.api")
    except ModuleNotFoundError as error:
        if error.name != f"{config.name}.api":
            raise
        continue
    api.add_router(module.PREFIX, module.router)
