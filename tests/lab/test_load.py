"""The load script's reload check, run short: clients keep calling while the served
gazetteer is swapped under them; no call fails and no batch sees two gazetteers.

Nothing here depends on the machine's speed: the script swaps again only once the server
serves the previous swap and a client's batch was answered by it, and runs until three
swaps were (or fails when one is not within its --pickup-timeout); the deadlines are generous."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from rollcall.service.server import Server
from rollcall.service.settings import Settings
from tests.conftest import SHARED


def test_swapping_the_gazetteer_under_load_fails_no_call_and_is_atomic(curated_db: Path, tmp_path: Path) -> None:
    served = tmp_path / "served.db"
    shutil.copyfile(curated_db, served)
    server = Server(Settings(db=served, host="127.0.0.1", port=0, max_workers=4, grace=1, reload_interval=0.2))
    server.start()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "rollcall.service.lab.load", f"127.0.0.1:{server.port}", "2", "8",
             str(SHARED / "seeds" / "002_e7706126799bb1c7.txt"), "--swap-db", str(served), "--swap-every", "1.5",
             "--min-swaps", "3", "--pickup-timeout", "120", "--call-timeout", "120"],
            capture_output=True, text=True, timeout=900,
        )
    finally:
        server.stop(0)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "errors: 0" in run.stdout
    swapped = re.search(r"swapped (\d+) times.*marker alias: (\d+), by the curated one: (\d+), "
                        r"by both \(not atomic\): (\d+)", run.stdout)
    assert swapped, run.stdout
    swaps, with_marker, without, mixed = map(int, swapped.groups())
    assert swaps >= 3 and with_marker > 0 and without > 0 and mixed == 0
    assert server.engines.reloads >= 3
