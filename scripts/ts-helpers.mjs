/**
 * The TypeScript helpers of the production build (rollup.config.mjs passes this file to @rollup/plugin-typescript
 * as `tslib`), in place of tslib's ES module. The kit's sources (target es2022, `experimentalDecorators`) need only
 * `__decorate`; tslib's copy also carries the `Reflect.decorate` hook of the reflect-metadata polyfill and a
 * top-level `SuppressedError` check that minifiers keep, in the eager files of every element.
 *
 * Same behaviour as tslib's `__decorate` for class, method, accessor and property decorators: decorators run last
 * to first; a method or accessor decorator (descriptor `null`: read from the target) may return a replacement
 * descriptor, which is defined on the target. A helper TypeScript starts to emit that is not exported here fails
 * the build (rollup: "is not exported by scripts/ts-helpers.mjs"), so nothing silently falls back.
 */
export function __decorate(decorators, target, key, desc) {
  const count = arguments.length;
  let result = count < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc;
  for (let i = decorators.length - 1; i >= 0; i--) {
    const decorate = decorators[i];
    if (decorate)
      result =
        (count < 3 ? decorate(result) : count > 3 ? decorate(target, key, result) : decorate(target, key)) || result;
  }
  if (count > 3 && result) Object.defineProperty(target, key, result);
  return result;
}
