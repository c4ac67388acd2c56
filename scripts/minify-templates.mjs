/**
 * A TypeScript transformer that minifies the static text of Lit's `css` and `html`/`svg` tagged templates in the
 * production build (rollup.config.mjs) and in the size measurement (scripts/size.mjs), so both see the same code.
 *
 * Conservative on purpose (no HTML parser, nothing a browser could read differently):
 * - css: comments removed, whitespace runs collapsed to one space, the space dropped next to `{ } ; ,` and after
 *   `:`, the `;` before `}` dropped. `+`, `-` and `>` keep their spaces (calc() and range media queries need them).
 * - html/svg: `<!-- -->` comments removed, every whitespace run that contains a line break becomes one space
 *   (HTML collapses such runs anyway; the kit has no `<pre>`, no `white-space: pre*` and no `<textarea>` text).
 * - a plain template literal (no expressions) marked with a `/* css *\/` comment in front is minified as css: CSS text
 *   that is not a css`` template on purpose (src/internal/tokens.ts builds `tokens` with a pure call from one).
 * `str` templates and templates passed to `msg()` are left alone (lit-localize keys translations on their text).
 * Only the text between expressions changes; expressions and their positions stay as they are. Dev servers
 * (Storybook, web-test-runner) serve the source unminified; `npm run test:examples` runs the minified build.
 */

/** @param {string} raw */
export function minifyCss(raw, {first = true, last = true} = {}) {
  let out = raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

/** @param {string} raw */
export function minifyHtml(raw) {
  return raw.replace(/<!--[\s\S]*?-->/g, '').replace(/[ \t]*(?:\r?\n[ \t]*)+/g, ' ');
}

/**
 * @param {typeof import('typescript')} ts
 * @returns {import('typescript').TransformerFactory<import('typescript').SourceFile>}
 */
export function minifyTemplates(ts) {
  const f = ts.factory;
  const rawOf = (node) => node.rawText ?? node.text;
  return (context) => (sourceFile) => {
    /** A template literal written right after a `/* css *\/` comment (CSS text passed around as a plain string). */
    // (On the line of the previous token, TypeScript counts the comment as that token's trailing comment.)
    const cssComment = (node) =>
      [
        ...(ts.getLeadingCommentRanges(sourceFile.text, node.pos) ?? []),
        ...(ts.getTrailingCommentRanges(sourceFile.text, node.pos) ?? []),
      ].some((c) => sourceFile.text.slice(c.pos, c.end).replace(/\s+/g, '') === '/*css*/');
    const visit = (node) => {
      if (ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTaggedTemplateExpression(node.parent) && cssComment(node)) {
        return f.createNoSubstitutionTemplateLiteral(undefined, minifyCss(rawOf(node)));
      }
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
        const tag = node.tag.text;
        const minify = tag === 'css' ? 'css' : tag === 'html' || tag === 'svg' ? 'html' : undefined;
        // lit-localize identifies `msg(html`...`)` by its text: never change a template a translation is keyed on.
        const localized =
          ts.isCallExpression(node.parent) &&
          ts.isIdentifier(node.parent.expression) &&
          node.parent.expression.text === 'msg';
        if (minify && !localized) {
          const t = node.template;
          const edit = (raw, first, last) => (minify === 'css' ? minifyCss(raw, {first, last}) : minifyHtml(raw));
          let template;
          if (ts.isNoSubstitutionTemplateLiteral(t)) {
            template = f.createNoSubstitutionTemplateLiteral(undefined, edit(rawOf(t), true, true));
          } else {
            const spans = t.templateSpans.map((span, i) => {
              const isLast = i === t.templateSpans.length - 1;
              const text = edit(rawOf(span.literal), false, isLast);
              const literal = isLast ? f.createTemplateTail(undefined, text) : f.createTemplateMiddle(undefined, text);
              return f.createTemplateSpan(ts.visitNode(span.expression, visit), literal);
            });
            template = f.createTemplateExpression(
              f.createTemplateHead(undefined, edit(rawOf(t.head), true, false)),
              spans,
            );
          }
          return f.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, template);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}
