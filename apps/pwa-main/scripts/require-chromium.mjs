#!/usr/bin/env node
// Browser tests run in Debian's Chromium (never `playwright install`): stop early with one clear line.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`error: ${path} not found; install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  process.exit(1);
}
