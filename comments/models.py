"""Comments and their moderation (models arrive with the comment form)."""
