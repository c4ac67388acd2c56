// Stands in for the CRM: shows what the host received, where the consumer run (run.mjs) reads it.
import type {Callback} from 'callback-kit/core';

function output(id: string): HTMLOutputElement {
  let node = document.getElementById(id) as HTMLOutputElement | null;
  if (!node) {
    node = document.createElement('output');
    node.id = id;
    document.body.append(node);
  }
  return node;
}

export const crm = {
  /** `callback-scheduled` arrived: record the saved callback. */
  callbackSaved(callback: Callback): void {
    output('host-scheduled').textContent = JSON.stringify({callback});
  },
  loggedOut(agentId: string | undefined): void {
    output('host-logged-out').textContent = agentId ?? '';
  },
};
