// Running text in the mix Korean tech and travel blogs write: Hangul with English terms, numbers and
// punctuation that Markdown cares about (`*`, `_`, `#`, `[`), so escaping is exercised as in real posts.

import type { Random } from './random.js';

const WORDS = [
  '오늘은', '파이썬', '가상환경을', '설정하는', '방법을', '정리해', '보겠습니다', '먼저', '터미널에서', '다음', '명령을',
  '실행합니다', '그리고', '결과를', '확인하면', '됩니다', '여행', '제주도', '올레길', '날씨가', '좋아서', '천천히', '걸었어요',
  '맛집', '추천', '메뉴는', '생각보다', '괜찮았다', '개발', '환경', '세팅', '기록', '자바스크립트', '비동기', '처리', '에러가',
  '발생했는데', '원인은', '인코딩', '문제였다', 'Docker', 'Node.js', 'React', 'API', 'JSON', 'Python 3.12', 'venv', 'pip',
  'npm install', 'README', 'snake_case', 'C++', 'C#', '2024년', '3월', '10분', '약', '100개', '정도', '(참고)', '“인용”', '~',
  '좋아요~~', '1 * 2', '#태그', '[중요]', 'a_b', '50%', '&', '<div>', '...', '!', '?', '—',
];

export function sentence(random: Random, minWords = 6, maxWords = 18): string {
  const count = random.int(minWords, maxWords);
  const words = Array.from({ length: count }, () => random.pick(WORDS));
  return `${words.join(' ')}${random.pick(['.', '.', '.', '!', '?', '요.'])}`;
}

export function phrase(random: Random, minWords = 1, maxWords = 4): string {
  return Array.from({ length: random.int(minWords, maxWords) }, () => random.pick(WORDS)).join(' ');
}
