/**
 * Set by the build (scripts/build.mjs): true in the pages' runtime of LMS
 * packages (dist/runtime-lms.js), false in the web site's (dist/runtime.js).
 * Code behind `if (__CM_LMS_RUNTIME__)` is left out of the web site's
 * runtime altogether, so its pages pay nothing for LMS packages.
 */
declare const __CM_LMS_RUNTIME__: boolean

/**
 * Set by the build: true in the course index's runtime (dist/runtime-index.js,
 * dist/runtime-lms-index.js), false in every other page's, so a section's
 * first visit does not load the index's code, nor the index a quiz's.
 */
declare const __CM_INDEX_RUNTIME__: boolean
