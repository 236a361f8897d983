"""Who is asking: the client's address, also behind the reverse proxy of the production setup.

Behind nginx every request reaches gunicorn from 127.0.0.1, so REMOTE_ADDR names the proxy, and a
lockout after failed logins (django-axes) would lock out everybody at once. nginx passes the
address it read off the socket in X-Real-IP (README, "Production"); the header is believed only
when the request came from a proxy listed in COOPNEWS_TRUSTED_PROXIES — from anywhere else it is
whatever the client chose to write.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
    if forwarded and remote in settings.COOPNEWS_TRUSTED_PROXIES:
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass  # not an address: the proxy's own is all we know
    return remote
