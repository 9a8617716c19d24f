/** coursemark's version: the bundle has package.json's (scripts/build.mjs); run from the sources, `dev`. */
declare const COURSEMARK_VERSION: string | undefined

export const VERSION = typeof COURSEMARK_VERSION === 'string' ? COURSEMARK_VERSION : 'dev'
