// A thin wrapper on openapi-fetch over the generated `schema.ts` (make clients regenerates that file; this
// one is written by hand): login through /auth/token, the bearer token on every call, and every
// application/problem+json answer thrown as a typed `ProblemError`.
import createClient, { type Client, type Middleware } from "openapi-fetch";

import { type components, type paths, problemCodeValues } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type ProblemCode = Problem["code"];
export type FieldError = Schemas["FieldError"];
export type TokenResponse = Schemas["TokenResponse"];
export type Language = "zh" | "en";

/** An error answer of the API: switch on `code` (stable), show `detail` (Chinese, or English on request). */
export class ProblemError extends Error {
  readonly type: string;
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldError[];

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = "ProblemError";
    this.type = problem.type;
    this.code = problem.code;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

/** An error answer that is not a problem document (a proxy's HTML page, say). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
    this.name = "HttpError";
  }
}

function isProblemCode(value: unknown): value is ProblemCode {
  return problemCodeValues.some((code) => code === value);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === "object" &&
    value !== null &&
    "field" in value &&
    typeof value.field === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}

/** A parsed body is a problem document of this API (checked, not assumed). */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    typeof value.type === "string" &&
    "code" in value &&
    isProblemCode(value.code) &&
    "status" in value &&
    typeof value.status === "number" &&
    "title" in value &&
    typeof value.title === "string" &&
    "detail" in value &&
    typeof value.detail === "string" &&
    (!("errors" in value) ||
      value.errors === null ||
      (Array.isArray(value.errors) && value.errors.every(isFieldError)))
  );
}

async function errorOf(response: Response): Promise<Error> {
  const text = await response.clone().text();
  if (response.headers.get("Content-Type")?.includes("json")) {
    try {
      const body: unknown = JSON.parse(text);
      if (isProblem(body)) {
        return new ProblemError(body);
      }
    } catch {
      // not JSON after all: reported as an HttpError below
    }
  }
  return new HttpError(response.status, text);
}

/** The body of a successful answer; error answers were already thrown by the client's middleware. */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (error !== undefined || !response.ok) {
    throw await errorOf(response);
  }
  if (data === undefined) {
    throw new HttpError(response.status, "an answer without a body");
  }
  return data;
}

export interface KuaibanOptions {
  /** The gateway's origin, e.g. `http://127.0.0.1:8000`. */
  baseUrl: string;
  /** `zh` (the default) or `en`: the language of `detail` in problems. */
  language?: Language;
  fetch?: typeof globalThis.fetch;
}

/**
 * The API through one gateway. `api` is the typed openapi-fetch client (`api.GET("/intake/requests")`);
 * it sends the token of the last `login` and throws every error answer.
 *
 * There is no refresh token: when `expiresAt` has passed, log in again.
 */
export class Kuaiban {
  readonly api: Client<paths>;
  private token: string | undefined;
  private tokenExpiresAt: Date | undefined;

  constructor(options: KuaibanOptions) {
    const language = options.language ?? "zh";
    this.api = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    const session: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set("Accept-Language", language);
        if (this.token !== undefined && !request.headers.has("Authorization")) {
          request.headers.set("Authorization", `Bearer ${this.token}`);
        }
        return request;
      },
      onResponse: async ({ response }) => {
        if (!response.ok) {
          throw await errorOf(response);
        }
        return response;
      },
    };
    this.api.use(session);
  }

  /** Log in with a username and password (the OAuth2 password flow); later calls carry the token. */
  async login(username: string, password: string): Promise<TokenResponse> {
    return this.grant({ grant_type: "password", username, password });
  }

  /** A bank's system: its API client's credentials (RFC 6749 §4.4), optionally fewer scopes than it holds. */
  async loginWithClientCredentials(clientId: string, clientSecret: string, scope?: string): Promise<TokenResponse> {
    const form: Record<string, string> = {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    };
    if (scope !== undefined) form.scope = scope;
    return this.grant(form);
  }

  private async grant(form: Record<string, string>): Promise<TokenResponse> {
    const answer = await unwrap(
      this.api.POST("/auth/token", {
        body: form,
        bodySerializer: () => new URLSearchParams(form),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    this.token = answer.access_token;
    this.tokenExpiresAt = new Date(Date.now() + answer.expires_in * 1000);
    return answer;
  }

  logout(): void {
    this.token = undefined;
    this.tokenExpiresAt = undefined;
  }

  get expiresAt(): Date | undefined {
    return this.tokenExpiresAt;
  }
}
