import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { cleanEnv, exec } from './exec.js';

export interface WorkspacePackage {
  name: string;
  version: string;
  private: boolean;
  dir: string;
  /** Internal packages this one depends on (dependencies, peer and optional: what changesets follows). */
  internalDependencies: string[];
}

/**
 * Copies the workspace's source (tracked files and untracked ones git does not ignore: what a
 * commit of the working tree would hold) into `dest`, makes it a git repository with one commit on
 * `main`, and installs it offline from the workspace's own pnpm store. The release flow then runs
 * there, so the workspace itself (versions, changelogs, tags) is never touched.
 */
export async function snapshotWorkspace(root: string, dest: string): Promise<void> {
  const listed = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  for (const path of new Set(listed.split('\0').filter(Boolean))) {
    const from = join(root, path);
    // Deleted-but-tracked files are listed too; symlinks and folders (submodules) are not source.
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(dest, path)), { recursive: true });
    copyFileSync(from, join(dest, path));
  }
  const git = ['-c', 'user.name=release-test', '-c', 'user.email=release-test@localhost', '-c', 'commit.gpgsign=false'];
  await exec('git', ['init', '-q', '-b', 'main'], { cwd: dest });
  await exec('git', ['add', '-A'], { cwd: dest });
  await exec('git', [...git, 'commit', '-q', '-m', 'workspace snapshot'], { cwd: dest });
  await exec('pnpm', ['install', '--frozen-lockfile', '--offline', '--store-dir', await storeDir(root)], {
    cwd: dest,
    env: cleanEnv({ CI: 'true' }),
    timeoutMs: 240_000,
  });
}

/** The workspace's pnpm store (what `pnpm store path` names, without its layout-version folder). */
export async function storeDir(root: string): Promise<string> {
  const path = (await exec('pnpm', ['store', 'path'], { cwd: root, env: cleanEnv() })).trim();
  return /^v\d+$/.test(basename(path)) ? dirname(path) : path;
}

/** Commits everything in the snapshot (as merging the "Version Packages" pull request would). */
export async function commitAll(dir: string, message: string): Promise<void> {
  await exec('git', ['add', '-A'], { cwd: dir });
  await exec('git', ['-c', 'user.name=release-test', '-c', 'user.email=release-test@localhost', 'commit', '-q', '-m', message], {
    cwd: dir,
  });
}

/** The workspace's packages, from the globs in pnpm-workspace.yaml (`dir/*` or `dir`). */
export function workspacePackages(root: string): WorkspacePackage[] {
  const { packages: globs } = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages: string[] };
  const dirs = globs.flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(glob.slice(0, -2), entry.name))
      : [glob],
  );
  const manifests = dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }));
  const names = new Set(manifests.map(({ pkg }) => pkg.name as string));
  return manifests.map(({ dir, pkg }) => ({
    name: pkg.name,
    version: pkg.version,
    private: pkg.private === true,
    dir,
    internalDependencies: Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies }).filter((dep) =>
      names.has(dep),
    ),
  }));
}

/** `name` and every package that depends on it, directly or through others. */
export function withDependents(packages: WorkspacePackage[], name: string): Set<string> {
  const found = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pkg of packages) {
      if (!found.has(pkg.name) && pkg.internalDependencies.some((dep) => found.has(dep))) {
        found.add(pkg.name);
        grew = true;
      }
    }
  }
  return found;
}

/** Every internal package `name` depends on, directly or through others (not `name` itself). */
export function withDependencies(packages: WorkspacePackage[], name: string): Set<string> {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const found = new Set<string>();
  const pending = [...(byName.get(name)?.internalDependencies ?? [])];
  for (let dep = pending.pop(); dep !== undefined; dep = pending.pop()) {
    if (found.has(dep)) continue;
    found.add(dep);
    pending.push(...(byName.get(dep)?.internalDependencies ?? []));
  }
  return found;
}
