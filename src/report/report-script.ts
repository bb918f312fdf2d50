/**
 * The table's behaviour, inline in `report.html` (no build step, no network): rows drawn a page at a
 * time from the embedded JSON, so 10,000 posts cost one parse and 100 rows of DOM; a post's
 * side-by-side view is its own file, loaded into a sandboxed frame when asked for (file:// forbids fetch).
 */
export const REPORT_SCRIPT = String.raw`
(() => {
  'use strict';
  const PAGE_SIZE = 100;
  const posts = JSON.parse(document.getElementById('report-data').textContent);
  const rows = document.getElementById('rows');
  const pager = document.getElementById('pager');
  const shown = document.getElementById('shown');
  const problemsOnly = document.getElementById('only-problems');
  const search = document.getElementById('search');
  const viewer = document.getElementById('viewer');
  const frame = document.getElementById('viewer-frame');
  const viewerTitle = document.getElementById('viewer-title');
  const viewerOpen = document.getElementById('viewer-open');
  let page = 0;

  const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');
  const isWeb = (url) => /^https?:\/\//i.test(url);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(href, text, external) {
    const anchor = element('a', text);
    anchor.href = href;
    if (external) {
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
    }
    return anchor;
  }

  function matching() {
    const query = search.value.trim().toLowerCase();
    return posts.filter((post) => {
      if (problemsOnly.checked && !post.problem) return false;
      if (!query) return true;
      return (post.title + ' ' + post.id + ' ' + post.category).toLowerCase().includes(query);
    });
  }

  function row(post) {
    const tr = element('tr');
    tr.dataset.id = post.id;
    if (post.problem) tr.className = 'problem';
    tr.append(element('td', post.status, 'status status-' + post.status));
    const title = element('td', null, 'title');
    if (post.view) {
      const open = link(encodePath(post.view), post.title || '(untitled)');
      open.addEventListener('click', (event) => {
        event.preventDefault();
        openView(post);
      });
      title.append(open);
    } else title.append(element('span', post.title || '(untitled)'));
    tr.append(title);
    tr.append(element('td', post.date ? post.date.slice(0, 10) : '', 'date'));
    tr.append(element('td', post.category));
    tr.append(element('td', post.bodyFoundBy || '', post.bodyFoundBy === 'scored' ? 'scored' : ''));
    const notes = element('td', null, 'notes');
    if (post.error) notes.append(element('div', post.error, 'error'));
    for (const warning of post.warnings) notes.append(element('div', warning, 'warning'));
    tr.append(notes);
    const links = element('td', null, 'links');
    if (isWeb(post.url)) links.append(link(post.url, 'original', true));
    for (const file of post.files) links.append(link(encodePath(file), file.split('/').pop()));
    tr.append(links);
    return tr;
  }

  function draw() {
    const list = matching();
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const slice = list.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    rows.replaceChildren(...slice.map(row));
    shown.textContent = list.length + ' of ' + posts.length + ' posts';
    pager.replaceChildren();
    if (pages > 1) {
      const previous = element('button', '‹ Previous');
      previous.disabled = page === 0;
      previous.addEventListener('click', () => { page--; draw(); });
      const next = element('button', 'Next ›');
      next.disabled = page === pages - 1;
      next.addEventListener('click', () => { page++; draw(); });
      pager.append(previous, element('span', 'page ' + (page + 1) + ' of ' + pages), next);
    }
  }

  function openView(post) {
    viewerTitle.textContent = post.title;
    viewerOpen.href = encodePath(post.view);
    frame.src = encodePath(post.view);
    viewer.hidden = false;
    history.replaceState(null, '', '#post=' + encodeURIComponent(post.id));
  }

  function closeView() {
    viewer.hidden = true;
    frame.removeAttribute('src');
    history.replaceState(null, '', location.pathname);
  }

  document.getElementById('viewer-close').addEventListener('click', closeView);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !viewer.hidden) closeView();
  });
  problemsOnly.addEventListener('change', () => { page = 0; draw(); });
  search.addEventListener('input', () => { page = 0; draw(); });
  draw();
  const wanted = /^#post=(.+)$/.exec(location.hash);
  const post = wanted && posts.find((candidate) => candidate.id === decodeURIComponent(wanted[1]));
  if (post && post.view) openView(post);
})();
`;
