// custom-elements.json, read by Storybook's autodocs, the README's API tables and editors (package.json `customElements`).
export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
