import type { CheerioAPI } from 'cheerio';
import type { Text } from 'domhandler';

// Where text is code or not text at all: Tistory's codes and TeX there are shown, not interpreted.
const NOT_PROSE = 'pre, code, kbd, samp, textarea, script, style';

/** Calls `visit` for every text node of running prose (a snapshot: `visit` may replace the node). */
export function eachProseTextNode($: CheerioAPI, visit: (node: Text) => void): void {
  const nodes: Text[] = [];
  $.root()
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      if (node.type === 'text' && $(node).closest(NOT_PROSE).length === 0) nodes.push(node);
    });
  nodes.forEach(visit);
}
