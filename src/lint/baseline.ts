import { z } from 'zod';
import { err, ok, type Result, type UserError } from '../errors.ts';
import type { Finding } from './finding.ts';

const entry = z.object({ fingerprint: z.string(), rule: z.string(), object: z.string().optional(), message: z.string().optional() });
export const baselineSchema = z.object({ version: z.literal(1), findings: z.array(entry) });
export type Baseline = z.infer<typeof baselineSchema>;

/** `--update-baseline`: accept every current finding (rule and object are kept for reviewers of the diff). */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map((f) => ({
    fingerprint: f.fingerprint,
    rule: f.rule,
    ...(f.object ? { object: f.object } : f.location ? { object: f.location.file } : {}),
    message: f.message,
  }));
  entries.sort((a, b) => a.rule.localeCompare(b.rule) || (a.object ?? '').localeCompare(b.object ?? '') || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, findings: entries };
}

export function serializeBaseline(b: Baseline): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

export function parseBaseline(text: string, file: string): Result<Baseline, UserError> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err({ code: 'config', message: `baseline ${file} is not JSON: ${(e as Error).message}`, hint: 'regenerate it with `schemaplan lint --update-baseline`' });
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) return err({ code: 'config', message: `baseline ${file} is malformed: ${parsed.error.issues[0]?.message ?? ''}`, hint: 'regenerate it with `schemaplan lint --update-baseline`' });
  return ok(parsed.data);
}

/** Split findings into new ones and ones the baseline accepted; a fingerprint accepts as many findings as it occurs. */
export function partitionByBaseline(findings: readonly Finding[], baseline: Baseline | undefined): { fresh: Finding[]; known: Finding[] } {
  if (!baseline) return { fresh: [...findings], known: [] };
  const budget = new Map<string, number>();
  for (const e of baseline.findings) budget.set(e.fingerprint, (budget.get(e.fingerprint) ?? 0) + 1);
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const f of findings) {
    const left = budget.get(f.fingerprint) ?? 0;
    if (left > 0) {
      budget.set(f.fingerprint, left - 1);
      known.push(f);
    } else fresh.push(f);
  }
  return { fresh, known };
}
