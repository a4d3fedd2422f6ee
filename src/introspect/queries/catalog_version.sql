-- The version of the database's catalogs: it changes whenever committed DDL changes anything the catalog
-- queries could read, and stays put otherwise. A server target's catalog is cached by it (target/server-cache.ts).
--
-- Every change to a catalog deletes row versions and inserts new ones, and a new row version never has the
-- (ctid, xmin) of a row visible before; each catalog's row count and the XOR of those pairs' 64-bit hashes
-- therefore change with it. VACUUM and ANALYZE update pg_class in place (relpages, reltuples, relfrozenxid,
-- which no catalog query reads) and keep both; anything else that moves a row (VACUUM FULL of a catalog,
-- TRUNCATE's new relfilenode) only makes the next plan read the catalogs again.
--
-- Every catalog of the database that a role may read is listed (test/integration/target-cache.test.ts checks
-- the list against the server's), except those that hold data rather than schema: pg_statistic*,
-- pg_largeobject*, pg_user_mapping, pg_subscription_rel, pg_publication_namespace (from PostgreSQL 15 on;
-- publications are not modelled). Roles live in shared catalogs whose rows only superusers can read: their
-- visible rows are hashed whole instead. Servers before PostgreSQL 15 get hashtextextended(ctid::text, …) in
-- place of hashtidextended(ctid, …) (introspect.ts catalogVersionSql).
--
-- (ctid, xmin) pairs are only unique within one server's history: a server built afresh the same way (a new
-- container, initdb) numbers its transactions alike. So the version starts with the server's start time, the
-- database's OID and the server version. And the text pg_get_expr / pg_get_*def print depends on settings that
-- no catalog row of the database holds (server configuration, ALTER DATABASE/ROLE … SET, PGOPTIONS): those
-- follow.
select concat_ws(' ',
  pg_catalog.pg_postmaster_start_time()::text,
  (select oid from pg_catalog.pg_database where datname = pg_catalog.current_database()),
  pg_catalog.current_setting('server_version_num'),
  pg_catalog.current_setting('TimeZone'), pg_catalog.current_setting('DateStyle'),
  pg_catalog.current_setting('IntervalStyle'), pg_catalog.current_setting('extra_float_digits'),
  pg_catalog.current_setting('bytea_output'), pg_catalog.current_setting('quote_all_identifiers'),
  pg_catalog.current_setting('standard_conforming_strings'),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_aggregate),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_am),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_amop),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_amproc),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_attrdef),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_attribute),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_cast),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_class),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_collation),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_constraint),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_conversion),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_default_acl),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_depend),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_description),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_enum),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_event_trigger),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_extension),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_foreign_data_wrapper),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_foreign_server),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_foreign_table),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_index),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_inherits),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_init_privs),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_language),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_namespace),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_opclass),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_operator),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_opfamily),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_partitioned_table),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_policy),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_proc),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_publication),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_publication_rel),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_range),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_rewrite),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_seclabel),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_sequence),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_statistic_ext),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_transform),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_trigger),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_ts_config),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_ts_config_map),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_ts_dict),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_ts_parser),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_ts_template),
  (select count(*) || ':' || coalesce(bit_xor(hashtidextended(ctid, xmin::text::int8)), 0) from pg_catalog.pg_type),
  (select count(*) || ':' || coalesce(bit_xor(hashtextextended(r::text, 0)), 0) from pg_catalog.pg_roles r),
  (select count(*) || ':' || coalesce(bit_xor(hashtextextended(m::text, 0)), 0) from pg_catalog.pg_auth_members m),
  (select count(*) || ':' || coalesce(bit_xor(hashtextextended(t::text, 0)), 0) from pg_catalog.pg_tablespace t)
) as version
