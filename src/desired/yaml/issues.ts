import type { z } from 'zod';
import type { UserError } from '../../errors.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Path, YamlLocator } from './locate.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** zod issues → UserErrors at the YAML node, with "did you mean" for unknown keys. */
export function issuesToErrors(issues: readonly Issue[], root: AnySchema, where: YamlLocator): UserError[] {
  return issues.flatMap((issue) => toErrors(issue, [], root, where));
}

function toErrors(issue: Issue, base: Path, root: AnySchema, where: YamlLocator): UserError[] {
  const path = [...base, ...(issue.path as Path)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = keysAt(root, path);
        const hint = didYouMean(key, allowed) ?? (allowed.length ? `allowed keys: ${allowed.join(', ')}` : undefined);
        return error(`unknown key "${key}"`, [...path, key], where, hint, true);
      });
    case 'invalid_union': {
      // zod reports the issues of a branch itself when exactly one branch's shape matched; here none or several
      // did. Branches whose shape is wrong (a root-level invalid_type) are dropped; the closest remaining wins.
      const shapes = (errs: readonly Issue[]): string[] =>
        errs.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [describeExpected(i.expected)] : []));
      const wrongShape = (errs: readonly Issue[]): boolean => shapes(errs).length > 0;
      const fitting = issue.errors.filter((errs) => !wrongShape(errs));
      if (fitting.length === 0) return [error(`expected ${[...new Set(shapes(issue.errors.flat()))].join(' or ')}`, path, where)];
      const best = [...fitting].sort((a, b) => a.length - b.length)[0]!;
      // A value of the right shape but not one allowed, where other branches wanted another shape (`schemas:
      // public` for a list or "all"): name every branch, not only the closest.
      const only = best.length === 1 ? best[0]! : null;
      const otherShapes = shapes(issue.errors.filter(wrongShape).flat());
      if (only?.code === 'invalid_value' && only.path.length === 0 && otherShapes.length) {
        return [error(`expected ${[...only.values.map((v) => JSON.stringify(v)), ...new Set(otherShapes)].join(' or ')}`, path, where)];
      }
      return best.flatMap((i) => toErrors(i, path, root, where));
    }
    case 'invalid_key':
      return [error(`invalid key "${String(path.at(-1))}": ${issue.issues[0]?.message ?? issue.message}`, path, where, undefined, true)];
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) {
        return [error(`missing required key "${String(path.at(-1))}"`, path.slice(0, -1), where)];
      }
      return [error(wrongType(issue), path, where)];
    case 'invalid_value': {
      const input = (issue as { input?: unknown }).input;
      const hint = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : undefined;
      return [error(`expected ${oneOf(issue.values)}`, path, where, hint)];
    }
    default:
      return [error(plain(issue.message), path, where)];
  }
}

function error(message: string, path: Path, where: YamlLocator, hint?: string, onKey = false): UserError {
  const at = path.length ? path.join('.') : '(file)';
  return {
    code: 'desired-yaml',
    message: `${at}: ${message}`,
    location: onKey ? where.keyAt(path) : where.at(path),
    ...(hint ? { hint } : {}),
  };
}

function plain(message: string): string {
  return message.replace(/^Invalid input: /, '');
}

function describeExpected(expected: string): string {
  return expected === 'object' || expected === 'record' ? 'a mapping' : expected === 'array' ? 'a list' : `a ${expected}`;
}

/** `expected a mapping, not a list`: zod's words (record, array) are not YAML's. */
function wrongType(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  const received = /received (\w+)$/.exec(issue.message)?.[1];
  if (!received) return plain(issue.message);
  // `tables:` with nothing after it is YAML's null
  return `expected ${describeExpected(issue.expected)}, not ${received === 'null' ? 'an empty value' : describeExpected(received)}`;
}

/** `"a"`, `"a" or "b"`, `one of "a", "b", "c"`. */
function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length <= 2) return shown.join(' or ');
  return `one of ${shown.join(', ')}`;
}

/** Keys allowed by every strict object reachable at `path` (unions contribute all their object branches). */
export function keysAt(schema: AnySchema, path: Path): string[] {
  const found = new Set<string>();
  const visit = (s: AnySchema, rest: Path): void => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
        return visit(def['innerType'] as AnySchema, rest);
      case 'pipe':
        return visit(def['in'] as AnySchema, rest);
      case 'union':
        for (const option of def['options'] as AnySchema[]) visit(option, rest);
        return;
      case 'object': {
        const shape = def['shape'] as Record<string, AnySchema>;
        if (rest.length === 0) {
          for (const k of Object.keys(shape)) found.add(k);
          return;
        }
        const next = shape[String(rest[0])];
        if (next) visit(next, rest.slice(1));
        return;
      }
      case 'record':
        if (rest.length) visit(def['valueType'] as AnySchema, rest.slice(1));
        return;
      case 'array':
        if (rest.length) visit(def['element'] as AnySchema, rest.slice(1));
        return;
      default:
        return;
    }
  };
  visit(schema, path);
  return [...found];
}
