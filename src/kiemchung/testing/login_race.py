"""Many logins at once against one account: how many passwords were really checked?

``python -m kiemchung.testing.login_race --attempts 100 --processes 4`` migrates the
configured database (give it a throw-away ``DATABASE_URL``), makes one account, then
fires the attempts, all with a wrong password, from that many processes (``--workers``
threads in each, by default one per attempt) at the same moment, through the login form
and the real database. It prints
``login limit under N parallel attempts: M passwords checked``. The limit holds when M is
at most ``KIEMCHUNG_LOGIN_FAILURES_PER_USER``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

USERNAME = "thu-dang-nhap"
RIGHT_PASSWORD = "mat-khau-dung-ca-ngay"  # noqa: S105 (a throw-away test account)
WRONG_PASSWORD = "sai"  # noqa: S105
ADDRESS = "192.0.2.10"
MODULE = "kiemchung.testing.login_race"


@contextmanager
def counted_password_checks() -> Iterator[list[int]]:
    """Count every password check in this process (``counter[0]``), thread-safely."""
    from django.contrib.auth.base_user import AbstractBaseUser

    original = AbstractBaseUser.check_password
    lock = threading.Lock()
    counter = [0]

    def counting(self: AbstractBaseUser, raw_password: str | None) -> bool:
        with lock:
            counter[0] += 1
        return original(self, raw_password)

    AbstractBaseUser.check_password = counting  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        AbstractBaseUser.check_password = original  # type: ignore[method-assign]


def _one_attempt(password: str, address: str) -> None:
    from django.db import connection
    from django.test import RequestFactory

    from kiemchung.web.auth import LoginForm

    request = RequestFactory().post("/login/", REMOTE_ADDR=address)
    try:
        LoginForm(request, data={"username": USERNAME, "password": password}).is_valid()
    finally:
        connection.close()


def parallel_attempts(
    count: int, *, workers: int = 0, password: str = WRONG_PASSWORD, address: str = ADDRESS
) -> int:
    """Run ``count`` login attempts on ``workers`` threads (default: one each) at once.

    Returns how many passwords were checked; an attempt that failed to run raises.
    """
    workers = min(count, workers or count)
    barrier = threading.Barrier(workers)

    def attempt(number: int) -> None:
        if number < workers:
            barrier.wait()  # the first wave starts together
        _one_attempt(password, address)

    with counted_password_checks() as checked, ThreadPoolExecutor(workers) as pool:
        for future in [pool.submit(attempt, number) for number in range(count)]:
            future.result()
    return checked[0]


def make_account() -> Any:
    from django.contrib.auth import get_user_model

    model = get_user_model()
    model.objects.filter(username=USERNAME).delete()
    return model.objects.create_user(USERNAME, password=RIGHT_PASSWORD)


def _child(attempts: int, workers: int, start_at: float) -> None:
    time.sleep(max(0.0, start_at - time.time()))
    print(parallel_attempts(attempts, workers=workers), flush=True)


def _parent(attempts: int, processes: int, workers: int) -> int:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    make_account()
    base, extra = divmod(attempts, processes)
    share = [base + (1 if n < extra else 0) for n in range(processes)]
    start_at = time.time() + 3.0
    children = [
        subprocess.Popen(  # noqa: S603 (this module, with numbers)
            [
                sys.executable,
                "-m",
                MODULE,
                "--child",
                str(n),
                "--workers",
                str(workers),
                "--start-at",
                str(start_at),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in share
    ]
    outputs = [child.communicate()[0].strip().splitlines() for child in children]
    if any(child.returncode != 0 or not out for child, out in zip(children, outputs, strict=True)):
        raise SystemExit("an attempting process failed")
    checked = sum(int(out[-1]) for out in outputs)
    print(f"login limit under {attempts} parallel attempts: {checked} passwords checked")
    return checked


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--attempts", type=int, default=100)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument(
        "--workers", type=int, default=0, help="threads per process (default: one per attempt)"
    )
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiemchung.settings")
    django.setup()
    if args.child:
        _child(args.child, args.workers, args.start_at)
    else:
        _parent(args.attempts, args.processes, args.workers)


if __name__ == "__main__":
    main()
