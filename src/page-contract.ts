/**
 * The contract between a built page and the browser runtime (src/runtime/),
 * as docs/page-contract.md describes it: the manifest built into the script,
 * and the quiz JSON a section carries. Types only: the runtime imports this
 * file and nothing else from the build, and takes no code from it.
 */

/** One gated page in the course manifest. */
export interface RuntimePage {
  /** The page id (`Page.id`). */
  id: string
  /**
   * URL of the page: an absolute path, base included, or in an LMS package
   * a path relative to the site root (`RuntimeManifest.base`). The built
   * script leaves it out when it is `<base><encodeURI(id)>/`, and the
   * runtime fills it in.
   */
  url: string
  /**
   * `c` for a chapter opener, `s` for a section. The built script leaves
   * it out for a section, and the runtime fills it in.
   */
  kind: 'c' | 's'
}

/**
 * The course manifest, built into the hashed script so every page knows the
 * course order before it paints (the gate runs in `<head>`).
 */
export interface RuntimeManifest {
  /** Format version of this object. */
  v: 1
  /** Course id: the storage key is `coursemark:<course>:v2`. */
  course: string
  /**
   * How many characters of a hash of each page id make its key in progress
   * codes (src/runtime/page-key.ts): chosen by the build so that every
   * page's key differs.
   */
  keyLength: number
  /**
   * Site base path, with leading and trailing slash. `''` in an LMS package,
   * whose URLs here are relative to the site root: the folder above the
   * script's own (`assets/`), which is where the runtime resolves them.
   */
  base: string
  /** An LMS package's course index, `index.html` (relative to the site root); a web site's index is its base. */
  index?: string
  /** Set in an LMS package: progress lives in the LMS when the launch page holds a session, else in this browser, with a notice. */
  lms?: true
  /** URLs of the second script and its stylesheet (the progress dialog, the completion record), loaded on demand. */
  extras: { js: string; css: string }
  /** URL of the completion record page. */
  record: string
  /** URL of the service worker to register (scope: `base`), or null when the course is not kept offline. */
  worker: string | null
  /** Dev `--open-all`: no gating, and a banner says so. Left out when not set. */
  openAll?: true
  /** Chapters and sections in course order (the index is not gated). */
  pages: RuntimePage[]
}

/**
 * A message as the runtime formats it (src/runtime/messages.ts): text with
 * `{name}` placeholders, or, when it has plurals, a list of such texts and
 * plurals `[arg, {category: text}]`, a branch per CLDR plural category,
 * whose text writes the number as `#`. The build compiles it from the
 * catalogue's ICU-style message (src/messages/message-syntax.ts) and writes
 * it into the script in place of the key that names it (`"quiz.score"`).
 */
export type RuntimeMessage = string | Array<string | [arg: string, forms: Record<string, string>]>

/** The decoded answer key of one statement. */
export interface RuntimeAnswerKey {
  /** 0 when the first option is right, 1 when the second is. */
  a: 0 | 1
  /** The explanation, rendered to HTML; may be empty. */
  x: string
}

/**
 * The `data-cm-quiz` JSON on a section's `<section class="cm-quiz">`. The
 * statements and the two answer labels are in the page (each statement's
 * radio group, its radios labelled with the answers); this holds the rest.
 */
export interface RuntimeQuiz {
  /** Statements per attempt; never more than `keys.length`. */
  n: number
  /** Hash of the bank: stored attempts for another hash are dropped. */
  bank: string
  /**
   * Each statement's answer key, base64 of the UTF-8 JSON of a
   * `RuntimeAnswerKey`, in the order of the radio groups the section holds
   * (`<li id="cm-b<position>">`, each statement rendered at build time).
   * Base64 only keeps answers out of casual sight in the page source; it secures nothing.
   */
  keys: string[]
}

/**
 * What the service worker knows (src/worker/service-worker.ts), built into
 * it in place of `__CM_OFFLINE__`: a new build changes it, and so the
 * browser finds the new worker.
 */
export interface RuntimeOffline {
  /** The Cache API cache the course's files go in (one per base). */
  cache: string
  /** Site base path, with leading and trailing slash. */
  base: string
  /** True when every file is fetched on install; false (a course over the size limit) caches as visited. */
  whole: boolean
  /** Every file of the site but the worker: URL path (a page as its folder, `/base/s1/`) and revision (a content hash). */
  files: Array<[string, string]>
}
