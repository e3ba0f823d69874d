/**
 * Community decisions (Nhân dân bàn và quyết định), Law 10/2022/QH15 Art. 15–22, NĐ 59/2023 and
 * NĐ 61/2023 (village conventions). Pure rules as data: each carries its article and validity.
 * DOMAIN.md §13 Q3: Art. 21 may be superseded by Law 97/2025 Art. 4 (text not read), so the rules
 * are dated from 2023-07-01 with no end and can be closed and replaced by a new row.
 */

/** A rule of law with its article; `note` quotes or sums it up in Vietnamese, `noteEn` in English. */
export interface LegalRule { id: string; article: string; validFrom: string; validTo: string | null; note?: string; noteEn?: string }

/** Matters of Art. 15, in the law's order (items 1–6). */
export const MATTERS = ['contribution', 'funds', 'convention', 'village-head', 'boards', 'other'] as const;
export type Matter = (typeof MATTERS)[number];
export const FORMS = ['meeting', 'ballot', 'online'] as const;
export type Form = (typeof FORMS)[number];
export const PROPOSERS = ['commune-chairman', 'village-head', 'citizen-initiative'] as const;
export type Proposer = (typeof PROPOSERS)[number];

/** The Art. 15 item number of a matter (1–6). */
export const itemOf = (m: Matter): number => MATTERS.indexOf(m) + 1;

export interface ThresholdRule extends LegalRule { matters: readonly Matter[]; num: number; den: number; strict: boolean }

/** Art. 21(1): items 1–2 need at least two-thirds of all households; items 3–6 more than half. */
export const THRESHOLDS: readonly ThresholdRule[] = [
  { id: 'ldc.21.1.a', article: 'Điều 21 khoản 1 điểm a Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, matters: ['contribution', 'funds'], num: 2, den: 3, strict: false, note: 'ít nhất 2/3 tổng số hộ gia đình', noteEn: 'at least two-thirds of all households' },
  { id: 'ldc.21.1.b', article: 'Điều 21 khoản 1 điểm b Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, matters: ['convention', 'village-head', 'boards', 'other'], num: 1, den: 2, strict: true, note: 'trên 50% tổng số hộ gia đình', noteEn: 'more than 50% of all households' },
];

const inForce = <R extends LegalRule>(r: R, on: string) => r.validFrom <= on && (r.validTo === null || r.validTo >= on);

/** The Art. 21(1) rule for a matter on a date. */
export function thresholdRule(matter: Matter, on: string): ThresholdRule {
  const r = THRESHOLDS.find((x) => x.matters.includes(matter) && inForce(x, on));
  if (!r) throw new Error(`no Art. 21 rule for ${matter} on ${on}`);
  return r;
}

/** The smallest number of yes votes that passes, out of all households of the village. */
export function requiredYes(matter: Matter, totalHouseholds: number, on: string): number {
  const r = thresholdRule(matter, on);
  const exact = (totalHouseholds * r.num) / r.den;
  return r.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

/** Result by Art. 21(1): yes counted against ALL households of the village on the decision date. */
export function decide(matter: Matter, yes: number, totalHouseholds: number, on: string): { passed: boolean; rule: ThresholdRule; required: number } {
  const rule = thresholdRule(matter, on);
  const required = requiredYes(matter, totalHouseholds, on);
  return { passed: totalHouseholds > 0 && yes >= required, rule, required };
}

/**
 * Art. 19(1)(b): a meeting whose households present could not reach the Art. 21(1) threshold
 * (even if all voted yes) turns into a household ballot.
 */
export function meetingShort(matter: Matter, householdsPresent: number, totalHouseholds: number, on: string): boolean {
  return householdsPresent < requiredYes(matter, totalHouseholds, on);
}

export const FORM_RULES = {
  meetingOnly: { id: 'ldc.17.2', article: 'Điều 17 khoản 2 Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, note: 'Nội dung tại khoản 3, 4, 5 Điều 15 phải tổ chức họp (trừ điểm b khoản 1 Điều 19)', noteEn: 'Matters of Art. 15 items 3, 4 and 5 need a meeting (except Art. 19(1)(b))' },
  onlineOnlyOther: { id: 'ldc.17.3', article: 'Điều 17 khoản 3 Luật 10/2022/QH15; Điều 5 khoản 1 Nghị định 59/2023/NĐ-CP', validFrom: '2023-07-01', validTo: null, note: 'Biểu quyết trực tuyến chỉ áp dụng với khoản 6 Điều 15', noteEn: 'An online vote applies only to Art. 15 item 6' },
  onlineOptIn: { id: 'nd59.5.2', article: 'Điều 5 khoản 2 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, note: 'Trên 50% tổng số đại diện hộ gia đình đăng ký biểu quyết trực tuyến', noteEn: 'More than 50% of the household representatives register for the online vote' },
} as const satisfies Record<string, LegalRule>;

/**
 * Whether the law allows a form for a matter (Art. 17): items 3–5 at a meeting (a ballot only
 * after a meeting short of the threshold, Art. 19(1)(b)); online only for item 6 and only after
 * more than half of all households opted in (NĐ 59 Art. 5(2)). Returns the broken rule or null.
 */
export function formViolation(matter: Matter, form: Form, ctx: { optedIn: number; totalHouseholds: number; afterShortMeeting?: boolean }): LegalRule | null {
  if (form === 'online') {
    if (matter !== 'other') return FORM_RULES.onlineOnlyOther;
    return ctx.optedIn * 2 > ctx.totalHouseholds ? null : FORM_RULES.onlineOptIn;
  }
  if (form === 'ballot' && ['convention', 'village-head', 'boards'].includes(matter) && !ctx.afterShortMeeting) return FORM_RULES.meetingOnly;
  return null;
}

/** Art. 16(2): a citizen initiative needs ≥10% of households; the agreement is valid 3 months. */
export const INITIATIVE = { id: 'ldc.16.2', article: 'Điều 16 khoản 2 Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, num: 1, den: 10, validMonths: 3 } as const;

/** Whether enough households back a citizen initiative (≥10%), unless the Front work committee approved it. */
export function initiativeBacked(supporters: number, totalHouseholds: number, frontApproved = false): boolean {
  return frontApproved || supporters * INITIATIVE.den >= totalHouseholds * INITIATIVE.num;
}

/** Adds whole months to a date (the last day of a shorter month when the day does not exist). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Notice lead times in days before the meeting / ballot / adoption. */
export const NOTICES: readonly (LegalRule & { forms: readonly Form[]; matters?: readonly Matter[]; days: number })[] = [
  { id: 'nd59.3.3', article: 'Điều 3 khoản 3 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, forms: ['meeting'], days: 2, note: 'Thông báo họp ít nhất 02 ngày', noteEn: 'Announce the meeting at least 02 days before' },
  { id: 'nd59.4.4', article: 'Điều 4 khoản 4 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, forms: ['ballot'], days: 2, note: 'Công khai thông tin ít nhất 02 ngày trước khi phát phiếu', noteEn: 'Publish the information at least 02 days before the ballots are handed out' },
  { id: 'nd59.6.1', article: 'Điều 6 khoản 1 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, forms: ['meeting', 'ballot'], matters: ['village-head'], days: 7, note: 'Thông báo công khai việc bầu Trưởng thôn, Tổ trưởng tổ dân phố ít nhất 07 ngày', noteEn: 'Announce the election of the village or residential group head at least 07 days before' },
  { id: 'nd61.9', article: 'Điều 9 Nghị định 61/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, forms: ['meeting', 'ballot'], matters: ['convention'], days: 30, note: 'Dự thảo hương ước, quy ước niêm yết ít nhất 30 ngày', noteEn: 'Post the draft village convention for at least 30 days' },
];

/** The longest notice lead time that applies (days between notice and vote). */
export function noticeDays(matter: Matter, form: Form): { days: number; rule: LegalRule | null } {
  const rules = NOTICES.filter((n) => n.forms.includes(form) && (!n.matters || n.matters.includes(matter)));
  const best = rules.sort((a, b) => b.days - a.days)[0];
  return best ? { days: best.days, rule: best } : { days: 0, rule: null };
}

/** Art. 21(2): who recognises, or when the decision takes effect. */
export function recognitionBy(matter: Matter): 'none' | 'commune-committee' | 'fatherland-front' {
  if (matter === 'convention' || matter === 'village-head') return 'commune-committee';
  if (matter === 'boards') return 'fatherland-front';
  return 'none';
}

/**
 * Commune-wide decisions (Art. 16(1): proposed by the commune chairman with the Front; Art. 19(1)(a):
 * the chairman may choose household ballots). Art. 21(1) gives a commune-wide threshold only for
 * items 1–2: at least two-thirds of all villages / residential groups of the commune approve, each
 * village deciding by its own Art. 21(1) threshold. Items 1–2 then take effect on the date the
 * commune UBND sets (Art. 21(2)).
 */
export const COMMUNE_THRESHOLD: ThresholdRule = {
  id: 'ldc.21.1.a.xa', article: 'Điều 21 khoản 1 điểm a Luật 10/2022/QH15 (phạm vi cấp xã)', validFrom: '2023-07-01', validTo: null,
  matters: ['contribution', 'funds'], num: 2, den: 3, strict: false, note: 'ít nhất 2/3 tổng số thôn, tổ dân phố trong xã tán thành', noteEn: 'at least two-thirds of the villages and residential groups of the commune approve',
};
export const COMMUNE_RULES = {
  scope: { id: 'ldc.16.1.xa', article: 'Điều 16 khoản 1, Điều 21 khoản 1 Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, note: 'Nội dung quyết định trong phạm vi cấp xã chỉ gồm khoản 1, 2 Điều 15 (đóng góp; thu, chi, quỹ, tài sản)', noteEn: 'A commune-wide decision covers only Art. 15 items 1 and 2 (contributions; revenue, spending, funds and assets)' },
  form: { id: 'ldc.19.1.a', article: 'Điều 17, Điều 19 khoản 1 điểm a Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, note: 'Nội dung phạm vi cấp xã: họp cộng đồng dân cư hoặc phát phiếu lấy ý kiến hộ gia đình (không biểu quyết trực tuyến)', noteEn: 'Commune-wide matters: a community meeting or a household ballot (no online vote)' },
  effective: { id: 'ldc.21.2.xa', article: 'Điều 21 khoản 2 Luật 10/2022/QH15', validFrom: '2023-07-01', validTo: null, note: 'Nội dung khoản 1, 2 Điều 15 phạm vi cấp xã có hiệu lực từ ngày UBND cấp xã quyết định', noteEn: "Commune-wide matters of Art. 15 items 1 and 2 take effect on the date the commune People's Committee decides" },
} as const satisfies Record<string, LegalRule>;

/** Whether a matter and form may be decided commune-wide; the broken rule or null. */
export function communeViolation(matter: Matter, form: Form): LegalRule | null {
  if (!COMMUNE_THRESHOLD.matters.includes(matter)) return COMMUNE_RULES.scope;
  if (form === 'online') return COMMUNE_RULES.form;
  return null;
}

/** The smallest number of approving villages (≥ 2/3 of all villages of the commune). */
export function requiredVillages(totalVillages: number): number {
  return Math.ceil((totalVillages * COMMUNE_THRESHOLD.num) / COMMUNE_THRESHOLD.den);
}

/** Commune-wide result by Art. 21(1): approving villages counted against ALL villages of the commune. */
export function decideCommune(villagesApproving: number, totalVillages: number): { passed: boolean; rule: ThresholdRule; required: number } {
  const required = requiredVillages(totalVillages);
  return { passed: totalVillages > 0 && villagesApproving >= required, rule: COMMUNE_THRESHOLD, required };
}

/**
 * The teams that count (NĐ 59/2023): a vote-counting board of 03–05 people when a meeting votes by
 * secret ballot (Art. 3(5)(c)); a ballot team of 03–05 members (Art. 4(3)); an online voting team of
 * 03–05 people (Art. 5(2)); the count witnessed by 02 household representatives (Art. 3(5)(c), 4(6)).
 */
export const COUNT_TEAM_RULES = {
  meeting: { id: 'nd59.3.5.c', article: 'Điều 3 khoản 5 điểm c Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, note: 'Ban kiểm phiếu từ 03 đến 05 người (biểu quyết bỏ phiếu kín); biên bản kiểm phiếu Mẫu số 02', noteEn: 'A vote-counting board of 03 to 05 people (secret ballot); count record Form 02', min: 3, max: 5 },
  ballot: { id: 'nd59.4.3', article: 'Điều 4 khoản 3 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, note: 'Tổ phát phiếu từ 03 đến 05 thành viên, do đại diện Ban công tác Mặt trận làm Tổ trưởng; biên bản kiểm phiếu Mẫu số 04', noteEn: 'A ballot team of 03 to 05 members led by a representative of the Front work committee; count record Form 04', min: 3, max: 5 },
  online: { id: 'nd59.5.2.team', article: 'Điều 5 khoản 2 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, note: 'Tổ biểu quyết trực tuyến từ 03 đến 05 người, có người có trình độ công nghệ thông tin', noteEn: 'An online voting team of 03 to 05 people, one of them skilled in IT', min: 3, max: 5 },
  witnesses: { id: 'nd59.4.6', article: 'Điều 3 khoản 5 điểm c, Điều 4 khoản 6 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, note: 'Việc kiểm phiếu có 02 đại diện hộ gia đình chứng kiến', noteEn: 'The count is witnessed by 02 household representatives', count: 2 },
} as const;

/** The team rule of a form (for a meeting only when it voted by secret ballot; a show of hands needs none). */
export function countTeamRule(form: Form, secretBallot: boolean) {
  if (form === 'meeting') return secretBallot ? COUNT_TEAM_RULES.meeting : null;
  return COUNT_TEAM_RULES[form];
}

/**
 * Checks a recorded count team: its size for the form, and two witnesses for a paper count. Empty
 * lists mean "not recorded" (the count sheet prints blank lines); a partial team is refused.
 */
export function countTeamErrors(form: Form, secretBallot: boolean, team: string[], witnesses: string[]): { team?: LegalRule; witnesses?: LegalRule } {
  const out: { team?: LegalRule; witnesses?: LegalRule } = {};
  const rule = countTeamRule(form, secretBallot);
  if (team.length && (!rule || team.length < rule.min || team.length > rule.max)) out.team = rule ?? COUNT_TEAM_RULES.meeting;
  const paper = form === 'ballot' || (form === 'meeting' && secretBallot);
  if (witnesses.length && (!paper || witnesses.length !== COUNT_TEAM_RULES.witnesses.count)) out.witnesses = COUNT_TEAM_RULES.witnesses;
  return out;
}

/**
 * Village-head elections (NĐ 59 Art. 6): the commune chairman's plan at least 20 days before, the
 * election team at least 10 days before, the candidate list (Mẫu 05) at the commune at least 15 days
 * before the meeting. Each is the last day, counted back from the election day.
 */
export const VILLAGE_HEAD_ELECTION = [
  { id: 'nd59.6.1.a', article: 'Điều 6 khoản 1 điểm a Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, key: 'plan', days: 20, note: 'Quyết định, kế hoạch tổ chức bầu ít nhất 20 ngày trước ngày bầu', noteEn: 'The decision and plan for the election at least 20 days before election day' },
  { id: 'nd59.6.1.b', article: 'Điều 6 khoản 1 điểm b Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, key: 'team', days: 10, note: 'Thành lập Tổ bầu cử ít nhất 10 ngày trước ngày bầu; người ứng cử không là thành viên', noteEn: 'Set up the election team at least 10 days before election day; candidates are not members' },
  { id: 'nd59.6.2', article: 'Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP', validFrom: '2023-08-15', validTo: null, key: 'candidates', days: 15, note: 'Danh sách người ứng cử (ít nhất 01 người, Mẫu số 05) gửi UBND cấp xã ít nhất 15 ngày trước ngày bầu', noteEn: "The candidate list (at least 01 person, Form 05) reaches the commune People's Committee at least 15 days before election day" },
] as const;

/** The last day of each step of a village-head election held on `electionOn`. */
export function electionSteps(electionOn: string): { id: string; article: string; note: string; noteEn: string; key: string; lastDay: string }[] {
  return VILLAGE_HEAD_ELECTION.map((r) => {
    const [y, m, d] = electionOn.split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m - 1, d - r.days)).toISOString().slice(0, 10);
    return { id: r.id, article: r.article, note: r.note, noteEn: r.noteEn, key: r.key, lastDay };
  });
}
