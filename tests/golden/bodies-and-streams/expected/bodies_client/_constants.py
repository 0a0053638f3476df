"""Settings the generator derived from the spec and its config; the runtime reads them from here."""

from __future__ import annotations

from typing import Final

import httpx

PACKAGE_NAME: Final = "bodies_client"
VERSION: Final = "0.1.0"
CLIENT_NAME: Final = "Bodies"
DEFAULT_BASE_URL: Final = "https://bodies.example.com"
BASE_URL_ENV: Final = "BODIES_BASE_URL"
LOG_ENV: Final = "BODIES_LOG"
IDEMPOTENCY_HEADER: Final = "Idempotency-Key"

DEFAULT_TIMEOUT: Final = httpx.Timeout(timeout=60.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
DEFAULT_CONNECTION_LIMITS: Final = httpx.Limits(max_connections=100, max_keepalive_connections=20)

INITIAL_RETRY_DELAY: Final = 0.5
"""Seconds before the first retry when the server does not say how long to wait."""
MAX_RETRY_DELAY: Final = 8.0
"""Cap of the exponential backoff, in seconds."""
MAX_RETRY_AFTER: Final = 60.0
"""A server's Retry-After is honoured up to this many seconds; a longer one falls back to backoff."""
RETRYABLE_STATUS_CODES: Final = frozenset({408, 409, 429})
"""Statuses retried besides every 5xx."""
