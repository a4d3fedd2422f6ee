/** The gap report as data: what the Markdown and JSON renderers print. */

export interface ReportItem {
  /** The object the item is about (`table public.spend`, `column public.workflows.organizationId`). */
  readonly object: string;
  readonly message: string;
  /** The SQL schemaplan would run (a plan step) or the lint finding's fix; prose when there is no SQL. */
  readonly fix?: string;
  /** Where the item comes from: `plan`, `lint:<rule>`, `migrations` or `catalog`, plus file:line when known. */
  readonly source: string;
}

export interface ReportSubsection {
  readonly heading: string;
  readonly items: readonly ReportItem[];
}

export interface ReportSection {
  readonly title: string;
  readonly subsections: readonly ReportSubsection[];
}

export interface GapReport {
  readonly target: string;
  readonly desired: string;
  readonly sections: readonly ReportSection[];
  readonly actions: { readonly summary: readonly string[]; readonly sql: string };
}

/**
 * Section and heading order, after the seed audit (schema-gaps.md). Headings not listed here (lint's) follow
 * the listed ones of their section in the order they were first added.
 */
const ORDER: readonly (readonly [section: string, headings: readonly string[]])[] = [
  ['Missing in Migrations', ['Tables', 'Columns']],
  ['Missing in Target', ['Tables', 'Columns', 'Types', 'Other Objects']],
  ['Obsolete in Target', ['Tables', 'Conflicting Definitions in Migrations', 'Columns', 'Functions', 'Functions That May Not Be Used', 'Other Objects']],
  ['Inconsistent Definitions', ['Table Name Conflicts', 'Column Naming Inconsistencies', 'ID Type Inconsistencies', 'Foreign Key References', 'Column Definitions']],
  ['Missing Constraints', ['Foreign Keys', 'Unique Constraints', 'Check Constraints', 'Other Constraints']],
  ['Missing Indexes', ['Critical Missing Indexes', 'Foreign Key Indexes']],
  ['RLS Policy Gaps', ['Missing Policies', 'Row Level Security', 'Policies to Create', 'Policies to Drop', 'Inconsistent Policy Patterns']],
  ['Function Dependencies', ['Missing Helper Functions', 'Function Permissions', 'Function Changes']],
  ['Trigger Issues', ['Missing Triggers', 'Obsolete Triggers']],
  ['Other Policy Findings', ['Conventions']],
  ['Other Differences', []],
];

/** Collects items under (section, heading) and returns them in the report's order. */
export class SectionBuilder {
  private readonly items = new Map<string, Map<string, ReportItem[]>>();

  add(section: string, heading: string, item: ReportItem): void {
    const headings = this.items.get(section) ?? new Map<string, ReportItem[]>();
    this.items.set(section, headings);
    headings.set(heading, [...(headings.get(heading) ?? []), item]);
  }

  build(): ReportSection[] {
    const known = new Set(ORDER.map(([s]) => s));
    const order = [...ORDER, ...[...this.items.keys()].filter((s) => !known.has(s)).map((s) => [s, []] as const)];
    const out: ReportSection[] = [];
    for (const [title, listed] of order) {
      const headings = this.items.get(title);
      if (!headings) continue;
      const names = [...listed.filter((h) => headings.has(h)), ...[...headings.keys()].filter((h) => !listed.includes(h))];
      out.push({ title, subsections: names.map((heading) => ({ heading, items: headings.get(heading)! })) });
    }
    return out;
  }
}
