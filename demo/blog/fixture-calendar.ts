// The sidebar calendar (`table.tt-calendar`, caption `«  2025/04  »`) for the blog's current month.

import type { FixturePost } from './fixture-data.js';
import { wallClock } from './fixture-format.js';

const WEEKDAY_HEADINGS = ['일', '월', '화', '수', '목', '금', '토'];
const pad = (value: number) => String(value).padStart(2, '0');

function monthKey(year: number, month: number): string {
  const shifted = new Date(Date.UTC(year, month - 1, 1));
  return `${shifted.getUTCFullYear()}${pad(shifted.getUTCMonth() + 1)}`;
}

export function renderCalendar(today: string, posts: readonly FixturePost[]): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const postDays = new Set(
    posts
      .map((post) => wallClock(post.published))
      .filter((t) => t.year === year && t.month === month)
      .map((t) => t.day),
  );
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: string[] = Array.from({ length: firstWeekday }, () => '<td class="cal_day1 cal_day2"> </td>');
  for (let date = 1; date <= daysInMonth; date++) {
    const label = postDays.has(date)
      ? `<a href="/archive/${year}${pad(month)}${pad(date)}" class="cal_click">${date}</a>`
      : String(date);
    cells.push(`<td class="cal_day${date === day ? ' cal_day4' : ''}">${label}</td>`);
  }
  while (cells.length % 7 !== 0) cells.push('<td class="cal_day1 cal_day2"> </td>');
  const rows: string[] = [];
  for (let start = 0; start < cells.length; start += 7) {
    rows.push(`<tr class="cal_week">${cells.slice(start, start + 7).join('')}</tr>`);
  }
  return `<table class="tt-calendar" cellpadding="0" cellspacing="1" style="width: 100%; table-layout: fixed">
  <caption class="cal_month"><a href="/archive/${monthKey(year, month - 1)}" title="1개월 앞의 달력을 보여줍니다.">«</a> &nbsp; <a href="/archive/${year}${pad(month)}" title="현재 달의 달력을 보여줍니다.">${year}/${pad(month)}</a> &nbsp; <a href="/archive/${monthKey(year, month + 1)}" title="1개월 뒤의 달력을 보여줍니다.">»</a></caption>
  <thead><tr>${WEEKDAY_HEADINGS.map((name) => `<th class="cal_week2">${name}</th>`).join('')}</tr></thead>
  <tbody>
  ${rows.join('\n  ')}
  </tbody>
</table>`;
}
