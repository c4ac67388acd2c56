// A Server Component page: rendered on the server, it places the client component that holds the kit.
import {CallbackPanel} from './callback-panel';

export default function Page() {
  return (
    <main>
      <h1>Agent desktop</h1>
      <CallbackPanel />
    </main>
  );
}
