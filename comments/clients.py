"""Who sent a request: the client's IP address and user agent.

Behind a load balancer the client's address is in X-Forwarded-For; set
``TRUSTED_PROXY_COUNT`` to the number of proxies in front of the app servers so
the address they saw is used (never trust the header without proxies: anyone
can write it).
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    candidate = request.META.get("REMOTE_ADDR", "")
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def user_agent(request):
    return request.headers.get("User-Agent", "")[:400]
