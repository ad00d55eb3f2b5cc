// Tiny DOM helpers for the report view, the element and the web app: build elements, and turn the plots' SVG
// strings into nodes safely (a report fetched from any URL may carry hostile strings).
// The project's one tsconfig also loads @cloudflare/workers-types, whose HTMLRewriter `Element` merges with the DOM's:
// browser code here uses appendChild/replaceChildren rather than append/remove, whose types the merge breaks.

type Child = Node | string | null | undefined | false
type Attributes = Record<string, string | number | boolean | null | undefined>

/** `h('p', { class: 'x', 'data-testid': 'y' }, 'text', child)`: an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return element
}

const UNSAFE_ELEMENTS = 'script, foreignObject, iframe, object, embed'

/**
 * An SVG document string (from client/plots) as an SVG element of this document, with anything executable removed:
 * script-like elements, `on*` attributes and `javascript:` links. The plots never emit these; a crafted report.json
 * could try to.
 */
export function svgNode(svg: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const root = parsed.documentElement
  if (root.nodeName !== 'svg') throw new Error('the figure is not an SVG document')
  for (const element of Array.from(root.querySelectorAll(UNSAFE_ELEMENTS))) element.parentNode?.removeChild(element)
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on') || (name.endsWith('href') && /^\s*javascript:/i.test(attribute.value))) element.removeAttribute(attribute.name)
    }
  }
  return document.importNode(root, true) as unknown as SVGSVGElement
}
