import { staticAsset } from '../../../platform/http/static.ts';

/** Print layout of the decision record, ballot sheet, count minutes, candidate list and settlement record (served from /community/print.css: the CSP allows only same-origin styles). */
export const PRINT_CSS = `.print-doc{max-width:760px;margin:0 auto;font-family:"Times New Roman","DejaVu Serif",serif;font-size:1.05rem}
.print-doc .center{text-align:center}.doc-head{display:flex;justify-content:space-between;flex-wrap:wrap;gap:0 16px;text-align:center}.doc-head p{margin:0 0 12px}
.print-doc ol.lettered{list-style:none;padding-left:1.8em;counter-reset:pt}.print-doc ol.lettered li{position:relative}.print-doc ol.lettered li::before{position:absolute;left:-1.8em}.print-doc ol.lettered li:nth-child(1)::before{content:'a)'}.print-doc ol.lettered li:nth-child(2)::before{content:'b)'}.print-doc ol.lettered li:nth-child(3)::before{content:'c)'}.print-doc ol.lettered li:nth-child(4)::before{content:'d)'}.print-doc ol.lettered li:nth-child(5)::before{content:'đ)'}.print-doc ol.lettered li:nth-child(6)::before{content:'e)'}.print-doc ol.lettered li:nth-child(7)::before{content:'g)'}.print-doc ol.lettered li:nth-child(8)::before{content:'h)'}.print-doc li{margin-bottom:8px}
.signatures{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:16px;margin-top:32px;text-align:center}
.ballot-options{list-style:none;padding-left:0;font-size:1.1rem}.ballot-options li{margin:10px 0}
.print-table{width:100%;border-collapse:collapse;margin:12px 0}.print-table th,.print-table td{border:1px solid #0b0c0c;padding:6px 8px;text-align:left;height:1.6em}
.clock-late{color:#d4351c;font-weight:700}.clock-ok{color:#005a30}
@media print{.print-doc{font-size:13pt}}`;

/** The print stylesheet as a static asset (hashed link, long-lived cache). */
export const printCss = staticAsset('/community/print.css', PRINT_CSS, 'text/css; charset=utf-8');
