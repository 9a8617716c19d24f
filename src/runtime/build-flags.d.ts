/**
 * Set by the build (scripts/build.mjs): true in the pages' runtime of LMS
 * packages (dist/runtime-lms.js), false in the web site's (dist/runtime.js).
 * Code behind `if (__CM_LMS_RUNTIME__)` is left out of the web site's
 * runtime altogether, so its pages pay nothing for LMS packages.
 */
declare const __CM_LMS_RUNTIME__: boolean
