/**
 * The shared style modules, in the order an element composes them:
 * `static styles = [tokens, host, a11y, controls, messages, css\`...own rules...\`]`.
 */
export {host} from './host.js';
export {a11y} from './a11y.js';
export {controls} from './controls.js';
export {messages} from './messages.js';
