"""The only place that speaks SQL: the DuckDB connection, migrations, and one module per record."""
