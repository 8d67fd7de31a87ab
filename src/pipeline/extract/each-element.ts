import type {Element, Root} from 'hast'

/**
 * Call `enter` on every element of an HTML tree, each before what is inside it: what
 * `visit(tree, 'element', enter)` does, without the list of ancestors that unist-util-visit
 * makes for every node. It runs over every entry's body several times in a cold build.
 * `enter` may change an element's children; they are walked after it returns.
 */
export function eachElement(parent: Root | Element, enter: (element: Element) => void): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue
    enter(child)
    eachElement(child, enter)
  }
}
