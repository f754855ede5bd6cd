/**
 * The container's health check (Dockerfile HEALTHCHECK, `node dist/healthcheck.js`): exits 0 when
 * `GET /health` on this machine answers 200 within 4 s, 1 otherwise. Node itself, because slim images
 * have no curl or wget. Reads PORT like the app (default 8000).
 */
const port = Number(process.env.PORT) || 8000;
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4_000) });
  if (res.status !== 200) {
    process.stderr.write(`health: ${res.status} ${(await res.text()).slice(0, 200)}\n`);
    process.exitCode = 1;
  }
} catch (err) {
  process.stderr.write(`health: no answer on port ${port} (${(err as Error).message})\n`);
  process.exitCode = 1;
}
