import type { LintRule } from '../src/lint/rule.ts';
import authenticatedGrants from './authenticated-grants.ts';
import camelCaseColumns from './camel-case-columns.ts';
import checkEnumeratesValues from './check-enumerates-values.ts';
import fkIndex from './fk-index.ts';
import fkTypeMismatch from './fk-type-mismatch.ts';
import inconsistentPolicies from './inconsistent-policies.ts';
import nearDuplicateTables from './near-duplicate-tables.ts';
import noNaturalKey from './no-natural-key.ts';
import policyWithoutRls from './policy-without-rls.ts';
import rlsEnabled from './rls-enabled.ts';
import rlsWithoutPolicy from './rls-without-policy.ts';
import securityDefinerSearchPath from './security-definer-search-path.ts';
import tableNaming from './table-naming.ts';
import timestampsPresent from './timestamps-present.ts';
import undeclaredFk from './undeclared-fk.ts';
import undefinedFunctionReference from './undefined-function-reference.ts';
import unquotedCamelCase from './unquoted-camel-case.ts';
import updatedAtTrigger from './updated-at-trigger.ts';
import userFkToUsers from './user-fk-to-users.ts';
import uuidPrimaryKey from './uuid-primary-key.ts';

/** Every built-in rule; the file of each is lint-rules/<name>.ts (the meta-test checks it). */
export const rules: readonly LintRule[] = [
  authenticatedGrants,
  camelCaseColumns,
  checkEnumeratesValues,
  fkIndex,
  fkTypeMismatch,
  inconsistentPolicies,
  nearDuplicateTables,
  noNaturalKey,
  policyWithoutRls,
  rlsEnabled,
  rlsWithoutPolicy,
  securityDefinerSearchPath,
  tableNaming,
  timestampsPresent,
  undeclaredFk,
  undefinedFunctionReference,
  unquotedCamelCase,
  updatedAtTrigger,
  userFkToUsers,
  uuidPrimaryKey,
];
