import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { scoreBody } from '../../src/extract/score-body.js';
import { bodyText } from '../helpers/body-text.js';
import { chromeStringsIn } from '../helpers/chrome-strings.js';
import { loadPageFixtures } from '../helpers/page-fixtures.js';

/** The scored element's text, whitespace folded; null when the scorer finds nothing. */
function scoredText(body: string): string | null {
  const $ = load(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  const scored = scoreBody($);
  return scored ? scored.node.text().replace(/\s+/g, ' ').trim() : null;
}

const POST = `<div id="post_body_wrap">
<p>하드디스크 하나가 배드 섹터를 내기 시작했습니다. 스마트 정보를 보니 하루 사이에 두 배가 되었더군요.</p>
<p>RAID 1로 묶어 두어 데이터는 멀쩡했지만, 바로 교체하기로 했습니다.</p>
<p>리빌드에는 일곱 시간쯤 걸렸습니다. 밤에 하는 편이 좋습니다.</p>
</div>`;

/** Far more text than the post, but every line of it a link with a name after it: a sidebar. */
const LINK_HEAVY_BOX = `<div class="box"><h3>최근 댓글</h3>${Array.from(
  { length: 12 },
  (_, index) =>
    `<p><a href="/8#comment${index}">저도 같은 문제로 한참 고생했는데, 설정을 바꾸니까 바로 되네요. 정말 감사합니다! (${index})</a> <span>손님${index}</span></p>`,
).join('\n')}</div>`;

describe('the paragraph scorer', () => {
  it('prefers the paragraph-rich post to a link-heavy box with more text', () => {
    expect(load(LINK_HEAVY_BOX).root().text().length).toBeGreaterThan(load(POST).root().text().length * 2);
    expect(
      scoredText(`<table><tr><td id="left_cell">${LINK_HEAVY_BOX}</td><td id="center_cell">${POST}</td></tr></table>`),
    ).toMatch(/^하드디스크 하나가 .* 밤에 하는 편이 좋습니다\.$/);
  });

  it('never looks inside the page chrome, however much writing it holds', () => {
    const aside = `<aside><p>${'사이드바에 적힌 긴 자기소개입니다. '.repeat(20)}</p><p>${'둘째 문단도 깁니다. '.repeat(20)}</p></aside>`;
    expect(scoredText(`${aside}<div class="wrap">${POST}</div>`)).toMatch(/^하드디스크 하나가/);
  });

  it('leaves out furniture named by its class or id, but not a wrapper that only names the layout', () => {
    const profile = `<div class="profile"><p>${'안녕하세요, 곰돌이입니다. 자바와 파이썬을 씁니다. '.repeat(6)}</p><p>질문은 방명록에 남겨 주세요. 꼭 답해 드립니다.</p></div>`;
    const comments = `<div id="entry9Comment"><p>${'좋은 글 감사합니다. 잘 읽었어요. '.repeat(8)}</p><p>저도 해 봐야겠네요. 고맙습니다.</p></div>`;
    const text = scoredText(`<div class="layout-aside-right">${profile}${comments}${POST}</div>`);
    expect(text).toMatch(/^하드디스크 하나가/);
    expect(text).not.toMatch(/곰돌이|감사합니다/);
  });

  it('takes the whole post when it is split into sections of paragraphs', () => {
    const sections = `<div class="entry"><div class="part"><p>첫째 부분의 첫 문단입니다. 설정 파일부터 봅니다.</p><p>첫째 부분의 둘째 문단입니다.</p></div>
<div class="part"><p>둘째 부분의 첫 문단입니다. 이제 서비스를 다시 띄웁니다.</p><p>둘째 부분의 둘째 문단입니다.</p></div></div>`;
    expect(scoredText(sections)).toMatch(/^첫째 부분의 첫 문단입니다\..*둘째 부분의 둘째 문단입니다\.$/);
  });

  it('counts lines split by <br> as paragraphs, but one paragraph alone is no post', () => {
    expect(
      scoredText(
        '<div id="text">옛 에디터는 문단 대신 줄바꿈을 썼습니다.<br><br>그래서 한 블록 안에 여러 줄이 나란히 들어 있습니다.<br>이것도 모두 본문입니다.</div>',
      ),
    ).toMatch(/^옛 에디터는.*이것도 모두 본문입니다\.$/);
    expect(
      scoredText(
        '<div class="box"><p>안녕하세요. 곰돌이입니다. 자바와 파이썬으로 이것저것 만들고, 배운 것을 잊지 않으려고 적어 둡니다.</p></div>',
      ),
    ).toBeNull();
  });

  it('finds nothing in a page of headings, dates and short labels', () => {
    expect(
      scoredText(
        '<h2>글 제목이 꽤 길게 적혀 있습니다</h2><div class="info">2019. 10. 5. 19:40</div><div>짧은 글.</div><div>짧은 글 둘.</div>',
      ),
    ).toBeNull();
  });

  it("does not count the dots of a skin's date as sentences", () => {
    const info = '<div class="blogview_info"><span>곰돌이</span><span>2019. 10. 5. 19:40</span></div>';
    expect(
      scoredText(
        `${info}<div class="x"><p>교토에서 오사카까지 한큐 전철로 이동한 날의 메모입니다.</p><p>우메다역 지하 상가에서 길을 잃지 않으려면 출구 번호를 꼭 확인하세요.</p></div>`,
      ),
    ).toMatch(/^교토에서/);
  });

  it('removes from the chosen element the furniture it left out', () => {
    const wrap = POST.replace(
      '</div>',
      '<div class="comment_area"><p>첫 댓글입니다. 잘 읽었습니다, 감사합니다.</p></div></div>',
    );
    const text = scoredText(wrap);
    expect(text).toMatch(/^하드디스크 하나가/);
    expect(text).not.toContain('첫 댓글입니다');
  });
});

describe('the scorer alone on every fixture page', () => {
  // Tistory's body marks and every known container taken away: what is left for a skin nobody knows.
  const UNMARKED =
    /contents_style|tt_article_useless_p_margin|area_view|entry-content|article-view|article_view|blogview_content|articleBody|article-content|post-content|article_content/g;
  const fixtures = loadPageFixtures().filter((fixture) => fixture.status === 'ok');

  it.each(fixtures.map((fixture) => [`${fixture.name} (${fixture.fetchedUrl})`, fixture] as const))(
    '%s: finds the same body text',
    (_, fixture) => {
      const unmarked = fixture.html.replace(UNMARKED, 'x-unmarked').replace(/<(\/?)article\b/g, '<$1div');
      const found = extractPost(fixture.html, fixture.fetchedUrl);
      const guessed = extractPost(unmarked, fixture.fetchedUrl);
      expect(guessed.status === 'ok' && guessed.bodyFoundBy).toBe('scored');
      if (found.status !== 'ok' || guessed.status !== 'ok') return;
      const text = bodyText(guessed.bodyHtml).trim();
      expect(text).toBe(bodyText(found.bodyHtml).trim());
      expect(chromeStringsIn(text, fixture.chromeAllowed)).toEqual([]);
      for (const phrase of fixture.bodyExcludes ?? []) expect(text).not.toContain(phrase);
    },
  );
});
