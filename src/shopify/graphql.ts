/**
 * One GraphQL call: POST /admin/api/{version}/graphql.json with the access token
 * (docs/shopify-api.md#transport-auth-and-envelope), one token refresh and one retry on a 401
 * (docs/house-style.md#shopify-through-graphql-only "Shopify
 * auth"), then the envelope → data, or a CliError.
 * `userErrors` stay in the data: the caller decides what they mean.
 */
import { RemoteError } from '../core/errors.js';
import type { HttpClient, HttpResponse } from '../core/http/client.js';
import type { SecretRegistry } from '../core/redact.js';
import type { AccessTokenSource } from './auth.js';
import { readEnvelope } from './envelope.js';
import { graphqlError, httpError, type ErrorContext } from './errors.js';
import type { Operation } from './operations/operation.js';
import { predictCost } from './operations/predict-cost.js';

export interface GraphqlTransportOptions {
  http: HttpClient;
  tokens: AccessTokenSource;
  apiVersion: string;
  secrets: SecretRegistry;
}

export interface Executed<TData> {
  data: TData;
  /** What Shopify charged up front; drives page sizing (page-size.ts). */
  requestedCost: number | undefined;
}

export interface ExecuteOptions {
  /** Safe to repeat after an unknown outcome (idempotency key, declarative upsert). */
  idempotent?: boolean;
}

export class GraphqlTransport {
  constructor(private readonly options: GraphqlTransportOptions) {}

  async execute<V, D>(op: Operation<V, D>, variables: V, options: ExecuteOptions = {}): Promise<Executed<D>> {
    const response = await this.sendWithAuth(op, variables, options);
    const ctx: ErrorContext = {
      operation: op.name,
      status: response.status,
      requestId: response.requestId,
      secrets: this.options.secrets,
    };
    if (response.status >= 300) throw httpError(ctx, typeof response.body === 'string' ? response.body : undefined);
    const envelope = readEnvelope(response.body);
    if (!envelope) throw this.unexpected(ctx, 'the response is not a GraphQL JSON document');
    if (envelope.errors.length > 0) throw graphqlError(envelope.errors, ctx);
    const parsed = op.data.safeParse(envelope.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.unexpected(
        ctx,
        `unexpected response shape at data.${issue?.path.join('.') ?? ''} (${issue?.message ?? 'invalid'})`,
      );
    }
    return { data: parsed.data, requestedCost: envelope.cost?.requestedQueryCost };
  }

  private async sendWithAuth<V, D>(op: Operation<V, D>, variables: V, options: ExecuteOptions): Promise<HttpResponse> {
    const token = await this.options.tokens.token();
    const response = await this.send(op, variables, token, options);
    if (response.status !== 401 || !this.options.tokens.invalidate(token)) return response;
    return this.send(op, variables, await this.options.tokens.token(), options);
  }

  private send<V, D>(op: Operation<V, D>, variables: V, token: string, options: ExecuteOptions): Promise<HttpResponse> {
    return this.options.http.send({
      method: 'POST',
      path: `/admin/api/${this.options.apiVersion}/graphql.json`,
      headers: { 'X-Shopify-Access-Token': token },
      body: { query: op.document, variables, operationName: op.name },
      kind: op.kind,
      idempotent: op.kind === 'read' ? true : options.idempotent,
      operation: op.name,
      predictedCost: predictCost(op.document, variables as Record<string, unknown>),
    });
  }

  private unexpected(ctx: ErrorContext, what: string): RemoteError {
    return new RemoteError(`Shopify ${ctx.operation}: ${what}`, {
      service: 'shopify',
      status: ctx.status,
      requestId: ctx.requestId,
      code: 'UNEXPECTED_RESPONSE',
    });
  }
}
