import type { T } from '../../../platform/i18n/index.ts';
import { PLAN188_OUTLINE, type OutlineSection } from '../reports.regime.ts';

/**
 * A section of a report outline in the page's language: the sections of the plan 188 outline, as
 * long as their stored text is the standard one, have their part, title and hint in the message
 * bundles (`reports.outline.<key>.*`); any other outline is shown as its regime stores it.
 */
export function outlineIn<S extends Pick<OutlineSection, 'key' | 'part' | 'title' | 'hint'>>(s: S, t: T): S {
  const std = PLAN188_OUTLINE.find((o) => o.key === s.key && o.title === s.title && o.part === s.part);
  if (!std) return s;
  return { ...s, part: t(`reports.outline.${s.key}.part`), title: t(`reports.outline.${s.key}.title`), hint: s.hint && t(`reports.outline.${s.key}.hint`) };
}
