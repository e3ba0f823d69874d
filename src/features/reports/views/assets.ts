import { readFileSync } from 'node:fs';
import { staticAsset } from '../../../platform/http/static.ts';

/** The report form's autosave script (progressive enhancement; the CSP allows scripts from 'self' only, never inline). */
export const autosaveJs = staticAsset('/reports/autosave.js', readFileSync(new URL('../static/autosave.js', import.meta.url), 'utf8'), 'text/javascript; charset=utf-8');
