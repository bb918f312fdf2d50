import { asElement } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/**
 * The `div.image-container` of an image grid (`figure.imagegridblock`) holds the images side by side;
 * as a block it would push the figure's caption a paragraph away from them.
 */
export const imageGridContainer: RuleDefinition = {
  key: 'imageGridContainer',
  create: () => ({
    filter: (node) => node.nodeName === 'DIV' && /(?:^|\s)image-container(?:\s|$)/.test(asElement(node).className),
    replacement: (content) => content.trim(),
  }),
};
