import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { WorkspacePackage } from './workspace-snapshot.js';

export interface EnvVariable {
  name: string;
  /** No `.default(...)`/`.optional()` and no defaulting helper: the package refuses to start without it. */
  required: boolean;
}

export interface PackageEnv {
  package: string;
  file: string;
  variables: Map<string, EnvVariable>;
}

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
// Helpers of the env modules that always carry a default (portSchema(4000), positiveInt(10)).
const DEFAULTING_HELPERS = /^(portSchema|positiveInt)\(/;

/**
 * The variables each package's `src/env.ts` declares, read from the zod schemas' source with the
 * TypeScript parser: every `NAME: <zod schema>` property, plus the properties of object shapes it
 * spreads in (`...sallaEnvShape`) from another package's env module.
 */
export function readPackageEnvs(root: string, packages: WorkspacePackage[]): PackageEnv[] {
  const parsed = packages
    .map((pkg) => ({ pkg, file: join(pkg.dir, 'src/env.ts') }))
    .filter(({ file }) => existsSync(join(root, file)))
    .map(({ pkg, file }) => ({ pkg, file, source: ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true) }));

  // Named object shapes (`export const sallaEnvShape = { ... }`) anywhere, for spreads.
  const shapes = new Map<string, Map<string, EnvVariable>>();
  for (const { source } of parsed) {
    visit(source, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        const own = propertiesOf(node.initializer, new Map());
        if (own.size > 0) shapes.set(node.name.text, own);
      }
    });
  }

  return parsed.map(({ pkg, file, source }) => {
    const variables = new Map<string, EnvVariable>();
    visit(source, (node) => {
      if (ts.isObjectLiteralExpression(node)) propertiesOf(node, shapes, variables);
    });
    return { package: pkg.name, file, variables };
  });
}

function propertiesOf(
  object: ts.ObjectLiteralExpression,
  shapes: Map<string, Map<string, EnvVariable>>,
  into = new Map<string, EnvVariable>(),
): Map<string, EnvVariable> {
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
      for (const variable of shapes.get(property.expression.text)?.values() ?? []) merge(into, variable);
      continue;
    }
    if (!ts.isPropertyAssignment(property)) continue;
    const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : '';
    const schema = property.initializer.getText();
    if (!ENV_NAME.test(name) || !/\bz\s*\.|^(portSchema|positiveInt|booleanFromString|urlSchema)\b/.test(schema)) continue;
    const required = !/\.(default|optional)\(/.test(schema) && !DEFAULTING_HELPERS.test(schema);
    merge(into, { name, required });
  }
  return into;
}

/** A variable declared twice (a base schema and an `.extend`) is required if any declaration requires it. */
function merge(into: Map<string, EnvVariable>, variable: EnvVariable): void {
  const known = into.get(variable.name);
  into.set(variable.name, { name: variable.name, required: variable.required || (known?.required ?? false) });
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  ts.forEachChild(node, (child) => visit(child, fn));
}
