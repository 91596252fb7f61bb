import { JOB_NAMES, JobName } from '#queue/queue-names.js';

export interface FoundHandler {
  name: string;
  /** "ClassName.method", for the error message */
  where: string;
  run: (payload: unknown, jobId: string | undefined) => Promise<unknown>;
}

/**
 * Every declared job name needs exactly one handler, and every handler a declared name: a job
 * nobody handles would wait forever, one handled twice would run twice. Refuse to start instead.
 */
export function buildHandlerRegistry(found: FoundHandler[], declared: readonly string[] = JOB_NAMES): Map<JobName, FoundHandler> {
  const problems: string[] = [];
  const byName = new Map<string, FoundHandler[]>();
  for (const h of found) byName.set(h.name, [...(byName.get(h.name) ?? []), h]);
  for (const name of declared) {
    const hs = byName.get(name) ?? [];
    if (hs.length === 0) problems.push(`job "${name}" has no handler`);
    if (hs.length > 1) problems.push(`job "${name}" has ${hs.length} handlers: ${hs.map((h) => h.where).join(', ')}`);
  }
  for (const name of byName.keys()) if (!declared.includes(name)) problems.push(`handler for undeclared job "${name}" (${byName.get(name)!.map((h) => h.where).join(', ')})`);
  if (problems.length) throw new Error(`The worker cannot start:\n  - ${problems.join('\n  - ')}`);
  return new Map([...byName].map(([k, v]) => [k as JobName, v[0]!]));
}
