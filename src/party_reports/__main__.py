"""``python -m party_reports`` runs the command line."""

from .cli import main

raise SystemExit(main())
