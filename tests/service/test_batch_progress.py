"""The progress line of `rollcall batch`, on a clock the test moves: redrawn in place on a
terminal with rows done, rows per second and the time left; nothing on a log file."""

import io

from rollcall.service.batch_progress import Progress, duration


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_terminal_sees_rows_rate_and_time_left_redrawn_in_place() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(10_000, out, live=True, clock=clock)
    progress.start()
    clock.now += 2
    progress.advance(1_000)
    assert out.getvalue() == "\r\033[K1,000 / 10,000 rows  500 rows/s  ETA 18 s"
    clock.now += 0.1  # too soon to redraw
    progress.advance(1_000)
    assert out.getvalue().count("\r") == 1
    clock.now += 178
    progress.advance(7_000)
    assert out.getvalue().endswith("\r\033[K9,000 / 10,000 rows  50 rows/s  ETA 20 s")
    clock.now += 0.1
    progress.advance(1_000)  # the last rows are always drawn, without a time left
    assert out.getvalue().endswith("\r\033[K10,000 / 10,000 rows  55 rows/s")
    progress.clear()
    assert out.getvalue().endswith("\r\033[K")


def test_a_log_file_gets_no_progress_line() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(10, out, live=False, clock=clock)
    clock.now += 1
    progress.advance(10)
    progress.clear()
    assert out.getvalue() == "" and progress.line() == "10 / 10 rows  10 rows/s"


def test_durations_read_as_a_person_would_say_them() -> None:
    assert [duration(s) for s in (0.4, 59, 185, 7620)] == ["0 s", "59 s", "3 min 05 s", "2 h 07 min"]
