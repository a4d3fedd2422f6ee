import type { Change, Statement } from '../model/change.ts';

export interface PlanStep {
  readonly change: Change;
  /**
   * 'drop': a drop, a rename, or the drop half of a replace; 'create': create, alter, the create half, or a data
   * step; 'after': deferred statements (ownership).
   */
  readonly phase: 'drop' | 'create' | 'after';
  readonly statements: readonly Statement[];
}

export interface Plan {
  /** 2: fingerprints of FINGERPRINT_VERSION 2 (plan files of version 1 cannot be checked for drift). */
  readonly formatVersion: 2;
  /** Topologically ordered. */
  readonly steps: readonly PlanStep[];
  /** Fingerprint of the target when planned: apply refuses if the target changed since. */
  readonly sourceFingerprint: string;
  /** Fingerprint of the desired catalog: after apply, re-introspection must reach it. */
  readonly targetFingerprint: string;
  /** Managed schemas the plan was computed over. */
  readonly schemas: readonly string[];
  /** Things the user should know (dependency cycles broken, fallbacks). */
  readonly notes: readonly string[];
}

export const statementsOf = (plan: Plan): Statement[] => plan.steps.flatMap((s) => s.statements);

export const isEmpty = (plan: Plan): boolean => plan.steps.every((s) => s.statements.length === 0);

export function encodePlan(plan: Plan): string {
  return JSON.stringify(plan, null, 2);
}

export function decodePlan(text: string): Plan | null {
  try {
    const p = JSON.parse(text) as Plan;
    if (p.formatVersion !== 2 || !Array.isArray(p.steps) || typeof p.sourceFingerprint !== 'string') return null;
    return p;
  } catch {
    return null;
  }
}
