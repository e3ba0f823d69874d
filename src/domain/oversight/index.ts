/** Rules of the oversight records (pure): answer terms of inbound recommendations, record vocabularies. */
export * from './answer-terms.ts';
export * from './records.ts';
