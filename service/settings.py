"""Configuration: ROLLCALL_* environment → Settings → CLI flags → explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "default_db_path", "default_sources"]


def _path_env(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def default_db_path() -> Path:
    """$ROLLCALL_DB, else $XDG_DATA_HOME/rollcall/gazetteer.db (~/.local/share/...)."""
    if env := os.environ.get("ROLLCALL_DB"):
        return Path(env)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "rollcall" / "gazetteer.db"


def default_sources() -> Path:
    """$ROLLCALL_SOURCES (a curator's working copy of the curated files), else the packaged ones."""
    from rollcall.gazetteer import DEFAULT_SOURCES

    return _path_env("ROLLCALL_SOURCES") or DEFAULT_SOURCES


@dataclass(frozen=True)
class Settings:
    db: Path = field(default_factory=default_db_path)
    # Loopback only unless told otherwise: the API has no authentication yet.
    host: str = field(default_factory=lambda: os.environ.get("ROLLCALL_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(os.environ.get("ROLLCALL_PORT", "50051")))
    # The Reconciliation API over HTTP, on the same host (0: not served).
    http_port: int = field(default_factory=lambda: int(os.environ.get("ROLLCALL_HTTP_PORT", "8080")))
    max_workers: int = field(
        default_factory=lambda: int(os.environ.get("ROLLCALL_MAX_WORKERS", "8"))
    )
    # Seconds in-flight calls get to finish on SIGTERM/SIGINT.
    grace: float = field(default_factory=lambda: float(os.environ.get("ROLLCALL_GRACE", "5")))
    # Largest message accepted, in bytes: room for a MatchNames batch of 10k names and for
    # a document of the 1,000,000-character limit in any script, so that an over-long
    # document gets INVALID_ARGUMENT with the limit, not a transport error.
    max_message_bytes: int = 16 * 1024 * 1024
    # Seconds between checks of the database file for a rebuild (0: never; SIGHUP still
    # reloads).
    reload_interval: float = field(
        default_factory=lambda: float(os.environ.get("ROLLCALL_RELOAD_INTERVAL", "2"))
    )
    # Opt-in: record unresolved and low-confidence names here for `gazetteer review`.
    review_db: Path | None = field(
        default_factory=lambda: Path(v) if (v := os.environ.get("ROLLCALL_REVIEW_DB")) else None
    )
    # Calls served at once; more are refused with RESOURCE_EXHAUSTED instead of queueing
    # without bound.
    max_concurrent_rpcs: int = field(
        default_factory=lambda: int(os.environ.get("ROLLCALL_MAX_CONCURRENT_RPCS", "64"))
    )
    # TLS: server certificate and key (PEM files); with a client CA, clients must present a
    # certificate it signed. Unset: plaintext (for loopback).
    tls_cert: Path | None = field(default_factory=lambda: _path_env("ROLLCALL_TLS_CERT"))
    tls_key: Path | None = field(default_factory=lambda: _path_env("ROLLCALL_TLS_KEY"))
    tls_client_ca: Path | None = field(default_factory=lambda: _path_env("ROLLCALL_TLS_CLIENT_CA"))
    # Bearer token the Reconciler methods require ("authorization: Bearer <token>"); read
    # from a file so that it appears in no process listing. Unset: no token needed.
    token_file: Path | None = field(default_factory=lambda: _path_env("ROLLCALL_TOKEN_FILE"))
    # Most names in one MatchNames call.
    max_batch: int = 10_000
    # Server processes sharing the port (rollcall serve --processes; see workers.py): one
    # process uses about one core.
    processes: int = field(default_factory=lambda: int(os.environ.get("ROLLCALL_PROCESSES", "1")))
    # Let other processes bind the same port: set for the workers of one supervisor only, so
    # that a second server started by mistake on a taken port fails instead of sharing it.
    reuse_port: bool = False
