"""The stream section of `make bench`: three runs on fresh servers, every answer checked, the
server kept off the client's core, and the thread placement of this process given back."""

import io
import os
from pathlib import Path

from rollcall.service.lab.stream_bench import stream_bench
from tests.conftest import SHARED


def test_the_stream_section_reports_both_calls_and_the_transports_own_cost(curated_db: Path) -> None:
    affinity = os.sched_getaffinity(0)
    out = io.StringIO()
    stream_bench(curated_db, SHARED, 300, out)
    table = out.getvalue()
    for label in ("MatchStream, one stream", "MatchNames, batches of 10,000", "MatchStream / MatchNames throughput: ",
                  "MatchStream of empty names (nothing matched): ", "a stream reaches at best "):
        assert label in table
    if len(affinity) >= 2:
        assert "server on core" in table
    assert os.sched_getaffinity(0) == affinity
