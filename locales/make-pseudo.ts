/** Writes the test language locales/qps-ploc.json from the English strings of the citizen pages. Run: node --import tsx locales/make-pseudo.ts */
import fs from 'node:fs';
import { features } from '../src/features/index.ts';
import { messagesOf, registerMessages } from '../src/platform/i18n/index.ts';
import { CITIZEN_KEYS } from '../src/platform/i18n/locale-file.ts';
import { pseudoLocale } from '../src/features/languages/pseudo.ts';

for (const f of features) if (f.messages) registerMessages(f.name, f.messages.vi, f.messages.en);
fs.writeFileSync(new URL('./qps-ploc.json', import.meta.url), JSON.stringify(pseudoLocale(CITIZEN_KEYS, messagesOf('en')), null, 2) + '\n');
