/**
 * One replica of the app in a process of its own, for test/integration/replicas.int.test.ts (started
 * with child_process.fork). Configured from the environment like the real app (DATABASE_URL, webhook
 * mode), plus REPLICA_SCALE (the outbox's flood budgets scaled like the fake Bot API's) and
 * REPLICA_LEASE_MS (the outbox item, chat send and stored-update leases, shortened so a killed replica's work is taken
 * over within the test). Sends { type: 'ready', port } once serving; stops on SIGTERM.
 */
import { parseConfig } from '../../src/config.ts';
import { defaultBudgets } from '../../src/app/outbox/policy.ts';
import { createLogger } from '../../src/logger.ts';
import { secretValues } from '../../src/logging/redact.ts';
import { startApp } from '../../src/server.ts';

const config = parseConfig(process.env);
const leaseMs = Number(process.env.REPLICA_LEASE_MS ?? '30000');
const logger = createLogger({ level: config.logLevel, secrets: secretValues(config) });
startApp(config, logger, {
  hostname: '127.0.0.1',
  // A topic creation the killed replica left half done is taken over soon after its lease, not after 2 min.
  outbox: {
    budgets: defaultBudgets(Number(process.env.REPLICA_SCALE ?? '1')),
    leaseMs,
    topicCreationStaleMs: leaseMs * 2,
  },
  chatLeaseMs: leaseMs,
  // A stored update the killed replica was running is taken over once its lease runs out.
  inbound: { leaseMs, pollMs: 500 },
}).then(
  (app) => {
    process.send?.({ type: 'ready', port: app.port });
    process.once('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
    process.once('disconnect', () => void app.stop().finally(() => process.exit(0)));
  },
  (err: unknown) => {
    process.stderr.write(`replica failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
