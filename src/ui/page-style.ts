/** The page's look: plain, readable, Korean-friendly fonts; no external resource. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --accent: #eb531f; --muted: #777; --bad: #c62828; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", sans-serif;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header { display: flex; align-items: baseline; justify-content: space-between; }
h1 { font-size: 1.6rem; margin: 0; }
.intro { color: var(--muted); }
fieldset { border: 1px solid #8884; border-radius: 8px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
legend { font-weight: 600; padding: 0 0.3rem; }
.field { margin: 0.6rem 0; }
.field > label, .field > .label { display: block; font-weight: 600; }
.field .flag { font: 0.8rem ui-monospace, monospace; color: var(--muted); margin-left: 0.4rem; font-weight: 400; }
.field .help { display: block; font-size: 0.85rem; color: var(--muted); }
input[type=text], input[type=password], input[type=url], input[type=number], select, textarea {
  width: 100%; padding: 0.4rem 0.5rem; font: inherit; border: 1px solid #8886; border-radius: 6px; }
.choices label { display: inline-block; margin-right: 0.9rem; font-weight: 400; }
.or { text-align: center; color: var(--muted); margin: 0.3rem 0; }
details { margin: 0 0 1rem; }
summary { cursor: pointer; font-weight: 600; }
button { font: inherit; padding: 0.5rem 1.2rem; border-radius: 6px; border: 0; background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #8884; color: inherit; }
button:disabled { opacity: 0.5; cursor: default; }
.error { color: var(--bad); font-weight: 600; }
#progress { border: 1px solid #8884; border-radius: 8px; padding: 1rem; }
.counts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.5rem; text-align: center; }
.counts b { display: block; font-size: 1.5rem; }
progress { width: 100%; height: 1rem; margin: 0.75rem 0; }
.actions { display: flex; gap: 0.75rem; flex-wrap: wrap; margin-top: 0.75rem; }
.actions a { padding: 0.5rem 1rem; border-radius: 6px; border: 1px solid var(--accent); color: var(--accent); text-decoration: none; }
ul.warnings { font-size: 0.85rem; color: var(--muted); max-height: 10rem; overflow: auto; }
`;
