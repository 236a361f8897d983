"""The production setup the README documents: the nginx files it shows are the ones in docs/nginx/,
nginx accepts them, and the slow-client check of tools/loadtest.sh passes behind them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NGINX = ROOT / "docs" / "nginx"


def readme_blocks(language: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_the_readme_shows_the_nginx_files_as_they_are():
    files = sorted(p.read_text(encoding="utf-8") for p in NGINX.glob("*.conf"))
    assert files and sorted(readme_blocks("nginx")) == files


def test_the_production_command_runs_threaded_workers_on_the_loopback_only():
    command = next(line for block in readme_blocks("sh") for line in block.splitlines() if "gunicorn" in line)
    assert "--bind 127.0.0.1:8000" in command and "--worker-class gthread" in command
    assert "127.0.0.1:8000" in (NGINX / "coopnews.conf").read_text(encoding="utf-8")


def test_the_proxy_buffers_and_drops_slow_clients():
    proxy = (NGINX / "coopnews-proxy.conf").read_text(encoding="utf-8")
    for directive in ("proxy_buffering on;", "proxy_request_buffering on;", "client_header_timeout 10s;"):
        assert directive in proxy
    assert "proxy_set_header X-Real-IP $remote_addr;" in proxy


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (apt-get install -y nginx)")
def test_nginx_accepts_the_documented_configuration(tmp_path):
    (tmp_path / "snippets").mkdir()
    shutil.copy(NGINX / "coopnews-proxy.conf", tmp_path / "snippets")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=coopnews",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (NGINX / "coopnews.conf").read_text(encoding="utf-8")
    site = re.sub(r"ssl_certificate /\S+;", f"ssl_certificate {cert};", site)
    site = re.sub(r"ssl_certificate_key /\S+;", f"ssl_certificate_key {key};", site)
    site = site.replace("include snippets/", f"include {tmp_path}/snippets/")
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include {tmp_path}/site.conf; }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
