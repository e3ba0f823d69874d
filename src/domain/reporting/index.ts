/** Due dates and data cut-offs of periodic reports. */
export { BEFORE_READING, cutoffBefore, cutoffProblem, DEFAULT_CUTOFFS, DUE_MODES, lastDayToSubmit, PLAN188_DUE, type DueMode } from './due.ts';
