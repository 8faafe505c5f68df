"""Answering a stream of requests: in order, in small batches, for as long as the call lasts.

A thread of the stream's own reads requests as they arrive into a bounded queue; the handler
takes whatever has arrived (at most NAMES_AT_ONCE names), answers them one after another, then
hands the answers to grpc. A client that sends one name and waits for its answer gets it at
once: a batch is what has arrived, it never waits to fill.

Why batches: matched one at a time between grpc's sends and receives, a name took the
matcher 0.43 ms on the 2-core bench machine, against 0.28 ms in a MatchNames batch (py-spy,
time holding the GIL: between messages the matcher's code and tables fall out of the CPU's
caches); matched with the names that arrived with it, 0.27 ms. What still separates a stream
from MatchNames is grpc's own work per message, which a batch pays once per 10,000 names:
with the server on one core, 170-200 us of CPU for a request in and its answer out, as much
in a server of grpc alone that echoes each message (`make bench` measures both). Hence
MatchBatchStream, whose messages are batches. Two other designs were
measured and dropped: a thread matching the next batch while grpc sends this one (no faster:
the threads contend for the GIL and the cores), and grpc's asyncio server with the same
read-ahead (server on one core: 2,380-2,700 names/s, against 2,770-2,900 for this one).

Flow control still bounds the work in flight. grpc's sync server asks for the next answer
only once the transport has taken the previous one; a client that stops reading fills its
HTTP/2 window, the handler stops taking requests, the queue fills (two batches), the
reader stops reading, and the client's own sends wait in turn. A stalled stream holds in the
server one batch of answers, two of requests and its HTTP/2 receive window, whatever its
length.

When grpc ends the call (cancelled, past its deadline, the server stopping), the reader's
next read fails and it stops; the handler answers nothing more, not even the rest of a batch
in hand: only the item being matched is finished.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

import grpc

__all__ = ["BATCHES_AT_ONCE", "DOCUMENTS_AT_ONCE", "NAMES_AT_ONCE", "StreamAnswerer"]

Req = TypeVar("Req")
Resp = TypeVar("Resp")

# Most names answered together (about 20 ms of matching): the answers a stream holds
# before grpc sends them.
# An article is answered alone: it takes long enough for the saving to be nothing, and its
# answer should not wait for the articles behind it.
NAMES_AT_ONCE = 64
DOCUMENTS_AT_ONCE = 1
# A MatchBatchStream message is already a batch, of up to 10,000 names.
BATCHES_AT_ONCE = 1


class _End:
    """What the reader queues last: the end of the requests, or the error that ended them."""

    def __init__(self, error: BaseException | None = None):
        self.error = error


class _ReadAhead(Generic[Req]):
    """A call's requests, read on a thread of their own as they arrive: at most two batches
    ahead of the handler."""

    def __init__(self, requests: Iterator[Req], at_once: int):
        self._at_once = at_once
        self._queue: queue.Queue[Req | _End] = queue.Queue(maxsize=2 * at_once)
        self._stopped = threading.Event()
        threading.Thread(target=self._read, args=(requests,), name="stream-reader", daemon=True).start()

    def _read(self, requests: Iterator[Req]) -> None:
        end = _End()
        try:
            for request in requests:
                self._queue.put(request)
                if self._stopped.is_set():
                    return
        except grpc.RpcError:
            pass  # the call has ended: grpc raises this from the next read
        except Exception as err:  # noqa: BLE001 - handed to the handler, which ends the call with it
            end = _End(err)
        self._queue.put(end)

    def next_batch(self) -> list[Req] | _End:
        """The requests that have arrived (waiting for the first), at most `at_once`; or
        the end, once every request has been taken."""
        first = self._queue.get()
        if isinstance(first, _End):
            return first
        batch = [first]
        while len(batch) < self._at_once:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _End):
                self._queue.put(item)  # for the next call; the queue has room, one was just taken
                break
            batch.append(item)
        return batch

    def stop(self) -> None:
        """Let the reader go: it reads no more, and one blocked on a full queue returns."""
        self._stopped.set()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return


class StreamAnswerer:
    def __init__(self) -> None:
        # Streams in progress, for operators and tests. A stream leaves it when grpc ends the
        # call, at once, even while its handler is busy with an item.
        self.open = 0
        self._lock = threading.Lock()

    def _count(self, context: grpc.ServicerContext, on_end: Callable[[], None]) -> None:
        def ended() -> None:
            with self._lock:
                self.open -= 1
            on_end()

        with self._lock:
            self.open += 1
        if not context.add_callback(ended):  # the call has ended already
            ended()

    def answers(self, requests: Iterator[Req], context: grpc.ServicerContext,
                answer: Callable[[Req], Resp], at_once: int) -> Iterator[Resp]:
        """`answer(request)` for each request, in order, as a response stream; the requests
        that have arrived are answered together, `at_once` at most."""
        incoming = _ReadAhead(requests, at_once)
        self._count(context, incoming.stop)
        try:
            while not isinstance(batch := incoming.next_batch(), _End):
                replies = []
                for request in batch:
                    # A cancel that came while an earlier item was matched is caught here,
                    # before any work for nobody.
                    if not context.is_active():
                        return
                    replies.append(answer(request))
                yield from replies
            if batch.error is not None:
                raise batch.error
        finally:
            incoming.stop()
