"""``python -m lint``."""

import os
import sys

from lint.cli import main

code = main()
# Leave without tearing the interpreter down: main has written and closed everything, and
# freeing a large list's millions of objects one by one took a tenth of the run.
try:
    sys.stdout.flush()
    sys.stderr.flush()
except OSError:  # a reader that went away: main already settled the exit code
    pass
os._exit(code)
