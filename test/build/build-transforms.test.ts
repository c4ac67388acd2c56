// The build-level size cuts of issue 17 (no DOM): the template minifier (scripts/minify-templates.mjs), the
// TypeScript helpers the production build injects instead of tslib (scripts/ts-helpers.mjs), and the token block a
// bundle drops when it only reads the session's part (src/internal/tokens.ts). Run:
// npx mocha --no-config --node-option import=tsx test/build/build-transforms.test.ts (Node only: not in the browser suite)
import {expect} from 'chai';
import * as esbuild from 'esbuild';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

type MinifyTemplates = (typescript: typeof ts) => ts.TransformerFactory<ts.SourceFile>;
type Decorate = (decorators: unknown[], target: unknown, key?: string | symbol, desc?: unknown) => unknown;

const root = fileURLToPath(new URL('../..', import.meta.url));
// Untyped build scripts (.mjs): imported by a computed specifier so the type checker does not look for declarations.
const script = (name: string) => `${root}scripts/${name}`;

describe('build: template minifier (scripts/minify-templates.mjs)', () => {
  let minifyTemplates: MinifyTemplates;
  before(async () => {
    ({minifyTemplates} = (await import(script('minify-templates.mjs'))) as {minifyTemplates: MinifyTemplates});
  });

  const transpile = (code: string) =>
    ts.transpileModule(code, {
      compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022},
      transformers: {before: [minifyTemplates(ts)]},
    }).outputText;

  it('minifies css`` templates and plain templates marked /* css */, keeping the pure annotation of a call', () => {
    const out = transpile(`
      const a = css\`
        :host {
          /* the box */
          display: block;
        }
      \`;
      const b = /* @__PURE__ */ join(a, /* css */ \`
        :host {
          --x: var(--y, 1px);
        }
      \`);
    `);
    expect(out).to.contain('css `:host{display:block}`');
    expect(out).to.contain('`:host{--x:var(--y,1px)}`');
    expect(out).to.match(/\/\* @__PURE__ \*\/ join\(/);
  });

  it('leaves other plain templates and msg() templates as written', () => {
    const source = `
      const plain = \`
        a  {  b: c; }
      \`;
      const other = /* html */ \`
        a  {  b: c; }
      \`;
      const label = msg(html\`Due
        <b>now</b>\`);
    `;
    const out = transpile(source);
    expect(out.match(/`\n {8}a {2}\{ {2}b: c; \}\n {6}`/g)).to.have.length(2);
    expect(out).to.contain('msg(html `Due\n        <b>now</b>`)');
  });
});

describe('build: TypeScript helpers (scripts/ts-helpers.mjs)', () => {
  let decorate: Decorate;
  before(async () => {
    ({__decorate: decorate} = (await import(script('ts-helpers.mjs'))) as {__decorate: Decorate});
  });

  it('runs property decorators last to first with the prototype and the key, as tslib does', () => {
    const calls: string[] = [];
    const proto = {};
    const dec = (name: string) => (target: object, key: string) => {
      expect(target).to.equal(proto);
      calls.push(`${name}:${key}`);
    };
    decorate([dec('outer'), dec('inner')], proto, 'value', undefined);
    expect(calls).to.deep.equal(['inner:value', 'outer:value']);
    expect(Object.getOwnPropertyNames(proto)).to.deep.equal([]);
  });

  it('defines the descriptor a method or accessor decorator returns; a class decorator may replace the class', () => {
    const proto = {
      greet() {
        return 'hi';
      },
    };
    const loud = (_target: object, _key: string, desc: PropertyDescriptor) => ({
      ...desc,
      value: () => `${(desc.value as () => string)()}!`,
    });
    decorate([loud], proto, 'greet', null);
    expect(proto.greet()).to.equal('hi!');

    class Plain {}
    class Replaced {}
    expect(decorate([() => Replaced], Plain)).to.equal(Replaced);
    expect(decorate([() => undefined], Plain)).to.equal(Plain);
  });
});

describe('build: the token block (src/internal/tokens.ts)', () => {
  const bundle = async (code: string) => {
    const result = await esbuild.build({
      stdin: {contents: code, resolveDir: root, loader: 'ts'},
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      external: ['lit'],
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };

  it('a bundle that reads only sessionTokens drops the rest of the block; one that reads tokens keeps all of it', async () => {
    const session = await bundle(`import {sessionTokens} from './src/internal/tokens.ts'; console.log(sessionTokens);`);
    expect(session).to.contain('--ck-color-danger-surface');
    expect(session).to.not.contain('--ck-color-muted');
    const all = await bundle(`import {tokens} from './src/internal/tokens.ts'; console.log(tokens);`);
    expect(all).to.contain('--ck-color-danger-surface');
    expect(all).to.contain('--ck-color-muted');
  });
});
