import type { ExportSettings } from '../options.js';
import type { Language } from './i18n.js';

/** The app's own words; the CLI's refusals are shown as the CLI words them. */
export interface Messages {
  title: string;
  intro: string;
  sourceLegend: string;
  sourceUrl: string;
  sourceUrlHint: string;
  sourceZip: string;
  sourceZipHint: string;
  sourceOr: string;
  moreOptions: string;
  start: string;
  cancel: string;
  resume: string;
  found: string;
  done: string;
  failed: string;
  eta: string;
  phase: Record<'idle' | 'discovering' | 'exporting' | 'done' | 'cancelling' | 'cancelled' | 'failed', string>;
  uploading: string;
  openReport: string;
  downloadZip: string;
  summary: string;
  warnings: string;
  outputIn: string;
  language: string;
  /** Field labels by option; a field without one shows its flag. */
  labels: Partial<Record<keyof ExportSettings, string>>;
  /** Translated help by option; a field without one shows the CLI's English help. */
  help: Partial<Record<keyof ExportSettings, string>>;
}

const en: Messages = {
  title: 'tistory-export',
  intro: 'Export a Tistory blog, or a backup zip from its settings, to Markdown and other formats.',
  sourceLegend: 'What to export',
  sourceUrl: 'Blog address',
  sourceUrlHint: 'https://name.tistory.com, a custom domain, one post or a category',
  sourceZip: 'Backup zip',
  sourceZipHint: 'the 데이터 백업 .zip downloaded from the blog settings',
  sourceOr: 'or',
  moreOptions: 'More options',
  start: 'Export',
  cancel: 'Cancel',
  resume: 'Resume',
  found: 'Found',
  done: 'Done',
  failed: 'Failed',
  eta: 'Time left',
  phase: {
    idle: 'Ready',
    discovering: 'Finding posts…',
    exporting: 'Exporting…',
    done: 'Finished',
    cancelling: 'Stopping after the posts in flight…',
    cancelled: 'Stopped. Resume continues where it stopped.',
    failed: 'Stopped by an error',
  },
  uploading: 'Uploading the backup…',
  openReport: 'Open the report',
  downloadZip: 'Download everything as a zip',
  summary: 'Posts',
  warnings: 'Warnings',
  outputIn: 'Written to',
  language: '한국어',
  labels: {
    out: 'Output folder',
    formats: 'Formats',
    images: 'Images',
    comments: 'Comments',
    cookie: "Owner's login cookie",
    blogUrl: 'Blog address of the backup',
    categories: 'Only these categories (one per line)',
    since: 'Posts since',
    until: 'Posts until',
    limit: 'At most this many posts',
  },
  help: {
    formats:
      'Choose one or more. Publishing straight to a WordPress site (-f wordpress) is done from the command line.',
  },
};

const ko: Messages = {
  title: 'tistory-export',
  intro: '티스토리 블로그(또는 블로그 관리에서 받은 백업 zip)를 마크다운 등 여러 형식으로 내보냅니다.',
  sourceLegend: '내보낼 블로그',
  sourceUrl: '블로그 주소',
  sourceUrlHint: 'https://name.tistory.com, 개인 도메인, 글 하나 또는 카테고리 주소',
  sourceZip: '백업 zip',
  sourceZipHint: '블로그 관리 › 데이터 백업에서 받은 .zip 파일',
  sourceOr: '또는',
  moreOptions: '옵션 더 보기',
  start: '내보내기',
  cancel: '취소',
  resume: '이어서 하기',
  found: '찾은 글',
  done: '완료',
  failed: '실패',
  eta: '남은 시간',
  phase: {
    idle: '준비됨',
    discovering: '글을 찾는 중…',
    exporting: '내보내는 중…',
    done: '끝났습니다',
    cancelling: '진행 중인 글을 마치고 멈추는 중…',
    cancelled: '멈췄습니다. 이어서 하기를 누르면 멈춘 곳부터 계속합니다.',
    failed: '오류로 멈췄습니다',
  },
  uploading: '백업을 올리는 중…',
  openReport: '보고서 열기',
  downloadZip: '전체를 zip으로 받기',
  summary: '글',
  warnings: '경고',
  outputIn: '저장 위치',
  language: 'English',
  labels: {
    out: '저장할 폴더',
    formats: '형식',
    images: '이미지',
    comments: '댓글',
    cookie: '블로그 주인의 로그인 쿠키',
    blogUrl: '백업한 블로그의 주소',
    categories: '이 카테고리만 (한 줄에 하나)',
    since: '이 날짜부터',
    until: '이 날짜까지',
    limit: '최대 글 수',
  },
  help: {
    out: '내보낸 파일이 저장될 폴더입니다. 같은 폴더로 다시 실행하면 바뀐 글만 가져옵니다.',
    formats: '하나 이상 고르세요. 워드프레스 사이트에 바로 올리기(-f wordpress)는 명령줄에서 합니다.',
    images: 'download: 원본 이미지를 함께 저장, remote: 티스토리 주소를 그대로 둠, none: 이미지를 뺌',
    comments: 'off: 댓글을 가져오지 않음, json: 글 옆에 comments.json, section: 글 끝에 댓글 섹션',
    cookie:
      '비공개·보호 글도 내보내려면 로그인한 브라우저의 Cookie 값(또는 cookies.txt 경로)을 넣으세요. 블로그에만 보내고 어디에도 저장하지 않습니다.',
    blogUrl: '백업 zip을 쓸 때: 원래 블로그 주소 (옛 주소와 리디렉션에 쓰입니다)',
    categories: '예: 개발 또는 개발/Python. 하위 카테고리도 포함합니다.',
    since: '예: 2024-03-01 (한국 시간)',
    until: '예: 2024-03-31 (그날 전체 포함)',
    limit: '비워 두면 전부',
  },
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, ko };
