/**
 * `callback-kit/jsx`: the kit's tags in React 19's `JSX.IntrinsicElements`, for hosts that write
 * `<callback-scheduler contact={contact} />` directly instead of using `callback-kit/react`'s components.
 * Load it once with `import type {} from 'callback-kit/jsx';` (or add `"callback-kit/jsx"` to `compilerOptions.types`).
 *
 * React 19 sets a prop as a property when the element, already defined, has a property of that name, and turns
 * `on<name>` into `addEventListener('<name>')` with the part after `on` taken literally: so the event props here
 * are `oncallback-scheduled` (the exact event name), never `onCallbackScheduled`.
 * @packageDocumentation
 */
import type {ReactNode, Ref, HTMLAttributes} from 'react';
import type {
  CallbackKitElementClasses,
  CallbackKitEventMap,
  CallbackKitElementProperties,
  CallbackKitEventName,
  CallbackKitTag,
} from './elements.js';

/** `on<event-name>` props for React 19 intrinsic elements, typed with the event classes. */
export type CallbackKitIntrinsicEventProps<T extends CallbackKitTag> = {
  [N in CallbackKitEventName<T> as `on${N}`]?: (event: CallbackKitEventMap[N]) => void;
};

/** The JSX props of one of the kit's tags. */
export type CallbackKitIntrinsicProps<T extends CallbackKitTag> = Omit<
  HTMLAttributes<CallbackKitElementClasses[T]>,
  keyof CallbackKitElementProperties<T>
> &
  CallbackKitElementProperties<T> &
  CallbackKitIntrinsicEventProps<T> & {ref?: Ref<CallbackKitElementClasses[T]>; children?: ReactNode};

/** The kit's tags as JSX intrinsic elements. */
export type CallbackKitIntrinsicElements = {[T in CallbackKitTag]: CallbackKitIntrinsicProps<T>};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CallbackKitIntrinsicElements {}
  }
}
