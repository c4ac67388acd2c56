/**
 * A cancelable request event a host may refuse with a reason the element shows to the agent (`callback-submit`,
 * `logout-request`): `veto(reason)` is `preventDefault()` plus that reason. Bubbles, composed.
 */
export class VetoableEvent extends Event {
  #vetoReason?: string;

  constructor(type: string) {
    super(type, {bubbles: true, composed: true, cancelable: true});
  }

  /** Refuses the request (same as `preventDefault()`) and tells the agent why, e.g. "Save your call notes first." */
  veto(reason?: string): void {
    if (reason) this.#vetoReason = reason;
    this.preventDefault();
  }

  /** The reason given to `veto()`, if any. */
  get vetoReason(): string | undefined {
    return this.#vetoReason;
  }
}
