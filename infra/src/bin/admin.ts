#!/usr/bin/env node
import { runAdmin } from '../cli/program.js';

process.exitCode = await runAdmin(process.argv.slice(2));
