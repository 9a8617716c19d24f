/**
 * The pages `coursemark new` writes: an index, a chapter, two sections and a
 * quiz in the readable form, each saying how to change it. They build and
 * check with no diagnostic (test/cli/new.test.ts holds them to it).
 */

/** The pages of a new course in the folder `folderName`, by file name, in course order. */
export function newCoursePages(folderName: string): Map<string, string> {
  return scaffold(titleOf(folderName), idOf(folderName))
}

/** `My First Course!` → `my-first-course`: the course id, pinned so a renamed folder keeps learners' progress. */
function idOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'my-course'
  )
}

/** `my-first_course` → `My first course`. */
function titleOf(name: string): string {
  const words = name.replace(/[-_.]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'My course'
}

/** The pages of a new course, by file name, in course order. */
function scaffold(title: string, id: string): Map<string, string> {
  const quote = (s: string) => (/^[\w ]+$/.test(s) ? s : JSON.stringify(s))
  return new Map([
    [
      'index.md',
      `---
title: ${quote(title)}
class: index
course_id: ${id}
---
Welcome to **${title.replace(/[*_\\`[\]<>]/g, '\\$&')}**. Learners start here: the buttons and the outline
below take them through the chapters and sections in order.

This page is \`index.md\`. Write what the course is about, who it is for and
how long it takes. Its \`course_id\` names the course in learners' browsers,
where their progress is kept: leave it as it is, even if you rename the folder.
`,
    ],
    [
      'getting-started.md',
      `---
title: "Chapter 1: Getting started"
class: chapter
serial: 1
---
A chapter page opens a chapter: the sections after it, in \`serial\` order,
belong to it until the next chapter page.

Say here what the chapter covers.
`,
    ],
    [
      'writing-pages.md',
      `---
title: Writing pages
class: section
serial: 2
---
Each page is a Markdown file that starts with front matter: a \`title\`, a
\`class\` (\`index\`, \`chapter\` or \`section\`) and, on chapters and sections,
a \`serial\` that sets its place in the course.

### Links and pictures

Link to another page by its file, like this link to
[the next section](quizzes.md); put pictures in the course folder and show
them with \`![what the picture shows](picture.png)\`.

This section has no quiz, so learners go on with a button.
{: data-n="0"}
`,
    ],
    [
      'quizzes.md',
      `---
title: Quizzes
class: section
serial: 3
---
A section can end with a quiz. The paragraph that introduces it carries
\`data-n\`, the number of statements each attempt shows; the list after it is
the bank they are drawn from. Under each statement, say whether it is True or
False, and why.

Mark each statement True or False, then press Score:
{: data-n="2"}

- A quiz shows every statement of its bank at once.
  - False: Each attempt draws data-n statements at random from the bank.
- A learner who answers every statement right opens the next section.
  - True: An all-correct quiz unlocks what comes next.
- A wrong answer shows the right one and its explanation.
  - True: That is what the text after the colon is for.
- Learners' progress is sent to the course author.
  - False: Progress stays in the learner's browser.
`,
    ],
  ])
}
