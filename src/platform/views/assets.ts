import { readFileSync } from 'node:fs';
import { staticAsset } from '../http/static.ts';

/** The stylesheet of every page (served by the home feature, linked by the Layout). */
export const appCss = staticAsset('/static/app.css', readFileSync(new URL('./static/app.css', import.meta.url), 'utf8'), 'text/css; charset=utf-8');
