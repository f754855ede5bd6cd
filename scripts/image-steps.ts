/**
 * Proves the Docker image without Docker (this machine has the client but no daemon and no registry):
 * `npx tsx scripts/image-steps.ts`. It replays the Dockerfile's steps into a temporary directory, as a
 * non-root user, and runs the image's own commands, read from the Dockerfile:
 *
 *   1. build stage: the sources and tsconfigs copied, `npm run build` (tsc to dist/). Its `npm ci` (all
 *      dependencies) is not replayed: the repository's node_modules, installed from the same lockfile,
 *      is linked instead.
 *   2. deps stage: package.json and package-lock.json copied, `npm ci --omit=dev` for real (from the
 *      npm registry), then `npm cache clean --force`.
 *   3. runtime: node_modules, dist/, package.json, migrations/ and locales/ put together, owned by root
 *      and read-only for the user; DATA_DIR is a directory the user owns (the image's /data volume).
 *   4. the image's CMD is started with the image's ENV, in webhook mode against the fake Bot API
 *      (test/support/fake-telegram), once on a fresh PostgreSQL database (127.0.0.1:5432, created and
 *      dropped here) and once on the embedded database; its HEALTHCHECK command runs until it exits 0
 *      (GET /health answered 200); then SIGTERM, and the app must stop cleanly (exit 0).
 *
 * Run as root it runs every step as `nobody` (uid 65534); run as another user, as that user. Options:
 * `--engine postgres|pglite|both` (default both), `--keep` (leave the directory for a look).
 * Environment: IMAGE_STEPS_DATABASE_URL, an admin connection used to create and drop the test
 * database (default postgres://postgres@127.0.0.1:5432/test). Exit 0 when every step passed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startFakeTelegram, type FakeTelegram } from '../test/support/fake-telegram/index.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    keep: { type: 'boolean', default: false },
  },
});
const ADMIN_URL = process.env.IMAGE_STEPS_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const asRoot = process.getuid?.() === 0;
const WEBHOOK_URL = 'https://fanbridge.image-steps.invalid';
/** Who runs the steps: `nobody` when started as root, otherwise the current (non-root) user. */
const user = asRoot ? { uid: 65534, gid: 65534 } : {};

const step = (what: string) => process.stdout.write(`\n=== ${what}\n`);
const note = (what: string) => process.stdout.write(`    ${what}\n`);

/** The final stage's CMD, HEALTHCHECK command, ENV and USER, read from the Dockerfile (exec form). */
function readDockerfile() {
  const text = readFileSync(join(REPO, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = text.split(/^FROM /m);
  const final = stages.at(-1)!;
  const execForm = (re: RegExp, what: string): string[] => {
    const m = re.exec(final);
    if (!m) throw new Error(`the Dockerfile's final stage has no exec-form ${what}`);
    return JSON.parse(m[1]!) as string[];
  };
  const env: Record<string, string> = {};
  for (const line of final.split('\n').filter((l) => l.startsWith('ENV ')))
    for (const [, k, v] of line.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) env[k!] = v!;
  const userLine = /^USER (\S+)/m.exec(final)?.[1];
  if (!userLine || userLine === 'root' || userLine === '0') throw new Error('the Dockerfile runs as root');
  return {
    cmd: execForm(/^CMD (\[.*\])\s*$/m, 'CMD'),
    healthcheck: execForm(/^HEALTHCHECK .*?CMD (\[.*\])\s*$/m, 'HEALTHCHECK'),
    env,
    user: userLine,
  };
}

function run(
  cmd: string,
  argv: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const { quiet, ...where } = opts;
    const child = spawn(cmd, argv, {
      ...where,
      ...user,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function must(cmd: string, argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const started = Date.now();
  const code = await run(cmd, argv, opts);
  if (code !== 0) throw new Error(`\`${[cmd, ...argv].join(' ')}\` exited ${code}`);
  note(`\`${[cmd, ...argv].join(' ')}\`: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function chownTree(path: string, uid: number, gid: number) {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** Starts the image's CMD; resolves once its HEALTHCHECK command exits 0. */
async function startAndCheck(
  app: string,
  image: ReturnType<typeof readDockerfile>,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  const [cmd, ...argv] = image.cmd;
  const child = spawn(cmd === 'node' ? process.execPath : cmd!, argv, {
    cwd: app,
    env,
    ...user,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const state: { exited: number | null } = { exited: null };
  child.on('exit', (code) => (state.exited = code ?? 1));
  const [hcCmd, ...hcArgv] = image.healthcheck;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    if (state.exited !== null)
      throw new Error(`the app exited ${state.exited} before it was healthy:\n${output}`);
    // Quiet while the app starts (each early attempt says "no answer"); the last one speaks.
    const late = Date.now() - started > 170_000;
    const code = await run(hcCmd === 'node' ? process.execPath : hcCmd!, hcArgv, {
      cwd: app,
      env,
      quiet: !late,
    });
    if (code === 0) {
      note(
        `HEALTHCHECK \`${image.healthcheck.join(' ')}\` exited 0 at attempt ${attempt}, ${((Date.now() - started) / 1000).toFixed(1)} s after the start`,
      );
      break;
    }
    if (Date.now() - started > 180_000) throw new Error(`not healthy after 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const health = await fetch(`http://127.0.0.1:${env.PORT}/health`);
  note(`GET /health → ${health.status} ${await health.text()}`);
  const started_ = output.split('\n').find((l) => l.includes('fanbridge started'));
  if (started_) note(`log: ${started_.slice(0, 200)}`);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  const code = await new Promise<number>((resolve) => {
    child.on('exit', (c) => resolve(c ?? 1));
    child.kill('SIGTERM');
  });
  if (code !== 0) throw new Error(`the app exited ${code} on SIGTERM (expected a clean stop, 0)`);
  note('SIGTERM: stopped cleanly (exit 0)');
}

async function main(): Promise<void> {
  const image = readDockerfile();
  note(
    `Dockerfile: USER ${image.user}, CMD ${JSON.stringify(image.cmd)}, HEALTHCHECK ${JSON.stringify(image.healthcheck)}`,
  );
  note(
    `steps run as ${asRoot ? 'nobody (uid 65534)' : `uid ${process.getuid?.()}`}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'fanbridge-image-'));
  chmodSync(work, 0o755);
  const [build, deps, app, data, home] = ['build', 'deps', 'app', 'data', 'home'].map((d) =>
    join(work, d),
  ) as [string, string, string, string, string];
  let fake: FakeTelegram | null = null;
  let dbName: string | null = null;
  try {
    for (const d of [build, deps, data, home]) mkdirSync(d);
    step('build stage: npm run build');
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src'])
      cpSync(join(REPO, f), join(build, f), { recursive: true });
    if (asRoot) for (const d of [build, deps, data, home]) chownTree(d, 65534, 65534);
    symlinkSync(join(REPO, 'node_modules'), join(build, 'node_modules'));
    const npmEnv = {
      PATH: process.env.PATH,
      HOME: home,
      npm_config_cache: join(home, '.npm'),
      npm_config_update_notifier: 'false',
    };
    await must('npm', ['run', 'build'], { cwd: build, env: npmEnv });

    step('deps stage: npm ci --omit=dev');
    for (const f of ['package.json', 'package-lock.json']) cpSync(join(REPO, f), join(deps, f));
    if (asRoot) chownTree(deps, 65534, 65534);
    await must('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: deps, env: npmEnv });
    await must('npm', ['cache', 'clean', '--force'], { cwd: deps, env: npmEnv });
    const devOnly = ['typescript', 'vitest', 'eslint', 'prettier'].filter((p) => {
      try {
        return statSync(join(deps, 'node_modules', p)).isDirectory();
      } catch {
        return false;
      }
    });
    if (devOnly.length > 0)
      throw new Error(`dev dependencies in the production install: ${devOnly.join(', ')}`);
    note('no dev dependency installed (typescript, vitest, eslint, prettier absent)');

    step(
      'runtime stage: node_modules, dist, package.json, migrations, locales (root-owned), DATA_DIR (user-owned)',
    );
    mkdirSync(app);
    renameSync(join(deps, 'node_modules'), join(app, 'node_modules'));
    renameSync(join(build, 'dist'), join(app, 'dist'));
    for (const f of ['package.json', 'migrations', 'locales'])
      cpSync(join(REPO, f), join(app, f), { recursive: true });
    if (asRoot) chownTree(app, 0, 0);

    fake = await startFakeTelegram();
    const base = {
      PATH: process.env.PATH,
      ...image.env,
      DATA_DIR: data,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      LOG_LEVEL: 'info',
    };
    const engines = args.engine === 'both' ? ['postgres', 'pglite'] : [args.engine];
    for (const engine of engines) {
      const port = await freePort();
      // Telegram (and the fake) take only an https URL; nothing calls it here: the check is the health check.
      const env: NodeJS.ProcessEnv = { ...base, PORT: String(port), WEBHOOK_URL };
      if (engine === 'postgres') {
        dbName = `fb_image_${randomBytes(5).toString('hex')}`;
        const admin = new pg.Client({ connectionString: ADMIN_URL });
        await admin.connect();
        await admin.query(`create database ${dbName}`);
        await admin.end();
        const url = new URL(ADMIN_URL);
        url.pathname = `/${dbName}`;
        env.DATABASE_URL = url.toString();
        step(`run: the image's CMD on PostgreSQL (fresh database ${dbName}), webhook mode, the fake Bot API`);
      } else step("run: the image's CMD on the embedded database (DATA_DIR), webhook mode, the fake Bot API");
      const child = await startAndCheck(app, image, env);
      const hook = fake.callsTo('setWebhook').at(-1);
      if (hook?.payload.url !== `${WEBHOOK_URL}/telegram-webhook`)
        throw new Error('the app did not set its webhook');
      note(`setWebhook ${String(hook.payload.url)} (secret set: ${Boolean(hook.payload.secret_token)})`);
      await stop(child);
    }
    step('image steps passed');
  } finally {
    await fake?.close();
    if (dbName) {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
      await admin.end();
    }
    if (args.keep) note(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`image steps FAILED: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
