#!/usr/bin/env python3
"""Build the PDF forms (fillable and printable) and the whole-guide PDF of one edition: the
same as ``naervaer skjema`` (see ``naervaer skjema --help``).

    python build_forms.py                          # every form, default edition, into build/skjema
    python build_forms.py samtykke dagsplan        # only these forms
    python build_forms.py --settings editions/fjordvik.yml --out /tmp/fjordvik
"""

import sys

from naervaer.cli import main

if __name__ == "__main__":
    sys.exit(main(["skjema", *sys.argv[1:]]))
