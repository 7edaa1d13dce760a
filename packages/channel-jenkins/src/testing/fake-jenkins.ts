import { FakeServer, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';

/** Where the Generic Webhook Trigger plugin listens. */
export const INVOKE_PATH = '/generic-webhook-trigger/invoke';

/** How a token reached the plugin, in the order the plugin looks for one. */
export type TokenSource = 'query' | 'token-header' | 'bearer' | 'gitlab-header';

/** A build the fake queued, with what the job's variables could read. */
export interface TriggeredBuild {
  job: string;
  queueId: number;
  tokenSource: TokenSource;
  /** The parsed JSON body (genericVariables read it by JSONPath). */
  body: Record<string, unknown>;
  /** Query parameters (genericRequestVariables). */
  query: Record<string, string[]>;
  /** Headers, names lower-cased (genericHeaderVariables). */
  headers: Record<string, string>;
}

export interface FakeJenkinsOptions {
  /** Build tokens and the full names of the jobs whose trigger has each: `{ 'herald-demo': ['deploy', 'team/notify'] }`. */
  jobs: Record<string, string[]>;
  /** The plugin's global whitelist of sender hosts; when set without 127.0.0.1, every request gets the 403 refusal. */
  allowedHosts?: string[];
}

type JobBehaviour = { kind: 'filtered'; text: string; expression: string } | { kind: 'failing'; exception: string } | { kind: 'silent' };

const JSON_TYPE = { 'content-type': 'application/json;charset=utf-8' };

/**
 * A Jenkins with the Generic Webhook Trigger plugin, on 127.0.0.1. It finds the jobs by token the
 * way the plugin does (`token` query parameter, `token` header, `Authorization: Bearer`,
 * `X-Gitlab-Token`, in that order), and answers with the plugin's real statuses and bodies:
 * 200 `{"jobs":{…},"message":"Triggered jobs."}`, 404 when no job has the token, 500 "There were
 * errors when triggering jobs." when a job throws and another answered, 403 when the whitelist
 * refuses the sender, and 200 with no body when no job answered (all silent, or all threw — the
 * plugin checks for silence before errors). Stricter than the plugin in one way: a body that is
 * not a JSON object is answered 400, so a test catches what the job's JSONPath could not read.
 *
 * ```ts
 * const jenkins = await new FakeJenkins({ jobs: { 'herald-demo': ['deploy'] } }).start();
 * // config: { service_url: jenkins.invokeUrl, build_token: 'herald-demo' }
 * jenkins.filterOut('deploy');   // the job's regexp filter says no from now on
 * jenkins.builds;                // what was triggered, with body, query and headers
 * ```
 */
export class FakeJenkins extends FakeServer {
  /** Every build queued, in order. */
  readonly builds: TriggeredBuild[] = [];
  private readonly behaviours = new Map<string, JobBehaviour>();
  private nextQueueId = 1;
  private readonly initialAllowedHosts?: string[];

  constructor(readonly options: FakeJenkinsOptions) {
    super();
    this.initialAllowedHosts = options.allowedHosts;
    this.handler = (request) => this.invoke(request);
  }

  /** The URL to configure as service_url. */
  get invokeUrl(): string {
    return `${this.url}${INVOKE_PATH}`;
  }

  /** From now on the job's regexp filter rejects: it answers `"triggered": false` and queues nothing. */
  filterOut(job: string, regexpFilterText = 'refs/heads/feature', regexpFilterExpression = '^refs/heads/main$'): this {
    this.behaviours.set(job, { kind: 'filtered', text: regexpFilterText, expression: regexpFilterExpression });
    return this;
  }

  /** From now on triggering the job throws, as a broken job configuration does. */
  breakJob(job: string, exception = 'java.lang.IllegalStateException: Jenkins is shutting down'): this {
    this.behaviours.set(job, { kind: 'failing', exception });
    return this;
  }

  /** From now on the job is triggered with `silentResponse`: it is left out of the answer. */
  silence(job: string): this {
    this.behaviours.set(job, { kind: 'silent' });
    return this;
  }

  /** Forgets job behaviours, scripted answers (`answerNext`, before any check, as a proxy or a restarting Jenkins), builds and requests, and restores the constructor's whitelist. */
  override reset(): void {
    super.reset();
    this.behaviours.clear();
    this.builds.length = 0;
    this.options.allowedHosts = this.initialAllowedHosts;
  }

  private invoke(request: ReceivedRequest): FakeAnswer {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname !== INVOKE_PATH)
      return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>' };
    if (request.method === 'OPTIONS') return { status: 200 };
    const refusal = this.whitelistRefusal(request);
    if (refusal) return refusal;
    const token = givenToken(url, request.headers);
    const jobs = token ? (this.options.jobs[token.value] ?? []) : [];
    if (!token || jobs.length === 0) return pluginAnswer(404, notFoundMessage(token !== undefined));
    const body = parseJsonObject(request.body);
    if (!body)
      return { status: 400, body: { message: 'fake Jenkins: the body is not a JSON object; the job could not read it by JSONPath' } };
    return this.triggerAll(jobs, { tokenSource: token.source, body, query: queryOf(url), headers: headersOf(request) });
  }

  /** The plugin's loop over the jobs found, and its choice of answer afterwards. */
  private triggerAll(jobs: string[], variables: Omit<TriggeredBuild, 'job' | 'queueId'>): FakeAnswer {
    const results: Record<string, unknown> = {};
    let allSilent = true;
    let errors = false;
    for (const job of jobs) {
      const behaviour = this.behaviours.get(job);
      if (behaviour?.kind === 'failing') {
        results[job] =
          `Exception occurred (class ${behaviour.exception}), full stack trace in Jenkins server log. Thrown in: org.jenkinsci.plugins.gwt.GenericTrigger:142`;
        errors = true;
        continue;
      }
      const result = behaviour?.kind === 'filtered' ? filteredResult(behaviour) : this.queue(job, variables);
      if (behaviour?.kind === 'silent') continue;
      allSilent = false;
      results[job] = result;
    }
    if (allSilent) return { status: 200, headers: JSON_TYPE, body: '' };
    return errors ? pluginAnswer(500, 'There were errors when triggering jobs.', results) : pluginAnswer(200, 'Triggered jobs.', results);
  }

  private queue(job: string, variables: Omit<TriggeredBuild, 'job' | 'queueId'>): object {
    const queueId = this.nextQueueId++;
    this.builds.push({ job, queueId, ...variables });
    return {
      regexpFilterExpression: '',
      triggered: true,
      resolvedVariables: {},
      regexpFilterText: '',
      id: queueId,
      url: `queue/item/${queueId}/`,
    };
  }

  /** The whitelist refusal echoes every request header, Authorization included, as the plugin does. */
  private whitelistRefusal(request: ReceivedRequest): FakeAnswer | undefined {
    const allowed = this.options.allowedHosts;
    if (!allowed || allowed.includes('127.0.0.1')) return undefined;
    const headers = Object.entries(request.headers)
      .map(([name, value]) => `${name}=[${value}]`)
      .join(', ');
    const why = 'Did not find a matching whitelisted host:\n1) Sending host "127.0.0.1" was not matched by whitelist.\n';
    return pluginAnswer(403, `Sender, 127.0.0.1, with headers {${headers}} did not pass whitelist.\n${why}`);
  }
}

/** A restarting Jenkins: 503 with its "getting ready" page, and Retry-After when given. */
export function jenkinsRestarting(retryAfterSeconds?: number): FakeAnswer {
  const headers: Record<string, string> = { 'content-type': 'text/html' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return { status: 503, headers, body: '<html><body>Please wait while Jenkins is getting ready to work...</body></html>' };
}

function pluginAnswer(status: number, message: string, jobs: Record<string, unknown> | null = null): FakeAnswer {
  return { status, headers: JSON_TYPE, body: { jobs, message } };
}

function filteredResult(behaviour: { text: string; expression: string }): object {
  return {
    regexpFilterExpression: behaviour.expression,
    triggered: false,
    resolvedVariables: {},
    regexpFilterText: behaviour.text,
    id: 0,
    url: '',
  };
}

function notFoundMessage(tokenGiven: boolean): string {
  const start = 'Did not find any jobs with GenericTrigger configured!\n';
  if (tokenGiven) return `${start}A token was supplied.\n`;
  return `${start}No token was supplied.\nIf you are using a token, you need to pass it like ...trigger/invoke?token=TOKENHERE\nIf you are not using a token, you need to authenticate like http://user:passsword@example.org/generic-webhook...\n`;
}

function givenToken(url: URL, headers: ReceivedRequest['headers']): { value: string; source: TokenSource } | undefined {
  const query = url.searchParams.get('token');
  if (query !== null) return { value: query, source: 'query' };
  if (typeof headers.token === 'string') return { value: headers.token, source: 'token-header' };
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return { value: authorization.slice('Bearer '.length), source: 'bearer' };
  const gitlab = headers['x-gitlab-token'];
  return typeof gitlab === 'string' ? { value: gitlab, source: 'gitlab-header' } : undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function queryOf(url: URL): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] ??= [];
    query[name].push(value);
  }
  return query;
}

function headersOf(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}
