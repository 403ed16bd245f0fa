import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalPostmarkMessage {
  MessageID: string;
  endpoint: '/email' | '/email/withTemplate';
  From: string;
  To: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  Tag?: string;
  MessageStream?: string;
  Metadata?: Record<string, string>;
  TemplateAlias?: string;
}

export interface LocalPostmark {
  /** For `apiUrl` / `POSTMARK_API_URL`. */
  url: string;
  /** Server-side templates by alias (`{{name}}` placeholders), as uploaded to Postmark. */
  addTemplate(alias: string, template: { subject: string; html: string; text: string }): void;
  messages(): LocalPostmarkMessage[];
  requests(): number;
  failNext(status: number, times: number): void;
  down(on: boolean): void;
  close(): Promise<void>;
}

/**
 * Postmark's send API for one machine: `POST /email` and `POST /email/withTemplate` with
 * `X-Postmark-Server-Token`, its validation errors (`ErrorCode` 300 invalid email request, 1101
 * template not found, 10 bad token) and its success body `{ To, SubmittedAt, MessageID, ErrorCode: 0, Message: "OK" }`.
 */
export async function startLocalPostmarkServer(options: { serverToken: string; port?: number }): Promise<LocalPostmark> {
  const templates = new Map<string, { subject: string; html: string; text: string }>();
  const sent: LocalPostmarkMessage[] = [];
  let failures: Array<{ status: number; times: number }> = [];
  let isDown = false;
  let count = 0;

  const reply = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    void (async () => {
      count += 1;
      const body = await readJson(req);
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      if (req.headers['x-postmark-server-token'] !== options.serverToken) {
        return reply(res, 401, { ErrorCode: 10, Message: 'The Server Token you provided in the X-Postmark-Server-Token request header was invalid.' });
      }
      const failure = failures.find((entry) => entry.times > 0);
      if (isDown || failure) {
        if (failure) failure.times -= 1;
        return reply(res, failure?.status ?? 503, { ErrorCode: 1, Message: 'Service unavailable' });
      }
      if (req.method !== 'POST' || (path !== '/email' && path !== '/email/withTemplate')) return reply(res, 404, { ErrorCode: 404, Message: 'Not found' });
      const from = String(body.From ?? '');
      const to = String(body.To ?? '');
      if (!from || !/@/.test(to)) return reply(res, 422, { ErrorCode: 300, Message: 'Invalid email request: From and To are required.' });
      let subject = String(body.Subject ?? '');
      let html = String(body.HtmlBody ?? '');
      let text = String(body.TextBody ?? '');
      if (path === '/email/withTemplate') {
        const alias = String(body.TemplateAlias ?? '');
        const template = templates.get(alias);
        if (!template) return reply(res, 422, { ErrorCode: 1101, Message: `The Template's 'Alias' associated with this request is not valid or was not found.` });
        const model = (body.TemplateModel ?? {}) as Record<string, unknown>;
        const fill = (source: string) => source.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => String(model[key] ?? ''));
        subject = fill(template.subject);
        html = fill(template.html);
        text = fill(template.text);
      } else if (!subject || (!html && !text)) {
        return reply(res, 422, { ErrorCode: 300, Message: 'Invalid email request: Subject and a body are required.' });
      }
      const message: LocalPostmarkMessage = {
        MessageID: randomUUID(),
        endpoint: path,
        From: from,
        To: to,
        Subject: subject,
        HtmlBody: html,
        TextBody: text,
        ...(typeof body.Tag === 'string' ? { Tag: body.Tag } : {}),
        ...(typeof body.MessageStream === 'string' ? { MessageStream: body.MessageStream } : {}),
        ...(body.Metadata ? { Metadata: body.Metadata as Record<string, string> } : {}),
        ...(typeof body.TemplateAlias === 'string' ? { TemplateAlias: body.TemplateAlias } : {}),
      };
      sent.push(message);
      reply(res, 200, { To: to, SubmittedAt: new Date().toISOString(), MessageID: message.MessageID, ErrorCode: 0, Message: 'OK' });
    })().catch((error: unknown) => reply(res, 500, { ErrorCode: 1, Message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    addTemplate: (alias, template) => void templates.set(alias, template),
    messages: () => [...sent],
    requests: () => count,
    failNext: (status, times) => void failures.push({ status, times }),
    down: (on) => {
      isDown = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        failures = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
  });
}
