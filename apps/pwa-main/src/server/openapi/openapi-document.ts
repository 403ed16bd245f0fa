import { z } from 'zod';
import { API_ROUTE_LIST } from '../api-catalog';

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Machine-readable: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, …' },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with. */
export function openApiDocument(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of API_ROUTE_LIST) {
    const operation: Record<string, unknown> = {
      operationId: spec.name,
      summary: spec.summary,
      tags: [spec.tag],
      parameters: queryParameters(spec.query),
      responses: {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: { type: 'object', required: ['data', 'meta'], properties: { data: {}, meta: { type: 'object' } } } } },
        },
        ...(spec.query ? { '400': errorResponse('Invalid parameters (code VALIDATION_FAILED or INVALID_ARGUMENT)') } : {}),
        ...(spec.auth ? { '401': errorResponse('No valid session (code UNAUTHENTICATED)'), '403': errorResponse('No store, wrong role or cross-site request (code FORBIDDEN)') } : {}),
        '429': errorResponse('Rate limited per session and IP (code RATE_LIMITED); see Retry-After'),
      },
      ...(spec.auth ? { security: [{ session: [] }] } : { security: [] }),
    };
    if (spec.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(spec.body) } } };
    }
    paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Salla Analytics BFF',
      version: '1.0.0',
      description:
        'The merchant app’s REST API. The store is always the one of the session cookie; no parameter selects another. Errors are { error: { code, message } }.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sa_session', description: '__Host-sa_session over HTTPS' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

function queryParameters(schema: z.ZodType | undefined): JsonSchema[] {
  const object = (schema as { fields?: z.ZodObject } | undefined)?.fields ?? (schema instanceof z.ZodObject ? schema : undefined);
  if (!object) return [];
  return Object.entries(object.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    const json = toSchema(fieldSchema);
    const { description, ...rest } = json;
    return {
      name,
      in: 'query',
      required: !fieldSchema.safeParse(undefined).success,
      schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

function toSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}
