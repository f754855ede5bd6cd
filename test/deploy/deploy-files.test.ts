import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { START_NODE_FLAGS } from '../../src/runtime-flags.ts';

/**
 * The deployment files, checked offline (no Docker daemon, no Railway here): the Dockerfile's final
 * stage, railway.json against the keys Railway documents, and docker-compose.yml through
 * `docker-compose config` (Debian's docker-compose 1.29) when it is installed. The image itself is
 * proven by scripts/image-steps.ts.
 */
const read = (f: string) => readFileSync(f, 'utf8');
const dockerfile = read('Dockerfile').replace(/\\\n/g, ' ');
const finalStage = dockerfile.split(/^FROM /m).at(-1)!;
const execForm = (re: RegExp) => JSON.parse(re.exec(finalStage)?.[1] ?? 'null') as string[] | null;

describe('Dockerfile', () => {
  it('runs the built app on a slim Node 20 image as a non-root user, with a Node health check', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-[a-z]+-slim$/m);
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(finalStage).toMatch(/^\$\{NODE_IMAGE\}/);
    const user = /^USER (\S+)/m.exec(finalStage)?.[1];
    expect(user).toBeTruthy();
    expect(['root', '0']).not.toContain(user);
    expect(execForm(/^CMD (\[.*\])\s*$/m)).toEqual(['node', ...START_NODE_FLAGS, 'dist/main.js']);
    expect(execForm(/^HEALTHCHECK .*?CMD (\[.*\])\s*$/m)).toEqual(['node', 'dist/healthcheck.js']);
    expect(existsSync('src/healthcheck.ts')).toBe(true);
    expect(finalStage).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(finalStage).toMatch(/DATA_DIR=\/data/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it('copies what the app reads at run time, and .dockerignore keeps it in the build context', () => {
    const copied = [...finalStage.matchAll(/^COPY (?!--from)(?:--\S+ )*(\S+) /gm)].map((m) => m[1]!);
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'migrations', 'locales']));
    for (const f of copied) expect(existsSync(f), f).toBe(true);
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'src',
      'migrations',
      'locales',
      'tsconfig.json',
    ])
      expect(ignored, needed).not.toContain(needed);
    for (const secret of ['.env', '.git', 'node_modules', 'data']) expect(ignored).toContain(secret);
    // dist/ mirrors src/, so ../migrations and ../locales resolve from the built files as from the sources.
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: Record<string, unknown> };
    expect(build.compilerOptions).toMatchObject({
      rootDir: 'src',
      outDir: 'dist',
      rewriteRelativeImportExtensions: true,
    });
  });
});

/** The keys of railway.json documented at docs.railway.com/config-as-code/reference, with their types. */
const RAILWAY_KEYS = {
  build: {
    builder: ['RAILPACK', 'DOCKERFILE', 'NIXPACKS'],
    watchPatterns: 'string[]',
    buildCommand: 'string',
    dockerfilePath: 'string',
    railpackVersion: 'string',
    nixpacksConfigPath: 'string',
    nixpacksPlan: 'object',
    nixpacksVersion: 'string',
  },
  deploy: {
    startCommand: 'string',
    preDeployCommand: 'string[]',
    numReplicas: 'integer',
    multiRegionConfig: 'object',
    healthcheckPath: 'string',
    healthcheckTimeout: 'integer',
    restartPolicyType: ['ON_FAILURE', 'ALWAYS', 'NEVER'],
    restartPolicyMaxRetries: 'integer',
    cronSchedule: 'string',
    region: 'string',
    sleepApplication: 'boolean',
    runtime: 'string',
    overlapSeconds: 'integer',
    drainingSeconds: 'integer',
  },
} as const;

function typeErrors(
  section: Record<string, unknown>,
  spec: Record<string, unknown>,
  where: string,
): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(section)) {
    const type = spec[key];
    const ok =
      type === undefined
        ? false
        : Array.isArray(type)
          ? type.includes(value)
          : type === 'string[]'
            ? Array.isArray(value) && value.every((v) => typeof v === 'string')
            : type === 'integer'
              ? Number.isInteger(value) && (value as number) >= 0
              : typeof value === type;
    if (!ok)
      errors.push(
        type === undefined
          ? `${where}.${key}: not a documented key`
          : `${where}.${key}: not ${JSON.stringify(type)}`,
      );
  }
  return errors;
}

describe('package.json', () => {
  it('starts the built app with the same Node flags as the image (npm start compiles first)', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const node = ['node', ...START_NODE_FLAGS, 'dist/main.js'].join(' ');
    expect(scripts['start:prod']).toBe(node);
    expect(scripts.start).toBe(`tsc -p tsconfig.build.json && ${node}`);
  });
});

describe('railway.json', () => {
  const railway = JSON.parse(read('railway.json')) as Record<string, Record<string, unknown>>;

  it('uses only documented keys, with their documented types', () => {
    expect(Object.keys(railway).sort()).toEqual(['$schema', 'build', 'deploy']);
    expect(railway.$schema).toBe('https://railway.com/railway.schema.json');
    expect([
      ...typeErrors(railway.build!, RAILWAY_KEYS.build, 'build'),
      ...typeErrors(railway.deploy!, RAILWAY_KEYS.deploy, 'deploy'),
    ]).toEqual([]);
  });

  it('builds the Dockerfile, starts its CMD (migrations run at start) and checks /health', () => {
    expect(railway.build).toMatchObject({ builder: 'DOCKERFILE', dockerfilePath: 'Dockerfile' });
    expect(railway.deploy!.startCommand).toBe(execForm(/^CMD (\[.*\])\s*$/m)!.join(' '));
    expect(railway.deploy!.healthcheckPath).toBe('/health');
    // Variables (BOT_TOKEN, WEBHOOK_URL, DATABASE_URL) belong in Railway's dashboard, never in the file.
    expect(read('railway.json')).not.toMatch(/TOKEN|SECRET|DATABASE_URL|postgres:\/\//);
  });
});

const compose = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
const hasCompose = compose.status === 0;

describe('docker-compose.yml', () => {
  it('interpolates only variables that .env.example documents', () => {
    const used = [...read('docker-compose.yml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!);
    const documented = read('.env.example');
    for (const v of new Set(used)) expect(documented, v).toMatch(new RegExp(`^${v}=`, 'm'));
  });

  it.runIf(hasCompose)(
    `validates with docker-compose config (${compose.stdout?.trim() || 'not installed'}), app after a healthy PostgreSQL`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'fb-compose-'));
      try {
        copyFileSync('docker-compose.yml', join(dir, 'docker-compose.yml'));
        const env = read('.env.example');
        const config = (envFile: string) => {
          writeFileSync(join(dir, '.env'), envFile);
          return spawnSync('docker-compose', ['config'], {
            cwd: dir,
            encoding: 'utf8',
            env: { PATH: process.env.PATH },
          });
        };
        const ok = config(
          env
            .replace(/^BOT_TOKEN=$/m, 'BOT_TOKEN=123:abc')
            .replace(/^POSTGRES_PASSWORD=$/m, 'POSTGRES_PASSWORD=pw0'),
        );
        expect(ok.stderr).toBe('');
        expect(ok.status).toBe(0);
        const out = ok.stdout;
        expect(out).toMatch(/depends_on:\n\s+postgres:\n\s+condition: service_healthy/);
        expect(out).toMatch(/DATABASE_URL: postgres:\/\/fanbridge:pw0@postgres:5432\/fanbridge/);
        expect(out.match(/healthcheck:/g)?.length).toBe(2);
        expect(out).toMatch(/- pgdata:\/var\/lib\/postgresql\/data/);
        expect(out).toMatch(/^volumes:\n\s+appdata: \{\}\n\s+pgdata: \{\}/m);
        // Without a database password it refuses to start, saying which variable to set.
        const missing = config(env);
        expect(missing.status).not.toBe(0);
        expect(missing.stderr).toMatch(/POSTGRES_PASSWORD/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
