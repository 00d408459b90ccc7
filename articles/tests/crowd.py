"""A crowd of readers over real HTTP: many threads, each a new visitor on every request."""

import threading
import urllib.request

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def read_concurrently(url, readers, reads_each, timeout=120):
    """Every reader GETs ``url`` ``reads_each`` times, all starting together.

    No cookies are kept, so each request is a new visitor and must be counted.
    The test server listens with a short backlog, so on a busy machine some of the 64
    simultaneous connections are retried by the kernel after 1, 3, 7, 15 and 31 seconds:
    the timeout leaves room for that, and still ends a request that hangs.
    Returns the list of HTTP statuses (or exceptions) that were not 200.
    """
    barrier = threading.Barrier(readers)
    failures = []

    def reader():
        barrier.wait()
        for _ in range(reads_each):
            request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    response.read()
                    if response.status != 200:
                        failures.append(response.status)
            except Exception as error:  # reported by the caller's assertion
                failures.append(error)

    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures
