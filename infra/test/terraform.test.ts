import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackageEnvs } from './support/env-schemas.js';
import { workspacePackages } from './support/workspace-snapshot.js';

/**
 * infra/terraform, checked without a terraform binary: the HCL parses (@cdktf/hcl2json), providers
 * are pinned, variables are typed, described, validated and secrets sensitive, and every variable
 * the deployed packages' env schemas read is set for the Vercel project that runs them (or is
 * deliberately left to its default).
 */
const root = resolve(import.meta.dirname, '../..');
// Loaded untyped on purpose: its .d.ts pulls the DOM lib into the whole program (`/// <reference
// lib="dom" />`), which changes the types of fetch in every other test file.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as { parse(file: string, contents: string): Promise<unknown> };
const terraformDir = join(root, 'infra/terraform');

type Block = Record<string, unknown>;
interface Config {
  terraform?: Array<{ required_version?: string; required_providers?: Array<Record<string, { source?: string; version?: string }>> }>;
  provider?: Record<string, Block[]>;
  variable?: Record<string, Array<{ type?: string; description?: string; sensitive?: boolean; default?: unknown; validation?: Block[] }>>;
  locals?: Block[];
  resource?: Record<string, Record<string, Block[]>>;
  output?: Record<string, Array<{ value?: unknown; description?: string; sensitive?: boolean }>>;
}

let config: Config;
let locals: Block;
const tfFiles = readdirSync(terraformDir).filter((file) => file.endsWith('.tf'));

async function parseHcl(file: string): Promise<Config> {
  return (await parse(file, readFileSync(join(terraformDir, file), 'utf8'))) as Config;
}

/** Merges the per-file JSON documents the way Terraform merges a module's files. */
function mergeConfigs(parts: Config[]): Config {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (Array.isArray(value)) merged[key] = [...((merged[key] as unknown[]) ?? []), ...value];
      else merged[key] = deepMerge((merged[key] as Block) ?? {}, value as Block);
    }
  }
  return merged as Config;
}

function deepMerge(a: Block, b: Block): Block {
  const out: Block = { ...a };
  for (const [key, value] of Object.entries(b)) {
    out[key] = key in out && !Array.isArray(value) && typeof value === 'object' ? deepMerge(out[key] as Block, value as Block) : value;
  }
  return out;
}

function resources(type: string): Record<string, Block> {
  return Object.fromEntries(Object.entries(config.resource?.[type] ?? {}).map(([name, blocks]) => [name, blocks[0] ?? {}]));
}

const packages = workspacePackages(root);
const envs = readPackageEnvs(root, packages);
const sensitiveVariables = () => new Set(Object.entries(config.variable ?? {}).filter(([, [v]]) => v?.sensitive).map(([name]) => name));

beforeAll(async () => {
  config = mergeConfigs(await Promise.all(tfFiles.map(parseHcl)));
  locals = Object.assign({}, ...(config.locals ?? []));
});

describe('Terraform (infra/terraform)', () => {
  it('parses, and a syntax error would not', async () => {
    expect(tfFiles).toEqual(expect.arrayContaining(['versions.tf', 'variables.tf', 'outputs.tf', 'clickhouse.tf', 'upstash.tf', 'vercel.tf', 'env.tf']));
    await expect(parse('broken.tf', 'resource "x" "y" {\n  a = \n')).rejects.toBeTruthy();
  });

  it('pins Terraform and every provider it uses', () => {
    const [block] = config.terraform ?? [];
    expect(block?.required_version).toMatch(/>=\s*1\.\d+/);
    const providers = Object.assign({}, ...(block?.required_providers ?? [])) as Record<string, { source?: string; version?: string }>;
    expect(providers).toMatchObject({
      clickhouse: { source: 'ClickHouse/clickhouse' },
      upstash: { source: 'upstash/upstash' },
      vercel: { source: 'vercel/vercel' },
    });
    for (const [name, spec] of Object.entries(providers)) {
      expect(spec.version, `${name} is pinned exactly or with ~>`).toMatch(/^(\d+\.\d+\.\d+|~>\s*\d+\.\d+(\.\d+)?)$/);
    }
    const used = new Set(Object.keys(config.resource ?? {}).map((type) => type.split('_')[0]));
    used.delete('terraform'); // built in (terraform_data)
    expect([...used].sort()).toEqual(Object.keys(providers).sort());
    expect(Object.keys(config.provider ?? {}).sort()).toEqual(Object.keys(providers).sort());
  });

  it('defines the ClickHouse Cloud service, Upstash Redis and QStash, and a Vercel project for the PWA and for the pipeline', () => {
    expect(Object.keys(resources('clickhouse_service'))).toHaveLength(1);
    expect(Object.keys(resources('upstash_redis_database'))).toHaveLength(1);
    expect(Object.keys(resources('upstash_qstash_topic_v2'))).toHaveLength(1);
    const roots = Object.values(resources('vercel_project')).map((project) => project.root_directory);
    expect(roots.sort()).toEqual(['apps/pwa-main', 'services/data-pipeline-service']);
  });

  it('has typed, described and validated variables, secrets marked sensitive, and no secret in a file', () => {
    const variables = Object.entries(config.variable ?? {});
    expect(variables.length).toBeGreaterThan(30);
    for (const [name, [variable]] of variables) {
      expect(variable?.type, `${name} has a type`).toMatch(/^\$\{(string|number|bool|list|set|map|object)/);
      expect(variable?.description?.length ?? 0, `${name} has a description`).toBeGreaterThan(15);
      if (!/^\$\{bool\}$/.test(variable?.type ?? '')) expect(variable?.validation?.length ?? 0, `${name} is validated`).toBeGreaterThan(0);
      if (/(password|secret|token|api_key|signing_key|encryption_keys|database_url)$/.test(name)) {
        expect(variable?.sensitive, `${name} is sensitive`).toBe(true);
        expect(variable && 'default' in variable ? variable.default : null, `${name} has no default value`).toBeNull();
      }
    }
    // No literal that looks like a credential anywhere in the HCL or the tfvars.
    const sources = [...tfFiles, ...readdirSync(join(terraformDir, 'environments')).map((file) => `environments/${file}`)];
    for (const file of sources) {
      const text = readFileSync(join(terraformDir, file), 'utf8');
      expect(text, file).not.toMatch(/(postgres(ql)?:\/\/[^$"\s]*:[^@$"\s]+@|_authToken|sk-[A-Za-z0-9]{20,}|eyJ[A-Za-z0-9_-]{20,})/);
    }
  });

  it('has a tfvars file per environment that sets only non-secret variables', async () => {
    const [environment] = config.variable?.environment ?? [];
    expect(JSON.stringify(environment?.validation)).toContain('[\\"staging\\", \\"production\\"]');
    const sensitive = sensitiveVariables();
    for (const name of ['staging', 'production']) {
      const values = (await parse(`${name}.tfvars`, readFileSync(join(terraformDir, 'environments', `${name}.tfvars`), 'utf8'))) as Record<string, unknown>;
      expect(values.environment).toBe(name);
      for (const key of Object.keys(values)) {
        expect(config.variable, `${name}.tfvars sets a declared variable`).toHaveProperty(key);
        expect(sensitive.has(key), `${name}.tfvars must not set the secret ${key}`).toBe(false);
      }
    }
    // The workspace guard: applying one environment's values in another's state is refused.
    expect(JSON.stringify(resources('terraform_data').environment_guard)).toContain('terraform.workspace == var.environment');
  });

  it('sets every variable the deployed packages read on the Vercel project that runs them, or leaves it to its default on purpose', () => {
    const projectEnvs = Object.entries(resources('vercel_project')).map(([name, project]) => {
      const pkg = packages.find((candidate) => candidate.dir === project.root_directory);
      const variables = resources('vercel_project_environment_variables')[name];
      const localName = /local\.(\w+_env)\b/.exec(String(variables?.variables))?.[1] ?? '';
      expect(String(variables?.project_id), `${name}'s variables belong to it`).toBe(`\${vercel_project.${name}.id}`);
      return { name, pkg, env: (locals[localName] ?? {}) as Record<string, unknown>, localName };
    });
    const defaults = (locals.env_left_to_defaults ?? {}) as Record<string, string>;
    const declared = new Map(envs.flatMap((env) => [...env.variables.values()].map((v) => [v.name, v] as const)));
    const provided = new Set(projectEnvs.flatMap(({ env }) => Object.keys(env)));

    // Each deployed package gets every variable of its own schema (composed shapes included).
    for (const { name, pkg, env } of projectEnvs) {
      const schema = envs.find((candidate) => candidate.package === pkg?.name);
      expect(schema, `${name}: ${pkg?.dir}/src/env.ts exists`).toBeDefined();
      const missing = [...(schema?.variables.values() ?? [])].filter((v) => !(v.name in env) && !(v.name in defaults)).map((v) => v.name);
      expect(missing, `${name} (${pkg?.name}) misses`).toEqual([]);
      const requiredButDefaulted = [...(schema?.variables.values() ?? [])].filter((v) => v.required && !(v.name in env)).map((v) => v.name);
      expect(requiredButDefaulted, `${name}: required variables cannot be left to a default`).toEqual([]);
    }
    // The libraries' variables (composed by whichever service uses them) reach some project.
    const deployedOrLocal = new Set(['@salla-analytics/infra']);
    for (const env of envs.filter((candidate) => !deployedOrLocal.has(candidate.package))) {
      const missing = [...env.variables.keys()].filter((name) => !provided.has(name) && !(name in defaults));
      expect(missing, `${env.file}: neither set in env.tf nor left to a default`).toEqual([]);
    }
    // Nothing is set or excused that no schema reads (stale entries).
    const unknown = [...provided, ...Object.keys(defaults)].filter((name) => !declared.has(name));
    expect(unknown, 'variables no package reads').toEqual([]);
    // The ones the brief names are all there.
    for (const name of ['DATABASE_URL', 'CLICKHOUSE_URL', 'CLICKHOUSE_USER', 'CLICKHOUSE_PASSWORD', 'CLICKHOUSE_DATABASE', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY', 'SALLA_WEBHOOK_SECRET', 'SALLA_CLIENT_ID', 'SALLA_CLIENT_SECRET', 'OPENAI_API_KEY', 'POSTMARK_TOKEN', 'TOKEN_ENCRYPTION_KEYS']) {
      expect(provided, name).toContain(name);
    }
  });

  it('keeps secrets secret: sensitive inputs become sensitive Vercel variables and sensitive outputs only', () => {
    const sensitive = sensitiveVariables();
    const secretKeys = new Set(locals.secret_env_keys as string[]);
    for (const localName of ['pwa_env', 'pipeline_env']) {
      for (const [key, value] of Object.entries(locals[localName] as Record<string, unknown>)) {
        const refs = [...String(value).matchAll(/var\.(\w+)/g)].map((match) => match[1] ?? '');
        const secret = refs.some((ref) => sensitive.has(ref)) || /rest_token|password/.test(String(value));
        if (secret) expect(secretKeys, `${localName}.${key} is a secret`).toContain(key);
      }
      const output = config.output?.[localName]?.[0];
      expect(output?.value).toBe(`\${local.${localName}}`);
      expect(output?.sensitive, `output ${localName} is sensitive`).toBe(true);
    }
    for (const variables of Object.values(resources('vercel_project_environment_variables'))) {
      expect(String(variables.variables)).toContain('sensitive = contains(local.secret_env_keys, key)');
    }
    // Outputs that are not marked sensitive never carry a secret.
    for (const [name, [output]] of Object.entries(config.output ?? {})) {
      if (output?.sensitive) continue;
      const refs = [...JSON.stringify(output?.value).matchAll(/var\.(\w+)/g)].map((match) => match[1] ?? '');
      expect(refs.filter((ref) => sensitive.has(ref)), `output ${name}`).toEqual([]);
      expect(JSON.stringify(output?.value), `output ${name}`).not.toMatch(/rest_token|password|_env\b/);
    }
  });

  it('reads the env schemas it checks against (the extractor finds required and defaulted variables and composed shapes)', () => {
    const pipeline = envs.find((env) => env.package === '@salla-analytics/data-pipeline-service');
    expect(pipeline?.variables.get('SALLA_WEBHOOK_SECRET')).toEqual({ name: 'SALLA_WEBHOOK_SECRET', required: true });
    expect(pipeline?.variables.get('PIPELINE_PORT')?.required).toBe(false);
    expect(pipeline?.variables.get('QSTASH_TOKEN')?.required).toBe(false);
    expect(envs.find((env) => env.package === '@salla-analytics/olap-repository')?.variables.has('CLICKHOUSE_URL')).toBe(true);
    expect(envs.find((env) => env.package === '@salla-analytics/pwa-main')?.variables.has('UPSTASH_REDIS_REST_TOKEN')).toBe(true);
  });
});
