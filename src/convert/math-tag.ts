import { escapeHtml } from '../util/html-escape.js';

/** The element that carries author-typed TeX from the prepare step to the math rule. */
export const MATH_TAG = 'tistory-math';
/** The TeX itself, in an attribute: text would have its line breaks collapsed on the way. */
export const MATH_ATTRIBUTE = 'data-tex';

export function mathElement(tex: string): string {
  return `<${MATH_TAG} ${MATH_ATTRIBUTE}="${escapeHtml(tex)}">${escapeHtml(tex)}</${MATH_TAG}>`;
}
