import type { Queryable } from '../db/queryable.ts';
import { sha256 } from '../model/fingerprint.ts';

/**
 * The version of a database's catalogs: it changes whenever committed DDL changes anything the catalog queries
 * could read, and stays put otherwise. A server target's catalog is cached by it (target/server-cache.ts).
 *
 * Every change to a catalog deletes row versions and inserts new ones, and a new row version never has the
 * (ctid, xmin) of a row visible before; each catalog's row count and the XOR of those pairs' 64-bit hashes
 * therefore change with it. VACUUM and ANALYZE update pg_class in place (relpages, reltuples, relfrozenxid,
 * which no catalog query reads) and keep both; anything else that moves a row (VACUUM FULL of a catalog,
 * TRUNCATE's new relfilenode) only makes the next plan read the catalogs again.
 *
 * (ctid, xmin) pairs are only unique within one server's history: a server built afresh the same way (a new
 * container, initdb) numbers its transactions alike. So the version starts with the server's start time, the
 * database's OID and the server version. And the text pg_get_expr / pg_get_*def print depends on settings that
 * no catalog row of the database holds (server configuration, ALTER DATABASE/ROLE … SET, PGOPTIONS): those
 * follow.
 */
const IDENTITY = [
  'pg_catalog.pg_postmaster_start_time()::text',
  '(select oid from pg_catalog.pg_database where datname = pg_catalog.current_database())',
  ...['server_version_num', 'TimeZone', 'DateStyle', 'IntervalStyle', 'extra_float_digits', 'bytea_output', 'quote_all_identifiers', 'standard_conforming_strings'].map(
    (name) => `pg_catalog.current_setting('${name}')`,
  ),
];

/**
 * Every catalog of the database that a role may read (test/integration/target-cache.test.ts checks the list
 * against the server's), except those that hold data rather than schema: pg_statistic*, pg_largeobject*,
 * pg_user_mapping, pg_subscription_rel, pg_publication_namespace (from PostgreSQL 15 on; publications are not
 * modelled).
 */
export const VERSIONED_CATALOGS = [
  'pg_aggregate', 'pg_am', 'pg_amop', 'pg_amproc', 'pg_attrdef', 'pg_attribute', 'pg_cast', 'pg_class', 'pg_collation',
  'pg_constraint', 'pg_conversion', 'pg_default_acl', 'pg_depend', 'pg_description', 'pg_enum', 'pg_event_trigger',
  'pg_extension', 'pg_foreign_data_wrapper', 'pg_foreign_server', 'pg_foreign_table', 'pg_index', 'pg_inherits',
  'pg_init_privs', 'pg_language', 'pg_namespace', 'pg_opclass', 'pg_operator', 'pg_opfamily', 'pg_partitioned_table',
  'pg_policy', 'pg_proc', 'pg_publication', 'pg_publication_rel', 'pg_range', 'pg_rewrite', 'pg_seclabel',
  'pg_sequence', 'pg_statistic_ext', 'pg_transform', 'pg_trigger', 'pg_ts_config', 'pg_ts_config_map', 'pg_ts_dict',
  'pg_ts_parser', 'pg_ts_template', 'pg_type',
] as const;

/** Roles live in shared catalogs whose rows only superusers can read: the rows a role sees are hashed whole. */
const SHARED = ['pg_roles', 'pg_auth_members', 'pg_tablespace'] as const;

/**
 * The query, one text a row. The tid hash function is used where it is known to exist (PostgreSQL 15 on: the
 * server and PGlite the tests run on); older servers hash the ctid's text, which every supported version has
 * (40 % slower).
 */
export function catalogVersionSql(serverVersionNum: number): string {
  const rowHash = serverVersionNum >= 150000 ? 'hashtidextended(ctid, xmin::text::int8)' : 'hashtextextended(ctid::text, xmin::text::int8)';
  const perCatalog = (from: string, hash: string) => `(select count(*) || ':' || coalesce(bit_xor(${hash}), 0) from ${from})`;
  const parts = [
    ...IDENTITY,
    ...VERSIONED_CATALOGS.map((c) => perCatalog(`pg_catalog.${c}`, rowHash)),
    ...SHARED.map((c) => perCatalog(`pg_catalog.${c} r`, 'hashtextextended(r::text, 0)')),
  ];
  return `select concat_ws(' ',\n  ${parts.join(',\n  ')}\n) as version`;
}

/** The catalogs' version, read in the caller's transaction (and snapshot). */
export async function readCatalogVersion(db: Queryable, serverVersionNum: number): Promise<string> {
  const { rows } = await db.query<{ version: string }>(catalogVersionSql(serverVersionNum));
  return sha256(rows[0]!.version);
}
