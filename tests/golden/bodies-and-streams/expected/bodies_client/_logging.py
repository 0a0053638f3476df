"""Opt-in logging, switched on by an environment variable (see ``LOG_ENV`` in ``_constants``)."""

from __future__ import annotations

import logging
import os

from ._constants import LOG_ENV, PACKAGE_NAME

logger: logging.Logger = logging.getLogger(PACKAGE_NAME)
_configured = False


def setup_logging() -> None:
    """Attach a stderr handler at the level the environment asks for, once per process.

    Only ``debug`` and ``info`` are recognised. Nothing is attached when the variable is unset, so an
    application's own logging configuration stays in charge.
    """
    global _configured
    if _configured:
        return
    _configured = True
    level_name = os.environ.get(LOG_ENV, "").strip().lower()
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(level_name)
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
