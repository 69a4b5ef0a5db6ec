"""Log lines never carry a citizen's phone or identity number, whoever logs them and however."""

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings

from motcua.conf import base


@pytest.fixture
def production_logging():
    """The logging configuration of every deployment (the test settings replace it), its
    output read from a buffer instead of the process's standard error."""
    logging.config.dictConfig(base.LOGGING)
    [handler] = logging.getLogger().handlers
    output = io.StringIO()
    handler.setStream(output)
    yield lambda: [json.loads(line) for line in output.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


def test_phone_and_identity_numbers_are_masked_in_every_log_line(production_logging):
    logger = logging.getLogger("motcua.dossiers.views")
    logger.warning(
        "lookup by %s for CCCD 079090012345, CMND 025123456, landline 028 3829 1234",
        "0903 123 456",
        extra={"applicant_phone": "+84903123457", "dossier": "000.31.26.H29-261121-0001"},
    )
    try:
        raise ValueError("no citizen with identity number 001200012345 or phone 0987.654.321")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /nop-ho-so/")

    [lookup, error] = production_logging()
    text = json.dumps([lookup, error], ensure_ascii=False)
    for number in ("0903", "123 456", "079090012345", "025123456", "3829", "903123457", "0987"):
        assert number not in text
    assert lookup["message"] == ("lookup by ***456 for CCCD ***345, CMND ***456, landline ***234")
    assert lookup["applicant_phone"] == "***457"
    assert lookup["dossier"] == "000.31.26.H29-261121-0001"  # codes are not personal data
    assert (
        "ValueError: no citizen with identity number ***345 or phone ***321" in error["exception"]
    )
