import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsOf, type Job, parsePnpm, parseWorkflow, problemsIn, type Workflow } from './support/workflow-commands.js';
import { withDependencies, workspacePackages } from './support/workspace-snapshot.js';

/** The GitHub Actions workflows parse, run only scripts that exist, and each package's covers it. */
const root = resolve(import.meta.dirname, '../..');
const workflowsDir = join(root, '.github/workflows');
const packages = workspacePackages(root);
const scriptsOf = (dir: string) =>
  (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};

const files = [
  ...readdirSync(workflowsDir).map((file) => join('.github/workflows', file)),
  ...readdirSync(join(root, '.github/actions')).map((dir) => join('.github/actions', dir, 'action.yml')),
];
const workflows = new Map<string, Workflow>(files.map((file) => [file, parseWorkflow(readFileSync(join(root, file), 'utf8'), file)]));

function workflowFor(name: string): [string, Workflow] {
  const file = `.github/workflows/package-${name.split('/').pop()}.yml`;
  const workflow = workflows.get(file);
  if (!workflow) throw new Error(`${name} has no workflow ${file} (pnpm ci:workflows writes it)`);
  return [file, workflow];
}

function pathsOf(workflow: Workflow, event: 'pull_request' | 'push'): string[] {
  return ((workflow.on?.[event] as { paths?: string[] } | undefined)?.paths ?? []).map(String);
}

describe('CI workflows', () => {
  it('parse, and every job has a runner, a time limit and steps that use or run something', () => {
    expect(files.filter((file) => file.endsWith('.yml')).length).toBeGreaterThanOrEqual(13);
    for (const [file, workflow] of workflows) {
      if (file.startsWith('.github/actions/')) {
        expect(workflow.runs?.using, file).toBe('composite');
        for (const step of workflow.runs?.steps ?? []) if (step.run) expect((step as { shell?: string }).shell, `${file}: ${step.run}`).toBe('bash');
        continue;
      }
      expect(workflow.on, file).toBeTypeOf('object');
      expect(Object.keys(workflow.jobs ?? {}).length, file).toBeGreaterThan(0);
      for (const [id, job] of Object.entries(workflow.jobs ?? {}) as Array<[string, Job]>) {
        expect(job['runs-on'], `${file} ${id}`).toBe('ubuntu-latest');
        expect(job['timeout-minutes'], `${file} ${id}`).toBeGreaterThan(0);
        expect(job.steps?.length, `${file} ${id}`).toBeGreaterThan(0);
        for (const step of job.steps ?? []) expect(Boolean(step.uses) !== Boolean(step.run), `${file} ${id}: ${JSON.stringify(step)}`).toBe(true);
      }
    }
  });

  it('run only pnpm scripts, turbo tasks, packages, bash scripts and local actions that exist', () => {
    const problems = [...workflows].flatMap(([file, workflow]) => problemsIn(workflow, root, packages, scriptsOf).map((problem) => `${file}: ${problem}`));
    expect(problems).toEqual([]);
    // The checker itself: it sees through `run`, flags, and changesets/action's inputs.
    const pnpmCalls = [...workflows.values()].flatMap(commandsOf).map(parsePnpm).filter((call) => call !== null);
    expect(pnpmCalls.length).toBeGreaterThan(50);
  });

  it('catches a missing script, an unknown package, an unknown turbo task and an unpinned action', () => {
    const broken = parseWorkflow(
      [
        'on: { push: {} }',
        'jobs:',
        '  x:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout',
        '      - run: pnpm --filter @salla-analytics/core-library deploy && pnpm lint',
        '      - run: pnpm --filter @salla-analytics/nope test',
        '      - run: pnpm exec turbo run build shipit --filter=@salla-analytics/core-library...',
        '      - run: pnpm run no-such-script',
        '      - uses: changesets/action@v1',
        '        with: { version: pnpm version-packages, publish: pnpm publish-everything }',
      ].join('\n'),
      'broken.yml',
    );
    expect(problemsIn(broken, root, packages, scriptsOf)).toEqual([
      'pnpm --filter @salla-analytics/core-library deploy: @salla-analytics/core-library has no script "deploy"',
      'pnpm --filter @salla-analytics/nope test: no workspace package @salla-analytics/nope',
      'pnpm exec turbo run build shipit --filter=@salla-analytics/core-library...: turbo.json has no task shipit',
      'pnpm exec turbo run build shipit --filter=@salla-analytics/core-library...: no package has a script shipit',
      'pnpm run no-such-script: the root package.json has no script "no-such-script"',
      'pnpm publish-everything: the root package.json has no script "publish-everything"',
      'uses actions/checkout: pin a version',
    ]);
    expect(() => parseWorkflow('on: {}\non: {}\n', 'dup.yml')).toThrow(/dup\.yml/);
  });

  it('give every package its own workflow, triggered by its folder and by every package it depends on', () => {
    expect(packages).toHaveLength(9);
    for (const pkg of packages) {
      const [file, workflow] = workflowFor(pkg.name);
      for (const event of ['pull_request', 'push'] as const) {
        const paths = pathsOf(workflow, event);
        expect(paths, `${file} ${event}`).toContain(`${pkg.dir}/**`);
        expect(paths, `${file} ${event}`).toContain(file);
        for (const dep of withDependencies(packages, pkg.name)) {
          const depDir = packages.find((other) => other.name === dep)?.dir;
          expect(paths, `${file} ${event} covers ${dep} (pnpm ci:workflows rewrites the package workflows)`).toContain(`${depDir}/**`);
        }
        for (const shared of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'turbo.json', 'tsconfig.base.json']) expect(paths, `${file} ${event}`).toContain(shared);
      }
      const commands = commandsOf(workflow);
      for (const script of ['lint', 'typecheck', 'build', 'test']) {
        expect(commands, `${file} runs ${script}`).toContain(`pnpm --filter ${pkg.name} ${script}`);
      }
    }
  });

  it('publish each public package only from a GitHub release of it, and never a private one', () => {
    for (const pkg of packages) {
      const [file, workflow] = workflowFor(pkg.name);
      const publish = workflow.jobs?.publish;
      if (pkg.private) {
        expect(publish, file).toBeUndefined();
        expect(workflow.on?.release, file).toBeUndefined();
        continue;
      }
      expect(workflow.on?.release, file).toEqual({ types: ['published'] });
      expect(publish?.if, file).toContain(`startsWith(github.event.release.tag_name, '${pkg.name}@')`);
      expect(commandsOf({ jobs: { publish: publish as Job } }), file).toContain(`pnpm publish:package ${pkg.name}`);
      expect(scriptsOf(pkg.dir)['lint:package'], `${pkg.name} runs publint and attw`).toMatch(/publint.*attw/);
      expect(workflow.jobs?.check?.if, file).toBe("github.event_name != 'release'");
    }
  });

  it('has a root workflow for the whole workspace and the changesets release workflow', () => {
    const ci = workflows.get('.github/workflows/ci.yml');
    expect(ci && commandsOf(ci)).toEqual(expect.arrayContaining(['pnpm build', 'pnpm typecheck', 'pnpm lint', 'pnpm test:release', 'pnpm test']));
    const release = workflows.get('.github/workflows/release.yml');
    const step = Object.values(release?.jobs ?? {})
      .flatMap((job) => job.steps ?? [])
      .find((candidate) => candidate.uses?.startsWith('changesets/action@'));
    expect(step?.with).toMatchObject({ version: 'pnpm version-packages', publish: 'pnpm release' });
    expect(release?.on).toEqual({ push: { branches: ['main'] } });
  });
});
