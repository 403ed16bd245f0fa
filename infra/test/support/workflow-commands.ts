import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { WorkspacePackage } from './workspace-snapshot.js';

/** pnpm's own commands (not package scripts) that the workflows may use. */
const PNPM_BUILTINS = new Set(['install', 'i', 'exec', 'publish', 'store', 'config']);

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

export interface Job {
  'runs-on'?: string;
  'timeout-minutes'?: number;
  if?: string;
  steps?: Step[];
}

export interface Workflow {
  name?: string;
  on?: Record<string, unknown>;
  jobs?: Record<string, Job>;
  runs?: { using?: string; steps?: Step[] };
}

/** Parses a workflow or action file; YAML errors and duplicate keys fail. */
export function parseWorkflow(text: string, file: string): Workflow {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((error) => error.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

export function stepsOf(workflow: Workflow): Step[] {
  return [...Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []), ...(workflow.runs?.steps ?? [])];
}

/** Every shell command a workflow runs: `run:` lines and changesets/action's version/publish inputs. */
export function commandsOf(workflow: Workflow): string[] {
  const scripts = stepsOf(workflow).flatMap((step) => {
    const texts = step.run ? [step.run] : [];
    if (step.uses?.startsWith('changesets/action')) {
      for (const key of ['version', 'publish']) if (typeof step.with?.[key] === 'string') texts.push(step.with[key] as string);
    }
    return texts;
  });
  return scripts
    .flatMap((text) => text.replace(/\\\n/g, ' ').split('\n'))
    .flatMap((line) => line.split(/&&|\|\||;|\|/))
    .map((command) => command.trim())
    .filter((command) => command.length > 0 && !command.startsWith('#'));
}

interface PnpmCall {
  filter?: string;
  /** A package script, or a pnpm command (install, exec, ...). */
  script: string;
  builtin: boolean;
  args: string[];
}

/** `pnpm [--filter <pkg>] [run] <script> [args]`, or null when the command is not pnpm. */
export function parsePnpm(command: string): PnpmCall | null {
  const words = command.split(/\s+/);
  if (words[0] !== 'pnpm') return null;
  let filter: string | undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--filter' || word === '-F') filter = words[++i];
    else if (word.startsWith('--filter=')) filter = word.slice('--filter='.length);
    else if (word === '--silent' || word === '-s' || word === '-w' || word === '--workspace-root') continue;
    else break;
  }
  let script = words[i] ?? '';
  if (script === 'run') script = words[++i] ?? '';
  return { ...(filter ? { filter } : {}), script, builtin: PNPM_BUILTINS.has(script), args: words.slice(i + 1) };
}

/** A filter such as `@scope/pkg`, `@scope/pkg...` or `@scope/pkg^...` names this package. */
export function filterPackageName(filter: string): string {
  return filter.replace(/\^?\.\.\.$/, '').replace(/^\.\.\.\^?/, '');
}

/**
 * What is wrong with the commands of one workflow: pnpm scripts that the package (or the root)
 * does not define, turbo tasks that turbo.json or no package defines, unknown --filter packages,
 * bash scripts and local actions that do not exist.
 */
export function problemsIn(workflow: Workflow, root: string, packages: WorkspacePackage[], scriptsOf: (dir: string) => Record<string, string>): string[] {
  const problems: string[] = [];
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const rootScripts = scriptsOf('.');
  const turboTasks = Object.keys((JSON.parse(readFileSync(join(root, 'turbo.json'), 'utf8')) as { tasks: object }).tasks);
  const allScripts = new Set(packages.flatMap((pkg) => Object.keys(scriptsOf(pkg.dir))));

  for (const command of commandsOf(workflow)) {
    const bash = /^(?:sudo\s+)?bash\s+(\S+)/.exec(command);
    if (bash?.[1] && !existsSync(join(root, bash[1]))) problems.push(`${command}: ${bash[1]} does not exist`);
    const call = parsePnpm(command);
    if (!call) continue;
    const target = call.filter ? byName.get(filterPackageName(call.filter)) : undefined;
    if (call.filter && !target) {
      problems.push(`${command}: no workspace package ${filterPackageName(call.filter)}`);
      continue;
    }
    if (call.script === 'exec' && call.args[0] === 'turbo') {
      if (call.args[1] !== 'run') problems.push(`${command}: expected turbo run <task>`);
      for (const arg of call.args.slice(2)) {
        if (arg.startsWith('--filter=') && !byName.has(filterPackageName(arg.slice('--filter='.length)))) {
          problems.push(`${command}: no workspace package ${arg.slice('--filter='.length)}`);
        }
        if (arg.startsWith('-')) continue;
        if (!turboTasks.includes(arg)) problems.push(`${command}: turbo.json has no task ${arg}`);
        if (!allScripts.has(arg)) problems.push(`${command}: no package has a script ${arg}`);
      }
      continue;
    }
    if (call.builtin) continue;
    const scripts = target ? scriptsOf(target.dir) : rootScripts;
    if (!(call.script in scripts)) problems.push(`${command}: ${target ? target.name : 'the root package.json'} has no script "${call.script}"`);
  }
  for (const step of stepsOf(workflow)) {
    if (step.uses?.startsWith('./') && !existsSync(join(root, step.uses, 'action.yml'))) problems.push(`uses ${step.uses}: no action.yml there`);
    if (step.uses && !step.uses.startsWith('./') && !/@v?\d/.test(step.uses)) problems.push(`uses ${step.uses}: pin a version`);
  }
  return problems;
}
