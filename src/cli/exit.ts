/** Documented in the README. */
export const EXIT = {
  ok: 0,
  error: 1,
  changesPending: 2,
  lintErrors: 3,
} as const;
