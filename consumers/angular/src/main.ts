// Bootstraps the README's Angular example verbatim (src/callback.component.ts; run.mjs checks it matches
// docs/frameworks-angular-cdn.md).
import {provideZonelessChangeDetection} from '@angular/core';
import {bootstrapApplication} from '@angular/platform-browser';
import {CallbackComponent} from './callback.component';

bootstrapApplication(CallbackComponent, {providers: [provideZonelessChangeDetection()]}).catch((error: unknown) =>
  console.error(error),
);
