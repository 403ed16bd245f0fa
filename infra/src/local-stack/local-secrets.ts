import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const localSecretsSchema = z.object({
  webhookSecret: z.string().min(16),
  tokenEncryptionKeys: z.string().min(1),
});

export type LocalSecrets = z.infer<typeof localSecretsSchema>;

/**
 * Development secrets of one local stack, generated on first start and kept (mode 0600) in its
 * data folder: the webhook secret the demo store signs with, and the key Salla tokens are
 * encrypted with (it must survive restarts, or stored tokens could not be read back).
 * Never used outside the local stack; production sets SALLA_WEBHOOK_SECRET and TOKEN_ENCRYPTION_KEYS.
 */
export function loadLocalSecrets(dir: string): LocalSecrets {
  const file = join(dir, 'local-secrets.json');
  if (existsSync(file)) {
    const parsed = localSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const secrets: LocalSecrets = {
    webhookSecret: `dev-${randomBytes(24).toString('hex')}`,
    tokenEncryptionKeys: `local-1:${randomBytes(32).toString('base64')}`,
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
