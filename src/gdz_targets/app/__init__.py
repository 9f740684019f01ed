"""The application: what gdz does, usable from Python without the command line (and without Typer or Rich).

from gdz_targets.app import Session, record, report

s = Session()  # finds the plan and the log by the command line's rules
record.log_entry(s, record.EntryInput("cross-city-total", "1020", "2023-12-31"))
report.status(s).score
"""

from .session import Session

__all__ = ["Session"]
