import type { CatalogKind } from '../model/objects.ts';
import { columnKind } from './column.ts';
import { constraintKind } from './constraint.ts';
import { defaultPrivilegeKind } from './default-privilege.ts';
import { extensionKind } from './extension.ts';
import { functionKind } from './function.ts';
import { grantKind } from './grant.ts';
import { indexKind } from './index.ts';
import type { KindModule } from './kind.ts';
import { policyKind } from './policy.ts';
import { schemaKind } from './schema.ts';
import { sequenceKind } from './sequence.ts';
import { tableKind } from './table.ts';
import { triggerKind } from './trigger.ts';
import { typeKind } from './type.ts';
import { matviewKind, viewKind } from './view.ts';

type Registry = { readonly [K in CatalogKind]: KindModule<K> };

/** Every object kind's module: the type makes a kind without one a compile error. */
export const KINDS: Registry = {
  schema: schemaKind,
  extension: extensionKind,
  type: typeKind,
  sequence: sequenceKind,
  function: functionKind,
  table: tableKind,
  column: columnKind,
  constraint: constraintKind,
  index: indexKind,
  policy: policyKind,
  trigger: triggerKind,
  view: viewKind,
  matview: matviewKind,
  grant: grantKind,
  defaultPrivilege: defaultPrivilegeKind,
};

export function kindModule<K extends CatalogKind>(kind: K): KindModule<K> {
  return KINDS[kind] as KindModule<K>;
}
