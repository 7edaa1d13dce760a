import {
  classifyHttpAnswer,
  delivered,
  excerpt,
  failed,
  parseJsonBody,
  retryLater,
  truncateChars,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';

/** One job's entry in Generic Webhook Trigger's answer: its trigger result, or the exception it caught for that job. */
type JobAnswer = { triggered?: boolean; id?: number; regexpFilterText?: string; regexpFilterExpression?: string } | string;
type JobEntry = [name: string, answer: JobAnswer];

interface InvokeAnswer {
  message?: string;
  jobs?: Record<string, JobAnswer> | null;
}

const SHOWN_JOBS = 10;

/** Generic Webhook Trigger's answer → outcome (PROTOCOL.md: Generic Webhook Trigger plugin; Answers and retries). */
export function interpretInvokeAnswer(response: HttpResponse): DeliveryOutcome {
  switch (response.status) {
    case 200:
      return interpretTriggered(response);
    case 500:
      return interpretJobErrors(response);
    case 404:
      return interpretNotFound(response);
    case 401:
      // The invoke URL is an unprotected action: a 401 comes from a proxy or realm in front of Jenkins.
      return failed(
        'Jenkins asked for authentication (HTTP 401): something in front of /generic-webhook-trigger/invoke refuses anonymous calls',
      );
    case 403:
      return failed(refusalReason(response));
    default:
      return classifyHttpAnswer(response, 'Jenkins');
  }
}

function interpretTriggered(response: HttpResponse): DeliveryOutcome {
  // The plugin answers 200 with an empty body when no job reported back: every job has
  // silentResponse set, or every job threw (its error-answer check comes after the silent one).
  if (response.body.trim() === '') {
    return delivered({
      note: 'Jenkins answered 200 with an empty body: the jobs are silent (silentResponse) or all failed to trigger; see the Jenkins log',
    });
  }
  const jobs = jobEntries(response);
  // Behind a login proxy a 200 can be an HTML page rather than the plugin's answer.
  if (!jobs) {
    return failed(
      `Jenkins answered HTTP 200 without a jobs map; is service_url the …/generic-webhook-trigger/invoke URL? ${excerpt(response.body, 200)}`,
    );
  }
  const triggered = jobs.filter(isTriggered);
  const others = jobs.filter((job) => !isTriggered(job));
  // The plugin says "Triggered jobs." with HTTP 200 even when every job's filter said no.
  if (triggered.length === 0) return failed(`Jenkins triggered no job: ${describeJobs(others)}`);
  return others.length === 0
    ? delivered()
    : delivered({ note: `triggered ${describeJobs(triggered)}; not triggered ${describeJobs(others)}` });
}

function interpretJobErrors(response: HttpResponse): DeliveryOutcome {
  const jobs = jobEntries(response);
  if (!jobs) return classifyHttpAnswer(response, 'Jenkins');
  const triggered = jobs.filter(isTriggered);
  const others = jobs.filter((job) => !isTriggered(job));
  // "There were errors when triggering jobs." lists failed jobs beside those it did trigger: a retry
  // would run the triggered ones twice, so a partial success is delivered with a note.
  if (triggered.length > 0) {
    return delivered({
      note: `Jenkins triggered ${describeJobs(triggered)} but not ${describeJobs(others)}; not retried, so no job runs twice`,
    });
  }
  return retryLater(`Jenkins failed to trigger ${describeJobs(others)}`);
}

function interpretNotFound(response: HttpResponse): DeliveryOutcome {
  const message = parseJsonBody<InvokeAnswer>(response)?.message;
  // The plugin's own 404: no job has a Generic Webhook Trigger with this token.
  if (message?.includes('GenericTrigger')) {
    return failed(`Jenkins found no job whose Generic Webhook Trigger has this build_token (HTTP 404: ${oneLine(message)})`);
  }
  return failed(
    'Jenkins has no Generic Webhook Trigger at this URL (HTTP 404): is the plugin installed and service_url …/generic-webhook-trigger/invoke?',
  );
}

/** The plugin's whitelist refusal is "Sender, <host>, with headers {…} did not pass whitelist.\n<why>"; keep host and why. */
function refusalReason(response: HttpResponse): string {
  const message = parseJsonBody<InvokeAnswer>(response)?.message ?? '';
  const whitelist = /^Sender, (.*?), with headers [\s\S]* did not pass whitelist\.\s*([\s\S]*)$/.exec(message);
  if (!whitelist) return `Jenkins refused the request (HTTP 403): ${excerpt(response.body, 200)}`;
  const why = oneLine(whitelist[2] ?? '');
  return `Jenkins refused the sender ${whitelist[1]}: it did not pass the Generic Webhook Trigger whitelist (HTTP 403)${why ? `: ${why}` : ''}`;
}

function jobEntries(response: HttpResponse): JobEntry[] | undefined {
  const jobs = parseJsonBody<InvokeAnswer>(response)?.jobs;
  return typeof jobs === 'object' && jobs !== null && !Array.isArray(jobs) ? Object.entries(jobs) : undefined;
}

function isTriggered([, answer]: JobEntry): boolean {
  return typeof answer === 'object' && answer !== null && answer.triggered === true;
}

function describeJobs(jobs: JobEntry[]): string {
  if (jobs.length === 0) return 'the answer lists no jobs';
  const shown = jobs.slice(0, SHOWN_JOBS).map(describeJob).join(', ');
  return jobs.length > SHOWN_JOBS ? `${shown} and ${jobs.length - SHOWN_JOBS} more` : shown;
}

function describeJob([name, answer]: JobEntry): string {
  if (typeof answer === 'string') return `${name} (${truncateChars(oneLine(answer), 200)})`;
  if (answer?.triggered === true) return `${name} (queue item ${answer.id})`;
  if (answer?.regexpFilterExpression) {
    return `${name} (filtered out: "${truncateChars(answer.regexpFilterText ?? '', 80)}" does not match ${answer.regexpFilterExpression})`;
  }
  return `${name} (not triggered)`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
