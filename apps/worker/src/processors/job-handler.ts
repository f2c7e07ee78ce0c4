import { jobs, type JobName, type JobPayload } from '@motcua/contracts';
import { requestContext, runInJobSpan } from '@motcua/platform';
import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';

/** A processor declares the job names it handles; the worker checks each name has exactly one. */
export interface JobHandlerClass {
  readonly handles: readonly JobName[];
  readonly name: string;
}

/**
 * The payload checked against the contract first: a malformed job can never
 * succeed, so it fails at once, without retries, and stays visible as failed.
 */
export function parsePayload<N extends JobName>(job: Job, name: N): JobPayload<N> {
  const result = jobs[name].payload.safeParse(job.data);
  if (!result.success) throw new UnrecoverableError(`Malformed ${name} payload: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  return result.data as JobPayload<N>;
}

/** Every job name of the contracts has exactly one handler, or the worker refuses to start. */
export function checkHandlers(handlers: readonly JobHandlerClass[], all: readonly JobName[] = Object.keys(jobs) as JobName[]): void {
  const owners = new Map<JobName, string[]>();
  for (const h of handlers) for (const name of h.handles) owners.set(name, [...(owners.get(name) ?? []), h.name]);
  const problems = [
    ...all.filter((n) => !owners.has(n)).map((n) => `job "${n}" has no processor`),
    ...[...owners].filter(([, o]) => o.length > 1).map(([n, o]) => `job "${n}" has ${o.length} processors (${o.join(', ')})`),
    ...[...owners.keys()].filter((n) => !all.includes(n)).map((n) => `processor for unknown job "${n}"`),
  ];
  if (problems.length) throw new Error(`Job handler check failed: ${problems.join('; ')}`);
}

/** Every processor: runs each job in the context (log id, trace) of the request that queued it. */
export abstract class JobHost extends WorkerHost {
  abstract handle(job: Job, token?: string): Promise<unknown>;

  override process(job: Job, token?: string): Promise<unknown> {
    const given = (job.data as { requestId?: unknown } | undefined)?.requestId;
    const requestId = typeof given === 'string' ? given : undefined;
    const run = () => runInJobSpan(job, requestId, () => this.handle(job, token));
    return requestId ? requestContext.run({ requestId }, run) : run();
  }
}
