import { parseConfig, type Config } from '../../src/config.ts';
import { SENTINELS } from './sentinels.ts';

export const TEST_BOT_TOKEN = SENTINELS.testBotToken;
export const ADMIN_GROUP_ID = -1001234567890;
export const OWNER_ID = 900001;

/** A valid config pointed at the fakes; env-style overrides. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return parseConfig({
    BOT_TOKEN: TEST_BOT_TOKEN,
    PORT: '0',
    DATA_DIR: './data-test-unused',
    ADMIN_USER_IDS: String(OWNER_ID),
    LOG_LEVEL: 'silent',
    ...env,
  });
}
