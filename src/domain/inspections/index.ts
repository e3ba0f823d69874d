/** Inspections of mass-mobilisation work and grassroots democracy by the Department of Home Affairs: rules, dates, scoring. */
export { CONCLUSION_RULE, INSPECTION_RULES, NOTICE_RULE, RECOMMENDATION_RULE, SELF_ASSESSMENT, SELF_REPORT_RULE, type InspectionRule } from './rules.ts';
export { conclusionDue, dueAfter, isLate, lastDayBefore, noticeDue, recommendationDue, selfReportDue, type Period } from './deadlines.ts';
export { appraise, autoScore, bandShare, CLASS_CODES, classify, FINDING_RESULTS, indicatorCodes, pointsFor, schemeProblems, scoreCard, type AutoRule, type AutoScore, type ClassCode, type Criterion, type FindingResult, type SchemeDef, type Scorecard } from './scoring.ts';
export { STARTER_SCHEME } from './starter.ts';
