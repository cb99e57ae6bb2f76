/**
 * The public results page's stylesheet, served as /publik/publik.css (the pages' CSP allows no
 * inline style): readable on a phone, tables that scroll inside their box (focusable, so a keyboard
 * scrolls it too: WCAG 2.1.1) rather than the page,
 * and print CSS that makes one clean A4 document (no header bar, no language link, rows kept whole).
 */
export const PUBLIC_PAGE_CSS = `:root{--ink:#0f172a;--muted:#475569;--line:#cbd5e1;--accent:#0f5f59;font-family:system-ui,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f1f5f9;line-height:1.5}
*{box-sizing:border-box}
body{margin:0}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.5rem 1rem;background:var(--accent);color:#fff}
.brand{margin:0;font-weight:700}
.lang{color:#fff;min-height:44px;display:inline-flex;align-items:center;padding:0 .5rem}
main{max-width:60rem;margin:0 auto;padding:1rem;background:#fff}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h1 .agency{display:block;font-size:1.05rem;font-weight:500;color:var(--muted)}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
a{color:#0b4f7a}
.muted{color:var(--muted)}
.empty{padding:1rem;border:1px dashed var(--line)}
.ikm{font-size:1.15rem}
.scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e2e8f0}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.superseded{color:var(--muted)}
.note{color:var(--muted)}
.trend meter{width:100%;min-width:6rem;height:1.1rem}
.trend .bar{width:60%}
.privacy{margin-top:2rem;font-size:.9rem}
@media (min-width:48rem){main{padding:1.5rem 2rem}}
@media print{
@page{size:A4;margin:15mm}
:root{background:#fff;font-size:10.5pt}
.top{display:none}
main{max-width:none;padding:0}
.scroll{overflow:visible}
table{page-break-inside:auto}
tr{page-break-inside:avoid}
h2,h3{page-break-after:avoid}
a{color:inherit;text-decoration:none}
}
`;
