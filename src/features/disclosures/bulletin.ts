export { hasEspeak, synthesize } from '../../platform/audio/speech.ts';

/** The bulletin text read on the commune radio (Art. 13(3)). */
export const bulletinText = (unitName: string, title: string, postedOn: string, until: string | null) =>
  `${unitName} thông báo. ${title}. Niêm yết từ ngày ${postedOn}${until ? ` đến ngày ${until}` : ''}. Đề nghị bà con nhân dân theo dõi.`;
