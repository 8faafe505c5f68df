"""The stream section of `make bench`: rounds of a stream and of batches, each on a fresh
server, then a stream of empty names and the same through a bare gRPC echo server; every
answer checked, the server kept off the client's core, and the thread placement of this
process given back."""

import io
import os
from pathlib import Path

from rollcall.service.lab.stream_bench import stream_bench
from tests.conftest import SHARED


def test_the_stream_section_reports_both_calls_and_the_transports_own_cost(curated_db: Path) -> None:
    affinity = os.sched_getaffinity(0)
    out = io.StringIO()
    stream_bench(curated_db, SHARED, 300, out, rounds=2)
    table = out.getvalue()
    rounds = [line for line in table.splitlines() if line.strip().startswith("round ")]
    assert [line.split(":")[0].strip() for line in rounds] == ["round 1", "round 2"]
    for line in rounds:
        assert "MatchStream" in line and "MatchBatchStream (100 names a message)" in line
        assert "MatchNames (batches of 10,000)" in line and " ratios " in line
        # Memory at the start and after each quarter of the names, for the two streams and the batches.
        assert line.count(" → ") == 3 * 4
    for label in ("MatchStream / MatchNames throughput: median ", "MatchBatchStream / MatchNames throughput: median ",
                  " of 2 rounds (",
                  "MatchStream of empty names (nothing matched): ",
                  "gRPC alone, a server that echoes the same messages (no rollcall code): "):
        assert label in table
    if len(affinity) >= 2:
        assert "server on core" in table
    assert os.sched_getaffinity(0) == affinity
