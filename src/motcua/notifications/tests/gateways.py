"""Stand-ins for an SMS provider, used by the worker-crash tests (also from a worker process
started by a test, through the ``SMS_BACKEND`` setting)."""

import os
import time
from pathlib import Path

from motcua.notifications.backends import OutboxSmsBackend

#: When this environment variable names a file, the gateway accepts the message, writes that
#: file and then hangs: the worker is busy "after sending, before recording it".
HANG_ENV = "MOTCUA_TEST_GATEWAY_HANG"


class HangingSmsGateway(OutboxSmsBackend):
    def send(self, **kwargs) -> None:
        super().send(**kwargs)
        signal_file = os.environ.get(HANG_ENV)
        if signal_file:
            Path(signal_file).write_text(kwargs["reference"], encoding="utf-8")
            time.sleep(300)


class CountingSmsGateway(OutboxSmsBackend):
    """Counts the provider's calls: a provider keeps one message per reference."""

    calls: list[str] = []

    def send(self, **kwargs) -> None:
        CountingSmsGateway.calls.append(kwargs["reference"])
        super().send(**kwargs)
