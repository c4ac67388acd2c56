/**
 * `<callback-scheduler>`'s save path on demand. Its code (`scheduler-save.ts`: the checks, the submissions, kept
 * attempts, the confirmation) is a lazy chunk. It downloads on intent (the agent works in the form, or the week is
 * shown), at Save at the latest, and at once when an attempt kept before a reload waits for this agent and customer
 * (then `updateComplete` waits for it and the attempt is shown with Retry). Holds the submissions' controller
 * (`SubmitController`) once the chunk is there.
 */
import type {ReactiveControllerHost} from 'lit';
import type {SchedulingBackend} from '../../core/backend.js';
import {LazyChunk} from '../../internal/lazy-chunk.js';
import type {Attempt, SubmitController, SubmitOutcome} from './submit-controller.js';

export type SaveModule = typeof import('./scheduler-save.js');
/** The save path's chunk: one download per page, asked again after a failure. */
const saveChunk = new LazyChunk<SaveModule>(() => import('./scheduler-save.js'));

export interface SavingOptions {
  backend(): SchedulingBackend | undefined;
  /** Milliseconds to wait for the host's or the backend's answer. */
  timeout(): number;
  /** The storage key of this agent's unsettled attempt for this customer. */
  key(): string | undefined;
  /** Downloads the chunk for the element (`KitElement.loadChunk`: it renders, and `updateComplete` waits). */
  load(chunk: LazyChunk<SaveModule>, failed: (error: unknown) => void): Promise<SaveModule | undefined>;
  /** An attempt kept before a reload was found: the element shows it with Retry. */
  restored(save: SaveModule, attempt: Attempt): void;
}

/** Whether an attempt is kept under `key` (one read of the storage; the save chunk reads it in full). */
function keptAttempt(key: string): boolean {
  try {
    return !!globalThis.localStorage?.getItem(key);
  } catch {
    return false;
  }
}

export class SchedulerSaving {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: SavingOptions;
  /** The save chunk, once loaded. */
  module?: SaveModule;
  /** Attempts, idempotency keys, kept attempts and their replay: created when the save chunk has loaded. */
  submitter?: SubmitController;
  /** The storage key of a kept attempt looked for before the save chunk loaded. */
  #keptKey?: string;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SavingOptions) {
    this.#host = host;
    this.#options = options;
  }

  #install(save: SaveModule): SaveModule {
    this.module = save;
    if (!this.submitter) {
      this.submitter = new save.SubmitController(this.#host, {
        backend: this.#options.backend,
        timeout: this.#options.timeout,
      });
      this.#host.requestUpdate();
    }
    return save;
  }

  /** Loads the save chunk (once; `updateComplete` waits for it) and creates the submissions' controller. */
  async load(): Promise<SaveModule> {
    let failure: unknown;
    const save = await this.#options.load(saveChunk, (error) => (failure = error));
    if (!save) throw failure;
    return this.#install(save);
  }

  /** Starts the download on intent (the agent works in the form); Save awaits it anyway. */
  intent = (): void => {
    if (!this.module)
      saveChunk.load().then(
        (save) => this.#install(save),
        () => undefined,
      );
  };

  /**
   * Follows this agent's and customer's storage key. After a reload, an attempt whose outcome never arrived is shown,
   * and settled with its own key first (the save chunk is loaded at once when one is kept).
   */
  follow(): void {
    const key = this.#options.key();
    const save = this.module;
    if (!save || !this.submitter) {
      if (key === this.#keptKey) return;
      this.#keptKey = key;
      if (key && keptAttempt(key)) this.load().catch(() => (this.#keptKey = undefined)); // found again on the next update (or restored at Save)
      return;
    }
    const restored = this.submitter.follow(key);
    if (restored) this.#options.restored(save, restored);
  }

  /** Sends a submission (the chunk is loaded by then), an attempt kept before a reload first. */
  submit(...args: Parameters<SubmitController['submit']>): Promise<SubmitOutcome> {
    this.follow();
    return this.submitter!.submit(...args);
  }
}
