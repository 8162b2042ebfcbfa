/**
 * A fault hook for tests: a matching request is executed (a mutation IS applied) and then its answer is held until the
 * test releases it, so a client can be killed, or time out, between a write and its answer: the "lost answer" that
 * exactly-once writes must survive.
 */
export interface AnswerHold {
  /** Resolves once a matching request has been executed and its answer is being held. */
  readonly held: Promise<void>;
  /** Lets the held answers go; later matching requests pass at once. */
  release(): void;
}

interface Entry {
  hold: AnswerHold;
  markHeld: () => void;
  waiting: Array<() => void>;
}

export class AnswerHolds {
  private readonly entries = new Map<string, Entry>();

  /** Hold the answers of requests whose root fields include `rootField` (e.g. "fulfillmentCreate"). */
  hold(rootField: string): AnswerHold {
    let markHeld: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (markHeld = resolve));
    const entry: Entry = {
      markHeld,
      waiting: [],
      hold: {
        held,
        release: () => {
          this.entries.delete(rootField);
          entry.waiting.splice(0).forEach((go) => go());
        },
      },
    };
    this.entries.set(rootField, entry);
    return entry.hold;
  }

  /** Called by the endpoint after executing a request, before answering it. */
  async wait(rootFields: readonly string[]): Promise<void> {
    for (const field of rootFields) {
      const entry = this.entries.get(field);
      if (!entry) continue;
      await new Promise<void>((resolve) => {
        entry.waiting.push(resolve);
        entry.markHeld();
      });
    }
  }
}
