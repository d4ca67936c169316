"""The core must stay usable without Qt: importing it never loads PySide6."""

import subprocess
import sys


def test_core_and_cli_commands_import_without_qt():
    code = (
        "import sys, pkgutil, importlib, rostereditor.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'rostereditor.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import rostereditor.cli.main, rostereditor.cli.pack_command\n"
        "assert not any(n.startswith('PySide6') for n in sys.modules), 'core imported Qt'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
