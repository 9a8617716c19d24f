/**
 * `check`'s warnings about the index's course-wide settings: a course id
 * left to default to the folder's name (learners' progress is stored under
 * it, so a checkout under another name starts everyone again), and an
 * `offline` that is not true or false. Pure.
 */
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Course } from '../model/types.ts'

export function checkCourseId(course: Course): Diagnostic[] {
  const index = course.index
  const out: Diagnostic[] = []
  if (!course.idPinned) {
    out.push(
      warning({
        code: 'course/no-id',
        message: `The index has no course_id, so learners' progress is stored under the course folder's name, "${course.id}".`,
        file: index.file,
        line: 1,
        column: 1,
        hint: `Add \`course_id: ${course.id}\` to the index's front matter: built from a folder of another name, the course would otherwise start every learner again.`,
      }),
    )
  }
  const offline = index.front.data['offline']
  if (offline !== undefined && typeof offline !== 'boolean') {
    out.push(
      warning({
        code: 'course/offline-value',
        message: `offline is ${JSON.stringify(offline)}, not true or false, so the course is kept offline.`,
        file: index.file,
        line: index.front.fieldLines['offline'] ?? 1,
        column: 1,
        hint: 'Write `offline: false` to build a site that learners cannot keep offline, or remove the line.',
      }),
    )
  }
  return out
}
