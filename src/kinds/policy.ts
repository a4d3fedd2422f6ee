import { stmt, type Statement } from '../model/change.ts';
import type { PolicyObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

const on = (o: PolicyObject) => `${ident(o.id.name)} ON ${qualified(o.id.schema, o.id.table)}`;
const roles = (o: PolicyObject) => o.roles.map((r) => (r === 'public' ? 'PUBLIC' : ident(r))).join(', ');
/** The expressions the plan writes: as the desired state wrote them where Postgres' text is not a fixpoint. */
const using = (o: PolicyObject) => o.source?.using ?? o.using;
const withCheck = (o: PolicyObject) => o.source?.withCheck ?? o.withCheck;
const authz = (o: PolicyObject, what: string) => [{ code: 'authz-change' as const, detail: `${what} policy ${o.id.name} on ${o.id.table}` }];

export const policyKind: KindModule<'policy'> = {
  kind: 'policy',
  weight: 20,
  // USING / WITH CHECK can be changed by ALTER POLICY but not removed; removal is handled as a replace.
  alterable: ['roles', 'using', 'withCheck', 'comment'],
  mustReplace: (from, to) => policyNeedsReplace(from, to),
  create(o) {
    const parts = [`CREATE POLICY ${on(o)}`];
    if (!o.permissive) parts.push('AS RESTRICTIVE');
    if (o.command !== 'all') parts.push(`FOR ${o.command.toUpperCase()}`);
    parts.push(`TO ${roles(o)}`);
    if (o.using !== null) parts.push(`USING (${using(o)})`);
    if (o.withCheck !== null) parts.push(`WITH CHECK (${withCheck(o)})`);
    return [stmt(parts.join(' '), 'accessExclusive', authz(o, 'creates')), ...commentIfAny(`POLICY ${on(o)}`, o.comment)];
  },
  drop: (o) => [stmt(`DROP POLICY ${on(o)}`, 'accessExclusive', authz(o, 'drops'))],
  alter(_from, to, fields) {
    const out: Statement[] = [];
    const parts: string[] = [];
    if (fields.includes('roles')) parts.push(`TO ${roles(to)}`);
    if (fields.includes('using')) parts.push(`USING (${using(to)})`);
    if (fields.includes('withCheck')) parts.push(`WITH CHECK (${withCheck(to)})`);
    if (parts.length) out.push(stmt(`ALTER POLICY ${on(to)} ${parts.join(' ')}`, 'accessExclusive', authz(to, 'changes')));
    if (fields.includes('comment')) out.push(commentOn(`POLICY ${on(to)}`, to.comment));
    return out;
  },
};

/** ALTER POLICY can set USING / WITH CHECK but never remove one. */
export function policyNeedsReplace(from: PolicyObject, to: PolicyObject): boolean {
  return (from.using !== null && to.using === null) || (from.withCheck !== null && to.withCheck === null);
}
