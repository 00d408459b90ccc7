"""The moderation desk at /moderation/: the held comments, riskiest first, decided fast.

- ``queue.py``: what the desk shows (filters, order, keyset pages, commenters' records);
- ``figures.py``: the queue's figures at the top of the page;
- ``views.py``: the pages and the POSTs. Every decision goes through
  ``comments.decisions.decide()``.

A page costs the same few queries whatever the backlog: one for the cards (keyset
pagination on the ``comment_desk_queue`` index, never OFFSET), one for the
commenters' records, one for the reports, and the figures' aggregates.
"""
