-- The bot's own schema. Every file in this folder runs once, in name order, inside a
-- transaction; applied names are recorded in ctx_ops.schema_migrations.
CREATE SCHEMA IF NOT EXISTS ctx_ops;
