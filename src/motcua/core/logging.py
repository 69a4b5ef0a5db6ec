"""One JSON object per log line, for log shippers (journald, Loki, ELK), with phone and
identity numbers masked."""

import json
import logging
import re

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_text or record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


# --- Personal data out of log lines ------------------------------------------------------------

#: Vietnamese phone numbers: 0 or +84 / 84, then 9 or 10 digits, optionally grouped with spaces,
#: dots or hyphens (0903 123 456, +84 903.123.456, 028 3829 1234).
_PHONE = r"(?:\+84|84|0)[1-9](?:[\s.-]?\d){8,9}"
#: Identity numbers: the citizen identity card (CCCD, 12 digits) and the old card (CMND, 9).
_IDENTITY = r"\d{12}|\d{9}"
PERSONAL_NUMBER = re.compile(rf"(?<![\w+])(?:{_PHONE}|{_IDENTITY})(?!\d)")


def mask_personal_numbers(text: str) -> str:
    """Replace phone and identity numbers by their last three digits: ``***456``."""

    def mask(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group())
        return f"***{digits[-3:]}"

    return PERSONAL_NUMBER.sub(mask, text)


class PersonalDataFilter(logging.Filter):
    """Masks phone and identity numbers in every record a handler writes: the message, the
    extra fields and the traceback. Attach it to handlers (a filter on a logger would miss the
    records that propagate from child loggers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_numbers(record.getMessage())
        record.args = None
        for key, value in vars(record).items():
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, mask_personal_numbers(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_numbers(record.exc_text)
        return True
