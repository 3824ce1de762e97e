"""``python -m naervaer …`` is the same as the ``naervaer`` command."""

import sys

from .cli import main

sys.exit(main())
