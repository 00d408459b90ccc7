"""Admin for comments (the moderation queue arrives with the comment form)."""
