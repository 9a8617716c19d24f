/**
 * Showing one attempt's draw of a quiz whose whole bank the page holds as
 * hidden `<li id="cm-b<position>">` radio groups (render/rules/quiz.ts):
 * the drawn ones in draw order, the others hidden. The inline draw script
 * and the runtime both use this, so they cannot disagree on the markup.
 */

/** Show bank positions `drawn`, in that order, in the quiz's `.cm-q-list`; records them in `data-cm-drawn`. */
export function showDraw(list: HTMLElement, drawn: readonly number[]): void {
  const items = Array.from(list.children) as HTMLElement[]
  for (const li of items) li.hidden = true
  for (const position of drawn) {
    const li = items.find((item) => item.id === `cm-b${position}`)
    if (!li) continue
    li.hidden = false
    list.append(li)
  }
  list.setAttribute('data-cm-drawn', drawn.join(' '))
  ;(list.parentElement as HTMLElement).hidden = false
}
