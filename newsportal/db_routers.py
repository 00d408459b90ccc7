"""Send reads to a replica and every write to the primary.

Enabled by settings when ``REPLICA_DATABASE_URL`` is set. Counter flushes and
comment posts are writes, so they always reach the primary.
"""


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
