"""`python -m rostereditor` runs the same entry point as the `rostereditor` command."""

import sys

from rostereditor.cli.main import main

sys.exit(main())
