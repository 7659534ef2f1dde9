"""`marsad serve`: its options, and a clear message (no traceback) for a store it cannot open."""

from __future__ import annotations

import subprocess
import sys

from marsad.cli import build_parser


def test_serve_options():
    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "9001", "--token", "t",
                                      "--cors", "https://a.example", "--cors", "https://b.example"])
    assert (args.db, args.host, args.port, args.token) == ("x.db", "127.0.0.1", 9001, "t")
    assert args.cors == ["https://a.example", "https://b.example"]
    defaults = build_parser().parse_args(["serve"])
    assert (defaults.host, defaults.port, defaults.token, defaults.cors) == ("127.0.0.1", 8000, None, None)


def test_serve_reports_a_store_it_cannot_open(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", "serve", "--db", "nosuchdriver://x/y", "--port", "1"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "cannot open the store" in proc.stderr and "Traceback" not in proc.stderr
