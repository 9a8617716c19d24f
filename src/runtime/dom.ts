/** Small DOM helpers shared by the runtime's page parts. */

/** A new element with attributes (set as written) and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name] as string)
  node.append(...children)
  return node
}

/** Elements matching `selector` under `root`, as an array. */
export function all<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] {
  return Array.from(root.querySelectorAll<T>(selector))
}

/** Replace the children of `node` (what `replaceChildren` does, for browsers older than it). */
export function fill(node: Element, ...children: Array<Node | string>): void {
  node.textContent = ''
  node.append(...children)
}
