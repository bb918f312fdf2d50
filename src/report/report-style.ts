export const REPORT_STYLE = `
:root { color-scheme: light; font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", sans-serif; }
body { margin: 0; padding: 0 24px 48px; color: #1f2328; background: #fff; font-size: 14px; }
header.page h1 { margin: 20px 0 4px; font-size: 1.5rem; }
header.page .source { margin: 0 0 16px; color: #59636e; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
.card { min-width: 96px; padding: 8px 14px; border: 1px solid #d0d7de; border-radius: 8px; }
.card strong { display: block; font-size: 1.5rem; }
.card span { color: #59636e; }
.card.status-ok strong { color: #1a7f37; }
.card.status-failed strong, .card.problems strong { color: #cf222e; }
.card.status-protected strong, .card.status-missing strong { color: #9a6700; }
.warnings { margin-top: 16px; }
.warnings h2 { font-size: 1rem; margin: 0 0 6px; }
.warnings ul { margin: 0; padding-left: 20px; max-height: 12em; overflow-y: auto; color: #9a6700; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; margin: 20px 0 8px; }
.controls input[type=search] { min-width: 260px; padding: 4px 8px; }
#shown { color: #59636e; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 6px 8px; border-bottom: 1px solid #d8dee4; text-align: left; vertical-align: top; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.date { white-space: nowrap; }
td.title { max-width: 28em; }
td.notes { max-width: 32em; font-size: 0.8125rem; }
td.links a { display: inline-block; margin-right: 8px; }
.status { font-weight: 600; }
.status-ok { color: #1a7f37; }
.status-failed { color: #cf222e; }
.status-protected, .status-missing, .scored { color: #9a6700; }
.error { color: #cf222e; }
.warning { color: #9a6700; }
#pager { display: flex; gap: 12px; align-items: center; margin-top: 12px; }
#viewer { position: fixed; inset: 24px; display: flex; flex-direction: column; background: #fff;
  border: 1px solid #8c959f; border-radius: 8px; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.25); overflow: hidden; }
#viewer[hidden] { display: none; }
.viewer-bar { display: flex; gap: 16px; align-items: center; padding: 8px 12px; background: #f6f8fa; border-bottom: 1px solid #d0d7de; }
.viewer-bar strong { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#viewer-frame { flex: 1; width: 100%; border: 0; }
`;
