/** The dashboard's only style sheet, inline (the page loads nothing else). */
export const STYLE =
  `
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:1200px;margin:0 auto;padding:16px}
h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:20px 0 8px}
section,header{background:#fff;border:1px solid #e2e5ea;border-radius:6px;padding:12px 16px;margin-bottom:12px}
.status{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}.status dt{color:#667}
.status dd{margin:0}.ok{color:#1f8a4c;font-weight:600}.bad{color:#c0392b;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eef0f3;padding:4px ` +
  `6px;text-align:left;vertical-align:top}
tr.warn td,tr.error td{background:#fff4f2}tr.success td:nth-child(2){color:#1f8a4c}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:12px}
figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
form label{margin-right:12px}input,select,button{font:inherit}
`;
