// The layering of src/, checked by `npm run lint` (and so by `npm test`).
//
// Every import points down the pipeline:
//
//   cli ─► dev ─► pipeline ─► emit ─► render ─► messages ─► model ─► load
//    │     └──► serve
//    └──► check, author ──────────────┘
//   diagnostics/ and page-contract.ts are below them all; runtime/ stands
//   apart and takes only types, and only from page-contract.ts; so does worker/.
//   serve/ (a folder over HTTP, for `serve` and `dev`) knows nothing of courses.
//
// dependency-cruiser resolves each import to the file it loads and knows a
// type-only import from one that loads code, which Biome's import rules
// (string patterns) cannot. The README's "How the code is laid out" draws
// the same picture.

/** `from` may import only from itself and the layers listed in `to` (folders, or files under src/). */
function layer(name, from, to, comment) {
  const allowed = [from, ...to].map((p) => (p.endsWith('.ts') ? `${p.replace('.', '\\.')}$` : `${p}/`))
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^src/${from.endsWith('.ts') ? from.replace('.', '\\.') + '$' : from + '/'}` },
    to: { path: '^src/', pathNot: `^src/(${allowed.join('|')})` },
  }
}

const BASE = ['diagnostics', 'page-contract.ts']

module.exports = {
  forbidden: [
    layer('load-stays-low', 'load', ['diagnostics'], 'load/ reads files; it knows nothing of later stages.'),
    layer('model-above-load', 'model', ['load', 'diagnostics'], 'model/ orders what load/ read.'),
    layer(
      'messages-above-model',
      'messages',
      ['model', 'load', ...BASE],
      "messages/ resolves the interface's words for the course's languages.",
    ),
    layer(
      'render-above-model',
      'render',
      ['messages', 'model', 'load', ...BASE],
      'render/ parses and renders the model.',
    ),
    layer(
      'emit-above-render',
      'emit',
      ['render', 'messages', 'model', 'load', ...BASE],
      'emit/ plans and writes the site.',
    ),
    layer(
      'check-reads-render',
      'check',
      ['render', 'messages', 'model', 'load', 'diagnostics'],
      'check/ reads the course and what rendering found.',
    ),
    layer(
      'author-tools',
      'author',
      ['render', 'messages', 'model', 'load', 'diagnostics'],
      'author/ holds the authoring tools (quiz decode/encode, new).',
    ),
    layer(
      'pipeline-runs-stages',
      'pipeline',
      ['emit', 'render', 'messages', 'model', 'load', ...BASE],
      'pipeline/ runs the stages; nothing below calls it.',
    ),
    layer(
      'dev-above-pipeline',
      'dev',
      ['pipeline', 'serve', 'emit', 'render', 'messages', 'model', 'load', 'diagnostics'],
      'dev/ is build + watch + serve; it does not reach into cli/.',
    ),
    layer(
      'serve-knows-files',
      'serve',
      ['diagnostics'],
      'serve/ serves a folder over HTTP; it knows nothing of courses.',
    ),
    layer(
      'cli-at-the-edge',
      'cli',
      ['dev', 'serve', 'pipeline', 'check', 'author', 'emit', 'render', 'messages', 'model', 'load', 'diagnostics'],
      'cli/ may use anything but the browser runtime.',
    ),
    layer('diagnostics-at-the-bottom', 'diagnostics', [], 'diagnostics/ is used by every layer and uses none.'),
    layer('page-contract-is-types', 'page-contract.ts', [], 'The page contract describes data; it imports nothing.'),
    layer(
      'node-api',
      'index.ts',
      ['pipeline', 'model', 'load', 'diagnostics'],
      'The Node API exports the pipeline and its types.',
    ),
    {
      name: 'runtime-imports-only-the-contract',
      comment: 'The browser runtime is bundled alone: from the build it may import page-contract.ts and nothing else.',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '^src/', pathNot: '^src/(runtime/|page-contract\\.ts$)' },
    },
    {
      name: 'worker-imports-only-the-contract',
      comment: 'The service worker is bundled alone: from the build it may import types of page-contract.ts only.',
      severity: 'error',
      from: { path: '^src/worker/' },
      to: { path: '^src/', pathNot: '^src/(worker/|page-contract\\.ts$)' },
    },
    {
      name: 'worker-imports-only-types',
      comment: 'What the worker imports from the build must be types only.',
      severity: 'error',
      from: { path: '^src/worker/' },
      to: { path: '^src/page-contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-imports-only-types',
      comment:
        'What the runtime imports from the build must be types only (`import type`), so no build code reaches the browser.',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '^src/page-contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-has-no-dependencies',
      comment: "The runtime uses no package and no Node module: it runs in the learner's browser.",
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between modules means two of them belong together, or one is in the wrong layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
}
