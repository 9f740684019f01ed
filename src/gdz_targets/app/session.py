"""A session: the language, the clock, who records, and where the plan and the log are — found by the same
rules as the command line. The library's entry point: everything in `gdz_targets.app` takes one."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from gdz_targets.domain.errors import Problem, UsageError, msg

from .language import resolve_lang

if TYPE_CHECKING:
    from gdz_targets.domain.model import History, Plan
    from gdz_targets.store.log import Log
    from gdz_targets.store.paths import Located
    from gdz_targets.store.round_settings import RoundSettings


# Where the login name is read, in getpass's order: who records when neither --by nor GDZ_USER says.
LOGIN_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")


class Session:
    """One command's (or one script's) view of the world. Nothing is read until it is asked for."""

    def __init__(
        self,
        lang: str | None = None,
        plan: Path | str | None = None,
        ledger: Path | str | None = None,
        environ: Mapping[str, str] = os.environ,
        cwd: Path | str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.lang = resolve_lang(lang, environ)
        # A path as text too, as a script writes it (`Session(ledger="progress.toml")`).
        self.plan_option, self.ledger_option = _path(plan), _path(ledger)
        self.environ, self.cwd, self.clock = environ, _path(cwd), clock
        self._plan: Plan | None = None
        self._plan_at: Located | None = None
        self._log_at: Located | None = None
        self._round: RoundSettings | None = None
        self.torn: Problem | None = None  # an incomplete last record seen in the log: worth saying

    def plan_location(self) -> Located:
        if self._plan_at is None:
            from gdz_targets.store.paths import locate_plan, shipped_plan_path

            self._plan_at = locate_plan(self.plan_option, shipped_plan_path(), self._cwd(), self.environ)
        return self._plan_at

    def log_location(self) -> Located:
        if self._log_at is None:
            from gdz_targets.store.paths import locate_log

            self._log_at = locate_log(self.ledger_option, self._cwd(), self.environ)
        return self._log_at

    def cache_dir(self) -> Path:
        from gdz_targets.store.paths import cache_home

        return cache_home(self.environ)

    def plan(self) -> Plan:
        """The validated plan (from its cache when the file is unchanged)."""
        if self._plan is None:
            from gdz_targets.store.plan_cache import load_plan_cached

            self._plan = load_plan_cached(self.plan_location().path, self.cache_dir())
        return self._plan

    def log(self) -> Log:
        """The progress log as it is now: its entries, voids and imports, and every series."""
        return self._open_log(entries=True)

    def history(self) -> History:
        """Every target's figures in the log, voids applied: all a report reads, without the rest of the log's
        index (what makes `gdz status` cost the same at a million entries)."""
        return self.report_log().history()

    def report_log(self) -> Log:
        """The log as reports read it: its series, and the records of the days a void touched."""
        return self._open_log(entries=False)

    def _open_log(self, entries: bool) -> Log:
        from gdz_targets.store.log import open_log

        log = open_log(self.log_location().path, self.cache_dir(), entries)
        self.torn = log.torn
        return log

    @contextlib.contextmanager
    def log_for_writing(self) -> Iterator[Log]:
        """The log under its lock: appends made in the block are never interleaved with another writer's."""
        from gdz_targets.store.log import locked_log

        with locked_log(self.log_location().path, self.cache_dir()) as log:
            yield log

    def today(self) -> date:
        """The only clock gdz reads: today in the plan's time zone (the machine's, where the plan names none);
        GDZ_TODAY pins it (YYYY-MM-DD) for reproducible scripts and tests."""
        pinned = self.environ.get("GDZ_TODAY")
        if not pinned:
            return self.now().date()
        from gdz_targets.domain.values import parse_day

        try:
            return parse_day(pinned, date.today())
        except UsageError as refused:
            if refused.message.key == "value.day_out_of_range":
                raise
            raise UsageError(msg("env.today", value=pinned)) from None

    def now(self) -> datetime:
        """When something is recorded: the time in the plan's time zone with its UTC offset, to the second."""
        zone = self.plan().meta.time_zone
        if zone is None:
            return datetime.fromtimestamp(self.clock()).astimezone().replace(microsecond=0)
        from zoneinfo import ZoneInfo

        return datetime.fromtimestamp(self.clock(), ZoneInfo(zone)).replace(microsecond=0)

    def end_of_day(self, day: date) -> datetime:
        """The first moment after `day` in the plan's time zone (the machine's, where the plan names none):
        what was recorded before it was known that day."""
        following = datetime.combine(day + timedelta(days=1), datetime.min.time())
        zone = self.plan().meta.time_zone
        if zone is None:
            return following.astimezone()
        from zoneinfo import ZoneInfo

        return following.replace(tzinfo=ZoneInfo(zone))

    def recorder(self, option: str | None = None) -> str:
        """Who records: `--by`, else GDZ_USER, else the login name — each checked alike, so that no name the
        log's own reader refuses (blank, a control character, a direction override) is ever written."""
        from gdz_targets.domain.values import check_text

        for name in (option, self.environ.get("GDZ_USER")):
            if name and name.strip():
                return check_text(name.strip(), "--by" if name is option else "GDZ_USER", one_line=True)
        variable = next((key for key in LOGIN_VARIABLES if self.environ.get(key)), None)
        if variable is None:  # the account's own name
            try:
                import pwd

                return pwd.getpwuid(os.getuid()).pw_name
            except (ImportError, OSError, KeyError):  # no account name (some containers), no pwd (Windows)
                return "unknown"
        login = self.environ[variable]
        if not login.strip():
            raise UsageError(msg("env.blank_login", variable=variable))
        try:
            return check_text(login.strip(), variable, one_line=True)
        except UsageError:
            raise UsageError(msg("env.bad_login", variable=variable)) from None

    def round_settings(self) -> RoundSettings:
        """What the workspace's gdz.toml says of the reporting round, read once a command."""
        if self._round is None:
            from gdz_targets.store.round_settings import read_round_settings

            self._round = read_round_settings(self._cwd())
        return self._round

    def _cwd(self) -> Path:
        return self.cwd if self.cwd is not None else Path.cwd()


def _path(given: Path | str | None) -> Path | None:
    return Path(given) if isinstance(given, str) else given
