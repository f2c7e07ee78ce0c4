// The Kubernetes manifests (docker/k8s/) rendered with kustomize and run by `podman kube play`,
// which runs Pods and Deployments on one machine (no Services, HPA, PDB or Ingress: it ignores
// what a cluster's control plane would do, so those are checked by rendering only).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { InfraError, ensureKubectl, isPortFree } from './infra.mjs';
import { podman } from './podman.mjs';
import { root } from './setup.mjs';

/** `kubectl kustomize <dir>`: the plain YAML a cluster would get. */
export function renderKustomization(dir) {
  const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr.trim() || `kubectl kustomize ${dir} failed`);
  return r.stdout;
}

/**
 * An overlay of docker/k8s/base for one machine: the images just built, the database and Redis
 * started for the check, one replica each (every pod shares the host's network here).
 */
export function writeOverlay(dir, { images, databaseUrl, redisUrl, publicUrl }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const baseDir = path.join(root, 'docker/k8s/base');
  const base = path.relative(dir, baseDir);
  // The base already points its images at the registry: an overlay's `images` matches those names.
  const renamed = Object.fromEntries((parse(readFileSync(path.join(baseDir, 'kustomization.yaml'), 'utf8')).images ?? []).map((i) => [i.name, i.newName ?? i.name]));
  writeFileSync(path.join(dir, 'secrets.env'), `DATABASE_URL=${databaseUrl}\nREDIS_URL=${redisUrl}\n`, { mode: 0o600 });
  writeFileSync(path.join(dir, 'config.env'), `PUBLIC_URL=${publicUrl}\n`);
  const replicas = (name, n) => ({ target: { kind: 'Deployment', name }, patch: `[{"op":"replace","path":"/spec/replicas","value":${n}}]` });
  writeFileSync(path.join(dir, 'kustomization.yaml'), stringify({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [base],
    images: Object.entries(images).map(([name, newName]) => ({ name: renamed[name] ?? name, newName: newName.split(':')[0], newTag: newName.split(':')[1] })),
    secretGenerator: [{ name: 'motcua-secrets', behavior: 'replace', envs: ['secrets.env'] }],
    configMapGenerator: [{ name: 'motcua-config', behavior: 'merge', envs: ['config.env'] }],
    patches: [
      replicas('motcua-api', 1),
      replicas('motcua-web', 1),
      { target: { kind: 'Deployment', name: 'motcua-web' }, patch: '[{"op":"replace","path":"/spec/template/spec/containers/0/env/0/value","value":"127.0.0.1:3000"}]' },
    ],
  }));
}

/** The rendered documents podman can run: the migration Job becomes a one-shot Pod. */
export function forPodman(rendered) {
  const docs = parseAllDocuments(rendered).map((d) => d.toJSON()).filter(Boolean);
  const kinds = docs.map((d) => d.kind);
  for (const needed of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'Job', 'ConfigMap', 'Secret']) {
    if (!kinds.includes(needed)) throw new Error(`the rendered manifests have no ${needed}`);
  }
  const secrets = Object.fromEntries(docs.filter((d) => d.kind === 'Secret').map((d) => [d.metadata.name, d.data ?? {}]));
  for (const d of docs) {
    if (d.kind !== 'Deployment' && d.kind !== 'Job') continue;
    hostNetworkPorts(d.spec.template.spec);
    inlineSecrets(d.spec.template.spec, secrets);
    // podman 4.3 tries to remove an init container while it still runs and gives up the pod; the
    // migration it would run is the Job's, played first.
    delete d.spec.template.spec.initContainers;
  }
  const job = docs.find((d) => d.kind === 'Job');
  const migrate = { apiVersion: 'v1', kind: 'Pod', metadata: { name: job.metadata.name }, spec: { ...job.spec.template.spec, restartPolicy: 'Never' } };
  const support = docs.filter((d) => d.kind === 'ConfigMap');
  const apps = docs.filter((d) => d.kind === 'Deployment');
  const dump = (list) => list.map((d) => stringify(d)).join('---\n');
  return { migrate: dump([...support, migrate]), apps: dump([...support, ...apps]), kinds };
}

/**
 * Every pod shares the host's network here, where podman refuses port mappings: the containers'
 * ports go, and probes name the port by number instead.
 */
function hostNetworkPorts(podSpec) {
  for (const c of [...(podSpec.initContainers ?? []), ...podSpec.containers]) {
    const byName = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
    delete c.ports;
    for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
      for (const action of [probe?.httpGet, probe?.tcpSocket]) if (action && typeof action.port === 'string') action.port = byName[action.port];
    }
  }
}

/** podman 4.3's kube play cannot read back the Secrets it stores: their values go into the containers' env. */
function inlineSecrets(podSpec, secrets) {
  for (const c of [...(podSpec.initContainers ?? []), ...podSpec.containers]) {
    const refs = (c.envFrom ?? []).filter((e) => e.secretRef);
    if (!refs.length) continue;
    c.envFrom = c.envFrom.filter((e) => !e.secretRef);
    const values = refs.flatMap((r) => Object.entries(secrets[r.secretRef.name] ?? {}).map(([name, b64]) => ({ name, value: Buffer.from(b64.replace(/\s/g, ''), 'base64').toString() })));
    // Explicit env wins over envFrom in Kubernetes: keep that order of precedence.
    c.env = [...values.filter((v) => !(c.env ?? []).some((e) => e.name === v.name)), ...(c.env ?? [])];
  }
}

export async function runKubeChecks({ env, work, bases, tag, check, until, log }) {
  ensureKubectl(log);
  for (const port of [80, 3000, 3001]) {
    if (!(await isPortFree(port, '0.0.0.0'))) throw new InfraError(`port ${port} is in use: the pods share the host's network in this check (nginx 80, API 3000, worker 3001).`);
  }
  const dir = path.join(work, 'k8s');
  const pgPort = 55432;
  const redisPort = 56379;
  const password = 'kube-check-only';
  const names = { pg: 'motcua-kubecheck-postgres', redis: 'motcua-kubecheck-redis' };
  const files = { migrate: path.join(dir, 'migrate.yaml'), apps: path.join(dir, 'apps.yaml') };
  const stop = async () => {
    for (const f of Object.values(files)) await podman(['kube', 'down', f], { env });
    await podman(['rm', '-f', names.pg, names.redis], { env });
    // A play that failed half-way leaves pods `kube down` does not know.
    const pods = (await podman(['pod', 'ls', '--format', '{{.Name}}'], { env })).out.split('\n').filter((n) => n.startsWith('motcua-'));
    if (pods.length) await podman(['pod', 'rm', '-f', ...pods], { env });
  };
  await stop();
  try {
    await check('kustomize renders the manifests (Deployments, Services, HPA, PDB, Ingress, migration Job, ConfigMap, Secret)', async () => {
      writeOverlay(path.join(dir, 'overlay'), {
        images: { 'motcua-api': `localhost/motcua-api:${tag}`, 'motcua-worker': `localhost/motcua-worker:${tag}`, 'motcua-web': `localhost/motcua-web:${tag}` },
        databaseUrl: `postgres://motcua:${password}@127.0.0.1:${pgPort}/motcua`,
        redisUrl: `redis://127.0.0.1:${redisPort}`,
        publicUrl: 'http://127.0.0.1',
      });
      const { migrate, apps, kinds } = forPodman(renderKustomization(path.join(dir, 'overlay')));
      writeFileSync(files.migrate, migrate);
      writeFileSync(files.apps, apps);
      return `${kinds.length} objects`;
    });
    await podman(['run', '-d', '--name', names.pg, '--network', 'host', '-e', 'POSTGRES_USER=motcua', '-e', `POSTGRES_PASSWORD=${password}`, '-e', 'POSTGRES_DB=motcua', bases.POSTGRES_IMAGE, 'postgres', '-p', String(pgPort)], { env });
    await podman(['run', '-d', '--name', names.redis, '--network', 'host', bases.REDIS_IMAGE, 'redis-server', '--port', String(redisPort)], { env });
    await check('the migration Job runs to completion (podman kube play, as a Pod)', async () => {
      await until('PostgreSQL to accept connections', async () => (await podman(['exec', names.pg, 'pg_isready', '-h', '127.0.0.1', '-p', String(pgPort)], { env })).code === 0, 60_000);
      const play = await podman(['kube', 'play', '--network', 'host', files.migrate], { env });
      if (play.code !== 0) throw new Error(play.out.trim().split('\n').slice(-5).join(' '));
      const container = 'motcua-migrate-migrate';
      const status = await until('the migration to finish', async () => {
        const s = await podman(['inspect', container, '--format', '{{.State.Status}} {{.State.ExitCode}}'], { env });
        return s.out.startsWith('exited') ? s.out.trim() : null;
      }, 180_000, 2000);
      if (status !== 'exited 0') throw new Error(`${status}: ${(await podman(['logs', container], { env })).out.slice(-500)}`);
      return status;
    });
    await check('the API, worker and web Deployments run and nginx answers /api/health 200', async () => {
      const play = await podman(['kube', 'play', '--network', 'host', files.apps], { env });
      if (play.code !== 0) throw new Error(play.out.trim().split('\n').slice(-5).join(' '));
      const body = await until('the API behind nginx to be healthy', async () => {
        const r = await fetch('http://127.0.0.1/api/health', { signal: AbortSignal.timeout(5000) });
        return r.ok ? r.json() : null;
      }, 240_000, 2000);
      const page = await fetch('http://127.0.0.1/backoffice/');
      if (!page.ok) throw new Error(`the backoffice page answered ${page.status}`);
      return JSON.stringify(body.checks ?? body).slice(0, 100);
    });
  } finally {
    await stop();
  }
}
