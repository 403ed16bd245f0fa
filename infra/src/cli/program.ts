import { Command, CommanderError } from 'commander';
import { askCommand } from './commands/ask.js';
import { backfillCommand } from './commands/backfill.js';
import { deadLettersListCommand, deadLettersReplayCommand } from './commands/dead-letters.js';
import { migrateCommand } from './commands/migrate.js';
import { overviewCommand } from './commands/overview.js';

/** `pnpm admin <command>`: operator commands against the configured engines. */
export function buildProgram(print: (text: string) => void): Command {
  const program = new Command('admin')
    .description('Salla Analytics operator commands')
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: print, writeErr: () => {} });

  program
    .command('migrate')
    .description('apply PostgreSQL and ClickHouse migrations (no-op when up to date)')
    .option('--json', 'print the result as JSON')
    .action(async (options) => print(await migrateCommand(options)));

  program
    .command('overview')
    .description('revenue overview of one merchant, money in minor units')
    .requiredOption('--merchant <id>', 'Salla store id')
    .requiredOption('--from <date>', 'first local day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local day, YYYY-MM-DD')
    .option('--tz <zone>', 'store time zone (default Asia/Riyadh)')
    .option('--compare <mode>', 'previous_period | previous_year | none', 'previous_period')
    .option('--json', 'print JSON')
    .action(async (options) => print(await overviewCommand(options)));

  program
    .command('ask')
    .description("ask the AI assistant about one merchant's numbers (the Ask panel's code path)")
    .argument('<question>', 'the question, in Arabic or English')
    .requiredOption('--merchant <id>', 'Salla store id')
    .option('--tz <zone>', "store time zone (default: the store's setting, else Asia/Riyadh)")
    .option('--week-start <day>', "saturday | sunday | monday (default: the store's setting)")
    .option('--currency <code>', "display currency (default: the store's setting, else SAR)")
    .option('--now <iso>', 'answer as of this instant (default: now)')
    .option('--json', 'print the plan and the answer as JSON')
    .action(async (question: string, options) => print(await askCommand(question, options)));

  program
    .command('backfill')
    .description("import a store's history (orders, products, customers) from Salla's Admin API, with a progress bar")
    .requiredOption('--merchant <id>', 'Salla store id')
    .option('--reconcile', 'run the reconciliation sweep instead (compare counts with Salla, repair gaps)')
    .option('--no-wait', 'queue it and return at once')
    .option('--interval <ms>', 'how often progress is read', '500')
    .option('--json', 'print the final progress as JSON')
    .action(async (options) => print(await backfillCommand(options)));

  const deadLetters = program.command('dead-letters').description('inputs the pipeline could not process, kept with the reason');
  deadLetters
    .command('list')
    .description('dead letters, newest first (payloads are summarised, never printed)')
    .option('--merchant <id>', 'only this Salla store id')
    .option('--source <source>', 'webhook | queue | job')
    .option('--include-replayed', 'also those replayed already')
    .option('--limit <n>', 'at most this many (1-500)', '100')
    .option('--json', 'print JSON')
    .action(async (options) => print(await deadLettersListCommand(options)));
  deadLetters
    .command('replay')
    .description('send dead letters back through the pipeline (validation, inbox, queue); safe to repeat')
    .argument('[id]', 'the dead letter id')
    .option('--all', 'every dead letter not replayed yet')
    .option('--force', 'replay an id even if it was replayed before')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, options) => print(await deadLettersReplayCommand(id, options)));

  return program;
}

/** Runs the CLI and returns the exit code; errors become one sentence on stderr. */
export async function runAdmin(argv: string[], io = { out: console.log, err: console.error }): Promise<number> {
  const program = buildProgram(io.out);
  try {
    if (argv.length === 0) {
      io.err('error: no command given; run "pnpm admin --help" to list the commands');
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      io.err(error.message.startsWith('error:') ? error.message : `error: ${error.message}`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
