// Story tests drive Debian's Chromium through Playwright; never `playwright install`.
// Fail fast with one clear line instead of letting the browser provider hang or time out.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(`ui-components: story tests need Chromium at ${path} (apt-get install -y chromium)`);
  process.exit(1);
}
