"""Compile every ``django.po`` catalogue below the given locale folders into ``django.mo``.

Pure Python (Babel), so a fresh machine needs no system gettext. Run by ``make``; a catalogue is
recompiled only when its ``.po`` is newer than its ``.mo``.

    python -m motcua.core.i18n_compile src/motcua/core/locale ...
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_catalogue(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return False
    with po_path.open("rb") as po_file:
        catalogue = read_po(po_file, locale=po_path.parent.parent.name)
    with mo_path.open("wb") as mo_file:
        write_mo(mo_file, catalogue)
    return True


def main(folders: list[str]) -> int:
    compiled = 0
    for folder in folders:
        for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
            compiled += compile_catalogue(po_path)
    if compiled:
        print(f"compiled {compiled} translation catalogue(s)")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
