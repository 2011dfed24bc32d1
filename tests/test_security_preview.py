"""The live preview answers to its own host names only."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

from imvo import ROOT

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


# --- 10. The live preview answers to its own host names only -------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _status(port: int, host: str | None) -> tuple[int, bytes]:
    import socket

    lines = ["GET /index.html HTTP/1.1" if host is not None else "GET /index.html HTTP/1.0"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += ["Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall("\r\n".join(lines).encode("latin-1"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_the_preview_refuses_foreign_host_headers(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    shutil.copytree(FIXTURE, tmp_path / "content")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1763683200"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if line.startswith("Preview on") or not line:
                break
        time.sleep(0.5)
        for host in (
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            f"LOCALHOST:{port}",
            f"[::1]:{port}",
        ):
            code, body = _status(port, host)
            assert code == 200, host
            assert b"Convenant Voorbeeldsector" in body or b"<html" in body
        for host in (
            f"evil.example:{port}",
            "evil.example",
            f"127.0.0.1:{port + 1}",
            "127.0.0.1",
            f"127.0.0.1.evil.example:{port}",
            f"localhost.:{port}",
            "",
            None,
        ):
            code, body = _status(port, host)
            assert code == 403, host
            assert b"Voorbeeld" not in body
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_host_allowed_is_exact() -> None:
    from imvo.build.preview import host_allowed

    assert host_allowed("127.0.0.1:8000", 8000)
    assert host_allowed("[::1]:8000", 8000)
    assert host_allowed("127.0.0.1", 80)
    assert not host_allowed("127.0.0.1", 8000)
    assert not host_allowed("attacker.example:8000", 8000)
    assert not host_allowed("127.0.0.1:8000@attacker.example", 8000)
    assert not host_allowed(None, 8000)
