"""Schemathesis against the app's own OpenAPI document, in-process (ASGI): generated valid and
invalid requests for every operation; no 5xx, responses match the schema, bad input is refused."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import positive_data_acceptance  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.store import Store  # noqa: E402
from test_api_support import fill_store  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning)

_dir = Path(tempfile.mkdtemp(prefix="marsad-schemathesis-"))
_store = Store.open(str(_dir / "marsad.db"))
fill_store(_store)
atexit.register(lambda: (_store.close(), shutil.rmtree(_dir, ignore_errors=True)))

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(backend=_store))


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_conforms_to_its_schema(case):
    # every check but "schema-valid data is accepted": the API refuses, with a 422 that says why,
    # values the schema cannot express (an unknown country name, a bbox whose min exceeds its max)
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
