import robotsParserModule from 'robots-parser';
import { raceAbort } from './abort.js';

// robots-parser is CommonJS typed with an ES default export; under NodeNext the default import is
// module.exports itself, which is the parser function.
type RobotsParser = typeof robotsParserModule.default;
const robotsParser = robotsParserModule as unknown as RobotsParser;
type Robots = ReturnType<RobotsParser>;

/** What fetching `/robots.txt` gave: a status and text, or an error (unreachable host). */
export type RobotsFetchOutcome = { status: number; text: string } | { error: string };

type RobotsFetch = (robotsUrl: string) => Promise<RobotsFetchOutcome>;

function isRobotsTxtUrl(url: URL): boolean {
  return url.pathname === '/robots.txt';
}

/**
 * Decides whether our user agent may fetch a URL. robots.txt is fetched once per origin (scheme,
 * host and port, as RFC 9309 scopes it) and shared by concurrent callers. By convention a missing
 * (4xx), failing (5xx) or unreachable robots.txt allows everything.
 */
export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<Robots | null>>();

  constructor(
    private readonly fetchRobots: RobotsFetch,
    private readonly userAgent: string,
    private readonly onUnavailable: (robotsUrl: string, reason: string) => void,
  ) {}

  async isAllowed(url: URL, signal?: AbortSignal): Promise<boolean> {
    if (isRobotsTxtUrl(url)) return true;
    const robots = await raceAbort(this.rulesFor(url.origin), signal);
    // isAllowed answers undefined only for a URL outside the robots file's origin: not ours to block.
    return robots?.isAllowed(url.href, this.userAgent) ?? true;
  }

  private rulesFor(origin: string): Promise<Robots | null> {
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.load(`${origin}/robots.txt`);
      this.byOrigin.set(origin, rules);
    }
    return rules;
  }

  private async load(robotsUrl: string): Promise<Robots | null> {
    const outcome = await this.fetchRobots(robotsUrl);
    if ('error' in outcome) {
      this.onUnavailable(robotsUrl, outcome.error);
      return null;
    }
    if (outcome.status >= 200 && outcome.status < 300) return robotsParser(robotsUrl, outcome.text);
    this.onUnavailable(robotsUrl, `HTTP ${outcome.status}`);
    return null;
  }
}
