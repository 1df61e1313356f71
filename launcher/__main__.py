"""`make run`: `python -m launcher`."""

import sys

from launcher.system import main

sys.exit(main())
