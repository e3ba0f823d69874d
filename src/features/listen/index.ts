import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { registerJob, type Job } from '../../platform/jobs/index.ts';
import { synthesizePending } from '../../platform/audio/clips.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import './listen.tables.ts';
import { listenPages } from './listen.pages.tsx';
import { bulletinPages } from './bulletins.pages.tsx';

const pages = new Hono<AppEnv>();
pages.route('/', bulletinPages);
pages.route('/', listenPages);

/** Speech of the items whose public pages were opened, made off the request path. */
export const synthesizeJob: Job = { name: 'listen.synthesize', everyMs: 15_000, run: (deps) => synthesizePending(deps.db, deps.config.dataDir) };
registerJob(synthesizeJob);

/** Listening instead of reading: "Nghe" audio on public pages, recordings in other languages, loudspeaker bulletins. */
export const listenFeature: Feature = {
  name: 'listen',
  actions: {
    'listen.record': ['admin', 'unit-head', 'unit-officer'],
    'listen.bulletin': ['admin', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [{ href: '/listen', labelKey: 'listen.nav', permission: 'listen.record', order: 32 }],
  pages,
};
