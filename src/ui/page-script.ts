/**
 * The page's script, sent as it is (no build step): builds the form from the config, sends it, and shows
 * the run's progress from the server's event stream. Every URL is relative, so it carries the token.
 */
export const PAGE_SCRIPT = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('config').textContent);
  var t = config.messages;
  var form = document.getElementById('export-form');
  var panel = document.getElementById('progress');
  var uploaded = null; // { file, id }: a backup sent once is not sent again on resume

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else if (attrs[name] === true) node.setAttribute(name, '');
      else if (attrs[name] !== false && attrs[name] != null) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function labelOf(field) { return t.labels[field.key] || field.flag; }
  // The flag beside a field's label teaches the command line; a field labelled by its flag shows it once.
  function flagNote(field) { return t.labels[field.key] ? el('span', { class: 'flag', text: field.flag }) : null; }
  function helpOf(field) {
    var help = t.help[field.key] || field.description;
    return field.key === 'out' ? help + ' (' + config.workingFolder + ')' : help;
  }

  function control(field) {
    var id = 'field-' + field.key;
    if (field.kind === 'checkbox') {
      return el('input', { type: 'checkbox', id: id, name: field.key, checked: field.initial === true });
    }
    if (field.kind === 'choice') {
      var select = el('select', { id: id, name: field.key });
      field.choices.forEach(function (choice) {
        select.appendChild(el('option', { value: choice, text: choice, selected: choice === field.initial }));
      });
      return select;
    }
    if (field.kind === 'multi-choice') {
      return el('div', { class: 'choices', id: id, role: 'group' }, field.choices.map(function (choice) {
        return el('label', {}, [
          el('input', { type: 'checkbox', name: field.key, value: choice, checked: field.initial.indexOf(choice) !== -1 }),
          document.createTextNode(' ' + choice),
        ]);
      }));
    }
    if (field.kind === 'lines') {
      return el('textarea', { id: id, name: field.key, rows: 2, placeholder: field.placeholder, text: field.initial });
    }
    return el('input', {
      type: field.kind === 'secret' ? 'password' : 'text',
      inputmode: field.kind === 'number' ? 'decimal' : null,
      autocomplete: field.kind === 'secret' ? 'off' : null,
      id: id, name: field.key, value: field.initial, placeholder: field.placeholder,
    });
  }

  function fieldRow(field) {
    var head = field.kind === 'multi-choice'
      ? el('span', { class: 'label', text: labelOf(field) })
      : el('label', { for: 'field-' + field.key, text: labelOf(field) });
    if (flagNote(field)) head.appendChild(flagNote(field));
    var input = control(field);
    if (field.kind === 'checkbox') {
      var line = el('label', { for: 'field-' + field.key }, [input, document.createTextNode(' ' + labelOf(field))]);
      if (flagNote(field)) line.appendChild(flagNote(field));
      return el('div', { class: 'field' }, [line, el('span', { class: 'help', text: helpOf(field) })]);
    }
    return el('div', { class: 'field' }, [head, input, el('span', { class: 'help', text: helpOf(field) })]);
  }

  function buildForm() {
    form.appendChild(el('fieldset', {}, [
      el('legend', { text: t.sourceLegend }),
      el('div', { class: 'field' }, [
        el('label', { for: 'source-url', text: t.sourceUrl }),
        el('input', { type: 'url', id: 'source-url', name: 'source-url', placeholder: 'https://name.tistory.com' }),
        el('span', { class: 'help', text: t.sourceUrlHint }),
      ]),
      el('div', { class: 'or', text: t.sourceOr }),
      el('div', { class: 'field' }, [
        el('label', { for: 'source-zip', text: t.sourceZip }),
        el('input', { type: 'file', id: 'source-zip', name: 'source-zip', accept: '.zip,application/zip' }),
        el('span', { class: 'help', text: t.sourceZipHint }),
      ]),
    ]));
    var main = el('fieldset', {}, []);
    var more = el('details', {}, [el('summary', { text: t.moreOptions })]);
    config.fields.forEach(function (field) { (field.advanced ? more : main).appendChild(fieldRow(field)); });
    form.appendChild(main);
    form.appendChild(more);
    form.appendChild(el('p', { id: 'form-error', class: 'error', role: 'alert' }));
    form.appendChild(el('div', { class: 'actions' }, [
      el('button', { type: 'submit', id: 'start', text: t.start }),
      el('button', { type: 'button', id: 'cancel', class: 'secondary', text: t.cancel, hidden: true }),
      el('button', { type: 'button', id: 'resume', class: 'secondary', text: t.resume, hidden: true }),
    ]));
  }

  function formValues() {
    var values = {};
    config.fields.forEach(function (field) {
      if (field.kind === 'multi-choice') {
        values[field.key] = Array.prototype.filter.call(form.querySelectorAll('input[name="' + field.key + '"]'),
          function (box) { return box.checked; }).map(function (box) { return box.value; });
      } else if (field.kind === 'checkbox') {
        values[field.key] = document.getElementById('field-' + field.key).checked;
      } else {
        values[field.key] = document.getElementById('field-' + field.key).value;
      }
    });
    return values;
  }

  function showError(message) { document.getElementById('form-error').textContent = message || ''; }

  async function post(path, body, headers) {
    var response = await fetch(path, { method: 'POST', body: body, headers: headers || {} });
    var answer = await response.json().catch(function () { return {}; });
    if (!response.ok) throw new Error(answer.error || response.status + ' ' + response.statusText);
    return answer;
  }

  async function sourceOfForm() {
    var file = document.getElementById('source-zip').files[0];
    if (!file) return { url: document.getElementById('source-url').value.trim() };
    if (!uploaded || uploaded.file !== file) {
      showError(t.uploading);
      var answer = await post('api/upload', file, { 'content-type': 'application/zip' });
      uploaded = { file: file, id: answer.upload };
      showError('');
    }
    return { upload: uploaded.id };
  }

  async function startRun(event) {
    if (event) event.preventDefault();
    showError('');
    try {
      var source = await sourceOfForm();
      await post('api/run', JSON.stringify({ source: source, values: formValues() }), { 'content-type': 'application/json' });
    } catch (error) {
      showError(error.message);
    }
  }

  function formatDuration(ms) {
    if (ms == null) return '–';
    var seconds = Math.round(ms / 1000);
    var minutes = Math.floor(seconds / 60);
    return minutes + ':' + String(seconds % 60).padStart(2, '0');
  }

  function count(id, label, value) {
    return el('div', {}, [el('b', { id: id, text: String(value) }), document.createTextNode(label)]);
  }

  function render(progress) {
    var running = ['discovering', 'exporting', 'cancelling'].indexOf(progress.phase) !== -1;
    document.getElementById('start').disabled = running;
    document.getElementById('cancel').hidden = !running || progress.phase === 'cancelling';
    document.getElementById('resume').hidden = progress.phase !== 'cancelled';
    panel.setAttribute('data-phase', progress.phase);
    panel.setAttribute('data-run', String(progress.run));
    if (progress.phase === 'idle') return;
    panel.hidden = false;
    panel.textContent = '';
    panel.appendChild(el('p', { id: 'phase', text: t.phase[progress.phase] }));
    panel.appendChild(el('progress', { max: Math.max(progress.total, 1), value: progress.done }));
    panel.appendChild(el('div', { class: 'counts' }, [
      count('found', t.found, progress.found),
      count('done', t.done, progress.done + ' / ' + progress.total),
      count('failed', t.failed, progress.failed),
      count('eta', t.eta, formatDuration(progress.etaMs)),
    ]));
    if (progress.error) panel.appendChild(el('p', { id: 'run-error', class: 'error', text: progress.error }));
    if (progress.phase === 'done') {
      var counts = progress.counts || {};
      panel.appendChild(el('p', { id: 'summary', text: t.summary + ': ' + Object.keys(counts).map(function (status) {
        return status + ' ' + counts[status];
      }).join(' · ') }));
      if (progress.outDir) panel.appendChild(el('p', { id: 'out-dir', text: t.outputIn + ': ' + progress.outDir }));
      panel.appendChild(el('div', { class: 'actions' }, [
        el('a', { id: 'report-link', href: 'files/report.html', target: '_blank', rel: 'noopener', text: t.openReport }),
        el('a', { id: 'zip-link', href: 'download/export.zip', download: 'export.zip', text: t.downloadZip }),
      ]));
    }
    if (progress.warnings.length > 0) {
      panel.appendChild(el('details', {}, [
        el('summary', { text: t.warnings + ' (' + progress.warnings.length + ')' }),
        el('ul', { class: 'warnings' }, progress.warnings.map(function (warning) { return el('li', { text: warning }); })),
      ]));
    }
  }

  buildForm();
  form.addEventListener('submit', startRun);
  document.getElementById('resume').addEventListener('click', function () { startRun(null); });
  document.getElementById('cancel').addEventListener('click', function () {
    post('api/cancel', '{}', { 'content-type': 'application/json' }).catch(function (error) { showError(error.message); });
  });
  var events = new EventSource('api/events');
  events.onmessage = function (message) { render(JSON.parse(message.data)); };
})();
`;
