import type { SourceLocation } from '../../errors.ts';
import type { Suppression } from '../sources.ts';

/**
 * The YAML format after shorthands and conventions are expanded and names resolved: plain data that emit.ts
 * turns into SQL. Every object keeps the location of the YAML node it came from.
 */
export interface QName {
  readonly schema: string;
  readonly name: string;
}

export type FkAction = 'cascade' | 'restrict' | 'set null' | 'set default' | 'no action';

export interface ColumnDef {
  readonly name: string;
  /** SQL type text; enum names from YAML are already quoted */
  readonly type: string;
  readonly notNull: boolean;
  readonly default?: string;
  readonly identity?: 'always' | 'byDefault';
  readonly generated?: string;
  readonly comment?: string;
  readonly renamedFrom?: string;
  readonly suppressions: readonly Suppression[];
  readonly location: SourceLocation;
}

export interface KeyDef {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct?: boolean;
  readonly suppressions: readonly Suppression[];
  readonly location: SourceLocation;
}

export interface CheckDef {
  readonly name: string;
  readonly expression: string;
  readonly location: SourceLocation;
}

export interface ForeignKeyDef {
  readonly name: string;
  readonly columns: readonly string[];
  readonly table: QName;
  /** absent: the referenced table's primary key */
  readonly refColumns?: readonly string[];
  readonly onDelete?: FkAction;
  readonly onUpdate?: FkAction;
  readonly suppressions: readonly Suppression[];
  readonly location: SourceLocation;
}

export interface IndexElement {
  readonly column?: string;
  readonly expression?: string;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  readonly opclass?: string;
}

export interface IndexDef {
  readonly name: string;
  readonly elements: readonly IndexElement[];
  readonly unique: boolean;
  readonly method?: string;
  readonly where?: string;
  readonly include: readonly string[];
  readonly nullsNotDistinct: boolean;
  readonly comment?: string;
  readonly location: SourceLocation;
}

export interface PolicyDef {
  readonly name: string;
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  readonly roles: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
  readonly restrictive: boolean;
  readonly comment?: string;
  readonly location: SourceLocation;
}

export interface AbsorbDef {
  readonly from: QName;
  readonly columns: Readonly<Record<string, string>>;
  readonly where?: string;
  readonly location: SourceLocation;
}

export interface TableDef {
  readonly id: QName;
  readonly location: SourceLocation;
  readonly columns: readonly ColumnDef[];
  readonly primaryKey?: KeyDef;
  readonly uniques: readonly KeyDef[];
  readonly checks: readonly CheckDef[];
  readonly foreignKeys: readonly ForeignKeyDef[];
  readonly indexes: readonly IndexDef[];
  readonly rls?: { readonly mode: 'enabled' | 'forced'; readonly location: SourceLocation };
  readonly policies: readonly PolicyDef[];
  /** where `timestamps: true` was written; the updatedAt trigger points there */
  readonly updatedAtTrigger?: SourceLocation;
  readonly comment?: string;
  readonly renamedFrom?: string;
  readonly suppressions: readonly Suppression[];
  readonly absorbs: readonly AbsorbDef[];
}

export interface EnumDef {
  readonly id: QName;
  readonly values: readonly string[];
  readonly comment?: string;
  readonly location: SourceLocation;
}

export interface DesiredModel {
  readonly schemas: readonly { name: string; comment?: string; location: SourceLocation }[];
  readonly extensions: readonly { name: string; schema?: string; location: SourceLocation }[];
  readonly enums: readonly EnumDef[];
  readonly tables: readonly TableDef[];
}

export const qnameKey = (q: QName): string => JSON.stringify([q.schema, q.name]);
export const showQName = (q: QName): string => `${q.schema}.${q.name}`;
