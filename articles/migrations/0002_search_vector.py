"""Full-text search on PostgreSQL: a stored tsvector per story, a trigger, a GIN index.

Why a stored column kept by a trigger rather than an expression index: ranking
(ts_rank) needs the vector of every matching story, and with an expression index
PostgreSQL would re-parse each matching body on every search; the stored column is
parsed once per write. The trigger fires only when the headline, spot, body or
language change (``UPDATE OF``), so the read counter's ``UPDATE ... read_count``
stays as cheap as before, and it catches every write path (save(), update(), bulk
inserts, raw SQL). Each story is parsed with its own language's configuration.

On other databases (SQLite) the column exists but stays empty and no SQL below runs:
articles/search.py falls back to a simple search there.
"""

import django.contrib.postgres.search
from django.db import migrations

CREATE = """
CREATE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
DECLARE
    config regconfig := CASE NEW.language
        WHEN 'tr' THEN 'pg_catalog.turkish'::regconfig
        WHEN 'en' THEN 'pg_catalog.english'::regconfig
        ELSE 'pg_catalog.simple'::regconfig
    END;
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(NEW.headline, '')), 'A')
        || setweight(to_tsvector(config, coalesce(NEW.spot, '')), 'B')
        || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_article_search_vector
    BEFORE INSERT OR UPDATE OF headline, spot, body, language ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();

UPDATE articles_article SET headline = headline;

CREATE INDEX article_search_vector ON articles_article USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS article_search_vector;
DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="Kept up to date by the database on PostgreSQL; see articles/search.py.",
                null=True,
                verbose_name="search vector",
            ),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
