import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from motcua.core.models import PendingUpload
from motcua.core.uploads import DOCUMENT_KINDS, FormUploads, clean_upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
def test_kept_files_come_back_identical_and_are_purged_after_a_day():
    upload = clean_upload(SimpleUploadedFile("to-khai.pdf", PDF), kinds=DOCUMENT_KINDS)
    FormUploads("key-1").keep({"document_1": upload})
    kept = FormUploads("key-1").kept()["document_1"]
    assert kept.content.read() == PDF
    assert (kept.name, kept.sha256) == (upload.name, upload.sha256)
    assert FormUploads("key-2").kept() == {}
    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        call_command("purge_pending_uploads", stdout=io.StringIO())
    assert not PendingUpload.objects.exists()
