"""`python -m newsspider.cli ...`, as the `newsspider` command."""

from newsspider.cli import main

raise SystemExit(main())
