"""Entry script PyInstaller freezes: the same main() as the `rostereditor` console command."""

import sys

from rostereditor.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
