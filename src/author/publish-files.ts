/**
 * The files `coursemark new` writes beside the pages so that a push
 * publishes the course: a GitHub Pages workflow and a .gitignore. The
 * README's "Publish your course" explains them.
 */

/** The actions the workflow uses, each at the major version it is pinned to. */
export const PAGES_ACTIONS = {
  checkout: 'actions/checkout@v7',
  setupNode: 'actions/setup-node@v7',
  configurePages: 'actions/configure-pages@v5',
  uploadArtifact: 'actions/upload-pages-artifact@v5',
  deployPages: 'actions/deploy-pages@v5',
} as const

/**
 * By path in the course folder: `.github/workflows/pages.yml` and `.gitignore`.
 * `version` is the coursemark the workflow builds with (`dev` when run from
 * a checkout: the latest published one then).
 */
export function publishFiles(version: string): Map<string, string> {
  const coursemark = version === 'dev' ? 'coursemark' : `coursemark@${version}`
  return new Map([
    ['.gitignore', '# The site coursemark builds; the workflow builds it anew on every push.\n_site/\nnode_modules/\n'],
    ['.github/workflows/pages.yml', pagesWorkflow(coursemark)],
  ])
}

function pagesWorkflow(coursemark: string): string {
  const a = PAGES_ACTIONS
  return `# Publishes the course on GitHub Pages at every push to main (written by
# \`coursemark new\`). Once: in the repository's Settings > Pages, choose
# "GitHub Actions" as the source.
name: Publish the course

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits for the one under way.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${a.checkout}
      - uses: ${a.setupNode}
        with:
          node-version: 24
      - id: pages
        uses: ${a.configurePages}
      # base_path is /<repository> for a project site, and empty for
      # <user>.github.io or a custom domain: the site's links follow it.
      - run: npx --yes ${coursemark} build . --out _site --base "\${{ steps.pages.outputs.base_path }}/"
      - uses: ${a.uploadArtifact}
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: ${a.deployPages}
`
}
