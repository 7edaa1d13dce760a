/** What an adapter makes of a sender's body: events as POST /v1/events takes them. */
export interface IngestEvent {
  id?: string;
  type: string;
  source: string;
  subject?: string;
  time?: string;
  data: unknown;
}

/** A body an adapter cannot read: the field and why, for a precise 400. */
export class IngestBodyError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}
