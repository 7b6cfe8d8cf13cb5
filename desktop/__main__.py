"""`python -m desktop` runs the application."""

import sys

from desktop.app import main

sys.exit(main())
